// Scans one "word": a name, a formula, a unit or a reference electrode, as
// chemists write them. A regular expression cannot do this well because
// formulas nest brackets (`[Au28Cu12(SR)24](PPh4)4`) and the meaning of `-`,
// `+`, `.` and `/` depends on what surrounds them (`NO3-`, `Ag/AgCl`,
// `HAuCl4.4H2O`, but `sat. KCl` and `a + b`).
//
// The lexer calls this at every word, so it reads char codes and classifies
// each UTF-16 code unit once (a table filled from the definitions below)
// instead of testing a Unicode regular expression per character.

const SUPERSCRIPTS_AND_SUBSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻₀₁₂₃₄₅₆₇₈₉₊₋';
const EXTRA_WORD_CHARS = "_'*°%‰µμÅΩ℃σ" + SUPERSCRIPTS_AND_SUBSCRIPTS;
const ADDUCT_DOTS = '·•⋅∙';
const LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

// Character classes of one code unit, as bits.
const KNOWN = 1;
const IS_LETTER = 2;
const IS_WORD_CHAR = 4;
const IS_WORD_START = 8;
const IS_ADDUCT_DOT = 16;

const classes = new Uint8Array(65536);

function classify(code: number): number {
  const c = String.fromCharCode(code);
  const extra = EXTRA_WORD_CHARS.includes(c);
  const letter = LETTER.test(c);
  let bits = KNOWN;
  if (letter) bits |= IS_LETTER;
  if (LETTER_OR_DIGIT.test(c) || extra) bits |= IS_WORD_CHAR;
  if (c === '[' || letter || extra) bits |= IS_WORD_START;
  if (ADDUCT_DOTS.includes(c)) bits |= IS_ADDUCT_DOT;
  return bits;
}

/** Class bits of the code unit (0 past the end of the text: NaN). */
function classOf(code: number): number {
  if (code !== code) return 0; // NaN: past the end
  let bits = classes[code]!;
  if (bits === 0) classes[code] = bits = classify(code);
  return bits;
}

const isLetterCode = (code: number) => (classOf(code) & IS_LETTER) !== 0;
const isWordCharCode = (code: number) => (classOf(code) & IS_WORD_CHAR) !== 0;
const isDigitCode = (code: number) => code >= 48 && code <= 57;

const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/** Characters after which a trailing `-` or `+` is a charge sign, not an operator. */
function endsToken(code: number): boolean {
  // Past the end, space, tab, CR, LF, and , ; ) } ]
  return code !== code || code === 32 || code === 9 || code === 13 || code === 10 || code === 44 || code === 59 || code === CLOSE_PAREN || code === 125 || code === CLOSE_BRACKET;
}

export function isWordStart(c: string | undefined): boolean {
  return c !== undefined && c.length > 0 && (classOf(c.charCodeAt(0)) & IS_WORD_START) !== 0;
}

/** Every code unit a word can start with: a word-start character or a bracket (digit-led names are DigitWord's). */
export function wordStartCodes(): number[] {
  const out: number[] = [];
  for (let code = 0; code < 65536; code++) if (code === OPEN_PAREN || (classOf(code) & IS_WORD_START) !== 0) out.push(code);
  return out;
}

/** Deepest bracket nesting inside one word (formulas use two or three levels). */
const MAX_WORD_BRACKET_DEPTH = 32;

/**
 * Finds the closing bracket for the bracket at `open`, within one formula:
 * no whitespace, quotes, commas or braces inside. Returns -1 when there is none.
 */
function matchBracket(text: string, open: number): number {
  let depth = 0;
  const n = text.length;
  for (let i = open; i < n; i++) {
    const c = text.charCodeAt(i);
    // No formula nests deeper; without this bound a run of `[[[[…` is scanned once per bracket.
    if (c === OPEN_PAREN || c === OPEN_BRACKET) {
      if (++depth > MAX_WORD_BRACKET_DEPTH) return -1;
    } else if (c === CLOSE_PAREN || c === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) return i;
    } else if (c === 32 || c === 9 || c === 10 || c === 13 || c === 34 || c === 44 || c === 59 || c === 123 || c === 125 || c === 35) {
      // space, tab, LF, CR, " , ; { } #
      return -1;
    }
  }
  return -1;
}

/** Digit-led names such as `2,4-dichlorobenzenethiol`: digits and commas, then `-` and a letter. */
function scanDigitPrefix(text: string, offset: number): number {
  let i = offset;
  while (isDigitCode(text.charCodeAt(i)) || (text.charCodeAt(i) === 44 && isDigitCode(text.charCodeAt(i + 1)))) i++;
  if (text.charCodeAt(i) === 45 && isLetterCode(text.charCodeAt(i + 1))) return i + 1;
  return -1;
}

const MINUS = 45; // -
const PLUS = 43; // +
const UNICODE_MINUS = 0x2212; // −
const FIGURE_DASH = 0x2012; // ‒
const EN_DASH = 0x2013; // –

/** Returns the end offset (exclusive) of the word starting at `offset`, or -1. */
export function scanWord(text: string, offset: number): number {
  let i = offset;
  const n = text.length;
  const first = text.charCodeAt(i);
  if (isDigitCode(first)) {
    i = scanDigitPrefix(text, offset);
    if (i < 0) return -1;
  } else if (first === OPEN_BRACKET || first === OPEN_PAREN) {
    // A formula that starts with a bracket, e.g. `[Au25(PET)18]-` or `(NH4)2SO4`.
    const close = matchBracket(text, i);
    if (close < 0) return -1;
    i = close + 1;
  } else if ((classOf(first) & IS_WORD_START) === 0) {
    return -1;
  }
  while (i < n) {
    const c = text.charCodeAt(i);
    const bits = classOf(c);
    if ((bits & IS_WORD_CHAR) !== 0) {
      i++;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    if (c === OPEN_PAREN || c === OPEN_BRACKET) {
      const close = matchBracket(text, i);
      if (close < 0) break;
      i = close + 1;
    } else if (c === 47) {
      // `/`
      if ((classOf(next) & IS_WORD_START) !== 0 || next === OPEN_PAREN) i++;
      else break;
    } else if ((bits & IS_ADDUCT_DOT) !== 0) {
      if (isWordCharCode(next) || next === OPEN_PAREN || next === OPEN_BRACKET) i++;
      else break;
    } else if (c === 46) {
      // `.`: `HAuCl4.4H2O`, `Ph3P.BPh3`: a dot between formula parts, never before a space.
      const prev = text.charCodeAt(i - 1);
      const nextIsFormula = isDigitCode(next) || (next >= 65 && next <= 90);
      if (nextIsFormula && (isWordCharCode(prev) || prev === CLOSE_PAREN || prev === CLOSE_BRACKET)) i++;
      else break;
    } else if (c === MINUS || c === UNICODE_MINUS || c === FIGURE_DASH || c === EN_DASH) {
      if (next === 62) break; // `->` arrow
      if (isLetterCode(next) || (isDigitCode(next) && isLetterCode(text.charCodeAt(i - 1)))) {
        i++;
      } else if ((next === MINUS || next === PLUS) && isLetterCode(text.charCodeAt(i + 2))) {
        i += 2; // `NO2--N`: a charged species with a basis suffix
      } else if (endsToken(next)) {
        i++; // trailing charge, e.g. `NO3-`, `e-`
        break;
      } else if (isDigitCode(next)) {
        i++; // `P-1`, `Fm-3m`, `h-1`
      } else break;
    } else if (c === PLUS) {
      if (endsToken(next)) {
        i++;
        break;
      }
      if (next === MINUS && isLetterCode(text.charCodeAt(i + 2))) {
        i += 2;
      } else break;
    } else if (c === 94) {
      // `^`
      if (isDigitCode(next) || next === MINUS || next === PLUS || next === UNICODE_MINUS) i++;
      else break;
    } else {
      break;
    }
  }
  return i > offset ? i : -1;
}
