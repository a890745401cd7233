// What an analysis produces: diagnostics with stable codes and fixes, and the
// computed values that hovers, inlay hints and `faraday report` show.
import type { Span } from '../syntax/ast';
import type { Severity } from './diagnostic-info';

export interface TextEdit {
  span: Span;
  newText: string;
}

/** A fix ready to apply: the language server turns it into a code action. */
export interface QuickFix {
  title: string;
  edits: TextEdit[];
  /** The one fix to apply when the editor asks for the preferred fix. */
  preferred?: boolean;
}

export interface RelatedInfo {
  message: string;
  span: Span;
}

export interface AnalysisDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  span: Span;
  related?: RelatedInfo[];
  /** `unnecessary` fades an unused declaration in the editor. */
  tags?: ('unnecessary' | 'deprecated')[];
  fixes?: QuickFix[];
}

/** Which inlay-hint category a value belongs to (each can be switched off). */
export type HintCategory = 'amounts' | 'setpoints' | 'results' | 'crystal' | 'pH' | 'calibration' | 'plan';

export interface ComputedValue {
  /** Report kind, part of the JSON contract: `molarMass`, `amount`, `setpoint`, … */
  kind: string;
  /** What it is about, e.g. `Au28Cu12/CuCl` or `-0.8 V vs RHE`. */
  subject: string;
  value: number | string;
  /** ASCII unit for machine output: `mmol`, `g/mol`, `V`, `A^3`. */
  unit: string;
  span: Span;
  /** Short human label, e.g. `0.2020 mmol`. */
  label: string;
  /** Markdown: how the value was obtained (inputs, formula, constants). */
  detail?: string;
  /** Inlay hint text and category, when the value deserves one at the end of `span`. */
  hint?: { text: string; category: HintCategory };
  /** Extra fields of the report contract, e.g. `scale` for set-points. */
  extra?: Record<string, string | number | boolean>;
}
