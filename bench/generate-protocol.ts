// Realistic large protocols for benchmarks: the sample's blocks repeated with
// renamed synthesis, electrolyte, electrode, cell and calibration names, each
// copy's results and plans naming its cell and its plan its calibration: every
// copy says what the sample says, no more. `ambiguous` gives the worst case for edits instead.
import { readFileSync } from 'node:fs';

const sample = readFileSync(require('node:path').join(__dirname, '..', 'samples', 'au28cu12-si.faraday'), 'utf8');
const body = sample.slice(sample.indexOf('# ── Syntheses'));

export interface GenerateOptions {
  /**
   * The worst case for edits: copies keep the sample's electrode name (declared again in each) and
   * their results name no cell, so every result fits every copy's cell (FD0210) and an edit of any
   * cell or run re-analyses every result.
   */
  ambiguous?: boolean;
}

export function generateProtocol(targetBytes: number, options: GenerateOptions = {}): string {
  const parts = [sample.slice(0, sample.indexOf('# ── Syntheses'))];
  let size = parts[0]!.length;
  for (let i = 0; size < targetBytes; i++) {
    let copy = body
      .replace(/synthesis (\w+) \{/g, `synthesis $1_${i} {`)
      .replace(/electrolyte (\w+)/g, `electrolyte $1_${i}`)
      .replace(/catholyte (\w+)/g, `catholyte $1_${i}`)
      .replace(/cell (\w+) \{/g, `cell $1_${i} {`)
      .replace(/run in (\w+) \{/g, `run in $1_${i} {`)
      .replace(/calibration (\w+)/g, `calibration $1_${i}`)
      .replace(/by (nessler|griess)/g, `by $1_${i}`)
      .replace(/reaction (\w+)/g, `reaction $1_${i}`)
      .replace(/crystal (\w+)/g, `crystal $1_${i}`);
    if (!options.ambiguous) {
      // Each copy has its own electrode, its results and plans name their cell and its plan its
      // calibration, as a protocol with several cells of one catalyst and several calibrations must.
      copy = copy
        .replace(/electrode (\w+) \{/g, `electrode $1_${i} {`)
        .replace(/working (\w+)/g, `working $1_${i}`)
        .replace(/^((?:result|plan) .*?) \{/gm, `$1 in H_${i} {`)
        .replace(/^(\s*expect FE NH3 [^#\n]*?%)/gm, `$1 by nessler_${i}`);
    }
    parts.push(copy);
    size += copy.length;
  }
  return parts.join('\n');
}

export function generateLines(lines: number, options: GenerateOptions = {}): string {
  let text = generateProtocol(lines * 40, options);
  const all = text.split('\n');
  if (all.length > lines) text = all.slice(0, lines).join('\n');
  return text;
}
