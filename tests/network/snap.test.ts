/** Snapping against brute force over every node and every road segment. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Snapper, sourceOf } from '../../engine/network/snap.ts';
import { InputError } from '../../engine/errors.ts';
import type { RoadGraph } from '../../engine/network/road-graph.ts';
import { buildGraph, randomGraphSpec } from './graphs.ts';

function bruteEdgeDistance(g: RoadGraph, x: number, y: number, usable: (v: number) => boolean): number {
  let best = Infinity;
  for (let e = 0; e < g.edgeCount; e++) {
    const u = sourceOf(g, e), v = g.targets[e];
    if (!usable(u) || !usable(v)) continue;
    const pts = [g.x[u], g.y[u]];
    for (let s = g.shapeOffsets[e]; s < g.shapeOffsets[e + 1]; s++) pts.push(g.shapeXY[s]);
    pts.push(g.x[v], g.y[v]);
    for (let i = 2; i < pts.length; i += 2) {
      const ax = pts[i - 2], ay = pts[i - 1], dx = pts[i] - ax, dy = pts[i + 1] - ay, l2 = dx * dx + dy * dy;
      const t = l2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / l2)) : 0;
      best = Math.min(best, Math.hypot(ax + t * dx - x, ay + t * dy - y));
    }
  }
  return best;
}

describe('snapping', () => {
  it('finds the nearest usable node and the nearest point on a usable road', () => {
    fc.assert(fc.property(randomGraphSpec(30), fc.array(fc.tuple(fc.integer({ min: -2000, max: 7000 }), fc.integer({ min: -2000, max: 7000 })), { minLength: 1, maxLength: 10 }), fc.nat(),
      (spec, pts, skip) => {
        const g = buildGraph(spec);
        const usable = (v: number) => g.nodeCount < 3 || v !== skip % g.nodeCount;
        const snap = new Snapper(g, usable);
        for (const [x, y] of pts) {
          const n = snap.nearestNode(x, y);
          expect(usable(n.node)).toBe(true);
          for (let v = 0; v < g.nodeCount; v++) if (usable(v)) expect(n.distanceM).toBeLessThanOrEqual(Math.hypot(g.x[v] - x, g.y[v] - y) + 1e-9);
          const e = snap.nearestEdge(x, y);
          const brute = bruteEdgeDistance(g, x, y, usable);
          if (brute === Infinity) { expect(e).toBeUndefined(); continue; }
          expect(e!.distanceM).toBeCloseTo(brute, 6);
          expect(Math.hypot(e!.x - x, e!.y - y)).toBeCloseTo(e!.distanceM, 6);
          expect([sourceOf(g, e!.edge), g.targets[e!.edge]]).toContain(e!.node);
        }
      }), { numRuns: 100 });
  });

  it('finds a road farther from the point than the network is wide (regression: the search stopped too soon)', () => {
    // Usable nodes at x = 2996 and 3565 only; the point at the origin is 2996 m from the road.
    const g = buildGraph({ n: 3, xy: [[3565, 0], [2996, 0], [0, 0]], edges: [{ a: 0, b: 1, stretch: 1, speedKmh: 10, oneWay: false }] });
    const snap = new Snapper(g, (v) => v !== 2);
    expect(snap.nearestEdge(0, 0)!.distanceM).toBeCloseTo(2996, 9);
    expect(snap.nearestNode(0, 0)).toEqual({ node: 1, distanceM: 2996 });
    expect(snap.nearestEdge(-50_000, 20_000)!.node).toBe(1);
  });

  it('refuses every point beyond the limit at once, naming each', () => {
    const g = buildGraph({ n: 2, xy: [[0, 0], [1000, 0]], edges: [{ a: 0, b: 1, stretch: 1, speedKmh: 30, oneWay: false }] });
    const snap = new Snapper(g);
    const ok = snap.snapAll([{ id: 'near', x: 500, y: 40 }], 50);
    expect(ok[0].distanceM).toBeCloseTo(40, 9);
    expect(ok[0].alongM).toBeCloseTo(500, 6);
    let err: unknown;
    try { snap.snapAll([{ id: 'A', x: 500, y: 60 }, { id: 'B', x: 10, y: 0 }, { id: 'C', x: -300, y: 0 }], 50); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(InputError);
    const problems = (err as InputError).problems;
    expect(problems.map((p) => p.path)).toEqual(['points A', 'points C']);
    expect(problems[1].message).toMatch(/300 m from the nearest usable road \(limit 50 m\)/);
  });
});
