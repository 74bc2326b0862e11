/** The candidates file of `wastetwin flows --candidates`: capacity a planner could add, each with its cost. */
import { readFileSync } from 'node:fs';
import { InputError, type Problem } from '../../errors.ts';
import type { Candidate } from './siting.ts';

/**
 * A JSON list (or `{ "candidates": [...] }`) of {id, kind: plant|station,
 * site, addTonnesPerDay, cost, newSite?}; every fault is named. `newSite:
 * true` marks a planned site of the scenario as unbuilt: no capacity unless
 * a candidate on it is chosen.
 */
export function readCandidates(file: string): Candidate[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw InputError.one('--candidates', `cannot read ${file} as JSON: ${(e as Error).message}`);
  }
  const list = Array.isArray(data) ? data : (data as { candidates?: unknown })?.candidates;
  if (!Array.isArray(list) || list.length === 0) throw InputError.one('--candidates', 'must be a non-empty JSON list of candidates (or { "candidates": [...] })');
  const problems: Problem[] = [];
  list.forEach((c: Record<string, unknown>, i) => {
    const at = `candidates[${i}]`;
    if (typeof c !== 'object' || c === null) { problems.push({ path: at, message: 'must be an object' }); return; }
    if (typeof c.id !== 'string') problems.push({ path: `${at}.id`, message: 'must be a string' });
    if (c.kind !== 'plant' && c.kind !== 'station') problems.push({ path: `${at}.kind`, message: 'must be "plant" or "station"' });
    if (typeof c.site !== 'string') problems.push({ path: `${at}.site`, message: 'must be the id of a plant or station of the scenario' });
    for (const k of ['addTonnesPerDay', 'cost'] as const) if (typeof c[k] !== 'number') problems.push({ path: `${at}.${k}`, message: 'must be a number' });
    if (c.newSite !== undefined && typeof c.newSite !== 'boolean') problems.push({ path: `${at}.newSite`, message: 'must be true or false' });
  });
  if (problems.length > 0) throw new InputError(problems);
  return list as Candidate[];
}
