/**
 * Polish across catchment borders. A bin goes to its nearest station's part,
 * yet near a border the other part's trucks may pass it anyway. For each pair
 * of neighbouring parts of a stream (each part with the parts of its nearest
 * stations by road), one task joins both fleets, both stations and all their
 * bins, starts from the two parts' routes together and runs a short ruin and
 * recreate; the result replaces the pair's routes only when it is feasible,
 * serves the same bins, drives fewer km and sends no station more kg past
 * its planning share of capacity (the share the catchments keep to). Pairs are grouped in rounds in
 * which no part appears twice, so a round's pairs can be solved in parallel
 * and the outcome does not depend on the number of threads.
 */
import type { Router } from '../../sim/router.ts';
import type { World } from '../../scenario/world.ts';
import { iterationsFor, partInstance, partPoints, partRoutes, type IterationBudget, type Part, type PartContext, type PartRoute, type SolveAnswer, type SolveTask } from './planner-parts.ts';
import { unloadAt } from './route-sim.ts';

/** Each part is paired with the parts of this many nearest stations. */
export const NEIGHBOURS = 2;
/** Ruin-and-recreate steps per stop of a pair, within bounds: a short search from a good start. */
const PAIR_BUDGET: IterationBudget = { perStop: 2, min: 100, max: 600 };

/**
 * Rounds of neighbouring pairs (indices into `parts`, which hold one stream
 * each): every part with the parts of the `NEIGHBOURS` stations of its stream
 * nearest by road (there and back); in a round no part appears twice.
 */
export function pairRounds(world: World, router: Router, parts: readonly Part[]): [number, number][][] {
  const keys = new Set<string>();
  const pairs: [number, number][] = [];
  parts.forEach((a, i) => {
    const at = world.stations[a.station].node;
    const others = parts.map((b, j) => ({ j, t: j === i || b.stream !== a.stream ? Infinity : router.timeS(at, world.stations[b.station].node) + router.timeS(world.stations[b.station].node, at) }))
      .filter((x) => Number.isFinite(x.t)).sort((x, y) => x.t - y.t || x.j - y.j).slice(0, NEIGHBOURS);
    for (const { j } of others) {
      const pair: [number, number] = [Math.min(i, j), Math.max(i, j)];
      if (!keys.has(pair.join())) { keys.add(pair.join()); pairs.push(pair); }
    }
  });
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const rounds: { pairs: [number, number][]; used: Set<number> }[] = [];
  for (const p of pairs) {
    let r = rounds.find((x) => !x.used.has(p[0]) && !x.used.has(p[1]));
    if (!r) rounds.push((r = { pairs: [], used: new Set() }));
    r.pairs.push(p);
    r.used.add(p[0]).add(p[1]);
  }
  return rounds.map((r) => r.pairs);
}

/** A pair's task, with what is needed to read its answer back. */
export interface PairTask { task: SolveTask; points: number[]; stations: number[] }

export function pairTask(pc: PartContext, a: Part, b: Part, seed: string): PairTask {
  const points = [...partPoints(a), ...partPoints(b)];
  const stations = [...new Set([a.station, b.station, ...[a, b].flatMap((p) => p.routes.flatMap((r) => r.visits.flatMap((v) => (v.kind === 'unload' ? [v.station] : []))))])];
  const kinds = [...a.kinds, ...b.kinds];
  const stopOf = new Map(points.map((p, i) => [p, i]));
  // Every unload of the current routes becomes a chosen unload: the start is the two parts' routes as they are.
  const start = [a, b].flatMap((part, k) => part.routes.map((r) => ({
    vehicleType: r.kind + (k === 0 ? 0 : a.kinds.length),
    stops: r.visits.map((v) => (v.kind === 'point' ? stopOf.get(v.point)! : unloadAt(stations.indexOf(v.station)))),
  })));
  const iterations = iterationsFor(PAIR_BUDGET, points.length);
  return { task: { label: `border ${a.label} | ${b.label}`, seed, iterations, start, ...partInstance(pc, seed, a.stream, stations, points, kinds) }, points, stations };
}

/** Kg each station is planned to receive from these routes of `stream` (the bins since the last unload), added times `sign` into `out`. */
export function addIntake(routes: readonly PartRoute[], stream: number, kgOf: (p: number, s: number) => number, out: Map<number, number>, sign = 1): void {
  for (const r of routes) {
    let kg = 0;
    for (const v of r.visits) {
      if (v.kind === 'point') kg += kgOf(v.point, stream);
      else if (v.kind === 'unload') { out.set(v.station, (out.get(v.station) ?? 0) + sign * kg); kg = 0; }
    }
  }
}

/**
 * Take a pair's answer when it is feasible and shorter and `fits` accepts the
 * change in each station's planned kg; returns whether it was taken.
 */
export function applyPair(a: Part, b: Part, pt: PairTask, ans: SolveAnswer, kgOf: (p: number, s: number) => number, fits: (change: Map<number, number>) => boolean): boolean {
  const beforeM = (a.km + b.km) * 1000;
  if (!ans.feasible || ans.distance >= beforeM - 1) return false;
  const routes = partRoutes(ans, pt.points, pt.stations);
  const change = new Map<number, number>();
  addIntake(routes, a.stream, kgOf, change);
  addIntake([...a.routes, ...b.routes], a.stream, kgOf, change, -1);
  if (!fits(change)) return false;
  const na = a.kinds.length;
  a.routes = routes.filter((r) => r.kind < na);
  b.routes = routes.filter((r) => r.kind >= na).map((r) => ({ ...r, kind: r.kind - na }));
  const km = (k: (t: number) => boolean) => ans.routes.reduce((s, r) => s + (k(r.vehicleType) ? r.distance : 0), 0) / 1000;
  a.km = km((t) => t < na);
  b.km = km((t) => t >= na);
  a.feasible = b.feasible = true;
  return true;
}
