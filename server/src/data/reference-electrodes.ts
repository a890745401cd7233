// Reference electrodes and their potentials vs SHE at 25 °C. Source:
// A. J. Bard, L. R. Faulkner, Electrochemical Methods, 2nd ed. (Wiley 2001),
// Table C.2 and inside cover; G. Inzelt, A. Lewenstam, F. Scholz (eds.),
// Handbook of Reference Electrodes (Springer 2013), ch. 4 (Ag/AgCl by KCl
// concentration) and ch. 5 (Hg/HgO, Hg/Hg2SO4). Published values scatter by a
// few mV; a protocol that knows its electrode better declares it:
// `reference Ag/AgCl (sat. KCl) at 0.198 V vs SHE`.

export interface ReferenceElectrode {
  name: string;
  /** Spellings chemists write, compared without spaces, dots and case. */
  aliases: string[];
  /** V vs SHE at 25 °C; undefined for RHE, whose potential is −slope·pH. */
  potentialVsSHE?: number;
  /** The RHE moves with the pH of the electrolyte it is in. */
  pHDependent?: boolean;
  source: string;
}

const BF = 'Bard & Faulkner 2001, Table C.2';
const HB = 'Handbook of Reference Electrodes 2013';

export const REFERENCE_ELECTRODES: ReferenceElectrode[] = [
  { name: 'SHE', aliases: ['SHE', 'NHE', 'standard hydrogen electrode'], potentialVsSHE: 0, source: 'definition' },
  { name: 'RHE', aliases: ['RHE', 'reversible hydrogen electrode'], pHDependent: true, source: 'definition: E(RHE) = E(SHE) − 2.303RT/F · pH' },
  { name: 'Ag/AgCl (sat. KCl)', aliases: ['Ag/AgCl (sat. KCl)', 'Ag/AgCl (saturated KCl)', 'Ag/AgCl (sat KCl)', 'Ag/AgCl(sat.KCl)', 'Ag/AgCl'], potentialVsSHE: 0.197, source: BF },
  { name: 'Ag/AgCl (3.5 M KCl)', aliases: ['Ag/AgCl (3.5 M KCl)'], potentialVsSHE: 0.205, source: HB },
  { name: 'Ag/AgCl (3 M KCl)', aliases: ['Ag/AgCl (3 M KCl)', 'Ag/AgCl (3.0 M KCl)'], potentialVsSHE: 0.21, source: HB },
  { name: 'Ag/AgCl (1 M KCl)', aliases: ['Ag/AgCl (1 M KCl)'], potentialVsSHE: 0.235, source: HB },
  { name: 'Ag/AgCl (0.1 M KCl)', aliases: ['Ag/AgCl (0.1 M KCl)'], potentialVsSHE: 0.288, source: HB },
  { name: 'SCE', aliases: ['SCE', 'Hg/Hg2Cl2 (sat. KCl)', 'saturated calomel electrode', 'SCE (sat. KCl)'], potentialVsSHE: 0.241, source: BF },
  { name: 'Hg/Hg2SO4 (sat. K2SO4)', aliases: ['Hg/Hg2SO4 (sat. K2SO4)', 'Hg/Hg2SO4', 'MSE'], potentialVsSHE: 0.64, source: BF },
  { name: 'Hg/HgO (1 M KOH)', aliases: ['Hg/HgO (1 M KOH)', 'Hg/HgO (1 M NaOH)', 'Hg/HgO', 'MMO'], potentialVsSHE: 0.098, source: HB },
  { name: 'Hg/HgO (0.1 M KOH)', aliases: ['Hg/HgO (0.1 M KOH)', 'Hg/HgO (0.1 M NaOH)'], potentialVsSHE: 0.165, source: HB },
];
