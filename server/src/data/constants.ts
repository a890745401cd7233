// CODATA 2018 exact values (SI 2019): F, N_A, R from exact e, h, k.
export const FARADAY = 96485.33212; // C/mol
export const AVOGADRO = 6.02214076e23; // 1/mol
export const GAS_CONSTANT = 8.314462618; // J/(mol K)
export const STANDARD_PRESSURE = 101325; // Pa
export const ZERO_CELSIUS = 273.15; // K
