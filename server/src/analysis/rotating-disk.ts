// Koutecký–Levich from a rotating-disk series (`LSV … at 400, 900, 1600,
// 2500 rpm, data "orr-{rpm}.txt", koutecky-levich at 0.4 V vs RHE`): at each
// stated potential, the current density of every file (read from
// `meritPotentials`, iR-corrected on RHE) against its rotation rate, fitted as
// 1/|j| on ω^(−½); n from the slope and the reactant's transport data (the
// electrolyte's stated values, or the library's for O2 in 0.1 M KOH and
// 0.1 M HClO4), j_k from the intercept.
import type { TechniqueLine } from '../syntax/ast';
import type { AnalysisContext, Dataset, ElectrolyteFacts } from './context';
import { column } from '../instruments/series';
import { currentAtPotential } from '../electrochem/sweep';
import { kouteckyLevich, levichPerElectron } from '../electrochem/koutecky-levich';
import { ElectrochemCodes } from '../electrochem/codes';
import { oxygenTransportFor } from '../data/oxygen-transport';
import { meritPotentials } from './sweep-potential';
import { onRHE } from './merit-quantities';
import { formatNumber } from '../units/format';
import { reportNoElectrodeArea } from './electrode-area-missing';

const sig = (x: number, n = 4) => formatNumber(x, { significant: n });

interface Transport {
  concentration: number;
  diffusivity: number;
  viscosity: number;
  how: string;
}

/** The reactant's transport data: all three stated in the electrolyte, else the library's for O2 in it. */
function transport(ctx: AnalysisContext, electrolyteName: string | undefined, electrolyte: ElectrolyteFacts | undefined, t: TechniqueLine): Transport | undefined {
  const span = t.kouteckyLevich!.span;
  if (electrolyte?.solubility && electrolyte.diffusivity && electrolyte.viscosity !== undefined) {
    return {
      concentration: electrolyte.solubility.value, diffusivity: electrolyte.diffusivity.value, viscosity: electrolyte.viscosity,
      how: `as stated in electrolyte ${electrolyteName}: C(${electrolyte.solubility.species}) = ${sig(electrolyte.solubility.value / 1e6, 3)} mol/cm³, D = ${sig(electrolyte.diffusivity.value * 1e4, 3)} cm²/s, ν = ${sig(electrolyte.viscosity * 1e4, 3)} cm²/s`,
    };
  }
  const library = electrolyte ? oxygenTransportFor(electrolyte.molar) : undefined;
  const stated = [electrolyte?.solubility && 'solubility', electrolyte?.diffusivity && 'diffusivity', electrolyte?.viscosity !== undefined && 'viscosity'].filter(Boolean);
  if (library && stated.length === 0) {
    const how = `O2 in ${library.label} at 25 °C: C = ${sig(library.concentration / 1e6, 3)} mol/cm³, D = ${sig(library.diffusivity * 1e4, 3)} cm²/s, ν = ${sig(library.viscosity * 1e4, 4)} cm²/s (${library.source})`;
    ctx.report(ElectrochemCodes.defaultTransportData, 'information', `Koutecký–Levich uses the library's values for ${how}; state your own in electrolyte ${electrolyteName} (\`solubility\`, \`diffusivity\`, \`viscosity\`) to use them instead`, span);
    return { concentration: library.concentration, diffusivity: library.diffusivity, viscosity: library.viscosity, how };
  }
  ctx.report(ElectrochemCodes.noTransportData, 'warning', `Koutecký–Levich needs the reactant's concentration and diffusivity and the electrolyte's kinematic viscosity${stated.length ? `; electrolyte ${electrolyteName} states only ${stated.join(' and ')}` : `, and Faraday knows them only for O2 in 0.1 M KOH and 0.1 M HClO4`}: add to electrolyte ${electrolyteName ?? '(the cell names none)'} \`solubility O2 … mol/cm3\`, \`diffusivity O2 … cm2/s\` and \`viscosity … cm2/s\``, span);
  return undefined;
}

export function rotatingDiskSeries(ctx: AnalysisContext, t: TechniqueLine, series: Dataset[]): void {
  const kl = t.kouteckyLevich!;
  const usable = series.filter((d) => d.rotation && column(d.data, /^Current$/i));
  if (usable.length < 2) {
    ctx.report(ElectrochemCodes.kouteckyLevichFewRates, 'warning', `Koutecký–Levich needs the sweep at two rotation rates at least; ${usable.length === 0 ? 'no file' : 'one file'} of the series was read`, kl.span);
    return;
  }
  const cellName = usable[0]!.cell;
  const cell = cellName ? ctx.facts.cells.get(cellName) : undefined;
  const area = usable[0]!.areaCm2;
  if (area === undefined) {
    reportNoElectrodeArea(ctx, cellName, 'Koutecký–Levich (current densities)', kl.span);
    return;
  }
  const potentials = usable.map((d) => ({ d, p: meritPotentials(d), i: column(d.data, /^Current$/i)!.values }));
  if (potentials.some((x) => !x.p?.onRHE)) {
    ctx.report(ElectrochemCodes.meritOffRHE, 'warning', `Koutecký–Levich at potentials vs RHE needs the files on the RHE scale, and the pH of the cell's electrolyte is unknown: add \`pH … measured\` to it`, kl.span);
    return;
  }
  const electrolyte = cell?.electrolyte ? ctx.facts.electrolytes.get(cell.electrolyte) : undefined;
  const data = transport(ctx, cell?.electrolyte, electrolyte, t);
  if (!data) return;
  const perElectron = levichPerElectron(data.diffusivity, data.viscosity, data.concentration);
  const lines: { potential: string; points: { x: number; y: number }[]; slope: number; intercept: number; electrons: number }[] = [];
  kl.at.quantity.values.forEach((n, index) => {
    const e = onRHE(ctx, kl.at, index, cell?.pH?.value);
    if ('error' in e) return; // said by the electrochemistry pass
    const written = `${n.text} ${kl.at.quantity.unit?.text ?? ''} vs ${kl.at.scale?.text ?? ''}`.trim();
    const points: { omega: number; j: number; file: string }[] = [];
    for (const { d, p, i } of potentials) {
      const current = currentAtPotential(p!.values, i, e.value);
      if (current === undefined) {
        ctx.report(ElectrochemCodes.potentialOutsideSweep, 'warning', `the sweep in \`${d.path}\` does not pass ${written}, so Koutecký–Levich leaves that rotation rate out there`, n.span);
        continue;
      }
      points.push({ omega: d.rotation!.omega, j: current / (area * 1e-4), file: d.path });
    }
    const fit = points.length >= 2 ? kouteckyLevich(points, perElectron) : undefined;
    if (!fit) return;
    const subject = `${t.technique.text} ${t.data!.value} at ${written}`;
    // Display units: x in (rad/s)^(−½), y = 1/|j| in cm²/mA (1/(A/m²) × 10 = cm²/mA).
    lines.push({ potential: written, points: fit.points.map((p) => ({ x: p.x, y: p.y * 10 })), slope: fit.slope * 10, intercept: fit.intercept * 10, electrons: fit.electrons });
    const jk = fit.kinetic === undefined ? undefined : (fit.kinetic * 1000) / 1e4; // A/m² → mA/cm²
    const detail = `1/|j| against ω^(−½) over ${points.length} rotation rates (${points.map((p) => `${sig(Math.abs(p.j) / 10, 4)} mA/cm² at ${sig(p.omega, 4)} rad/s`).join('; ')}): slope ${sig(fit.slope * 10, 4)} cm²·mA⁻¹·(rad/s)^½, intercept ${sig(fit.intercept * 10, 4)} cm²/mA, R² ${formatNumber(fit.r2, { decimals: 4 })}. n = 1/(slope · 0.62 F D^(2/3) ν^(−1/6) C) = ${sig(fit.electrons, 3)}, with ${data.how}.${jk !== undefined ? ` j_k = 1/intercept = ${sig(jk, 4)} mA/cm².` : ''}`;
    ctx.value({
      kind: 'kouteckyLevichElectrons', subject, value: fit.electrons, unit: '', span: n.span,
      label: `n ${sig(fit.electrons, 3)} at ${written}`, detail,
      hint: { text: `n ${sig(fit.electrons, 3)}${jk !== undefined ? ` · j_k ${sig(jk, 3)} mA/cm²` : ''}`, category: 'results' },
      extra: { r2: fit.r2, rates: points.length },
    });
    if (jk === undefined) {
      ctx.report(ElectrochemCodes.noKineticLimit, 'warning', `at ${written} the Koutecký–Levich line meets the origin or passes below it (intercept ${sig(fit.intercept * 10, 3)} cm²/mA): the current is limited by mass transport alone, so the kinetic current is not determined; analyse at a potential of mixed control`, n.span);
      return;
    }
    ctx.value({ kind: 'kineticCurrentDensity', subject, value: jk, unit: 'mA/cm2', span: n.span, label: `j_k ${sig(jk, 4)} mA/cm² at ${written}`, detail });
  });
  if (lines.length) ctx.facts.kouteckyLevich.push({ subject: `${t.technique.text} ${t.data!.value}`, lines });
}
