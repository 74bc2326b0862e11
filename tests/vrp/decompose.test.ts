/** Decomposition by route sectors: never loses a customer, never overloads, never makes the solution worse. */
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { improveBySectors } from '../../engine/optimise/vrp/hgs/decompose.ts';
import { Hgs, solveGroup } from '../../engine/optimise/vrp/hgs/genetic.ts';
import { makeRandom, Params, type CvrpData } from '../../engine/optimise/vrp/hgs/params.ts';

function randomCvrp(n: number, seed: string): CvrpData {
  const r = seedrandom(seed);
  const x = Float64Array.from({ length: n + 1 }, (_, i) => (i === 0 ? 500 : r() * 1000));
  const y = Float64Array.from({ length: n + 1 }, (_, i) => (i === 0 ? 500 : r() * 1000));
  const dist = new Float64Array((n + 1) ** 2);
  for (let a = 0; a <= n; a++) for (let b = 0; b <= n; b++) dist[a * (n + 1) + b] = Math.round(Math.hypot(x[a] - x[b], y[a] - y[b]));
  const demand = Float64Array.from({ length: n + 1 }, (_, i) => (i === 0 ? 0 : 1 + Math.floor(r() * 10)));
  return { n, dist, demand, service: new Float64Array(n + 1), capacity: 50, durationLimit: Infinity, nbVehicles: 100, x, y };
}

/** Customers by polar angle cut whenever the truck is full: feasible, and far from good. */
function sweep(p: Params): number[][] {
  const d = p.data, order = Array.from({ length: p.n }, (_, i) => i + 1);
  order.sort((a, b) => Math.atan2(d.y![a] - d.y![0], d.x![a] - d.x![0]) - Math.atan2(d.y![b] - d.y![0], d.x![b] - d.x![0]));
  const routes: number[][] = [[]];
  let load = 0;
  for (const c of order) {
    if (load + d.demand[c] > d.capacity) { routes.push([]); load = 0; }
    routes[routes.length - 1].push(c); load += d.demand[c];
  }
  return routes;
}

const cost = (p: Params, routes: number[][]) => routes.reduce((t, r) => t + (r.length === 0 ? 0 :
  p.d(0, r[0]) + p.d(r[r.length - 1], 0) + r.slice(1).reduce((s, c, i) => s + p.d(r[i], c), 0)), 0);

describe('decomposition by route sectors', () => {
  const p = new Params(randomCvrp(300, 'decompose'));
  const start = sweep(p);

  it('improves a sweep solution group by group, keeping every customer once and every route within capacity', () => {
    const out = improveBySectors(p, start, makeRandom('1'), { size: 60, iterations: 40, initial: 2 }, solveGroup, Infinity);
    expect(out.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    for (const r of out) expect(r.reduce((s, c) => s + p.data.demand[c], 0)).toBeLessThanOrEqual(p.data.capacity);
    expect(cost(p, out)).toBeLessThan(0.97 * cost(p, start));
  });

  it('keeps a group as it was when its search comes back with something worse', () => {
    // Every customer on a truck of its own: the same customers, far longer.
    const singletons = (_d: CvrpData, _s: string, _o: object, st: number[][]) => st.flat().map((c) => [c]);
    const out = improveBySectors(p, start, makeRandom('1'), { size: 60, iterations: 40, initial: 2 }, singletons, Infinity);
    expect(cost(p, out)).toBe(cost(p, start));
    expect(new Set(out.map((r) => r.join(',')))).toEqual(new Set(start.map((r) => r.join(','))));
  });

  it('is part of the genetic search without breaking its determinism: same seed and budget, same routes', () => {
    const settings = { initialIndividuals: 4, decompositionMinCustomers: 100, decompositionEvery: 3, decompositionSize: 60, decompositionIterations: 15, decompositionInitial: 1 };
    const run = () => { const h = new Hgs(p.data, '7', settings); h.run({ maxIterations: 8 }); return h.best()!; };
    const a = run(), b = run();
    expect(a.routes).toEqual(b.routes);
    expect(a.cost).toBeLessThan(0.97 * cost(p, start));
  });
});
