// A figure's id holds the names of the protocol (`calibration-NH3/N`): as a
// file name it must not open folders or hide itself, so everything but
// letters, digits, `.`, `_` and `-` becomes `_`, and a leading dot is dropped.
export function figureFileName(id: string, format: string, taken: Set<string> = new Set()): string {
  const base = id.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[.]+/, '').slice(0, 100) || 'figure';
  let name = `${base}.${format}`;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}.${format}`;
  taken.add(name);
  return name;
}
