// Realistic large protocols for benchmarks: the sample's blocks repeated with
// renamed synthesis, electrolyte, cell and calibration names.
import { readFileSync } from 'node:fs';

const sample = readFileSync(require('node:path').join(__dirname, '..', 'samples', 'au28cu12-si.faraday'), 'utf8');
const body = sample.slice(sample.indexOf('# ── Syntheses'));

export function generateProtocol(targetBytes: number): string {
  const parts = [sample.slice(0, sample.indexOf('# ── Syntheses'))];
  let size = parts[0]!.length;
  for (let i = 0; size < targetBytes; i++) {
    const copy = body
      .replace(/synthesis (\w+) \{/g, `synthesis $1_${i} {`)
      .replace(/electrolyte (\w+)/g, `electrolyte $1_${i}`)
      .replace(/catholyte (\w+)/g, `catholyte $1_${i}`)
      .replace(/cell (\w+) \{/g, `cell $1_${i} {`)
      .replace(/run in (\w+) \{/g, `run in $1_${i} {`)
      .replace(/calibration (\w+)/g, `calibration $1_${i}`)
      .replace(/by (nessler|griess)/g, `by $1_${i}`)
      .replace(/reaction (\w+)/g, `reaction $1_${i}`)
      .replace(/crystal (\w+)/g, `crystal $1_${i}`);
    parts.push(copy);
    size += copy.length;
  }
  return parts.join('\n');
}

export function generateLines(lines: number): string {
  let text = generateProtocol(lines * 40);
  const all = text.split('\n');
  if (all.length > lines) text = all.slice(0, lines).join('\n');
  return text;
}
