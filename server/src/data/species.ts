// The built-in species library: what a protocol may name without declaring.
// Molar masses are never typed here: they are computed from the formula with
// the CIAAW 2021 weights. Densities (g/mL, 20–25 °C) are for neat liquids only.
// Sources: CAS Common Chemistry (cas.org) for CAS numbers and names; CRC
// Handbook of Chemistry and Physics, 97th ed., "Physical Constants of Organic
// Compounds", and supplier safety data sheets (Sigma-Aldrich) for densities.

export type SpeciesKind =
  | 'metal-precursor' | 'reductant' | 'thiol' | 'phosphine' | 'salt' | 'acid' | 'base'
  | 'electrolyte' | 'solvent' | 'gas' | 'ion' | 'reagent' | 'oxide';

export interface SpeciesEntry {
  name: string;
  formula: string;
  kind: SpeciesKind;
  synonyms: string[];
  cas?: string;
  /** g/mL, neat liquid. */
  density?: number;
}

const S = (name: string, formula: string, kind: SpeciesKind, cas: string | undefined, synonyms: string[] = [], density?: number): SpeciesEntry => ({ name, formula, kind, cas, synonyms, density });

export const SPECIES: SpeciesEntry[] = [
  // Metal precursors
  S('HAuCl4·3H2O', 'HAuCl4·3H2O', 'metal-precursor', '16961-25-4', ['HAuCl4.3H2O', 'chloroauric acid trihydrate', 'gold(III) chloride trihydrate']),
  S('HAuCl4·4H2O', 'HAuCl4·4H2O', 'metal-precursor', '16903-35-8', ['HAuCl4.4H2O', 'chloroauric acid tetrahydrate']),
  S('HAuCl4', 'HAuCl4', 'metal-precursor', '16903-35-8', ['chloroauric acid', 'tetrachloroauric acid']),
  S('Me2SAuCl', 'Me2SAuCl', 'metal-precursor', '29892-37-3', ['(Me2S)AuCl', 'chloro(dimethylsulfide)gold(I)', 'AuCl(SMe2)']),
  S('Au(PPh3)Cl', 'AuClC18H15P', 'metal-precursor', '14243-64-2', ['AuClPPh3', 'Ph3PAuCl', 'chloro(triphenylphosphine)gold(I)']),
  S('AuCl', 'AuCl', 'metal-precursor', '10294-29-8', ['gold(I) chloride']),
  S('CuCl', 'CuCl', 'metal-precursor', '7758-89-6', ['copper(I) chloride', 'cuprous chloride']),
  S('CuBr', 'CuBr', 'metal-precursor', '7787-70-4', ['copper(I) bromide']),
  S('CuI', 'CuI', 'metal-precursor', '7681-65-4', ['copper(I) iodide']),
  S('CuCl2', 'CuCl2', 'metal-precursor', '7447-39-4', ['copper(II) chloride']),
  S('Cu(MeCN)4BF4', 'Cu(MeCN)4BF4', 'metal-precursor', '15418-29-8', ['[Cu(MeCN)4]BF4', 'tetrakis(acetonitrile)copper(I) tetrafluoroborate']),
  S('Cu(MeCN)4PF6', 'Cu(MeCN)4PF6', 'metal-precursor', '64443-05-6', ['[Cu(MeCN)4]PF6', 'tetrakis(acetonitrile)copper(I) hexafluorophosphate']),
  S('Cu(NO3)2·3H2O', 'Cu(NO3)2·3H2O', 'metal-precursor', '10031-43-3', ['copper(II) nitrate trihydrate']),
  S('CuSO4·5H2O', 'CuSO4·5H2O', 'metal-precursor', '7758-99-8', ['copper(II) sulfate pentahydrate']),
  S('Cu(OAc)2·H2O', 'Cu(OAc)2·H2O', 'metal-precursor', '6046-93-1', ['copper(II) acetate monohydrate']),
  S('AgNO3', 'AgNO3', 'metal-precursor', '7761-88-8', ['silver nitrate']),
  S('AgBF4', 'AgBF4', 'metal-precursor', '14104-20-2', ['silver tetrafluoroborate']),
  S('AgOAc', 'AgOAc', 'metal-precursor', '563-63-3', ['silver acetate']),
  S('K2PdCl4', 'K2PdCl4', 'metal-precursor', '10025-98-6', ['potassium tetrachloropalladate(II)']),
  S('Na2PdCl4', 'Na2PdCl4', 'metal-precursor', '13820-53-6', ['sodium tetrachloropalladate(II)']),
  S('PdCl2', 'PdCl2', 'metal-precursor', '7647-10-1', ['palladium(II) chloride']),
  S('Pd(OAc)2', 'Pd(OAc)2', 'metal-precursor', '3375-31-3', ['palladium(II) acetate']),
  S('H2PtCl6·6H2O', 'H2PtCl6·6H2O', 'metal-precursor', '18497-13-7', ['chloroplatinic acid hexahydrate']),
  S('K2PtCl4', 'K2PtCl4', 'metal-precursor', '10025-99-7', ['potassium tetrachloroplatinate(II)']),
  S('Ni(NO3)2·6H2O', 'Ni(NO3)2·6H2O', 'metal-precursor', '13478-00-7', ['nickel(II) nitrate hexahydrate']),
  S('CrCl3·6H2O', 'CrCl3·6H2O', 'metal-precursor', '10060-12-5', ['CrCl3.6H2O', 'chromium(III) chloride hexahydrate']),
  // Oxide catalysts (OER benchmarks), as powders with a formula
  S('RuO2', 'RuO2', 'oxide', '12036-10-1', ['ruthenium(IV) oxide', 'ruthenium dioxide']),
  S('IrO2', 'IrO2', 'oxide', '12030-49-8', ['iridium(IV) oxide', 'iridium dioxide']),
  // Reductants
  S('NaBH4', 'NaBH4', 'reductant', '16940-66-2', ['sodium borohydride']),
  S('tBuNH2·BH3', 'tBuNH2·BH3', 'reductant', '7337-45-3', ['borane tert-butylamine complex', 'TBAB-borane']),
  S('NaBH3CN', 'NaBH3CN', 'reductant', '25895-60-7', ['sodium cyanoborohydride']),
  S('N2H4·H2O', 'N2H4·H2O', 'reductant', '7803-57-8', ['hydrazine hydrate'], 1.032),
  S('ascorbic acid', 'C6H8O6', 'reductant', '50-81-7', ['L-ascorbic acid', 'vitamin C']),
  // Thiols and phosphines
  S('thiophenol', 'C6H6S', 'thiol', '108-98-5', ['PhSH', 'benzenethiol'], 1.078),
  S('4-tert-butylbenzenethiol', 'C10H14S', 'thiol', '2396-68-1', ['TBBT-H', 'TBBTH', 'HSPh-tBu'], 0.989),
  S('cyclohexanethiol', 'C6H12S', 'thiol', '1569-69-3', ['CHT-H', 'CyhSH'], 0.95),
  S('2-phenylethanethiol', 'C8H10S', 'thiol', '4410-99-5', ['PET-H', 'PETH', 'phenylethanethiol'], 1.032),
  S('2,4-dichlorobenzenethiol', 'C6H4Cl2S', 'thiol', '1122-41-4', ['2,4-dichlorothiophenol', 'DCBT-H']),
  S('1-dodecanethiol', 'C12H26S', 'thiol', '112-55-0', ['dodecanethiol', 'DDT'], 0.845),
  S('glutathione', 'C10H17N3O6S', 'thiol', '70-18-8', ['GSH', 'L-glutathione reduced']),
  S('captopril', 'C9H15NO3S', 'thiol', '62571-86-2', ['Capt']),
  S('4-mercaptobenzoic acid', 'C7H6O2S', 'thiol', '1074-36-8', ['p-MBA', '4-MBA']),
  S('PPh3', 'PPh3', 'phosphine', '603-35-0', ['triphenylphosphine']),
  S('dppe', 'C26H24P2', 'phosphine', '1663-45-2', ['1,2-bis(diphenylphosphino)ethane']),
  S('dppm', 'C25H22P2', 'phosphine', '2071-20-7', ['bis(diphenylphosphino)methane']),
  S('Ph3P·BPh3', 'Ph3P·BPh3', 'phosphine', '3053-68-7', ['PPh3BPh3', 'triphenylphosphine-triphenylborane']),
  // Salts and phase-transfer agents
  S('TOAB', 'N(C8H17)4Br', 'salt', '14866-33-2', ['tetraoctylammonium bromide', 'TOABr']),
  S('TBAB', 'N(C4H9)4Br', 'salt', '1643-19-2', ['tetrabutylammonium bromide']),
  S('PPh4Br', 'PPh4Br', 'salt', '2751-90-8', ['tetraphenylphosphonium bromide']),
  S('PPh4Cl', 'PPh4Cl', 'salt', '2001-45-8', ['tetraphenylphosphonium chloride']),
  S('NaCl', 'NaCl', 'electrolyte', '7647-14-5', ['sodium chloride']),
  S('KCl', 'KCl', 'electrolyte', '7447-40-7', ['potassium chloride']),
  S('NH4Cl', 'NH4Cl', 'salt', '12125-02-9', ['ammonium chloride']),
  S('(NH4)2SO4', '(NH4)2SO4', 'salt', '7783-20-2', ['ammonium sulfate']),
  S('KNO3', 'KNO3', 'electrolyte', '7757-79-1', ['potassium nitrate']),
  S('NaNO3', 'NaNO3', 'electrolyte', '7631-99-4', ['sodium nitrate']),
  S('KNO2', 'KNO2', 'electrolyte', '7758-09-0', ['potassium nitrite']),
  S('NaNO2', 'NaNO2', 'electrolyte', '7632-00-0', ['sodium nitrite']),
  S('K2SO4', 'K2SO4', 'electrolyte', '7778-80-5', ['potassium sulfate']),
  S('Na2SO4', 'Na2SO4', 'electrolyte', '7757-82-6', ['sodium sulfate']),
  S('KH2PO4', 'KH2PO4', 'electrolyte', '7778-77-0', ['potassium dihydrogen phosphate']),
  S('K2HPO4', 'K2HPO4', 'electrolyte', '7758-11-4', ['dipotassium hydrogen phosphate']),
  S('NaH2PO4', 'NaH2PO4', 'electrolyte', '7558-80-7', ['sodium dihydrogen phosphate']),
  S('Na2HPO4', 'Na2HPO4', 'electrolyte', '7558-79-4', ['disodium hydrogen phosphate']),
  S('NaHCO3', 'NaHCO3', 'electrolyte', '144-55-8', ['sodium bicarbonate']),
  S('Na2CO3', 'Na2CO3', 'electrolyte', '497-19-8', ['sodium carbonate']),
  S('KHCO3', 'KHCO3', 'electrolyte', '298-14-6', ['potassium bicarbonate']),
  S('K2CO3', 'K2CO3', 'electrolyte', '584-08-7', ['potassium carbonate']),
  S('Na2B4O7·10H2O', 'Na2B4O7·10H2O', 'electrolyte', '1303-96-4', ['borax', 'sodium tetraborate decahydrate']),
  S('NaClO4', 'NaClO4', 'electrolyte', '7601-89-0', ['sodium perchlorate']),
  S('NaClO', 'NaClO', 'reagent', '7681-52-9', ['sodium hypochlorite']),
  S('sodium salicylate', 'C7H5NaO3', 'reagent', '54-21-7', []),
  S('trisodium citrate dihydrate', 'C6H5Na3O7·2H2O', 'reagent', '6132-04-3', ['sodium citrate']),
  S('sodium nitroprusside', 'Na2[Fe(CN)5NO]·2H2O', 'reagent', '13755-38-9', ['sodium nitroferricyanide']),
  S('potassium sodium tartrate', 'KNaC4H4O6·4H2O', 'reagent', '6381-59-5', ['Rochelle salt', 'Seignette salt']),
  S('K2HgI4', 'K2HgI4', 'reagent', '7783-33-7', ["Nessler's reagent", 'potassium tetraiodomercurate(II)']),
  S('sulfanilamide', 'C6H8N2O2S', 'reagent', '63-74-1', ['p-aminobenzenesulfonamide']),
  S('N-(1-naphthyl)ethylenediamine dihydrochloride', 'C12H14N2·2HCl', 'reagent', '1465-25-4', ['NED']),
  S('p-dimethylaminobenzaldehyde', 'C9H11NO', 'reagent', '100-10-7', ['4-dimethylaminobenzaldehyde', 'PDAB']),
  S('Cs2CO3', 'Cs2CO3', 'salt', '534-17-8', ['cesium carbonate']),
  // Formulas of capitals only that chemists write as formulas (others such as `PBI` are abbreviations).
  S('KCN', 'KCN', 'salt', '151-50-8', ['potassium cyanide']),
  S('KSCN', 'KSCN', 'salt', '333-20-0', ['potassium thiocyanate']),
  // Acids and bases
  S('H2SO4', 'H2SO4', 'acid', '7664-93-9', ['sulfuric acid'], 1.83),
  S('HCl', 'HCl', 'acid', '7647-01-0', ['hydrochloric acid']),
  S('HNO3', 'HNO3', 'acid', '7697-37-2', ['nitric acid']),
  S('H3PO4', 'H3PO4', 'acid', '7664-38-2', ['phosphoric acid']),
  S('HClO4', 'HClO4', 'acid', '7601-90-3', ['perchloric acid']),
  S('H3BO3', 'H3BO3', 'acid', '10043-35-3', ['boric acid']),
  S('formic acid', 'CH2O2', 'acid', '64-18-6', ['HCOOH', 'methanoic acid'], 1.22),
  S('HCN', 'HCN', 'acid', '74-90-8', ['hydrogen cyanide', 'hydrocyanic acid']),
  S('NaOH', 'NaOH', 'base', '1310-73-2', ['sodium hydroxide']),
  S('KOH', 'KOH', 'base', '1310-58-3', ['potassium hydroxide']),
  S('LiOH', 'LiOH', 'base', '1310-65-2', ['lithium hydroxide']),
  // Solvents
  S('water', 'H2O', 'solvent', '7732-18-5', ['H2O', 'deionized water', 'DI water', 'ultrapure water'], 0.997),
  S('D2O', 'D2O', 'solvent', '7789-20-0', ['deuterium oxide', 'heavy water'], 1.107),
  S('THF', 'C4H8O', 'solvent', '109-99-9', ['tetrahydrofuran'], 0.889),
  S('DCM', 'CH2Cl2', 'solvent', '75-09-2', ['dichloromethane', 'CH2Cl2', 'methylene chloride'], 1.326),
  S('MeCN', 'C2H3N', 'solvent', '75-05-8', ['acetonitrile', 'CH3CN', 'ACN'], 0.786),
  S('methanol', 'CH4O', 'solvent', '67-56-1', ['MeOH', 'CH3OH'], 0.792),
  S('ethanol', 'C2H6O', 'solvent', '64-17-5', ['EtOH'], 0.789),
  S('isopropanol', 'C3H8O', 'solvent', '67-63-0', ['iPrOH', '2-propanol', 'IPA'], 0.786),
  S('toluene', 'C7H8', 'solvent', '108-88-3', ['PhMe'], 0.867),
  S('acetone', 'C3H6O', 'solvent', '67-64-1', [], 0.784),
  S('n-hexane', 'C6H14', 'solvent', '110-54-3', ['hexane', 'hexanes'], 0.659),
  S('chloroform', 'CHCl3', 'solvent', '67-66-3', ['CHCl3'], 1.489),
  S('DMF', 'C3H7NO', 'solvent', '68-12-2', ['N,N-dimethylformamide'], 0.944),
  S('DMAc', 'C4H9NO', 'solvent', '127-19-5', ['DMAC', 'N,N-dimethylacetamide', 'dimethylacetamide'], 0.937),
  S('DMSO', 'C2H6OS', 'solvent', '67-68-5', ['dimethyl sulfoxide'], 1.1),
  S('diethyl ether', 'C4H10O', 'solvent', '60-29-7', ['Et2O', 'ether'], 0.713),
  S('ethyl acetate', 'C4H8O2', 'solvent', '141-78-6', ['EtOAc'], 0.902),
  S('petroleum ether', 'C6H14', 'solvent', '8032-32-4', ['PE', 'light petroleum'], 0.65),
  // Gases
  S('Ar', 'Ar', 'gas', '7440-37-1', ['argon']),
  S('N2', 'N2', 'gas', '7727-37-9', ['nitrogen']),
  S('H2', 'H2', 'gas', '1333-74-0', ['hydrogen']),
  S('O2', 'O2', 'gas', '7782-44-7', ['oxygen']),
  S('CO2', 'CO2', 'gas', '124-38-9', ['carbon dioxide']),
  S('CO', 'CO', 'gas', '630-08-0', ['carbon monoxide']),
  S('NH3', 'NH3', 'gas', '7664-41-7', ['ammonia']),
  S('NO', 'NO', 'gas', '10102-43-9', ['nitric oxide']),
  S('N2O', 'N2O', 'gas', '10024-97-2', ['nitrous oxide']),
  S('N2H4', 'N2H4', 'reductant', '302-01-2', ['hydrazine']),
  // Ions met in reactions and analytes
  S('NO3-', 'NO3-', 'ion', undefined, ['nitrate']),
  S('NO2-', 'NO2-', 'ion', undefined, ['nitrite']),
  S('NH4+', 'NH4+', 'ion', undefined, ['ammonium']),
  S('H+', 'H+', 'ion', undefined, ['proton']),
  S('OH-', 'OH-', 'ion', undefined, ['hydroxide']),
];
