// Scans one "word": a name, a formula, a unit or a reference electrode, as
// chemists write them. A regular expression cannot do this well because
// formulas nest brackets (`[Au28Cu12(SR)24](PPh4)4`) and the meaning of `-`,
// `+`, `.` and `/` depends on what surrounds them (`NO3-`, `Ag/AgCl`,
// `HAuCl4.4H2O`, but `sat. KCl` and `a + b`).

const SUPERSCRIPTS_AND_SUBSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻₀₁₂₃₄₅₆₇₈₉₊₋';
const EXTRA_WORD_CHARS = "_'*°%‰µμÅΩ℃σ" + SUPERSCRIPTS_AND_SUBSCRIPTS;
const ADDUCT_DOTS = '·•⋅∙';
const LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

function isLetter(c: string | undefined): boolean {
  return c !== undefined && LETTER.test(c);
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && (LETTER_OR_DIGIT.test(c) || EXTRA_WORD_CHARS.includes(c));
}

/** Characters after which a trailing `-` or `+` is a charge sign, not an operator. */
function endsToken(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\t' || c === '\r' || c === '\n' || ',;)}]'.includes(c);
}

export function isWordStart(c: string | undefined): boolean {
  return c !== undefined && (c === '[' || isLetter(c) || EXTRA_WORD_CHARS.includes(c));
}

/**
 * Finds the closing bracket for the bracket at `open`, within one formula:
 * no whitespace, quotes, commas or braces inside. Returns -1 when there is none.
 */
function matchBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') {
      depth--;
      if (depth === 0) return i;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '"' || c === ',' || c === ';' || c === '{' || c === '}' || c === '#') {
      return -1;
    }
  }
  return -1;
}

/** Digit-led names such as `2,4-dichlorobenzenethiol`: digits and commas, then `-` and a letter. */
function scanDigitPrefix(text: string, offset: number): number {
  let i = offset;
  while (isDigit(text[i]) || (text[i] === ',' && isDigit(text[i + 1]))) i++;
  if (text[i] === '-' && isLetter(text[i + 1])) return i + 1;
  return -1;
}

/** Returns the end offset (exclusive) of the word starting at `offset`, or -1. */
export function scanWord(text: string, offset: number): number {
  let i = offset;
  const first = text[i];
  if (isDigit(first)) {
    i = scanDigitPrefix(text, offset);
    if (i < 0) return -1;
  } else if (first === '[' || first === '(') {
    // A formula that starts with a bracket, e.g. `[Au25(PET)18]-` or `(NH4)2SO4`.
    const close = matchBracket(text, i);
    if (close < 0) return -1;
    i = close + 1;
  } else if (!isWordStart(first)) {
    return -1;
  }
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (isWordChar(c)) {
      i++;
    } else if (c === '(' || c === '[') {
      const close = matchBracket(text, i);
      if (close < 0) break;
      i = close + 1;
    } else if (c === '/') {
      if (isWordStart(next) || next === '(') i++;
      else break;
    } else if (ADDUCT_DOTS.includes(c)) {
      if (isWordChar(next) || next === '(' || next === '[') i++;
      else break;
    } else if (c === '.') {
      // `HAuCl4.4H2O`, `Ph3P.BPh3`: a dot between formula parts, never before a space.
      const prev = text[i - 1];
      const nextIsFormula = isDigit(next) || (next !== undefined && next >= 'A' && next <= 'Z');
      if (nextIsFormula && (isWordChar(prev) || prev === ')' || prev === ']')) i++;
      else break;
    } else if (c === '-' || c === '−' || c === '‒' || c === '–') {
      if (next === '>') break; // `->` arrow
      if (isLetter(next) || (isDigit(next) && isLetter(text[i - 1]))) {
        i++;
      } else if ((next === '-' || next === '+') && isLetter(text[i + 2])) {
        i += 2; // `NO2--N`: a charged species with a basis suffix
      } else if (endsToken(next)) {
        i++; // trailing charge, e.g. `NO3-`, `e-`
        break;
      } else if (isDigit(next)) {
        i++; // `P-1`, `Fm-3m`, `h-1`
      } else break;
    } else if (c === '+') {
      if (endsToken(next)) {
        i++;
        break;
      }
      if (next === '-' && isLetter(text[i + 2])) {
        i += 2;
      } else break;
    } else if (c === '^') {
      if (isDigit(next) || next === '-' || next === '+' || next === '−') i++;
      else break;
    } else {
      break;
    }
  }
  return i > offset ? i : -1;
}
