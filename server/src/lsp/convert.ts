// Core results to LSP shapes. The only place that knows both.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range } from 'vscode-languageserver';
import type { Analysis } from '../analysis/analyze';
import type { AnalysisDiagnostic } from '../analysis/model';
import type { Span } from '../syntax/ast';

const SEVERITY: Record<AnalysisDiagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(analysis: Analysis, span: Span): Range {
  return analysis.parse.lineIndex.range(span);
}

export function toDiagnostic(analysis: Analysis, d: AnalysisDiagnostic, uri: string, docsUri: string | undefined): Diagnostic {
  return {
    range: toRange(analysis, d.span),
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: docsUri ? { href: `${docsUri}#${d.code.toLowerCase()}` } : undefined,
    source: 'faraday',
    message: d.message,
    tags: d.tags?.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated)),
    relatedInformation: d.related?.map((r) => ({ message: r.message, location: { uri, range: toRange(analysis, r.span) } })),
  };
}
