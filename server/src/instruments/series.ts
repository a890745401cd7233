// What an importer yields: typed columns with units, header metadata, and
// problems with their line numbers. Every format (CH Instruments, BioLogic,
// Gamry, delimited text) gives this one shape; gas chromatograms add their
// injections in `chromatograms`.

export type Technique = 'CV' | 'LSV' | 'CA' | 'CP' | 'EIS' | 'DPV' | 'OCP' | 'UV-vis' | 'GC' | 'unknown';

export interface Column {
  /**
   * The name the analysis looks for: `Time` (s), `Potential` (V), `Current`
   * (A), `Freq` (Hz), `Z'` and `Z"` (ohm, Z" negative for a capacitive
   * impedance), `Cycle`, `Charge` (C, integrated by the instrument); other
   * columns keep the instrument's name.
   */
  name: string;
  /** SI unit of `values` (`V`, `A`, `s`, `ohm`, `C`), or the unit as written when it has no SI form (`deg`, `%`, `bits`). */
  unit: string;
  values: Float64Array;
  /** The column header as the instrument wrote it (`<I>/mA`, `Im [A]`), when it differs from `name/unit`. */
  label?: string;
}

export interface ImportProblem {
  code: string;
  severity: 'error' | 'warning';
  /** 1-based line in the file; 0 in a binary file, which has `byteOffset` instead. */
  line: number;
  /** Offset of the problem in a binary file. */
  byteOffset?: number;
  message: string;
}

/** One peak of a gas chromatogram as the instrument integrated and calibrated it. */
export interface GcPeak {
  /** Species the instrument's method names (`H2`, `CO`, `C2H4`); undefined for an unassigned peak. */
  name?: string;
  retentionTimeS: number;
  /** Peak area in the detector's units × s, as integrated by the instrument. */
  area: number;
  height?: number;
  /** The instrument's calibrated concentration as a volume fraction (0.001 = 0.1 %), when the method calibrates the peak. */
  volumeFraction?: number;
}

/** One detector channel of one injection. */
export interface GcChannel {
  name: string;
  /** Detector trace: `samplingRateHz` samples per second from the injection. */
  samplingRateHz?: number;
  trace?: Float64Array;
  /** Unit of the trace values (`counts` for an uncalibrated detector signal). */
  traceUnit?: string;
  carrierGas?: string;
  peaks: GcPeak[];
}

export interface GcInjection {
  /** Injection time as the instrument wrote it (ISO 8601 for Fusion, `3/24/2023 5:01:47 PM` for EZChrom). */
  time?: string;
  sample?: string;
  channels: GcChannel[];
}

export interface ImportedData {
  technique: Technique;
  /** As written by the instrument, e.g. "Cyclic Voltammetry". */
  techniqueLabel?: string;
  /** Which importer read the file, e.g. "BioLogic EC-Lab text (.mpt)". */
  format?: string;
  instrument?: string;
  date?: string;
  /** Header fields as written; every importer also puts `Scan Rate` (V/s) and `Init E` (V vs the reference) here when the file states them, for the cross-checks. */
  metadata: Record<string, { value: number | string; unit?: string; line: number }>;
  columns: Column[];
  points: number;
  /** Peak-result lines (`Ep = …V`, `ip = …A`) before the data. */
  peaks: { name: string; value: number | string; unit?: string; line: number }[];
  dataProc?: string;
  problems: ImportProblem[];
  partial?: { pointsRead: number; reason: string };
  /** Tables of a file that holds several (Gamry `CURVE1`, `CURVE2`…): where each starts in the columns. */
  segments?: { name: string; first: number; points: number }[];
  /** The trapezoid of `current` over `time` (columns of those names), summed while the rows were read: what derived.ts `trapezoid` gives on them. */
  trapezoid?: { time: string; current: string; coulombs: number };
  /** Gas chromatography: one entry per injection, with its channels and integrated peaks. */
  chromatograms?: GcInjection[];
}

export function column(data: ImportedData, name: RegExp): Column | undefined {
  return data.columns.find((c) => name.test(c.name));
}

export function emptyImport(format: string): ImportedData {
  return { technique: 'unknown', format, metadata: {}, columns: [], points: 0, peaks: [], problems: [] };
}
