// Group abbreviations cluster chemists write inside formulas. Symbols that are
// also element symbols (Pr, Ac, Ts) are not listed: `Pr` stays praseodymium;
// write nPr/iPr, OAc. Ligand abbreviations of a file (`ligand SR = …`) take
// precedence over these. Source: IUPAC Recommendations for abbreviations in
// organic chemistry and the common usage of the cluster literature (Jin,
// Chem. Rev. 2016, 116, 10346; Zeng et al., JACS 2016, 138, 3950).

export interface Abbreviation {
  symbol: string;
  formula: string;
  meaning: string;
}

export const ABBREVIATIONS: Abbreviation[] = [
  { symbol: 'Me', formula: 'CH3', meaning: 'methyl' },
  { symbol: 'Et', formula: 'C2H5', meaning: 'ethyl' },
  { symbol: 'nPr', formula: 'C3H7', meaning: 'n-propyl' },
  { symbol: 'iPr', formula: 'C3H7', meaning: 'isopropyl' },
  { symbol: 'Bu', formula: 'C4H9', meaning: 'butyl' },
  { symbol: 'nBu', formula: 'C4H9', meaning: 'n-butyl' },
  { symbol: 'iBu', formula: 'C4H9', meaning: 'isobutyl' },
  { symbol: 'sBu', formula: 'C4H9', meaning: 'sec-butyl' },
  { symbol: 'tBu', formula: 'C4H9', meaning: 'tert-butyl' },
  { symbol: 'Oct', formula: 'C8H17', meaning: 'n-octyl' },
  { symbol: 'Ph', formula: 'C6H5', meaning: 'phenyl' },
  { symbol: 'Bn', formula: 'C7H7', meaning: 'benzyl' },
  { symbol: 'Tol', formula: 'C7H7', meaning: 'tolyl' },
  { symbol: 'Mes', formula: 'C9H11', meaning: 'mesityl' },
  { symbol: 'Xyl', formula: 'C8H9', meaning: 'xylyl' },
  { symbol: 'Cy', formula: 'C6H11', meaning: 'cyclohexyl' },
  { symbol: 'OAc', formula: 'C2H3O2', meaning: 'acetate' },
  { symbol: 'OTf', formula: 'CF3SO3', meaning: 'triflate' },
  { symbol: 'acac', formula: 'C5H7O2', meaning: 'acetylacetonate' },
  { symbol: 'Cp*', formula: 'C10H15', meaning: 'pentamethylcyclopentadienyl' },
  { symbol: 'Cp', formula: 'C5H5', meaning: 'cyclopentadienyl' },
  { symbol: 'dppm', formula: 'C25H22P2', meaning: 'bis(diphenylphosphino)methane' },
  { symbol: 'dppe', formula: 'C26H24P2', meaning: '1,2-bis(diphenylphosphino)ethane' },
  { symbol: 'dppp', formula: 'C27H26P2', meaning: '1,3-bis(diphenylphosphino)propane' },
  { symbol: 'bpy', formula: 'C10H8N2', meaning: '2,2′-bipyridine' },
  { symbol: 'phen', formula: 'C12H8N2', meaning: '1,10-phenanthroline' },
  { symbol: 'en', formula: 'C2H8N2', meaning: 'ethylenediamine' },
  { symbol: 'TOA', formula: 'N(C8H17)4', meaning: 'tetraoctylammonium' },
  { symbol: 'TBA', formula: 'N(C4H9)4', meaning: 'tetrabutylammonium' },
  { symbol: 'PET', formula: 'SCH2CH2C6H5', meaning: '2-phenylethanethiolate' },
  { symbol: 'TBBT', formula: 'SC6H4C(CH3)3', meaning: '4-tert-butylbenzenethiolate' },
  { symbol: 'CHT', formula: 'SC6H11', meaning: 'cyclohexanethiolate' },
  { symbol: 'SG', formula: 'C10H16N3O6S', meaning: 'glutathionate' },
  { symbol: 'MeCN', formula: 'C2H3N', meaning: 'acetonitrile' },
  { symbol: 'DMSO', formula: 'C2H6OS', meaning: 'dimethyl sulfoxide' },
  { symbol: 'THF', formula: 'C4H8O', meaning: 'tetrahydrofuran' },
];
