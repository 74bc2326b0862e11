/**
 * Every shortest-path method against a plain reference Dijkstra on random
 * graphs: the heap Dijkstra, A*, PHAST on a contraction hierarchy, and the
 * travel matrix (contraction hierarchy and Dijkstra, in this thread and on
 * one and two workers), for least time and for least length.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DijkstraWorkspace, type Weight } from '../../engine/network/dijkstra.ts';
import { AStarWorkspace } from '../../engine/network/astar.ts';
import { buildHierarchy } from '../../engine/network/contraction.ts';
import { PhastWorkspace } from '../../engine/network/phast.ts';
import { travelMatrix } from '../../engine/parallel/matrix.ts';
import { WorkerCrashError } from '../../engine/parallel/pool.ts';
import { buildGraph, randomGraphSpec, referenceDijkstra, sameDistance } from './graphs.ts';

const weights: Weight[] = ['time', 'length'];

describe('shortest paths agree with a reference Dijkstra', () => {
  for (const weight of weights) {
    it(`Dijkstra, A* and PHAST, least ${weight}`, () => {
      fc.assert(fc.property(randomGraphSpec(), fc.nat(), (spec, pick) => {
        const g = buildGraph(spec);
        const source = pick % g.nodeCount;
        const ref = referenceDijkstra(g, source, weight);
        const dj = new DijkstraWorkspace(g);
        dj.run(source, weight);
        const astar = new AStarWorkspace(g, weight);
        const phast = new PhastWorkspace(buildHierarchy(g, weight));
        phast.run(source);
        for (let t = 0; t < g.nodeCount; t++) {
          expect(sameDistance(dj.dist[t], ref.dist[t])).toBe(true);
          expect(sameDistance(phast.distTo(t), ref.dist[t])).toBe(true);
          // The other measure is only defined where there is a path.
          if (ref.dist[t] < Infinity) {
            expect(sameDistance(dj.other[t], ref.other[t])).toBe(true);
            expect(sameDistance(phast.otherTo(t), ref.other[t])).toBe(true);
          }
          const a = astar.run(source, t);
          expect(sameDistance(a.dist, ref.dist[t])).toBe(true);
          expect(sameDistance(a.other, ref.other[t])).toBe(true);
        }
      }), { numRuns: 150 });
    });
  }

  it('the path Dijkstra and A* return is a chain of real edges with the reported length', () => {
    fc.assert(fc.property(randomGraphSpec(), fc.nat(), fc.nat(), (spec, a, b) => {
      const g = buildGraph(spec);
      const s = a % g.nodeCount, t = b % g.nodeCount;
      const dj = new DijkstraWorkspace(g);
      dj.run(s, 'time');
      const astar = new AStarWorkspace(g, 'time');
      const res = astar.run(s, t);
      for (const [path, total] of [[dj.path(t), dj.dist[t]], [astar.path(t), res.dist]] as const) {
        if (total === Infinity) { expect(path).toEqual([]); continue; }
        expect(path[0]).toBe(s);
        expect(path[path.length - 1]).toBe(t);
        let sum = 0;
        for (let i = 1; i < path.length; i++) {
          let best = Infinity;
          for (let e = g.offsets[path[i - 1]]; e < g.offsets[path[i - 1] + 1]; e++) if (g.targets[e] === path[i]) best = Math.min(best, g.timeS[e]);
          expect(best).toBeLessThan(Infinity);
          sum += best;
        }
        expect(sameDistance(sum, total)).toBe(true);
      }
    }), { numRuns: 100 });
  });

  it('matrices in this thread, by both methods, for both weights', async () => {
    // Up to 20 sources: rows are swept in groups of up to 8, with a remainder.
    await fc.assert(fc.asyncProperty(randomGraphSpec(30), fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
      async (spec, rs, cs) => {
        const g = buildGraph(spec);
        const sources = rs.map((r) => r % g.nodeCount), targets = cs.map((c) => c % g.nodeCount);
        for (const weight of weights) {
          const refs = sources.map((s) => referenceDijkstra(g, s, weight));
          for (const method of ['ch', 'dijkstra'] as const) {
            const m = await travelMatrix(g, sources, targets, { weight, method, threads: 0 });
            const [main, other] = weight === 'time' ? [m.timeS, m.lengthM] : [m.lengthM, m.timeS];
            sources.forEach((_, i) => targets.forEach((t, j) => {
              expect(sameDistance(main[i * targets.length + j], refs[i].dist[t])).toBe(true);
              expect(sameDistance(other[i * targets.length + j], refs[i].other[t])).toBe(true);
            }));
          }
        }
      }), { numRuns: 60 });
  });
});

describe('matrices on worker threads', () => {
  it('agree with the reference and are the same bytes in this thread and on 1 and 2 workers', async () => {
    const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    const specs = fc.sample(randomGraphSpec(60), { numRuns: 2, seed: 42 });
    for (const spec of specs) {
      const g = buildGraph(spec);
      // 40 rows: tasks of 40, 3 and 2 rows in this thread, on 1 and on 2 workers, so rows are grouped differently each time.
      const pts = Array.from({ length: 40 }, (_, i) => (i * 7) % g.nodeCount);
      const ch = buildHierarchy(g, 'time');
      const here = await travelMatrix(g, pts, pts, { threads: 0, hierarchy: ch });
      const one = await travelMatrix(g, pts, pts, { threads: 1, hierarchy: ch });
      const two = await travelMatrix(g, pts, pts, { threads: 2, hierarchy: ch });
      const twoDj = await travelMatrix(g, pts, pts, { threads: 2, method: 'dijkstra' });
      for (const m of [one, two]) {
        expect(bytes(m.timeS)).toEqual(bytes(here.timeS));
        expect(bytes(m.lengthM)).toEqual(bytes(here.lengthM));
      }
      pts.forEach((s, i) => {
        const ref = referenceDijkstra(g, s, 'time');
        pts.forEach((t, j) => {
          expect(sameDistance(one.timeS[i * pts.length + j], ref.dist[t])).toBe(true);
          expect(sameDistance(twoDj.timeS[i * pts.length + j], ref.dist[t])).toBe(true);
          expect(sameDistance(twoDj.lengthM[i * pts.length + j], ref.other[t])).toBe(true);
        });
      });
    }
  });

  it('reports progress up to every row', async () => {
    const g = buildGraph(fc.sample(randomGraphSpec(30), { numRuns: 1, seed: 7 })[0]);
    const pts = Array.from({ length: 40 }, (_, i) => i % g.nodeCount);
    const seen: number[] = [];
    await travelMatrix(g, pts, pts.slice(0, 5), { threads: 2, onProgress: (done, total) => { expect(total).toBe(40); seen.push(done); } });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[seen.length - 1]).toBe(40);
  });

  it('fails with a clear error, never hangs, when a worker fails on its rows', async () => {
    const g = buildGraph(fc.sample(randomGraphSpec(10), { numRuns: 1, seed: 5 })[0]);
    // A graph that claims more nodes than a typed array can hold: each worker's Dijkstra workspace throws a RangeError.
    const huge = { ...g, nodeCount: 2 ** 40 };
    const call = travelMatrix(huge, [0, 1, 0], [1], { threads: 2, method: 'dijkstra' });
    await expect(call).rejects.toBeInstanceOf(WorkerCrashError);
    await expect(call).rejects.toThrow(/^travel matrix 3 × 1 failed after 0 rows: worker task \d failed: Invalid typed array length/);
  });

  it('refuses node ids that are not in the graph, naming them', async () => {
    const g = buildGraph(fc.sample(randomGraphSpec(10), { numRuns: 1, seed: 3 })[0]);
    await expect(travelMatrix(g, [0, g.nodeCount + 5], [0], { threads: 0 })).rejects.toThrow(/sources\[1\]: \d+ is not a node/);
  });
});
