/**
 * An instance file from disk, its format told by its content: VRPLIB when it
 * has `KEY : value` header lines (NAME, DIMENSION …), otherwise the Kim et al.
 * waste-collection format (five numeric header lines).
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../../errors.ts';
import type { VrpInstance } from './instance.ts';
import type { Rounding } from './matrix.ts';
import { defaultRounding, parseVrplib } from './vrplib.ts';
import { parseKim } from './wcvrptw.ts';

export type InstanceFormat = 'vrplib' | 'kim';

export interface LoadedInstance {
  inst: VrpInstance;
  format: InstanceFormat;
  /** The EUC_2D rounding used (VRPLIB files with coordinates), else null. */
  rounding: Rounding | null;
}

export function detectFormat(text: string): InstanceFormat {
  return /^\s*(NAME|DIMENSION|TYPE)\s*:/m.test(text) ? 'vrplib' : 'kim';
}

export function readInstanceFile(file: string, rounding?: Rounding): LoadedInstance {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw InputError.one(file, 'cannot read the file');
  }
  if (detectFormat(text) === 'kim') return { inst: parseKim(text, file), format: 'kim', rounding: null };
  const inst = parseVrplib(text, file, rounding);
  const euclidean = inst.coordinates !== null;
  return { inst, format: 'vrplib', rounding: euclidean ? (rounding ?? defaultRounding(inst.name)) : null };
}
