// What an importer yields: typed columns with units, header metadata, and
// problems with their line numbers.

export type Technique = 'CV' | 'LSV' | 'CA' | 'EIS' | 'DPV' | 'OCP' | 'UV-vis' | 'unknown';

export interface Column {
  name: string;
  unit: string;
  values: Float64Array;
}

export interface ImportProblem {
  code: string;
  severity: 'error' | 'warning';
  /** 1-based line in the file. */
  line: number;
  message: string;
}

export interface ImportedData {
  technique: Technique;
  /** As written by the instrument, e.g. "Cyclic Voltammetry". */
  techniqueLabel?: string;
  instrument?: string;
  date?: string;
  metadata: Record<string, { value: number | string; unit?: string; line: number }>;
  columns: Column[];
  points: number;
  /** Peak-result lines (`Ep = …V`, `ip = …A`) before the data. */
  peaks: { name: string; value: number | string; unit?: string; line: number }[];
  dataProc?: string;
  problems: ImportProblem[];
  partial?: { pointsRead: number; reason: string };
}

export function column(data: ImportedData, name: RegExp): Column | undefined {
  return data.columns.find((c) => name.test(c.name));
}
