import { describe, expect, it } from 'vitest';
import { applyPair, pairTask } from '../../engine/optimise/vrp/border-polish.ts';
import { kindsOf, partRoutes, partSpec, type Part, type PartContext } from '../../engine/optimise/vrp/planner-parts.ts';
import { vrpPlanner, type DayStats } from '../../engine/optimise/vrp/planner.ts';
import { solveTask } from '../../engine/optimise/vrp/solve-task.ts';
import { DijkstraWorkspace } from '../../engine/network/dijkstra.ts';
import type { World } from '../../engine/scenario/world.ts';
import type { DayPlan } from '../../engine/sim/plan.ts';
import { smallWorld } from '../helpers/scenarios.ts';
import { plannedM, setting } from './planner-setting.ts';

/** The small town with three stations taking both streams, so each stream has three catchments. */
const threeStations = () => smallWorld((s) => {
  s.collectionPoints = { generate: { count: 90, totalPopulation: 27000, binCapacityKg: { residual: 600, food: 300 } } };
  const ts = s.transferStations[0];
  s.transferStations = [
    { ...ts, id: 'TS-W', at: { fx: 0.15, fy: 0.5 } },
    { ...ts, id: 'TS-E', at: { fx: 0.85, fy: 0.5 } },
    { ...ts, id: 'TS-N', at: { fx: 0.5, fy: 0.9 } },
  ];
  s.fleet[0].count = 6;
  s.fleet[1].count = 3;
});

function visitsOnce(world: World, plan: DayPlan): void {
  const S = world.streams.length;
  const seen = new Uint8Array(plan.due.length);
  for (const r of plan.routes) for (const v of r.visits) if (v.kind === 'point') seen[v.point * S + r.stream]++;
  expect(Array.from(seen)).toEqual(Array.from(plan.due));
}

describe('the vrp planner in parts', () => {
  it('makes the same plan with 1 and 2 workers; the border polish keeps every due bin once and never lengthens the plan', async () => {
    const world = await threeStations();
    const { trucks, router, demand, ctx } = setting(world);
    const stats: DayStats[] = [];
    const one = vrpPlanner(world, trucks, router, demand, { workers: 1, onDay: (d) => stats.push(d) })(ctx);
    const two = vrpPlanner(world, trucks, router, demand, { workers: 2 })(ctx);
    expect(two).toEqual(one);
    expect(stats[0].parts).toBe(6);
    expect(stats[0].pairs).toBeGreaterThanOrEqual(4);
    // Holds by construction (a pair is taken only when shorter); that some pair was taken is what shows the polish working.
    expect(stats[0].polishedKm).toBeLessThanOrEqual(stats[0].partsKm);
    expect(stats[0].pairsTaken).toBeGreaterThan(0);
    expect(stats[0].polishedKm).toBeLessThan(stats[0].partsKm);
    visitsOnce(world, one);
    const unpolished = vrpPlanner(world, trucks, router, demand, { workers: 1, borderPolish: false })(ctx);
    visitsOnce(world, unpolished);
    expect(plannedM(world, trucks, router, one)).toBeLessThanOrEqual(plannedM(world, trucks, router, unpolished) + 1e-6);
    // Unloads name stations that take the route's stream.
    for (const r of one.routes) for (const v of r.visits) if (v.kind === 'unload') expect(world.stations[v.station].streamMask[r.stream]).toBe(true);
  }, 120_000);

  it('fails the day with the part named when a worker throws, and does not hang', async () => {
    const world = await threeStations();
    const { trucks, router, demand, ctx } = setting(world);
    const workerEntry = new URL('./failing-planner-worker.ts', import.meta.url);
    const plan = vrpPlanner(world, trucks, router, demand, { workers: 2, workerEntry });
    expect(() => plan(ctx)).toThrow(/part food@TS-N failed: broken on purpose/);
  }, 60_000);

  it('the border polish moves a bin put on the wrong side of the border back to the other catchment\'s trucks', async () => {
    const world = await threeStations();
    const { trucks, router, ctx } = setting(world);
    const S = world.streams.length;
    const pc: PartContext = { world, router, ws: new DijkstraWorkspace(world.graph), kgOf: (p, s) => ctx.waitingKg[p * S + s] };
    const residual = trucks.filter((t) => t.streamMask[0]);
    type Fleet = typeof trucks;
    const W = world.stations.findIndex((s) => s.id === 'TS-W'), E = world.stations.findIndex((s) => s.id === 'TS-E');
    const nearer = (p: number, a: number, b: number) => router.timeS(world.points[p].node, world.stations[a].node) < router.timeS(world.points[p].node, world.stations[b].node);
    const westPts = world.points.map((_, p) => p).filter((p) => nearer(p, W, E)).slice(0, 12);
    const eastPts = world.points.map((_, p) => p).filter((p) => nearer(p, E, W)).slice(0, 12);
    const part = (label: string, station: number, pts: number[], fleet: Fleet): Part => {
      const kinds = kindsOf(world, 0, fleet);
      const ans = solveTask({ label, spec: partSpec(pc, label, 0, [station], pts, kinds), seed: label, iterations: 300 });
      return { label, stream: 0, station, kinds, routes: partRoutes(ans, pts, [station]), km: ans.distance / 1000, feasible: ans.feasible };
    };
    const west = part('west', W, westPts, residual.slice(0, 3)), east = part('east', E, eastPts, residual.slice(3));
    // The east bin farthest from the west station goes to the end of a west route, just before its last unload.
    const far = eastPts.reduce((a, b) => (router.timeS(world.stations[W].node, world.points[b].node) > router.timeS(world.stations[W].node, world.points[a].node) ? b : a));
    for (const r of east.routes) r.visits = r.visits.filter((v) => !(v.kind === 'point' && v.point === far));
    const wr = west.routes[0].visits;
    wr.splice(wr.length - 1, 0, { kind: 'point', point: far });
    // Their km as they now stand: the pair's start, not searched.
    const start = pairTask(pc, west, east, 'start');
    west.km = solveTask({ ...start.task, iterations: 0 }).distance / 1000;
    east.km = 0;
    const before = west.km;
    const pt = pairTask(pc, west, east, 'polish');
    const ans = solveTask(pt.task);
    // A station with no room left refuses the change (the routes stay as they were) …
    expect(applyPair(west, east, pt, ans, pc.kgOf, () => false)).toBe(false);
    expect(west.routes[0].visits).toContainEqual({ kind: 'point', point: far });
    // … and with room it is taken.
    expect(applyPair(west, east, pt, ans, pc.kgOf, () => true)).toBe(true);
    expect(west.km + east.km).toBeLessThan(before);
    const onEast = east.routes.some((r) => r.visits.some((v) => v.kind === 'point' && v.point === far));
    expect(onEast).toBe(true);
    const all = [west, east].flatMap((p) => p.routes.flatMap((r) => r.visits.flatMap((v) => (v.kind === 'point' ? [v.point] : []))));
    expect(all.sort((a, b) => a - b)).toEqual([...westPts, ...eastPts].sort((a, b) => a - b));
  }, 60_000);
});
