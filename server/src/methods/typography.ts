// Where the subscripts and superscripts of formulas, units and space-group
// symbols go, independent of how an output format writes them.

export interface Run {
  text: string;
  position: 'base' | 'sub' | 'sup';
  /** A space-group digit with a bar over it (`P-1` → P1̄). */
  bar?: boolean;
}

function push(runs: Run[], text: string, position: Run['position'], bar = false): void {
  const last = runs[runs.length - 1];
  if (last && last.position === position && !last.bar && !bar) last.text += text;
  else runs.push({ text, position, ...(bar ? { bar } : {}) });
}

/**
 * `HAuCl4·4H2O` → HAuCl₄·4H₂O, `NO3-` → NO₃⁻, `SO4^2-` → SO₄²⁻, `Fe3+` → Fe³⁺,
 * `NH3-N` → NH₃-N (a nitrogen basis, not a charge). Digits after a letter or a
 * closing bracket are counts; digits after `·` or at the start are coefficients.
 */
export function formulaRuns(formula: string): Run[] {
  let body = formula;
  let charge = '';
  const caret = /\^([0-9]*[+-])$/.exec(body);
  const monatomic = /^([A-Z][a-z]?)(\d+[+-])$/.exec(body);
  const trailing = /(?<=[A-Za-z0-9)\]])([+-])$/.exec(body);
  if (caret) {
    charge = caret[1]!;
    body = body.slice(0, caret.index);
  } else if (monatomic) {
    charge = monatomic[2]!;
    body = monatomic[1]!;
  } else if (trailing && !/-[A-Z]/.test(body.slice(-3))) {
    charge = trailing[1]!;
    body = body.slice(0, trailing.index);
  }
  const runs: Run[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    const prev = body[i - 1];
    const counts = /\d/.test(c) && prev !== undefined && (/[A-Za-z)\]]/.test(prev) || (/\d/.test(prev) && runs[runs.length - 1]?.position === 'sub'));
    push(runs, c, counts ? 'sub' : 'base');
  }
  if (charge) push(runs, charge.replace('-', '−'), 'sup');
  return runs;
}

/** SI puts a space between number and unit, except for the plane-angle degree, minute and second. */
export function unitSpace(unit: string): boolean {
  return !/^(°|deg|′|″|')$/.test(unit);
}

/** `cm2` → cm², `Å3` → Å³, `mm-1` → mm⁻¹, `Mg/m3` → Mg/m³; chemists' spellings (`uL`, `degC`, `ohm`) in their proper symbols. */
export function unitRuns(unit: string): Run[] {
  const u = unit
    .replace(/^u(?=[A-Za-z])/, 'µ')
    .replace(/μ/g, 'µ')
    .replace(/^degC$/, '°C')
    .replace(/^A\^?3$/, 'Å3')
    .replace(/\bohm\b/g, 'Ω')
    .replace(/\^/g, '');
  const runs: Run[] = [];
  for (let i = 0; i < u.length; i++) {
    const rest = u.slice(i);
    const exponent = /^-?\d+/.exec(rest);
    if (exponent && i > 0 && /[A-Za-zµÅΩ]/.test(u[i - 1]!)) {
      push(runs, exponent[0].replace('-', '−'), 'sup');
      i += exponent[0].length - 1;
      continue;
    }
    push(runs, u[i]!, 'base');
  }
  return runs;
}

/**
 * Hermann–Mauguin symbols: `P-1` → P1̄, `P21/n` → P2₁/n, `P212121` → P2₁2₁2₁,
 * `P63/mmc` → P6₃/mmc. Only unambiguous screw axes are set as subscripts (an
 * axis followed by `/`, a two-digit symbol, or the 2₁2₁2₁ pattern); others stay as written.
 */
export function spaceGroupRuns(symbol: string): Run[] {
  const s = symbol.replace(/\s+/g, '');
  const m = /^([PABCIFR])(.*)$/.exec(s);
  if (!m) return [{ text: symbol, position: 'base' }];
  const runs: Run[] = [{ text: m[1]!, position: 'base' }];
  let rest = m[2]!;
  const screw = (axis: string, sub: string) => {
    push(runs, axis, 'base');
    push(runs, sub, 'sub');
  };
  if (/^(21){3}$/.test(rest)) {
    for (let k = 0; k < 3; k++) screw('2', '1');
    return runs;
  }
  const alone = /^([2346])([1-5])$/.exec(rest);
  if (alone && Number(alone[2]) < Number(alone[1])) {
    screw(alone[1]!, alone[2]!);
    return runs;
  }
  while (rest.length > 0) {
    const bar = /^-(\d)/.exec(rest);
    const axisSlash = /^([2346])([1-5])(?=\/)/.exec(rest);
    if (bar) {
      runs.push({ text: bar[1]!, position: 'base', bar: true });
      rest = rest.slice(2);
    } else if (axisSlash && Number(axisSlash[2]) < Number(axisSlash[1])) {
      screw(axisSlash[1]!, axisSlash[2]!);
      rest = rest.slice(2);
    } else {
      push(runs, rest[0]!, 'base');
      rest = rest.slice(1);
    }
  }
  return runs;
}

const SUB: Record<string, string> = { '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉', '+': '₊', '−': '₋', '-': '₋', a: 'ₐ', e: 'ₑ', h: 'ₕ', i: 'ᵢ', k: 'ₖ', l: 'ₗ', m: 'ₘ', n: 'ₙ', o: 'ₒ', p: 'ₚ', r: 'ᵣ', s: 'ₛ', t: 'ₜ', x: 'ₓ' };
const SUP: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '+': '⁺', '−': '⁻', '-': '⁻', n: 'ⁿ', i: 'ⁱ' };

/** The run in Unicode sub/superscript characters; undefined when a character has none. */
export function unicodeScript(text: string, position: 'sub' | 'sup'): string | undefined {
  const table = position === 'sub' ? SUB : SUP;
  let out = '';
  for (const c of text) {
    const mapped = table[c];
    if (mapped === undefined) return undefined;
    out += mapped;
  }
  return out;
}

/** Plain Unicode text of runs (subscripts as ₂, a barred digit with a combining overline). */
export function unicodeText(runs: Run[]): string {
  return runs.map((r) => (r.bar ? `${r.text}\u0304` : r.position === 'base' ? r.text : unicodeScript(r.text, r.position) ?? (r.position === 'sub' ? `_${r.text}` : `^${r.text}`))).join('');
}
