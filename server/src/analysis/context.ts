// The state one analysis run shares between its passes. Passes run in a fixed
// order (names, chemistry, electrochemistry, crystallography) and hand each
// other results through `facts`, never through globals.
import type { Document, Span } from '../syntax/ast';
import type { ParseResult } from '../syntax/parse';
import type { AnalysisDiagnostic, ComputedValue, QuickFix, RelatedInfo } from './model';
import type { Severity } from './diagnostic-info';
import { SymbolTable } from './symbols';
import type { AnalysisOptions } from './options';

/** Results one pass leaves for the next. Each field says who fills it. */
export interface Facts {
  /** Protocol temperature in K (settings pass; default from options). */
  temperatureK: number;
  temperatureStated: boolean;
  /** Nernst slope in V per pH unit when the protocol fixes a convention (settings pass). */
  nernstSlope?: number;
  /** Gas reference pressure in Pa (settings pass). */
  pressurePa: number;
  /** Molar masses (g/mol) of resolved species by name (chemistry pass). */
  molarMass: Map<string, number>;
  /** Electrons per molecule of each product, from the reactions (chemistry pass). Keyed by product species text. */
  electronsPerProduct: Map<string, number>;
  /** Catalyst mass (g) and geometric area (cm²) per electrode block (electrochem pass). */
  electrodes: Map<string, { catalystMassG?: number; areaCm2?: number }>;
  /** Charges (C) integrated from the i-t files of results, by result name (data pass). */
  dataCharges: Map<string, number>;
}

export class AnalysisContext {
  readonly diagnostics: AnalysisDiagnostic[] = [];
  readonly values: ComputedValue[] = [];
  readonly symbols = new SymbolTable();
  readonly facts: Facts;

  constructor(
    readonly parse: ParseResult,
    readonly text: string,
    readonly options: AnalysisOptions,
  ) {
    this.facts = {
      temperatureK: options.temperatureK ?? 298.15,
      temperatureStated: false,
      nernstSlope: options.nernstSlope,
      pressurePa: 101325,
      molarMass: new Map(),
      electronsPerProduct: new Map(),
      electrodes: new Map(),
      dataCharges: new Map(),
    };
  }

  get document(): Document {
    return this.parse.document;
  }

  report(
    code: string,
    severity: Severity,
    message: string,
    span: Span,
    extra: { related?: RelatedInfo[]; fixes?: QuickFix[]; tags?: AnalysisDiagnostic['tags'] } = {},
  ): void {
    this.diagnostics.push({ code, severity, message, span, ...extra });
  }

  value(v: ComputedValue): void {
    this.values.push(v);
  }

  textOf(span: Span): string {
    return this.text.slice(span.start, span.end);
  }
}

export type AnalysisPass = (ctx: AnalysisContext) => void;
