import { describe, expect, it } from 'vitest';
import { assemble } from '../../engine/optimise/vrp/assemble.ts';
import { checkSolution } from '../../engine/optimise/vrp/checker.ts';
import { solve } from '../../engine/optimise/vrp/index.ts';
import { createInstance, type InstanceSpec } from '../../engine/optimise/vrp/instance.ts';
import { euclideanMatrix } from '../../engine/optimise/vrp/matrix.ts';
import { RouteSimulator, unloadAt } from '../../engine/optimise/vrp/route-sim.ts';
import type { Visit, VrpSolution } from '../../engine/optimise/vrp/solution.ts';
import { smallWaste } from './fixtures.ts';

/**
 * One truck on a line: depot at 0, transfer station at 10, stops at 5 (2 t),
 * 20 (1 t) and 30 (2 t), 3 t a trip, one second per unit. The windows allow
 * only the order 5, 20, 30. Unloading only when forced, the truck turns back
 * from 20 to the station before 30: 80 units. Unloading while passing the
 * station between 5 and 20: 60.
 */
function passingStation(facility: Partial<NonNullable<InstanceSpec['facilities']>[number]> = {}): InstanceSpec {
  const xs = [0, 10, 5, 20, 30];
  const d = euclideanMatrix(xs, xs.map(() => 0), 'none');
  return {
    name: 'passing-station', dimensions: ['t'], locationCount: 5, distance: d, durationSeconds: d,
    depots: [{ id: 'depot', location: 0 }],
    facilities: [{ id: 'station', location: 1, ...facility }],
    stops: [
      { id: 'a', location: 2, load: [2], windowOpenSeconds: 0, windowCloseSeconds: 10 },
      { id: 'b', location: 3, load: [1], windowOpenSeconds: 15, windowCloseSeconds: 30 },
      { id: 'c', location: 4, load: [2], windowOpenSeconds: 25, windowCloseSeconds: 60 },
    ],
    vehicleTypes: [{ id: 'truck', count: 1, capacity: [3] }],
    unloadAtDepot: false,
  };
}

const kinds = (visits: readonly Visit[]) => visits.map((v) => (v.kind === 'stop' ? `s${v.index}` : v.kind));

describe('unloads chosen by the search', () => {
  it('unloads while passing the station when that is cheaper than the forced unload, and the solver finds it', async () => {
    const inst = createInstance(passingStation());
    const forced = new RouteSimulator(inst).plan(0, 0, [0, 1, 2]);
    expect(forced.cost).toBe(80);
    expect(kinds(forced.visits)).toEqual(['depot', 's0', 's1', 'facility', 's2', 'facility', 'depot']);

    const sol = await solve(inst, { seed: 1, iterations: 200, threads: 1 });
    expect(sol.method).toBe('ruin-recreate');
    expect(checkSolution(inst, sol)).toEqual([]);
    expect(sol.cost).toBe(60);
    expect(sol.cost).toBeLessThan(forced.cost);
    expect(kinds(sol.routes[0].visits)).toEqual(['depot', 's0', 'facility', 's1', 's2', 'facility', 'depot']);
  });

  it('keeps to the opening hours: with the station opening late, the early unload would miss a window, so the unload stays forced', async () => {
    const inst = createInstance(passingStation({ openSeconds: 40 }));
    const sol = await solve(inst, { seed: 1, iterations: 200, threads: 1 });
    expect(checkSolution(inst, sol)).toEqual([]);
    expect(sol.feasible).toBe(true);
    expect(sol.cost).toBe(80);
    expect(kinds(sol.routes[0].visits)).toEqual(['depot', 's0', 's1', 'facility', 's2', 'facility', 'depot']);
  });

  it('the checker still rejects such a plan when it ends loaded or unloads at a closed station', async () => {
    const spec = passingStation();
    const sol = await solve(createInstance(spec), { seed: 1, iterations: 200, threads: 1 });
    const r = sol.routes[0];
    const early = r.visits[2];
    expect(early.kind).toBe('facility');

    const noLastUnload: VrpSolution = { ...sol, routes: [{ ...r, visits: [...r.visits.slice(0, -2), r.visits.at(-1)!] }] };
    expect(checkSolution(createInstance(spec), noLastUnload).map((v) => v.kind)).toContain('not-empty');

    const closed = createInstance(passingStation({ openSeconds: 0, closeSeconds: early.startSeconds - 1 }));
    expect(checkSolution(closed, sol).map((v) => v.kind)).toContain('facility-hours');
  });

  it('a marker unloads at the station it names; markers on an empty truck do nothing', () => {
    const inst = createInstance(passingStation());
    const sim = new RouteSimulator(inst);
    const UNLOAD = unloadAt(0);
    expect(sim.evaluate(0, [0, UNLOAD, 1, 2]).distance).toBe(60);
    expect(sim.evaluate(0, [UNLOAD, 0, UNLOAD, UNLOAD, 1, 2, UNLOAD])).toEqual(sim.evaluate(0, [0, UNLOAD, 1, 2]));
    const sol = assemble(inst, sim, [{ vehicleType: 0, stops: [0, UNLOAD, 1, 2] }]);
    expect(sol.feasible).toBe(true);
    expect(checkSolution(inst, sol)).toEqual([]);
  });

  it('a waste day solved with the facility moves passes the checker', async () => {
    const inst = createInstance(smallWaste(3, 30));
    const sol = await solve(inst, { seed: 2, iterations: 600, threads: 1 });
    expect(sol.feasible).toBe(true);
    expect(checkSolution(inst, sol)).toEqual([]);
  });
});
