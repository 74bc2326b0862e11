import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../engine/optimise/vrp/checker.ts';
import { solve } from '../../engine/optimise/vrp/index.ts';
import { createInstance } from '../../engine/optimise/vrp/instance.ts';
import { smallWaste } from './fixtures.ts';

describe('a fleet of exactly the trucks needed', () => {
  it('keeps every stop served and feasible while the ruin empties routes and strings move between them', async () => {
    for (const seed of [1, 2, 3]) {
      const free = await solve(createInstance(smallWaste(seed, 40)), { seed: 1, iterations: 400, threads: 1 });
      expect(free.feasible).toBe(true);
      const trucks = free.routes.length;
      const inst = createInstance(smallWaste(seed, 40, { count: trucks }));
      const sol = await solve(inst, { seed: 1, iterations: 1500, threads: 1 });
      expect(checkSolution(inst, sol)).toEqual([]);
      expect(sol.feasible).toBe(true);
      expect(sol.routes.length).toBeLessThanOrEqual(trucks);
    }
  });
});
