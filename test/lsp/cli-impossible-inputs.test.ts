// `faraday check` as CI runs it, from the built bundle: a protocol with an
// impossible quantity or a cell that breaks its space group fails (exit 1) and
// names the code at the line of the offending quantity.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './lsp-client';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const dir = mkdtempSync(path.join(tmpdir(), 'faraday-impossible-'));

const CELL = `electrolyte e {
  0.5 M KNO3 in water
  pH 7.0 measured
}
electrode w {
  catalyst 1 mg Au
  area 1 cm2
}
cell H {
  working w
  reference Ag/AgCl (sat. KCl) at 0.198 V vs SHE
  catholyte e 30 mL
}
result X at -0.8 V vs RHE for 1 h {
  charge 600 C
}
`;
const CRYSTAL = `cluster X = C6H6
crystal X {
  formula C6H6
  temperature 100 K
  space group P21/c
  cell a 4 Å, b 5 Å, c 6 Å, beta 100°
  Z 4
}
`;

/** Each file: the protocol with one impossible input, the code, and the text the error points at. */
const CASES: { name: string; text: string; code: string; at: string }[] = [
  { name: 'temperature-below-0K', text: `temperature -300 °C\n${CELL}`, code: 'FD0410', at: 'temperature -300 °C' },
  { name: 'area-zero', text: CELL.replace('area 1 cm2', 'area 0 cm2'), code: 'FD0410', at: 'area 0 cm2' },
  { name: 'area-negative', text: CELL.replace('area 1 cm2', 'area -1 cm2'), code: 'FD0410', at: 'area -1 cm2' },
  { name: 'catalyst-zero', text: CELL.replace('catalyst 1 mg', 'catalyst 0 mg'), code: 'FD0410', at: 'catalyst 0 mg Au' },
  { name: 'charge-zero', text: CELL.replace('charge 600 C', 'charge 0 C'), code: 'FD0410', at: 'charge 0 C' },
  { name: 'duration-zero', text: CELL.replace('for 1 h', 'for 0 h'), code: 'FD0410', at: 'result X at -0.8 V vs RHE for 0 h {' },
  { name: 'volume-zero', text: CELL.replace('catholyte e 30 mL', 'catholyte e 0 mL'), code: 'FD0410', at: 'catholyte e 0 mL' },
  { name: 'pH-17', text: CELL.replace('pH 7.0', 'pH 17'), code: 'FD0410', at: 'pH 17 measured' },
  { name: 'pH-minus-3', text: CELL.replace('pH 7.0', 'pH -3'), code: 'FD0410', at: 'pH -3 measured' },
  { name: 'cell-edge-zero', text: CRYSTAL.replace('a 4 Å', 'a 0 Å'), code: 'FD0410', at: 'cell a 0 Å, b 5 Å, c 6 Å, beta 100°' },
  { name: 'Z-zero', text: CRYSTAL.replace('Z 4', 'Z 0'), code: 'FD0410', at: 'Z 0' },
  { name: 'Z-fraction', text: CRYSTAL.replace('Z 4', 'Z 2.5'), code: 'FD0410', at: 'Z 2.5' },
  { name: 'cubic-alpha-89', text: CRYSTAL.replace('P21/c', 'Fm-3m').replace('cell a 4 Å, b 5 Å, c 6 Å, beta 100°', 'cell a 10 Å, alpha 89°'), code: 'FD0610', at: 'cell a 10 Å, alpha 89°' },
  { name: 'monoclinic-gamma-95', text: CRYSTAL.replace('beta 100°', 'beta 100°, gamma 95°'), code: 'FD0610', at: 'cell a 4 Å, b 5 Å, c 6 Å, beta 100°, gamma 95°' },
  { name: 'system-contradicts-group', text: CRYSTAL.replace('  space group', '  system triclinic\n  space group'), code: 'FD0604', at: 'system triclinic' },
];

test('the valid protocols check clean (exit 0), so each case below fails on its one input', () => {
  for (const [name, text] of [['cell', CELL], ['crystal', CRYSTAL]]) {
    const file = path.join(dir, `${name}-valid.faraday`);
    writeFileSync(file, text);
    const r = spawnSync(process.execPath, [cli, 'check', file], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  }
});

for (const c of CASES) {
  test(`faraday check exits 1 on ${c.name} with ${c.code} at its line`, () => {
    const file = path.join(dir, `${c.name}.faraday`);
    writeFileSync(file, c.text);
    const r = spawnSync(process.execPath, [cli, 'check', file], { encoding: 'utf8' });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    const line = c.text.split('\n').findIndex((l) => l.trim() === c.at) + 1;
    assert.ok(line > 0, `the case writes \`${c.at}\``);
    assert.match(r.stdout, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:\\d+: error ${c.code} `), r.stdout);
  });
}
