// Materials: polymers, ionomers, carbons and supported catalysts. They have a
// stated composition, not a formula, so no molar mass and no moles: masses,
// mass fractions and loadings are computed, amounts of substance are not.
// Each entry names its source.

export type MaterialKind = 'ionomer' | 'polymer' | 'carbon' | 'supported-catalyst';

export interface MaterialEntry {
  name: string;
  synonyms: string[];
  kind: MaterialKind;
  description: string;
  /** Mass fraction of the elements the composition states: Pt 0.20 for Pt/C 20 wt%, C 1 for carbon black. */
  elementFractions?: Readonly<Record<string, number>>;
  /** Sold as a solution: the material's mass fraction in it and the solution's density (g/mL). */
  solution?: { massFraction: number; densityGPerML: number };
  cas?: string;
  source: string;
}

export const MATERIALS: MaterialEntry[] = [
  {
    name: 'Nafion',
    synonyms: ['Nafion solution', 'PFSA', 'perfluorinated sulfonic acid ionomer'],
    kind: 'ionomer',
    description: 'perfluorinated sulfonic acid ionomer (tetrafluoroethylene–perfluorovinyl ether sulfonic acid copolymer)',
    solution: { massFraction: 0.05, densityGPerML: 0.874 },
    cas: '31175-20-9',
    source: 'Sigma-Aldrich 274704, Nafion perfluorinated resin solution, 5 wt.% in lower aliphatic alcohols and water: density 0.874 g/mL at 25 °C',
  },
  {
    name: 'PBI',
    synonyms: ['m-PBI', 'polybenzimidazole', 'Celazole'],
    kind: 'polymer',
    description: 'poly[2,2′-(m-phenylene)-5,5′-bibenzimidazole], a polymer of variable chain length',
    source: 'IUPAC name of the repeat unit; a polymer, so masses only',
  },
  {
    name: 'carbon black',
    synonyms: ['XC-72', 'XC72', 'Vulcan', 'Vulcan-XC-72', 'VulcanXC-72', 'Vulcan XC-72', 'carbon-black'],
    kind: 'carbon',
    description: 'furnace carbon black (Cabot Vulcan XC-72), counted as carbon',
    elementFractions: { C: 1 },
    cas: '1333-86-4',
    source: 'CAS Common Chemistry, carbon black 1333-86-4; Cabot Vulcan XC-72 product data (conductive furnace black)',
  },
  {
    name: 'Pt/C 20 wt%',
    synonyms: ['Pt/C', 'Pt/Vulcan', 'platinum on carbon'],
    kind: 'supported-catalyst',
    description: 'platinum nanoparticles on carbon black, the 20 wt% Pt grade',
    elementFractions: { Pt: 0.2 },
    source: 'nominal metal content of the commercial 20 wt% Pt on Vulcan XC-72 grade; state another grade as `Pt/C 40 wt%`',
  },
];
