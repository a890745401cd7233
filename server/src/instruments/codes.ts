// Instrument-data diagnostics: FD0700–FD0799.
import { codeInfo as e, type DiagnosticCodeInfo } from '../analysis/diagnostic-info';

export const InstrumentCodes = {
  notNumeric: 'FD0701',
  columnCount: 'FD0702',
  noData: 'FD0703',
  truncated: 'FD0704',
} as const;

export const instrumentCodeCatalogue: DiagnosticCodeInfo[] = [
  e(InstrumentCodes.notNumeric, 'Not a number in a data file', 'error', 'A cell of the data table is not a number. The line and column are named.', 'data "it.txt"   # a line reads: 12.5, abc', 'Repair or re-export the file.'),
  e(InstrumentCodes.columnCount, 'Wrong number of columns', 'error', 'A data line has a different number of columns than the header names.', 'data "cv.txt"', 'Re-export the file; it may have been edited by hand.'),
  e(InstrumentCodes.noData, 'No data table', 'error', 'The file has no header line of columns such as `Potential/V, Current/A`, or no rows after it.', 'data "empty.txt"', 'Export the data with the instrument software, not only the parameters.'),
  e(InstrumentCodes.truncated, 'File cut short', 'warning', 'The last line is incomplete: the file was copied while it was being written. The points before it are used.', 'data "it.txt"', 'Copy the file again once the run has finished.'),
];
