// What a crystal system fixes in the unit cell (International Tables for
// Crystallography, Vol. A, 6th ed., 2016, Table 2.1.1.1): which angles are 90°
// or 120° and which edges or angles are equal. A cell that breaks them cannot
// belong to the space group, so its volume is not computed.
import type { CrystalSystem } from '../data/space-groups';
import type { CellParameters } from './cell-volume';

export type CellKey = keyof CellParameters;

/** The axes a cell is written on: trigonal R groups may use hexagonal or rhombohedral axes. */
export type CellSetting = CrystalSystem | 'rhombohedral' | 'monoclinic-c';

/** `gamma` must be 120, or `b` must equal `a`. */
export type CellConstraint = { parameter: CellKey; value: number } | { parameter: CellKey; equals: CellKey };

const right = (...keys: CellKey[]): CellConstraint[] => keys.map((parameter) => ({ parameter, value: 90 }));

export function cellConstraints(setting: CellSetting): CellConstraint[] {
  switch (setting) {
    case 'cubic':
      return [{ parameter: 'b', equals: 'a' }, { parameter: 'c', equals: 'a' }, ...right('alpha', 'beta', 'gamma')];
    case 'tetragonal':
      return [{ parameter: 'b', equals: 'a' }, ...right('alpha', 'beta', 'gamma')];
    case 'orthorhombic':
      return right('alpha', 'beta', 'gamma');
    case 'hexagonal':
    case 'trigonal':
      return [{ parameter: 'b', equals: 'a' }, ...right('alpha', 'beta'), { parameter: 'gamma', value: 120 }];
    case 'rhombohedral':
      return [{ parameter: 'b', equals: 'a' }, { parameter: 'c', equals: 'a' }, { parameter: 'beta', equals: 'alpha' }, { parameter: 'gamma', equals: 'alpha' }];
    case 'monoclinic':
      return right('alpha', 'gamma'); // unique axis b, the standard setting
    case 'monoclinic-c':
      return right('alpha', 'beta'); // unique axis c, e.g. P1121/b
    case 'triclinic':
      return [];
  }
}

/** How the system is described in messages: "a cubic cell", "a rhombohedral cell (trigonal, rhombohedral axes)". */
export function settingName(setting: CellSetting): string {
  if (setting === 'rhombohedral') return 'trigonal cell on rhombohedral axes';
  if (setting === 'monoclinic-c') return 'monoclinic cell with unique axis c';
  if (setting === 'trigonal') return 'trigonal cell on hexagonal axes';
  return `${setting} cell`;
}
