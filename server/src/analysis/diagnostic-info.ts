// The catalogue entry behind every diagnostic code. Each area keeps its own
// list (e.g. chemistry/codes.ts); docs/diagnostics.md is generated from them,
// so a code cannot exist without its documentation.

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface DiagnosticCodeInfo {
  /** Stable code, `FD` + four digits. Never reuse or renumber a code. */
  code: string;
  /** Short title, e.g. "Unknown unit". */
  title: string;
  severity: Severity;
  /** What is wrong and why it matters, for a chemist. */
  explanation: string;
  /** A line of Faraday that triggers it. */
  example?: string;
  /** What to do about it. */
  fix?: string;
}

/** A problem found by a pure domain function, before it has a source range. */
export interface DomainProblem {
  code: string;
  severity: Severity;
  message: string;
}

/** A catalogue entry in one line, for the per-area code lists. */
export function codeInfo(code: string, title: string, severity: Severity, explanation: string, example: string, fix: string): DiagnosticCodeInfo {
  return { code, title, severity, explanation, example, fix };
}
