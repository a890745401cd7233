// Standard atomic weights, CIAAW 2021 (Prohaska et al., Pure Appl. Chem. 2022,
// 94, 573–600; ciaaw.org). For elements whose standard atomic weight is an
// interval, the conventional (abridged) value is used, as chemists and the
// project's reference values do: H 1.008, Li 6.94, B 10.81, C 12.011,
// N 14.007, O 15.999, Mg 24.305, Si 28.085, S 32.06, Cl 35.45, Ar 39.95,
// Br 79.904, Tl 204.38. Elements without stable isotopes carry the mass
// number of their longest-lived isotope in brackets in the tables; here the
// same number. `z` is the atomic number, i.e. the electrons of the neutral atom
// (used for F(000)). D is hydrogen-2 (atomic mass 2.014101778, AME2020).

export interface ElementData {
  symbol: string;
  z: number;
  weight: number;
}

const TABLE: [string, number, number][] = [
  ['H', 1, 1.008], ['He', 2, 4.002602], ['Li', 3, 6.94], ['Be', 4, 9.0121831], ['B', 5, 10.81], ['C', 6, 12.011],
  ['N', 7, 14.007], ['O', 8, 15.999], ['F', 9, 18.998403162], ['Ne', 10, 20.1797], ['Na', 11, 22.98976928], ['Mg', 12, 24.305],
  ['Al', 13, 26.9815384], ['Si', 14, 28.085], ['P', 15, 30.973761998], ['S', 16, 32.06], ['Cl', 17, 35.45], ['Ar', 18, 39.95],
  ['K', 19, 39.0983], ['Ca', 20, 40.078], ['Sc', 21, 44.955907], ['Ti', 22, 47.867], ['V', 23, 50.9415], ['Cr', 24, 51.9961],
  ['Mn', 25, 54.938043], ['Fe', 26, 55.845], ['Co', 27, 58.933194], ['Ni', 28, 58.6934], ['Cu', 29, 63.546], ['Zn', 30, 65.38],
  ['Ga', 31, 69.723], ['Ge', 32, 72.63], ['As', 33, 74.921595], ['Se', 34, 78.971], ['Br', 35, 79.904], ['Kr', 36, 83.798],
  ['Rb', 37, 85.4678], ['Sr', 38, 87.62], ['Y', 39, 88.905838], ['Zr', 40, 91.222], ['Nb', 41, 92.90637], ['Mo', 42, 95.95],
  ['Tc', 43, 98], ['Ru', 44, 101.07], ['Rh', 45, 102.90549], ['Pd', 46, 106.42], ['Ag', 47, 107.8682], ['Cd', 48, 112.414],
  ['In', 49, 114.818], ['Sn', 50, 118.71], ['Sb', 51, 121.76], ['Te', 52, 127.6], ['I', 53, 126.90447], ['Xe', 54, 131.293],
  ['Cs', 55, 132.90545196], ['Ba', 56, 137.327], ['La', 57, 138.90547], ['Ce', 58, 140.116], ['Pr', 59, 140.90766],
  ['Nd', 60, 144.242], ['Pm', 61, 145], ['Sm', 62, 150.36], ['Eu', 63, 151.964], ['Gd', 64, 157.249], ['Tb', 65, 158.925354],
  ['Dy', 66, 162.5], ['Ho', 67, 164.930329], ['Er', 68, 167.259], ['Tm', 69, 168.934219], ['Yb', 70, 173.045], ['Lu', 71, 174.9668],
  ['Hf', 72, 178.486], ['Ta', 73, 180.94788], ['W', 74, 183.84], ['Re', 75, 186.207], ['Os', 76, 190.23], ['Ir', 77, 192.217],
  ['Pt', 78, 195.084], ['Au', 79, 196.96657], ['Hg', 80, 200.592], ['Tl', 81, 204.38], ['Pb', 82, 207.2], ['Bi', 83, 208.9804],
  ['Po', 84, 209], ['At', 85, 210], ['Rn', 86, 222], ['Fr', 87, 223], ['Ra', 88, 226], ['Ac', 89, 227], ['Th', 90, 232.0377],
  ['Pa', 91, 231.03588], ['U', 92, 238.02891], ['D', 1, 2.014101778],
];

export const ELEMENTS: ReadonlyMap<string, ElementData> = new Map(TABLE.map(([symbol, z, weight]) => [symbol, { symbol, z, weight }]));

/** Metals whose salts count as "metal precursors" for the default equivalents basis. */
export const METALS = new Set([
  'Li', 'Na', 'K', 'Rb', 'Cs', 'Be', 'Mg', 'Ca', 'Sr', 'Ba', 'Sc', 'Ti', 'V', 'Cr', 'Mn', 'Fe', 'Co', 'Ni', 'Cu', 'Zn', 'Y', 'Zr',
  'Nb', 'Mo', 'Ru', 'Rh', 'Pd', 'Ag', 'Cd', 'Hf', 'Ta', 'W', 'Re', 'Os', 'Ir', 'Pt', 'Au', 'Hg', 'Al', 'Ga', 'In', 'Sn', 'Tl', 'Pb', 'Bi',
]);

/** Metals whose precursors build clusters (alkali and alkaline-earth salts are not precursors). */
export const CLUSTER_METALS = new Set(['Cu', 'Ag', 'Au', 'Pd', 'Pt', 'Ni', 'Co', 'Fe', 'Rh', 'Ir', 'Ru', 'Os', 'Zn', 'Cd', 'Hg']);
