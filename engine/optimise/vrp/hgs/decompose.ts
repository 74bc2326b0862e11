/**
 * Decomposition for large instances (Santini, Schneider, Vidal & Vigo 2023,
 * "Decomposition strategies for vehicle routing heuristics", barycentre
 * clustering): the routes of a good solution are ordered by the polar angle
 * of their barycentre around the depot and cut, from a random first route,
 * into consecutive groups of about `size` customers. Each group is a CVRP of
 * its own (same depot, capacity and duration limit) solved by a short genetic
 * search that starts from the group's current routes; improved routes replace
 * the old ones. Routes of different groups never share a customer, so any mix
 * of the groups' solutions is as feasible as its parts.
 *
 * On a thousand customers the whole-instance search manages a few hundred
 * offspring a minute; a 150-customer group gets as many in a second.
 */
import type { CvrpData, HgsSettings } from './params.ts';
import { randInt, type Params, type Random } from './params.ts';

export interface DecomposeSettings {
  /** Customers per group, about (whole routes are kept together). */
  size: number;
  /** Offspring the genetic search makes in each group. */
  iterations: number;
  /** Individuals of the group's initial population besides its current routes. */
  initial: number;
}

/** Makes the genetic search of a group; a callback so this module does not import the search that imports it. */
export type SubSolver = (data: CvrpData, seed: string, settings: Partial<HgsSettings>, start: number[][], iterations: number, deadlineMs: number) => number[][] | null;

/** `routes` (customers 1..n) improved group by group; routes of unimproved groups come back unchanged. */
export function improveBySectors(p: Params, routes: number[][], rng: Random, s: DecomposeSettings, solveSub: SubSolver, deadlineMs: number): number[][] {
  const live = routes.filter((r) => r.length > 0);
  const groups = sectorGroups(p, live, s.size, randInt(rng, Math.max(1, live.length)));
  const out: number[][] = [];
  for (const group of groups) {
    if (performance.now() >= deadlineMs || group.length < 2) { out.push(...group); continue; }
    const { data, global } = subProblem(p, group);
    const local = new Map<number, number>(global.map((c, i) => [c, i]));
    const start = group.map((r) => r.map((c) => local.get(c)!));
    const seed = String(randInt(rng, 2 ** 31));
    const better = solveSub(data, seed, { nbIterRestart: Infinity, initialIndividuals: s.initial }, start, s.iterations, deadlineMs)
      ?.map((r) => r.map((c) => global[c]));
    out.push(...(better && cost(p, better) < cost(p, group) - 1e-6 ? better : group));
  }
  return out;
}

/** Routes by barycentre angle, cut into runs of about `size` customers starting at route `first`. */
function sectorGroups(p: Params, routes: number[][], size: number, first: number): number[][][] {
  const xs = p.data.x!, ys = p.data.y!;
  const angle = (r: number[]) => {
    let cx = 0, cy = 0;
    for (const c of r) { cx += xs[c]; cy += ys[c]; }
    return Math.atan2(cy / r.length - ys[0], cx / r.length - xs[0]);
  };
  const order = routes.map((r, i) => ({ r, a: angle(r), i })).sort((a, b) => a.a - b.a || a.i - b.i).map((e) => e.r);
  const rotated = [...order.slice(first), ...order.slice(0, first)];
  const groups: number[][][] = [];
  let cur: number[][] = [], count = 0;
  for (const r of rotated) {
    cur.push(r); count += r.length;
    if (count >= size) { groups.push(cur); cur = []; count = 0; }
  }
  // A short last group joins the previous one rather than being solved alone.
  if (cur.length > 0) { if (groups.length > 0 && count < size / 2) groups[groups.length - 1].push(...cur); else groups.push(cur); }
  return groups;
}

/** The group as a CVRP of its own: depot 0, its customers renumbered 1..k (`global[i]` is local i's number). */
function subProblem(p: Params, group: number[][]): { data: CvrpData; global: number[] } {
  const global = [0, ...group.flat()];
  const k = global.length, N = p.N, d = p.data;
  const dist = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) dist[a * k + b] = d.dist[global[a] * N + global[b]];
  let load = 0;
  for (const c of global) load += d.demand[c];
  return {
    global,
    data: {
      n: k - 1, dist, capacity: d.capacity, durationLimit: d.durationLimit,
      demand: Float64Array.from(global, (c) => d.demand[c]), service: Float64Array.from(global, (c) => d.service[c]),
      // Room for the search to use more routes than the group has while infeasible.
      nbVehicles: Math.max(group.length + 2, Math.ceil((1.3 * load) / d.capacity) + 3),
      x: d.x && Float64Array.from(global, (c) => d.x![c]), y: d.y && Float64Array.from(global, (c) => d.y![c]),
    },
  };
}

function cost(p: Params, routes: number[][]): number {
  let total = 0;
  for (const r of routes) {
    if (r.length === 0) continue;
    total += p.d(0, r[0]) + p.d(r[r.length - 1], 0);
    for (let i = 1; i < r.length; i++) total += p.d(r[i - 1], r[i]);
  }
  return total;
}
