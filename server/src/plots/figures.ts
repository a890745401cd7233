// The paper's figures as Vega-Lite specs, built from one analysis: LSV
// overlays on the RHE scale, i-t curves, FE and yield rate per potential,
// calibration fits with their readings, the Cdl fit, Nyquist plots and UV-vis
// spectra with a photon-energy axis. A pure function of the analysis; the
// preview webview and `faraday plot` render the same specs.
import type { Analysis } from '../analysis/analyze';
import type { Dataset } from '../analysis/context';
import { resultsByPotential } from '../analysis/tables';
import { column } from '../instruments/series';
import { formatNumber } from '../units/format';
import { lttbIndices } from './lttb';

export type VegaLiteSpec = Record<string, unknown>;

export interface Figure {
  /** Stable id, also the file name of `faraday plot`: `lsv`, `it`, `fe`, `calibration-nessler`, … */
  id: string;
  title: string;
  spec: VegaLiteSpec;
  /** Points read from the files, and points drawn after downsampling. */
  pointsRead: number;
  pointsDrawn: number;
}

export interface FigureOptions {
  /** Largest number of points drawn per series (LTTB); computations use all of them. */
  maxPointsPerSeries?: number;
}

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
/** hc in eV·nm: E(eV) = 1239.84 / λ(nm). */
const HC_EV_NM = 1239.841984;

function base(title: string, subtitle?: string): VegaLiteSpec {
  return { $schema: SCHEMA, title: subtitle ? { text: title, subtitle } : title, width: 420, height: 260 };
}

/** Rows of a series after downsampling, with the counts for the footnote. */
function series(x: ArrayLike<number>, y: ArrayLike<number>, max: number, row: (x: number, y: number) => Record<string, number | string>) {
  const keep = lttbIndices(x, y, max);
  return { rows: keep.map((i) => row(x[i]!, y[i]!)), read: x.length, drawn: keep.length };
}

const isLSV = (d: Dataset) => /^LSV\b/i.test(d.line) && d.data.technique === 'LSV';
const isCA = (d: Dataset) => d.data.technique === 'CA';
const isEIS = (d: Dataset) => d.data.technique === 'EIS';
const isUV = (d: Dataset) => d.data.technique === 'UV-vis';

function lsvFigure(analysis: Analysis, sets: Dataset[], max: number): Figure | undefined {
  const rows: Record<string, number | string>[] = [];
  let read = 0;
  let drawn = 0;
  const onRHE = sets.every((d) => d.toRHE !== undefined);
  for (const d of sets) {
    const e = column(d.data, /^Potential$/i);
    const i = column(d.data, /^Current$/i);
    if (!e || !i) continue;
    const shift = onRHE ? d.toRHE! : 0;
    const area = d.areaCm2 ?? 1;
    const s = series(e.values, i.values, max, (x, y) => ({ E: x + shift, j: (y * 1000) / area, series: d.label ?? d.path, file: d.path }));
    rows.push(...s.rows);
    read += s.read;
    drawn += s.drawn;
  }
  if (rows.length === 0) return undefined;
  const onsets = analysis.values.filter((v) => v.kind === 'onsetPotential').map((v) => ({ E: v.value as number, label: v.label }));
  const scale = onRHE ? 'RHE' : 'the reference';
  const layers: VegaLiteSpec[] = [
    { data: { values: rows }, mark: { type: 'line', strokeWidth: 1.5 }, encoding: {
      x: { field: 'E', type: 'quantitative', title: `E (V vs ${scale})`, scale: { zero: false } },
      y: { field: 'j', type: 'quantitative', title: 'j (mA cm⁻²)' },
      color: { field: 'series', type: 'nominal', title: null },
      tooltip: [{ field: 'file', type: 'nominal' }, { field: 'E', type: 'quantitative', format: '.3f' }, { field: 'j', type: 'quantitative', format: '.3g' }],
    } },
  ];
  if (onsets.length > 0) {
    layers.push({ data: { values: onsets }, mark: { type: 'rule', strokeDash: [4, 3] }, encoding: { x: { field: 'E', type: 'quantitative' }, tooltip: { field: 'label', type: 'nominal' } } });
  }
  return { id: 'lsv', title: 'LSV', spec: { ...base('Linear sweep voltammetry', `on the ${scale} scale${onsets.length ? '; dashed: onset potential' : ''}`), layer: layers }, pointsRead: read, pointsDrawn: drawn };
}

function itFigure(sets: Dataset[], max: number): Figure | undefined {
  const rows: Record<string, number | string>[] = [];
  let read = 0;
  let drawn = 0;
  const order: string[] = [];
  for (const d of sets) {
    const t = column(d.data, /^Time$/i);
    const i = column(d.data, /^Current$/i);
    if (!t || !i) continue;
    const label = d.potential ? `${d.potential.text}${d.potential.scale ? ' vs ' + d.potential.scale : ''}` : d.path;
    order.push(label);
    const area = d.areaCm2 ?? 1;
    const s = series(t.values, i.values, max, (x, y) => ({ t: x / 3600, j: (y * 1000) / area, potential: label }));
    rows.push(...s.rows);
    read += s.read;
    drawn += s.drawn;
  }
  if (rows.length === 0) return undefined;
  return {
    id: 'it', title: 'i-t',
    spec: { ...base('Chronoamperometry (i-t)'), data: { values: rows }, mark: { type: 'line', strokeWidth: 1 }, encoding: {
      x: { field: 't', type: 'quantitative', title: 't (h)' },
      y: { field: 'j', type: 'quantitative', title: 'j (mA cm⁻²)' },
      color: { field: 'potential', type: 'nominal', title: 'potential', sort: order },
    } },
    pointsRead: read, pointsDrawn: drawn,
  };
}

/** FE of every product and the yield rate of the first product that has one, per result potential. */
function feFigure(analysis: Analysis): Figure | undefined {
  const results = resultsByPotential(analysis);
  const bars: Record<string, number | string>[] = [];
  const yields: Record<string, number | string>[] = [];
  let yieldUnit: string | undefined;
  let yieldProduct: string | undefined;
  const order: string[] = [];
  for (const r of results) {
    const inside = (start: number) => start >= r.span.start && start <= r.bodySpan.end;
    const potential = r.potential ? `${r.potential.quantity.values.map((v) => v.text).join(', ')} ${r.potential.quantity.unit?.text ?? ''}${r.potential.scale ? ' vs ' + r.potential.scale.text : ''}`.trim() : r.name?.text ?? 'result';
    const label = results.filter((o) => o.name?.text !== r.name?.text).length > 0 && r.name ? `${r.name.text} ${potential}` : potential;
    for (const v of analysis.values) {
      if (!inside(v.span.start)) continue;
      const product = v.subject.split('/')[1] ?? '';
      if (v.kind === 'faradaicEfficiency') bars.push({ potential: label, product, fe: v.value as number });
      if (v.kind === 'yieldRate' && (yieldProduct === undefined || (yieldProduct === product && yieldUnit === v.unit))) {
        yieldProduct = product;
        yieldUnit = v.unit;
        yields.push({ potential: label, rate: v.value as number });
      }
    }
    if (bars.some((b) => b.potential === label)) order.push(label);
  }
  if (bars.length === 0) return undefined;
  const x = { field: 'potential', type: 'ordinal', title: 'potential', sort: order };
  const layers: VegaLiteSpec[] = [
    { data: { values: bars }, mark: 'bar', encoding: { x, y: { field: 'fe', type: 'quantitative', title: 'FE (%)', stack: 'zero' }, color: { field: 'product', type: 'nominal', title: 'product' }, tooltip: [{ field: 'product' }, { field: 'fe', format: '.2f', title: 'FE (%)' }] } },
  ];
  if (yields.length > 0) {
    layers.push({ data: { values: yields }, mark: { type: 'line', point: true, color: 'black' }, encoding: { x, y: { field: 'rate', type: 'quantitative', title: `yield rate ${yieldProduct} (${yieldUnit})` }, tooltip: [{ field: 'rate', format: '.4g', title: `${yieldProduct} (${yieldUnit})` }] } });
  }
  return {
    id: 'fe', title: 'FE and yield rate',
    spec: { ...base('Faradaic efficiency per potential', yields.length ? `bars: FE per product; line: yield rate of ${yieldProduct}` : undefined), layer: layers, resolve: { scale: { y: 'independent' } } },
    pointsRead: bars.length, pointsDrawn: bars.length,
  };
}

/** A fitted line over [0, 1.05·max x] with the points it was fitted to. */
function fitLayers(points: Record<string, number | string>[], slope: number, intercept: number, x: VegaLiteSpec, y: VegaLiteSpec, extra: VegaLiteSpec[] = []): VegaLiteSpec[] {
  const top = Math.max(...points.map((p) => p.x as number)) * 1.05;
  const line = [0, top].map((v) => ({ x: v, y: slope * v + intercept }));
  return [
    { data: { values: line }, mark: { type: 'line', strokeDash: [5, 3] }, encoding: { x, y } },
    { data: { values: points }, mark: { type: 'point', filled: true, size: 50 }, encoding: { x, y, tooltip: [{ field: 'x', type: 'quantitative' }, { field: 'y', type: 'quantitative' }] } },
    ...extra,
  ];
}

function calibrationFigures(analysis: Analysis): Figure[] {
  const out: Figure[] = [];
  for (const [name, c] of analysis.facts.calibrationFits) {
    const x = { field: 'x', type: 'quantitative', title: `${c.analyte ?? 'concentration'} (${c.unit})` };
    const y = { field: 'y', type: 'quantitative', title: c.reading };
    const readings = c.readings.map((r) => ({ x: r.x, y: r.y, result: r.result }));
    const extra: VegaLiteSpec[] = readings.length
      ? [{ data: { values: readings }, mark: { type: 'point', shape: 'diamond', size: 90, color: '#d62728', filled: true }, encoding: { x, y, tooltip: [{ field: 'result', type: 'nominal' }, { field: 'y', type: 'quantitative', title: c.reading }, { field: 'x', type: 'quantitative', title: c.unit, format: '.4g' }] } }]
      : [];
    const subtitle = `${c.reading} = ${formatNumber(c.slope, { significant: 4 })}·c ${c.intercept < 0 ? '−' : '+'} ${formatNumber(Math.abs(c.intercept), { significant: 3 })}, R² = ${formatNumber(c.r2, { decimals: 4 })}${readings.length ? '; diamonds: readings' : ''}`;
    out.push({
      id: `calibration-${name}`, title: `Calibration ${name}`,
      spec: { ...base(`Calibration ${name}${c.analyte ? ` (${c.analyte})` : ''}`, subtitle), layer: fitLayers(c.points.map((p) => ({ ...p })), c.slope, c.intercept, x, y, extra) },
      pointsRead: c.points.length, pointsDrawn: c.points.length,
    });
  }
  return out;
}

function cdlFigures(analysis: Analysis): Figure[] {
  return analysis.facts.cdlFits.map((f, k) => {
    // Δi (A) against v (V/s) → Δj in mA/cm² against mV/s.
    const points = f.points.map((p) => ({ x: p.x * 1000, y: (p.y * 1000) / f.areaCm2 }));
    const slope = f.slope / f.areaCm2; // mA/cm² per mV/s
    const intercept = (f.intercept * 1000) / f.areaCm2;
    const cdl = ((f.slope / 2) * 1000) / f.areaCm2;
    return {
      id: k === 0 ? 'cdl' : `cdl-${k + 1}`, title: 'Cdl fit',
      spec: { ...base(`Double-layer capacitance (${f.subject})`, `Δj = 2·Cdl·v: Cdl = ${formatNumber(cdl, { significant: 4 })} mF cm⁻², R² = ${formatNumber(f.r2, { decimals: 4 })}`), layer: fitLayers(points, slope, intercept, { field: 'x', type: 'quantitative', title: 'scan rate (mV s⁻¹)' }, { field: 'y', type: 'quantitative', title: 'Δj (mA cm⁻²)' }) },
      pointsRead: points.length, pointsDrawn: points.length,
    };
  });
}

function nyquistFigure(sets: Dataset[], max: number): Figure | undefined {
  const rows: Record<string, number | string>[] = [];
  let read = 0;
  let drawn = 0;
  for (const d of sets) {
    const re = column(d.data, /^Z'$/);
    const im = column(d.data, /^Z"$|^Z''$/);
    if (!re || !im) continue;
    const s = series(re.values, im.values, max, (x, y) => ({ re: x, im: -y, file: d.path }));
    rows.push(...s.rows);
    read += s.read;
    drawn += s.drawn;
  }
  if (rows.length === 0) return undefined;
  // Equal axes: the same domain and the same length on screen.
  const all = rows.flatMap((r) => [r.re as number, r.im as number]);
  const domain = [Math.min(0, ...all), Math.max(...all) * 1.05];
  return {
    id: 'nyquist', title: 'Nyquist',
    spec: { ...base('Impedance (Nyquist)', 'equal axes'), width: 300, height: 300, data: { values: rows }, mark: { type: 'line', point: { size: 20 } }, encoding: {
      x: { field: 're', type: 'quantitative', title: "Z' (Ω)", scale: { domain, nice: false } },
      y: { field: 'im', type: 'quantitative', title: '−Z" (Ω)', scale: { domain, nice: false } },
      color: { field: 'file', type: 'nominal', title: 'file' },
      order: { field: 're', type: 'quantitative' },
    } },
    pointsRead: read, pointsDrawn: drawn,
  };
}

/** Absorbance against wavelength, and against photon energy with the Jacobian λ²/hc applied. */
function uvvisFigure(sets: Dataset[], max: number): Figure | undefined {
  const rows: Record<string, number | string>[] = [];
  let read = 0;
  let drawn = 0;
  for (const d of sets) {
    const w = column(d.data, /wavelength/i);
    const a = d.data.columns.find((c) => c !== w);
    if (!w || !a) continue;
    const sample = d.subject ?? d.path;
    const s = series(w.values, a.values, max, (x, y) => ({ lambda: x, A: y, E: HC_EV_NM / x, AE: (y * x * x) / HC_EV_NM, sample }));
    rows.push(...s.rows);
    read += s.read;
    drawn += s.drawn;
  }
  if (rows.length === 0) return undefined;
  const color = { field: 'sample', type: 'nominal', title: 'sample' };
  return {
    id: 'uvvis', title: 'UV-vis',
    spec: {
      $schema: SCHEMA, title: { text: 'UV-vis absorption', subtitle: 'right: on the photon-energy scale, A·λ²/hc (the Jacobian of λ → E)' },
      data: { values: rows },
      hconcat: [
        { width: 320, height: 240, mark: 'line', encoding: { x: { field: 'lambda', type: 'quantitative', title: 'wavelength (nm)', scale: { zero: false } }, y: { field: 'A', type: 'quantitative', title: 'absorbance' }, color } },
        { width: 320, height: 240, mark: 'line', encoding: { x: { field: 'E', type: 'quantitative', title: 'photon energy (eV)', scale: { zero: false } }, y: { field: 'AE', type: 'quantitative', title: 'A·λ²/hc (nm·eV⁻¹)' }, color, order: { field: 'E', type: 'quantitative' } } },
      ],
    },
    pointsRead: read, pointsDrawn: drawn,
  };
}

/** Every figure the analysed protocol can show, in the order of the paper. */
export function buildFigures(analysis: Analysis, options: FigureOptions = {}): Figure[] {
  const max = options.maxPointsPerSeries ?? 1500;
  const sets = analysis.facts.datasets;
  const figures: (Figure | undefined)[] = [
    uvvisFigure(sets.filter(isUV), max),
    lsvFigure(analysis, sets.filter(isLSV), max),
    itFigure(sets.filter(isCA), max),
    feFigure(analysis),
    ...calibrationFigures(analysis),
    ...cdlFigures(analysis),
    nyquistFigure(sets.filter(isEIS), max),
  ];
  return figures.filter((f): f is Figure => f !== undefined);
}
