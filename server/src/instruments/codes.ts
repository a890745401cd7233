// Instrument-data diagnostics: FD0700–FD0799.
import { codeInfo as e, type DiagnosticCodeInfo } from '../analysis/diagnostic-info';

export const InstrumentCodes = {
  notNumeric: 'FD0701',
  columnCount: 'FD0702',
  noData: 'FD0703',
  truncated: 'FD0704',
  untrusted: 'FD0705',
  outsideWorkspace: 'FD0706',
  missingFile: 'FD0707',
  techniqueMismatch: 'FD0708',
  scanRateMismatch: 'FD0709',
  initEMismatch: 'FD0710',
  onsetNotReached: 'FD0711',
  onsetNotCurrent: 'FD0712',
} as const;

export const instrumentCodeCatalogue: DiagnosticCodeInfo[] = [
  e(InstrumentCodes.notNumeric, 'Not a number in a data file', 'error', 'A cell of the data table is not a number. The line and column are named.', 'data "it.txt"   # a line reads: 12.5, abc', 'Repair or re-export the file.'),
  e(InstrumentCodes.columnCount, 'Wrong number of columns', 'error', 'A data line has a different number of columns than the header names.', 'data "cv.txt"', 'Re-export the file; it may have been edited by hand.'),
  e(InstrumentCodes.noData, 'No data table', 'error', 'The file has no header line of columns such as `Potential/V, Current/A`, or no rows after it.', 'data "empty.txt"', 'Export the data with the instrument software, not only the parameters.'),
  e(InstrumentCodes.truncated, 'File cut short', 'warning', 'The last line is incomplete: the file was copied while it was being written. The points before it are used.', 'data "it.txt"', 'Copy the file again once the run has finished.'),
  e(InstrumentCodes.untrusted, 'Data not read', 'information', 'Instrument files are read only in a trusted workspace, so the values that depend on them are not computed.', 'data "data/it.txt"', 'Trust the workspace (Manage Workspace Trust).'),
  e(InstrumentCodes.outsideWorkspace, 'Data outside the workspace', 'error', 'A data path leads outside the workspace folder; Faraday reads only files inside it.', 'data "../../etc/passwd"', 'Copy the data into the workspace and name it relative to the protocol.'),
  e(InstrumentCodes.missingFile, 'Data file not found', 'warning', 'The data file does not exist at the path, relative to the protocol file (patterns such as {E} are expanded first).', 'data "data/it-{E}.txt"', 'Correct the path or the file names.'),
  e(InstrumentCodes.techniqueMismatch, 'Data of another technique', 'warning', 'The file was written by another technique than the protocol line runs (e.g. a CV file on a CA line).', 'CA at -0.8 V vs RHE for 2 h, data "cv.txt"', 'Name the right file.'),
  e(InstrumentCodes.scanRateMismatch, 'Scan rate differs', 'warning', 'The scan rate in the file header differs from the one on the protocol line.', 'LSV … at 10 mV/s, data "lsv-50mVs.txt"', 'Correct the line or name the right file.'),
  e(InstrumentCodes.initEMismatch, 'Potential differs from the set-point', 'warning', 'The Init E of the file is not the set-point of the potential vs the cell\'s reference. When it equals the potential as written on the other scale, the run was made on the wrong scale.', 'CA at -0.8 V vs RHE … (file: Init E (V) = -0.8)', 'Check which scale the potentiostat was set on.'),
  e(InstrumentCodes.onsetNotReached, 'Onset current never reached', 'warning', 'The sweep in the data file never reaches the current density the line asks the onset potential at, so there is no onset to report.', 'LSV … data "lsv.txt", onset at 500 mA/cm2', 'Ask for a current density the sweep reaches, or extend the sweep.'),
  e(InstrumentCodes.onsetNotCurrent, 'Onset needs a current density', 'error', 'The value after `onset at` is not a current density (A/cm2) or a current (A).', 'LSV … onset at 10 mV', 'Write a current density such as `onset at 10 mA/cm2`.'),
];
