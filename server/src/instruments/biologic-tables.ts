// What BioLogic EC-Lab files mean by their technique names and ids and by the
// column ids of a binary `.mpr` data module. BioLogic does not publish the
// format; these facts were established by the open-source readers galvani
// (echemdata/galvani, galvani/BioLogic.py) and yadg (dgbowl/yadg,
// extractors/eclab/common/mpr_columns.py and techniques.py), and the ids of
// the CV columns (1, 2, 3, 21, 65, 4, 19, 6, 11, 24, 434) were checked here
// against the text export of the same run (test/fixtures/instrument-exports).
import type { Technique } from './series';

/** Technique names as the first lines of an `.mpt` export write them. */
export const BIOLOGIC_TECHNIQUE_NAMES: [string, Technique][] = [
  ['Cyclic Voltammetry Advanced', 'CV'],
  ['Cyclic Voltammetry', 'CV'],
  ['Linear Sweep Voltammetry', 'LSV'],
  ['Chronoamperometry / Chronocoulometry', 'CA'],
  ['Chronoamperometry', 'CA'],
  ['Chronopotentiometry', 'CP'],
  ['Potentio Electrochemical Impedance Spectroscopy', 'EIS'],
  ['Galvano Electrochemical Impedance Spectroscopy', 'EIS'],
  ['Open Circuit Voltage', 'OCP'],
  ['Differential Pulse Voltammetry', 'DPV'],
];

/** First byte of the `VMP Set` module: the technique (yadg techniques.py). */
export const BIOLOGIC_TECHNIQUE_IDS: Record<number, { name: string; technique: Technique }> = {
  0x04: { name: 'Galvanostatic Cycling with Potential Limitation', technique: 'unknown' },
  0x06: { name: 'Cyclic Voltammetry', technique: 'CV' },
  0x0b: { name: 'Open Circuit Voltage', technique: 'OCP' },
  0x18: { name: 'Chronoamperometry / Chronocoulometry', technique: 'CA' },
  0x19: { name: 'Chronopotentiometry', technique: 'CP' },
  0x1c: { name: 'Wait', technique: 'unknown' },
  0x1d: { name: 'Potentio Electrochemical Impedance Spectroscopy', technique: 'EIS' },
  0x1e: { name: 'Galvano Electrochemical Impedance Spectroscopy', technique: 'EIS' },
  0x30: { name: 'Cyclic Voltammetry', technique: 'CV' },
  0x32: { name: 'IR compensation (PEIS)', technique: 'unknown' },
  0x33: { name: 'Cyclic Voltammetry Advanced', technique: 'CV' },
  0x6c: { name: 'Linear Sweep Voltammetry', technique: 'LSV' },
  0x77: { name: 'Galvanostatic Cycling with Potential Limitation', technique: 'unknown' },
  0x7f: { name: 'Modulo Bat', technique: 'unknown' },
};

/**
 * Where the scan rate sits among a technique's parameters in the `VMP Set`
 * module (yadg techniques.py: byte offsets of `dE/dt` and its unit code in one
 * parameter sequence). Unit code 1 is mV/s (checked on the CV file); other
 * codes are not known, and the scan rate is then left out.
 */
export const BIOLOGIC_SCAN_RATE_PARAMS: Record<number, { parameters: number; rateAt: number; unitAt: number }> = {
  0x06: { parameters: 21, rateAt: 5, unitAt: 9 },
  0x30: { parameters: 21, rateAt: 5, unitAt: 9 },
  0x6c: { parameters: 23, rateAt: 16, unitAt: 20 },
};
export const BIOLOGIC_SCAN_RATE_UNITS: Record<number, string> = { 1: 'mV/s' };

export type BinaryType = 'f4' | 'f8' | 'u1' | 'u2' | 'u4';
export const BINARY_WIDTH: Record<BinaryType, number> = { f4: 4, f8: 8, u1: 1, u2: 2, u4: 4 };

/**
 * Column ids of an `.mpr` data module: type in the record, name and unit as
 * the `.mpt` export of the same run heads the column. The unit of id 5 is V or
 * mA by the technique's control mode, which the file does not say plainly: it
 * is kept as written, `V/mA`, and never converted.
 */
export const MPR_COLUMNS: Record<number, { type: BinaryType; name: string; unit: string }> = {
  4: { type: 'f8', name: 'time', unit: 's' },
  5: { type: 'f4', name: 'control', unit: 'V/mA' },
  6: { type: 'f4', name: 'Ewe', unit: 'V' },
  7: { type: 'f8', name: 'dq', unit: 'mA.h' },
  8: { type: 'f4', name: 'I', unit: 'mA' },
  9: { type: 'f4', name: 'Ece', unit: 'V' },
  11: { type: 'f8', name: '<I>', unit: 'mA' },
  13: { type: 'f8', name: '(Q-Qo)', unit: 'mA.h' },
  16: { type: 'f4', name: 'Analog IN 1', unit: 'V' },
  17: { type: 'f4', name: 'Analog IN 2', unit: 'V' },
  19: { type: 'f4', name: 'control', unit: 'V' },
  20: { type: 'f4', name: 'control', unit: 'mA' },
  23: { type: 'f8', name: 'dQ', unit: 'mA.h' },
  24: { type: 'f8', name: 'cycle number', unit: '' },
  32: { type: 'f4', name: 'freq', unit: 'Hz' },
  33: { type: 'f4', name: '|Ewe|', unit: 'V' },
  34: { type: 'f4', name: '|I|', unit: 'A' },
  35: { type: 'f4', name: 'Phase(Z)', unit: 'deg' },
  36: { type: 'f4', name: '|Z|', unit: 'Ohm' },
  37: { type: 'f4', name: 'Re(Z)', unit: 'Ohm' },
  38: { type: 'f4', name: '-Im(Z)', unit: 'Ohm' },
  39: { type: 'u2', name: 'I Range', unit: '' },
  69: { type: 'f4', name: 'R', unit: 'Ohm' },
  70: { type: 'f4', name: 'P', unit: 'W' },
  74: { type: 'f8', name: '|Energy|', unit: 'W.h' },
  75: { type: 'f4', name: 'Analog OUT', unit: 'V' },
  76: { type: 'f4', name: '<I>', unit: 'mA' },
  77: { type: 'f4', name: '<Ewe>', unit: 'V' },
  96: { type: 'f4', name: '|Ece|', unit: 'V' },
  98: { type: 'f4', name: 'Phase(Zce)', unit: 'deg' },
  99: { type: 'f4', name: '|Zce|', unit: 'Ohm' },
  100: { type: 'f4', name: 'Re(Zce)', unit: 'Ohm' },
  101: { type: 'f4', name: '-Im(Zce)', unit: 'Ohm' },
  123: { type: 'f8', name: 'Energy charge', unit: 'W.h' },
  124: { type: 'f8', name: 'Energy discharge', unit: 'W.h' },
  125: { type: 'f8', name: 'Capacitance charge', unit: 'µF' },
  126: { type: 'f8', name: 'Capacitance discharge', unit: 'µF' },
  131: { type: 'u2', name: 'Ns', unit: '' },
  168: { type: 'f4', name: 'Rcmp', unit: 'Ohm' },
  169: { type: 'f4', name: 'Cs', unit: 'µF' },
  172: { type: 'f4', name: 'Cp', unit: 'µF' },
  174: { type: 'f4', name: '<Ewe>', unit: 'V' },
  178: { type: 'f4', name: '(Q-Qo)', unit: 'C' },
  179: { type: 'f4', name: 'dQ', unit: 'C' },
  182: { type: 'f8', name: 'step time', unit: 's' },
  211: { type: 'f8', name: 'Q charge/discharge', unit: 'C' },
  430: { type: 'f4', name: 'Phase(Zwe-ce)', unit: 'deg' },
  431: { type: 'f4', name: '|Zwe-ce|', unit: 'Ohm' },
  432: { type: 'f4', name: 'Re(Zwe-ce)', unit: 'Ohm' },
  433: { type: 'f4', name: '-Im(Zwe-ce)', unit: 'Ohm' },
  434: { type: 'f4', name: '(Q-Qo)', unit: 'C' },
  435: { type: 'f4', name: 'dQ', unit: 'C' },
  441: { type: 'f4', name: '<Ecv>', unit: 'V' },
  462: { type: 'f4', name: 'Temperature', unit: '°C' },
  467: { type: 'f8', name: 'Q charge/discharge', unit: 'mA.h' },
  468: { type: 'u4', name: 'half cycle', unit: '' },
  469: { type: 'u4', name: 'z cycle', unit: '' },
  471: { type: 'f4', name: '<Ece>', unit: 'V' },
  473: { type: 'f4', name: 'THD Ewe', unit: '%' },
  474: { type: 'f4', name: 'THD I', unit: '%' },
  475: { type: 'f4', name: 'THD Ece', unit: '%' },
  476: { type: 'f4', name: 'NSD Ewe', unit: '%' },
  477: { type: 'f4', name: 'NSD I', unit: '%' },
  478: { type: 'f4', name: 'NSD Ece', unit: '%' },
  479: { type: 'f4', name: 'NSR Ewe', unit: '%' },
  480: { type: 'f4', name: 'NSR I', unit: '%' },
  481: { type: 'f4', name: 'NSR Ece', unit: '%' },
};

/** Ids of flags packed into one byte of the record, at the place of the first of them, with their bit masks. */
export const MPR_FLAGS: Record<number, { name: string; mask: number }> = {
  1: { name: 'mode', mask: 0x03 },
  2: { name: 'ox/red', mask: 0x04 },
  3: { name: 'error', mask: 0x08 },
  21: { name: 'control changes', mask: 0x10 },
  31: { name: 'Ns changes', mask: 0x20 },
  65: { name: 'counter inc.', mask: 0x80 },
};
