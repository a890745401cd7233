// Laboratory X-ray sources of single-crystal diffractometers and the weighted
// Kα wavelength ((2 Kα1 + Kα2)/3, Å) written into CIFs for each. Sources:
// International Tables for Crystallography Vol. C (2006), Table 4.2.2.1 (line
// wavelengths); the nominal values are those of Bruker APEX and Rigaku
// CrysAlisPro (Mo 0.71073, Cu 1.54178/1.54184, Ag 0.56086, Ga 1.34139).

export interface XraySource {
  /** As a Methods section names it. */
  radiation: string;
  wavelengthA: number;
}

export const XRAY_SOURCES: XraySource[] = [
  { radiation: 'Mo Kα', wavelengthA: 0.71073 },
  { radiation: 'Cu Kα', wavelengthA: 1.54178 },
  { radiation: 'Cu Kα', wavelengthA: 1.54184 },
  { radiation: 'Ag Kα', wavelengthA: 0.56086 },
  { radiation: 'Ga Kα', wavelengthA: 1.34139 },
];

/** Tabulated values differ by up to 0.0001 Å between programs; 0.0005 Å separates the sources safely. */
export const XRAY_WAVELENGTH_TOLERANCE_A = 0.0005;
