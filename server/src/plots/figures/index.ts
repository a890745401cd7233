// The paper's figures as Vega-Lite specs, built from one analysis: LSV
// overlays on the RHE scale, i-t curves, FE and yield rate per potential,
// calibration fits with their readings, the Cdl fit, Nyquist plots and UV-vis
// spectra with a photon-energy axis; Tafel, Koutecký–Levich and stability plots. A pure function of the analysis; the
// preview webview and `faraday plot` render the same specs.
import type { Analysis } from '../../analysis/analyze';
import { isCA, isEIS, isLSV, isUV, type Figure, type FigureOptions } from './common';
import { lsvFigure } from './lsv';
import { itFigure } from './chronoamperometry';
import { feFigure } from './faradaic-efficiency';
import { calibrationFigures, cdlFigures } from './fits';
import { nyquistFigure } from './nyquist';
import { uvvisFigure } from './uv-vis';
import { tafelFigures } from './tafel';
import { stabilityFigures } from './stability';
import { kouteckyLevichFigures } from './koutecky-levich';

export type { Figure, FigureOptions, VegaLiteSpec } from './common';

/** Every figure the analysed protocol can show, in the order of the paper. */
export function buildFigures(analysis: Analysis, options: FigureOptions = {}): Figure[] {
  const max = options.maxPointsPerSeries ?? 1500;
  const sets = analysis.facts.datasets;
  const figures: (Figure | undefined)[] = [
    uvvisFigure(sets.filter(isUV), max),
    lsvFigure(analysis, sets.filter(isLSV), max),
    ...tafelFigures(analysis, max),
    ...kouteckyLevichFigures(analysis),
    // Stability runs have their own curve, with their windows.
    itFigure(sets.filter((d) => isCA(d) && !/ stability$/i.test(d.line)), max),
    ...stabilityFigures(analysis, max),
    feFigure(analysis),
    ...calibrationFigures(analysis),
    ...cdlFigures(analysis),
    nyquistFigure(sets.filter(isEIS), max),
  ];
  return figures.filter((f): f is Figure => f !== undefined);
}
