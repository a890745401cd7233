// The JSON shape of `faraday report` and `faraday check --format json`.
// It is a contract (docs/report-format.md): change it only by adding fields.
import type { Analysis } from '../analysis/analyze';

export interface JsonRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface JsonReport {
  file: string;
  diagnostics: { range: JsonRange; severity: string; code: string; message: string }[];
  values: ({ kind: string; subject: string; value: number | string; unit: string; range: JsonRange; label: string } & Record<string, unknown>)[];
}

export function toJsonReport(file: string, analysis: Analysis): JsonReport {
  const range = (span: { start: number; end: number }) => analysis.parse.lineIndex.range(span);
  return {
    file,
    diagnostics: analysis.diagnostics.map((d) => ({ range: range(d.span), severity: d.severity, code: d.code, message: d.message })),
    values: analysis.values.map((v) => ({
      kind: v.kind,
      subject: v.subject,
      value: v.value,
      unit: v.unit,
      range: range(v.span),
      label: v.label,
      ...(v.extra ?? {}),
    })),
  };
}
