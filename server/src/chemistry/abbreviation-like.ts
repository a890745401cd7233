// A name written in capitals only, three letters or more (`PBI`, `PVDF`, `NHS`,
// `DCC`), may spell elements (P-B-I), but chemists write such names for
// polymers, materials and reagents by their initials. Unless the species
// library knows it or the file declares it, it is read as neither: the chemist
// says what it is. Formulas as chemists write them have a digit, a two-letter
// element or a lowercase letter (`KNO3`, `NaOH`, `CuCl`), or are in the library
// (`KOH`, `KCN`, `HCOOH`); two capitals (`CO`, `NO`, `HF`) stay formulas.
export function looksLikeAbbreviation(word: string): boolean {
  return /^[A-Z]{3,}$/.test(word);
}
