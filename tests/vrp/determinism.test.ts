import { describe, expect, it } from 'vitest';
import { createInstance, solve, type VrpSolution } from '../../engine/optimise/vrp/index.ts';
import { readInstanceFile } from '../../engine/optimise/vrp/read-file.ts';
import { smallWaste } from './fixtures.ts';

const routesOf = (s: VrpSolution) => s.routes.map((r) => [r.vehicleType, ...r.visits.map((v) => `${v.kind}${v.index}`)].join(' '));

describe('same seed and iteration budget, same solution on 1 and 2 threads', () => {
  it('the genetic search (CMT1, four islands)', async () => {
    const { inst } = readInstanceFile('data/cvrplib/CMT1.vrp');
    const one = await solve(inst, { seed: 7, iterations: 400, threads: 1 });
    const two = await solve(inst, { seed: 7, iterations: 400, threads: 2 });
    expect(two.cost).toBe(one.cost);
    expect(routesOf(two)).toEqual(routesOf(one));
    expect(two.iterations).toBe(one.iterations);
  });

  it('ruin and recreate (a waste day of 40 stops, four islands)', async () => {
    const inst = createInstance(smallWaste(11, 40));
    const one = await solve(inst, { seed: 'k', iterations: 800, threads: 1 });
    const two = await solve(inst, { seed: 'k', iterations: 800, threads: 2 });
    expect(one.feasible).toBe(true);
    expect(two.cost).toBe(one.cost);
    expect(routesOf(two)).toEqual(routesOf(one));
  });
});
