/**
 * Travel matrices over a handful of road nodes for the routing solver, by
 * the same fastest paths the simulation drives. Rows and columns of hubs
 * (depots, stations) come from the router's full trees; stop-to-stop entries
 * either from one Dijkstra per stop that stops once the group's other stops
 * are settled (`travelMatrices`; a group is one part of town, so each search
 * stays local), or by RPHAST on a contraction hierarchy of the same time
 * weight (`hubMatrices` + `fillStopBlock`, which any thread can run: the
 * hierarchy lives on SharedArrayBuffers, so a task carrying it shares it).
 * The two agree on times up to floating-point rounding (a shortcut's weight
 * is a sum taken in another order); where two paths tie on time the
 * hierarchy may keep the other one, whose length can differ.
 */
import { buildHierarchy, type ContractionHierarchy } from '../../network/contraction.ts';
import { DijkstraWorkspace } from '../../network/dijkstra.ts';
import { PhastWorkspace, restrictTo } from '../../network/phast.ts';
import type { RoadGraph } from '../../network/road-graph.ts';
import type { Router } from '../../sim/router.ts';

export interface Matrices { distanceM: Float64Array; timeS: Float64Array }

/** Hub rows and columns as hubMatrices; stop to stop by one Dijkstra per stop, stopped once the other stops are settled. */
export function travelMatrices(router: Router, ws: DijkstraWorkspace, nodes: readonly number[], hubCount: number): Matrices {
  const m = hubMatrices(router, nodes, hubCount);
  const L = nodes.length, local = nodes.slice(hubCount);
  if (local.length < 2) return m;
  for (let i = hubCount; i < L; i++) {
    ws.run(nodes[i], 'time', local);
    for (let j = hubCount; j < L; j++) {
      if (i === j || nodes[i] === nodes[j]) continue;
      m.timeS[i * L + j] = ws.dist[nodes[j]];
      m.distanceM[i * L + j] = ws.other[nodes[j]];
    }
  }
  return m;
}

/** Rows and columns of the hubs (the first `hubCount` nodes) from the router's trees; the stop-to-stop block is left 0 (`travelMatrices` or `fillStopBlock` fill it). */
export function hubMatrices(router: Router, nodes: readonly number[], hubCount: number): Matrices {
  const L = nodes.length;
  const distanceM = new Float64Array(L * L), timeS = new Float64Array(L * L);
  for (let i = 0; i < L; i++) {
    for (let j = 0; j < L; j++) {
      if (i === j || nodes[i] === nodes[j] || (i >= hubCount && j >= hubCount)) continue;
      timeS[i * L + j] = router.timeS(nodes[i], nodes[j]);
      distanceM[i * L + j] = router.lengthM(nodes[i], nodes[j]);
    }
  }
  return { distanceM, timeS };
}

/** The stop-to-stop block still to fill: the matrices' nodes, how many hubs lead them, and the divisor of times. */
export interface StopBlock { ch: ContractionHierarchy; nodes: Int32Array; hubCount: number; timeDivisor: number }

/** Fill the stop-to-stop block of row-major `distanceM` / `timeS` (times divided by `timeDivisor`) by RPHAST over the stops alone. */
export function fillStopBlock(distanceM: Float64Array | number[], timeS: Float64Array | number[], b: StopBlock): void {
  const L = b.nodes.length, H = b.hubCount, k = L - H;
  if (k < 2) return;
  const stops = b.nodes.subarray(H);
  const t = new Float64Array(k * k), d = new Float64Array(k * k);
  new PhastWorkspace(b.ch).runRestricted(stops, 0, k, restrictTo(b.ch, stops), t, d);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      if (i === j || stops[i] === stops[j]) continue;
      const at = (H + i) * L + H + j;
      timeS[at] = t[i * k + j] / b.timeDivisor;
      distanceM[at] = d[i * k + j];
    }
  }
}

const hierarchies = new WeakMap<RoadGraph, ContractionHierarchy>();

/** The time-weighted contraction hierarchy of a road graph, prepared the first time it is asked for. */
export function timeHierarchy(g: RoadGraph): ContractionHierarchy {
  let ch = hierarchies.get(g);
  if (!ch) hierarchies.set(g, (ch = buildHierarchy(g, 'time')));
  return ch;
}
