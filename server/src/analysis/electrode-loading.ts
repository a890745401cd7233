// What an electrode block says about its catalyst: the mass on the electrode
// (weighed, cast from an ink, or a stated loading × area), the loading in
// mg/cm², the metal loading in µg/cm², and the check of a stated loading
// against the recipe.
import type { ElectrodeBlock, Span } from '../syntax/ast';
import type { AnalysisContext, CatalystMetal, ElectrodeFacts } from './context';
import { resolveSubstance } from './species-resolver';
import { siOf } from './quantities';
import { catalystMetal } from './catalyst-metal';
import { ElectrochemCodes } from '../electrochem/codes';
import { castMassMg, loadingMgPerCm2, LOADING_TOLERANCE, metalLoadingUgPerCm2, relativeDeviation } from '../electrochem/loading';
import { formatNumber } from '../units/format';

/** Three significant digits, but never rounding away integer digits (1595, not 1600). */
const f3 = (x: number) => (Math.abs(x) >= 1000 ? formatNumber(x, { decimals: 0 }) : formatNumber(x, { significant: 3 }));
const f4 = (x: number) => formatNumber(x, { significant: 4 });

interface Deposit {
  massMg: number;
  /** How the mass was obtained, one line per source. */
  how: string[];
  source: 'ink' | 'catalyst mass';
  span: Span;
  metal?: CatalystMetal;
  noMetal?: string;
  catalyst?: string;
}

export function electrodeFacts(ctx: AnalysisContext, e: ElectrodeBlock): ElectrodeFacts {
  const name = e.name?.text ?? 'electrode';
  const info: ElectrodeFacts = {};
  if (e.area) {
    const m2 = siOf(ctx, e.area);
    if (m2 !== undefined) info.areaCm2 = m2 * 1e4;
    // A written area that is impossible (reported there): nothing per area may fall back to a default one.
    else info.areaRejected = true;
  }
  if (e.catalystName) resolveSubstance(ctx, e.catalystName, false);
  const weighed = weighedCatalyst(ctx, e);
  const cast = e.casts.length > 0 ? castFromInks(ctx, e) : undefined;
  // A catalyst mass or cast volume that is impossible has its error: no stated loading stands in for the recipe.
  const rejected = weighed?.rejected || cast === 'rejected';
  if (weighed && e.casts.length > 0) {
    ctx.report(ElectrochemCodes.twoCatalystSources, 'warning', `electrode ${name} states a catalyst mass and is also cast from an ink; the mass on the electrode is taken from the ink: keep one of the two`, e.catalyst!.span);
  }
  const deposit = e.casts.length > 0 ? (cast === 'rejected' ? undefined : cast) : weighed?.deposit;
  info.catalyst = deposit?.catalyst ?? weighed?.catalyst ?? e.catalystName?.text;
  if (deposit) info.catalystMassG = deposit.massMg / 1000;

  const stated = siOf(ctx, e.loading);
  const statedMg = stated === undefined ? undefined : stated * 100; // kg/m² → mg/cm²
  const needsArea = e.casts.length > 0 || e.loading !== undefined;
  if (info.areaCm2 === undefined) {
    if (needsArea && !info.areaRejected) {
      ctx.report(ElectrochemCodes.loadingWithoutArea, 'warning', `a loading is a mass per area: add the geometric area of electrode ${name}, as in \`area 0.196 cm2\``, e.casts[0]?.span ?? e.loading!.span);
    }
    return info;
  }
  const area = info.areaCm2;

  if (deposit) {
    const loading = loadingMgPerCm2(deposit.massMg, area);
    info.loadingMgPerCm2 = loading;
    const how = [...deposit.how, `loading = ${f4(deposit.massMg)} mg / ${f4(area)} cm² = ${f4(loading)} mg/cm²`];
    if (statedMg !== undefined) {
      // A recipe that puts nothing on the electrode disagrees with any stated loading but zero.
      const deviation = loading > 0 ? relativeDeviation(statedMg, loading) : statedMg > 0 ? Infinity : 0;
      if (deviation > LOADING_TOLERANCE) {
        const ratio = loading > 0 ? `, ${formatNumber(statedMg / loading, { significant: 3 })} times as much` : '';
        ctx.report(ElectrochemCodes.loadingMismatch, 'warning', `the stated loading ${ctx.textOf(e.loading!.span)} differs from the ${f3(loading)} mg/cm² the recipe gives (${f4(deposit.massMg)} mg on ${f4(area)} cm²${ratio}); check the stated value and the recipe`, e.loading!.span, {
          related: [{ message: `the recipe: ${f3(loading)} mg/cm²`, span: deposit.span }],
        });
        how.push(`stated ${ctx.textOf(e.loading!.span)}: ${loading > 0 ? `${formatNumber(deviation * 100, { significant: 3 })} % off` : 'the recipe gives none'}`);
      } else {
        how.push(`stated ${ctx.textOf(e.loading!.span)} agrees within ${formatNumber(LOADING_TOLERANCE * 100, { significant: 2 })} %`);
      }
    }
    loadingValues(ctx, name, loading, deposit.source, deposit.span, how, deposit.metal, deposit.noMetal);
    info.metal = deposit.metal;
  } else if (statedMg !== undefined && !rejected) {
    // Binder-free: the stated loading is the only source, and gives the mass on the electrode.
    info.loadingMgPerCm2 = statedMg;
    info.catalystMassG = (statedMg * area) / 1000;
    const metal = e.catalystName ? namedMetal(ctx, e) : {};
    loadingValues(ctx, name, statedMg, 'stated', e.loading!.span, [`stated loading ${ctx.textOf(e.loading!.span)}; catalyst on the electrode ${f4(statedMg)} mg/cm² × ${f4(area)} cm² = ${f4(statedMg * area)} mg`], metal.metal, metal.noMetal);
    info.metal = metal.metal;
  }
  return info;
}

/** `catalyst 1 mg Au28Cu12, drop-cast from 500 µL DCM`: all of it on the electrode. */
function weighedCatalyst(ctx: AnalysisContext, e: ElectrodeBlock): { deposit?: Deposit; catalyst: string; rejected?: boolean } | undefined {
  if (!e.catalyst) return undefined;
  const catalyst = e.catalyst.species.text;
  const substance = resolveSubstance(ctx, e.catalyst.species);
  const kg = siOf(ctx, e.catalyst.quantity);
  if (kg === undefined) return { catalyst, rejected: true };
  const metal = substance ? catalystMetal(ctx, substance, catalyst, e.catalystMetalFraction, e.catalyst.span) : {};
  const span = e.castFrom ? { start: e.catalyst.span.start, end: e.castFrom.span.end } : e.catalyst.span;
  return { catalyst, deposit: { massMg: kg * 1e6, how: [`${ctx.textOf(e.catalyst.span)} on the electrode`], source: 'catalyst mass', span, ...metal, catalyst } };
}

/** `drop-cast 10 µL of ink A` (one line or several): the ink's catalyst in the cast volumes. */
function castFromInks(ctx: AnalysisContext, e: ElectrodeBlock): Deposit | 'rejected' | undefined {
  let massMg = 0;
  const how: string[] = [];
  let metal: CatalystMetal | undefined;
  let noMetal: string | undefined;
  let catalyst: string | undefined;
  for (const cast of e.casts) {
    const m3 = siOf(ctx, cast.volume);
    if (m3 === undefined) return 'rejected'; // an impossible volume is reported at it
    const ink = ctx.facts.inks.get(cast.ink.text);
    if (!ink) return undefined; // an unknown ink is reported already
    if (ink.rejected) return 'rejected'; // its recipe has an error
    const castUL = m3 * 1e9;
    if (ink.catalystMg === undefined || ink.volumeUL === undefined || ink.volumeUL === 0) {
      const lacks = ink.catalystMg === undefined ? 'does not give its catalyst mass' : ink.volumeUL === 0 ? 'has a total volume of zero' : 'does not give its total volume';
      ctx.report(ElectrochemCodes.loadingNotComputed, 'information', `the loading cannot be computed from the recipe: ink ${cast.ink.text} ${lacks}${e.loading ? '; the stated loading is used' : ''}`, cast.span);
      return undefined;
    }
    if (castUL > ink.volumeUL * (1 + 1e-9)) {
      ctx.report(ElectrochemCodes.castExceedsInk, 'error', `${ctx.textOf(cast.volume.span)} is more than the ${f4(ink.volumeUL)} µL that ink ${cast.ink.text} holds; check the cast volume and the ink`, cast.volume.span);
      return undefined;
    }
    const mg = castMassMg(ink.catalystMg, ink.volumeUL, castUL);
    massMg += mg;
    how.push(`${ctx.textOf(cast.span)}: ${f4(ink.catalystMg)} mg ${ink.catalyst} × ${f4(castUL)} µL / ${f4(ink.volumeUL)} µL = ${f4(mg)} mg`);
    // Casts of different inks mix their metal contents by mass.
    if (catalyst !== undefined && catalyst !== ink.catalyst) {
      metal = undefined;
      noMetal = 'casts of inks with different catalysts';
    } else {
      metal = ink.metal;
      noMetal = ink.noMetal;
    }
    catalyst = ink.catalyst;
  }
  const span = { start: e.casts[0]!.span.start, end: e.casts[e.casts.length - 1]!.span.end };
  return { massMg, how, source: 'ink', span, metal, noMetal, catalyst };
}

/** `catalyst NiFe-LDH` with `loading 2.1 mg/cm2`: the metal content from the named catalyst, if it has one. */
function namedMetal(ctx: AnalysisContext, e: ElectrodeBlock): { metal?: CatalystMetal; noMetal?: string } {
  const substance = resolveSubstance(ctx, e.catalystName!, false);
  if (!substance) return { noMetal: `${e.catalystName!.text} is neither in the library nor declared` };
  return catalystMetal(ctx, substance, e.catalystName!.text, e.catalystMetalFraction, e.catalystName!.span);
}

function loadingValues(ctx: AnalysisContext, electrode: string, loading: number, source: string, span: Span, how: string[], metal: CatalystMetal | undefined, noMetal: string | undefined): void {
  const metalUg = metal ? metalLoadingUgPerCm2(loading, metal.fraction) : undefined;
  const metalText = metal && metalUg !== undefined ? `${f3(metalUg)} µg ${metal.label}/cm²` : undefined;
  const detail = [
    `**Loading of ${electrode}**: ${f4(loading)} mg/cm² (${source})`,
    ...how,
    metal && metalUg !== undefined
      ? `metal: ${f4(loading)} mg/cm² × ${formatNumber(metal.fraction * 100, { significant: 4 })} % ${metal.label} = ${f4(metalUg)} µg ${metal.label}/cm² (${metal.how})${metal.elements.length > 1 ? `; ${metal.elements.map((m) => `${m.element} ${f3(metalLoadingUgPerCm2(loading, m.fraction))} µg/cm²`).join(', ')}` : ''}`
      : `no metal loading: ${noMetal ?? 'the metal content of the catalyst is unknown'}`,
  ].join('  \n');
  ctx.value({
    kind: 'loading',
    subject: electrode,
    value: loading,
    unit: 'mg/cm2',
    span,
    label: `${f3(loading)} mg/cm²`,
    detail,
    hint: { text: `= ${f3(loading)} mg/cm²${metalText ? ` · ${metalText}` : ''}`, category: 'amounts' },
    extra: { source },
  });
  if (metal && metalUg !== undefined) {
    ctx.value({ kind: 'metalLoading', subject: electrode, value: metalUg, unit: 'ug/cm2', span, label: metalText!, extra: { metal: metal.label } });
  }
}
