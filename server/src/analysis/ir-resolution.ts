// The iR correction a cell's recorded sweeps get: the fraction its `iR` line
// leaves to Faraday (ir-correction.ts) and the resistance, stated on the line
// or else the high-frequency intercept of the impedance files of its runs.
// When a correction is asked for and no resistance can be had, one located
// warning on the `iR` line says that nothing was corrected.
import type { RunBlock } from '../syntax/ast';
import type { AnalysisContext } from './context';
import { ElectrochemCodes } from '../electrochem/codes';
import { compensationLabel, postFraction } from '../electrochem/ir-correction';
import { formatExact, formatNumber } from '../units/format';

export interface ResolvedIR {
  /** The correction applied to recorded potentials: E_corr = E − fraction·i·ohm. */
  applied?: { fraction: number; ohm: number; label: string };
  /** What the cell states (`iR-corrected (85 %)`), also when nothing could be applied. */
  label?: string;
  /** Why nothing was subtracted, for the hover. */
  note?: string;
}

interface Impedance {
  path: string;
  ohm: number;
  how: string;
}

/** Files of one cell agree when their intercepts are within 1 % of each other. */
const AGREE = 0.01;

export class IRResolver {
  private readonly impedances = new Map<string, Impedance[]>();
  private readonly resolved = new Map<string, ResolvedIR>();

  constructor(private readonly ctx: AnalysisContext) {}

  addImpedance(run: RunBlock, found: Impedance): void {
    if (!run.cell) return;
    const list = this.impedances.get(run.cell.text) ?? [];
    list.push(found);
    this.impedances.set(run.cell.text, list);
  }

  forRun(run: RunBlock): ResolvedIR {
    return run.cell ? this.forCell(run.cell.text) : {};
  }

  /** Resolves every cell with an `iR` line, so that a correction without a resistance is reported even with no sweep to correct. */
  reportUncorrected(): void {
    for (const name of this.ctx.facts.cells.keys()) this.forCell(name);
  }

  private forCell(name: string): ResolvedIR {
    const known = this.resolved.get(name);
    if (known) return known;
    const result = this.resolve(name);
    this.resolved.set(name, result);
    return result;
  }

  private resolve(name: string): ResolvedIR {
    const stated = this.ctx.facts.cells.get(name)?.iR;
    if (!stated) return {};
    const label = compensationLabel(stated);
    const fraction = postFraction(stated);
    if (fraction <= 0) return { label, note: 'The instrument compensated iR while recording, so the recorded potentials are used as they are.' };
    if (stated.ohm !== undefined) return { label, applied: { fraction, ohm: stated.ohm, label } };
    const files = this.impedances.get(name) ?? [];
    const uncorrected = (why: string): ResolvedIR => {
      this.ctx.report(ElectrochemCodes.iRNotCorrected, 'warning', `cell ${name} asks for an iR correction, but ${why}, so no recorded potential is corrected; write the resistance, as in \`iR ${formatExact(stated.totalFraction * 100)} % of 5 ohm\``, stated.span);
      return { label, note: `Not iR-corrected: ${why}.` };
    };
    if (files.length === 0) return uncorrected('no resistance is stated and no impedance (EIS) file of a run in the cell was read');
    const ohms = files.map((f) => f.ohm);
    const lo = Math.min(...ohms);
    const hi = Math.max(...ohms);
    if (hi - lo > AGREE * hi) {
      return uncorrected(`its impedance files give different resistances (${files.map((f) => `${formatNumber(f.ohm, { significant: 4 })} Ω in ${f.path}`).join(', ')})`);
    }
    const ohm = ohms.reduce((a, b) => a + b, 0) / ohms.length;
    this.ctx.value({
      kind: 'uncompensatedResistance', subject: name, value: ohm, unit: 'ohm', span: stated.span,
      label: `R ${formatNumber(ohm, { significant: 4 })} Ω (EIS)`,
      detail: `High-frequency intercept of the Nyquist plot: ${files.map((f) => `${formatNumber(f.ohm, { significant: 5 })} Ω from ${f.path} (${f.how})`).join('; ')}${files.length > 1 ? '; their mean is used' : ''}. Recorded potentials of the cell's sweeps are ${label}: E − ${formatNumber(fraction, { significant: 3 })} × i × ${formatNumber(ohm, { significant: 4 })} Ω.`,
    });
    return { label, applied: { fraction, ohm, label } };
  }
}
