import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readScenario } from '../../engine/scenario/read.ts';
import { InputError } from '../../engine/errors.ts';
import { smallScenario, writeTemp } from '../helpers/scenarios.ts';

function variant(body: unknown): string {
  const { dir } = writeTemp(smallScenario(), 'base.json');
  const file = join(dir, 'variant.json');
  writeFileSync(file, JSON.stringify(body));
  return file;
}

function problemsOf(fn: () => unknown): string[] {
  try { fn(); } catch (err) {
    if (err instanceof InputError) return err.problems.map((p) => `${p.path}: ${p.message}`);
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('scenario variants (extends + set)', () => {
  it('changes elements picked by id, by position and all at once, and keeps the rest of the base', () => {
    const s = readScenario(variant({
      extends: 'base.json', name: 'small-variant',
      set: {
        'plants[INC].capacityTonnesPerDay': 5,
        'fleet[1].count': 3,
        'transferStations[*].bays': 4,
        days: 9,
      },
    }));
    expect(s.name).toBe('small-variant');
    expect(s.days).toBe(9);
    expect(s.plants.find((p) => p.id === 'INC')!.capacityTonnesPerDay).toBe(5);
    expect(s.plants.find((p) => p.id === 'BIO')!.capacityTonnesPerDay).toBe(10);
    expect(s.fleet[1].count).toBe(3);
    expect(s.fleet[0].count).toBe(2);
    expect(s.transferStations.every((t) => t.bays === 4)).toBe(true);
  });

  it('validates the merged scenario like any other', () => {
    const problems = problemsOf(() => readScenario(variant({ extends: 'base.json', set: { 'fleet[0].capacityKg': -1 } })));
    expect(problems.some((p) => p.startsWith('fleet[0].capacityKg'))).toBe(true);
  });

  it('names a path that leads nowhere, a missing base and a cycle', () => {
    expect(problemsOf(() => readScenario(variant({ extends: 'base.json', set: { 'plants[NOPE].pitTonnes': 1 } }))))
      .toEqual(['set["plants[NOPE].pitTonnes"]: no element [NOPE]']);
    expect(problemsOf(() => readScenario(variant({ extends: 'missing.json' }))).join()).toMatch(/cannot read the base scenario missing\.json/);
    const { dir } = writeTemp({ extends: 'b.json' }, 'a.json');
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ extends: 'a.json' }));
    expect(problemsOf(() => readScenario(join(dir, 'a.json'))).join()).toMatch(/circular/);
  });
});
