/**
 * Test graphs and a reference for the path tests: random road graphs from
 * fast-check (random positions, lengths at least the straight line so A*'s
 * heuristic stays admissible, random speeds, some one-way roads), and the
 * plainest Dijkstra there is (scan every node for the minimum), which the
 * fast methods must agree with.
 */
import fc from 'fast-check';
import { RoadModel, toRoadGraph, type RoadGraph } from '../../engine/network/road-graph.ts';
import type { Weight } from '../../engine/network/dijkstra.ts';

export interface RandomGraphSpec {
  n: number;
  xy: [number, number][];
  edges: { a: number; b: number; stretch: number; speedKmh: number; oneWay: boolean }[];
}

export const randomGraphSpec = (maxNodes = 40): fc.Arbitrary<RandomGraphSpec> =>
  fc.integer({ min: 2, max: maxNodes }).chain((n) => fc.record({
    n: fc.constant(n),
    xy: fc.array(fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 })), { minLength: n, maxLength: n }),
    edges: fc.array(fc.record({
      a: fc.integer({ min: 0, max: n - 1 }), b: fc.integer({ min: 0, max: n - 1 }),
      stretch: fc.double({ min: 1, max: 2, noNaN: true }), speedKmh: fc.integer({ min: 10, max: 90 }), oneWay: fc.boolean(),
    }), { minLength: 1, maxLength: n * 4 }),
  }));

export function buildGraph(spec: RandomGraphSpec): RoadGraph {
  const m = new RoadModel();
  for (let i = 0; i < spec.n; i++) m.addNode(String(i), { x: spec.xy[i][0], y: spec.xy[i][1] });
  spec.edges.forEach((e, i) => {
    if (e.a === e.b) return;
    const [ax, ay] = spec.xy[e.a], [bx, by] = spec.xy[e.b];
    // Never shorter than the straight line; the 1 m keeps coincident nodes apart.
    const lengthM = Math.hypot(ax - bx, ay - by) * e.stretch + 1 + i * 1e-7;
    m.addDirectedEdgeWithKey(`${i}+`, String(e.a), String(e.b), { lengthM, speedKmh: e.speedKmh, roadClass: 'local' });
    if (!e.oneWay) m.addDirectedEdgeWithKey(`${i}-`, String(e.b), String(e.a), { lengthM, speedKmh: e.speedKmh, roadClass: 'local' });
  });
  return toRoadGraph(m);
}

/** Distances from `source` by `weight`, and the other measure along those paths. */
export function referenceDijkstra(g: RoadGraph, source: number, weight: Weight): { dist: number[]; other: number[] } {
  const w = weight === 'time' ? g.timeS : g.lengthM, o = weight === 'time' ? g.lengthM : g.timeS;
  const dist = new Array<number>(g.nodeCount).fill(Infinity), other = new Array<number>(g.nodeCount).fill(Infinity);
  const done = new Array<boolean>(g.nodeCount).fill(false);
  dist[source] = 0; other[source] = 0;
  for (;;) {
    let u = -1;
    for (let v = 0; v < g.nodeCount; v++) if (!done[v] && dist[v] < Infinity && (u < 0 || dist[v] < dist[u])) u = v;
    if (u < 0) return { dist, other };
    done[u] = true;
    for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
      const v = g.targets[e];
      if (dist[u] + w[e] < dist[v]) { dist[v] = dist[u] + w[e]; other[v] = other[u] + o[e]; }
    }
  }
}

/** Equal as distances: both infinite, or within a relative 1e-9 (sums taken in another order). */
export function sameDistance(a: number, b: number): boolean {
  if (a === Infinity || b === Infinity) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
