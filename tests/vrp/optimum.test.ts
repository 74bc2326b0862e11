import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../engine/optimise/vrp/checker.ts';
import { createInstance, type VrpInstance } from '../../engine/optimise/vrp/instance.ts';
import { solve } from '../../engine/optimise/vrp/index.ts';
import { RouteSimulator, unloadAt } from '../../engine/optimise/vrp/route-sim.ts';
import { smallCvrp, smallWaste } from './fixtures.ts';

/** Every permutation of 0..n-1 (Heap's algorithm). */
function* permutations(n: number): Generator<number[]> {
  const a = Array.from({ length: n }, (_, i) => i), c = new Array<number>(n).fill(0);
  yield a.slice();
  for (let i = 1; i < n;) {
    if (c[i] < i) {
      const j = i % 2 ? c[i] : 0;
      [a[i], a[j]] = [a[j], a[i]];
      yield a.slice();
      c[i]++; i = 1;
    } else { c[i] = 0; i++; }
  }
}

/**
 * The optimum by enumeration: every order of the stops, cut into routes in
 * every way (2^(n-1) cuts), each route costed by the route timetable with a
 * penalty-free rule (an infeasible route rules the cut out) and, with
 * facilities, the cheapest choice of extra unloads between its stops
 * (2^(k-1) per route of k stops). Any solution is some order cut somewhere
 * with some unloads added, so the minimum is the optimum.
 */
function bruteForce(inst: VrpInstance): number {
  const sim = new RouteSimulator(inst);
  const n = inst.stops.length;
  const memo = new Map<string, number>();
  const routeCost = (seq: number[]) => {
    const key = seq.join(',');
    let c = memo.get(key);
    if (c === undefined) {
      c = Infinity;
      const choices = inst.facilities.length > 0 && !inst.unloadAtDepot ? 1 << Math.max(0, seq.length - 1) : 1;
      for (let u = 0; u < choices; u++) {
        const m = sim.evaluate(0, seq.flatMap((s, i) => ((u >> i) & 1 ? [s, unloadAt(0)] : [s])));
        if (m.violation === 0 && m.cost < c) c = m.cost;
      }
      memo.set(key, c);
    }
    return c;
  };
  let best = Infinity;
  for (const perm of permutations(n)) {
    for (let cuts = 0; cuts < 1 << (n - 1); cuts++) {
      let cost = 0, start = 0;
      for (let i = 1; i <= n && cost < best; i++) {
        if (i === n || (cuts >> (i - 1)) & 1) { cost += routeCost(perm.slice(start, i)); start = i; }
      }
      if (cost < best) best = cost;
    }
  }
  return best;
}

describe('small instances are solved to optimum', () => {
  it('capacitated (the genetic search): 7 customers, four seeds', async () => {
    for (const seed of [1, 2, 3, 4]) {
      const inst = smallCvrp(seed, 7);
      const sol = await solve(inst, { seed: 1, iterations: 300 });
      expect(sol.method).toBe('hgs');
      expect(checkSolution(inst, sol)).toEqual([]);
      expect(sol.cost, `seed ${seed}`).toBe(bruteForce(inst));
    }
  });

  it('with windows, lunch, a shift and unloads at a station (ruin and recreate): 6 stops, three seeds', async () => {
    let lunches = 0, reloads = 0;
    for (const seed of [5, 6, 7]) {
      const inst = createInstance(smallWaste(seed, 6, { capacity: [900, 6] }));
      const sol = await solve(inst, { seed: 1, iterations: 1500 });
      for (const r of sol.routes) {
        if (r.lunchStartSeconds !== null) lunches++;
        if (r.visits.filter((v) => v.kind === 'facility').length > 1) reloads++;
      }
      expect(sol.method).toBe('ruin-recreate');
      expect(checkSolution(inst, sol)).toEqual([]);
      expect(sol.cost, `seed ${seed}`).toBeCloseTo(bruteForce(inst), 6);
    }
    // The fixtures do exercise the rich rules: lunch breaks and several trips in one shift.
    expect(lunches).toBeGreaterThan(0);
    expect(reloads).toBeGreaterThan(0);
  });
});
