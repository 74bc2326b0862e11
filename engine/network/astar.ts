/**
 * A* from one node to one node on the compact road graph. The heuristic is
 * the straight-line distance times the smallest weight per metre of
 * straight line over all edges, which never overestimates and is consistent
 * (h(u) ≤ w(u→v) + h(v) for every edge), so the first time the target is
 * settled its distance is exact — the same as Dijkstra's.
 */
import { IndexedMinHeap } from './heap.ts';
import type { RoadGraph } from './road-graph.ts';
import type { Weight } from './dijkstra.ts';

export class AStarWorkspace {
  readonly dist: Float64Array;
  readonly other: Float64Array;
  readonly parent: Int32Array;
  private readonly heap: IndexedMinHeap;
  private readonly closed: Uint8Array;
  private readonly touched: Int32Array;
  private nTouched = 0;
  private readonly w: Float64Array;
  private readonly o: Float64Array;
  /** Weight per straight-line metre that no edge undercuts. */
  readonly scale: number;

  constructor(readonly graph: RoadGraph, readonly weight: Weight = 'time') {
    const n = graph.nodeCount;
    this.dist = new Float64Array(n).fill(Infinity);
    this.other = new Float64Array(n);
    this.parent = new Int32Array(n).fill(-1);
    this.heap = new IndexedMinHeap(n);
    this.closed = new Uint8Array(n);
    this.touched = new Int32Array(n);
    this.w = weight === 'time' ? graph.timeS : graph.lengthM;
    this.o = weight === 'time' ? graph.lengthM : graph.timeS;
    let scale = Infinity;
    for (let u = 0; u < n; u++) {
      for (let e = graph.offsets[u]; e < graph.offsets[u + 1]; e++) {
        const v = graph.targets[e];
        const d = Math.hypot(graph.x[u] - graph.x[v], graph.y[u] - graph.y[v]);
        if (d > 0) scale = Math.min(scale, this.w[e] / d);
      }
    }
    this.scale = Number.isFinite(scale) ? scale : 0;
  }

  private reset(): void {
    for (let i = 0; i < this.nTouched; i++) {
      const v = this.touched[i];
      this.dist[v] = Infinity; this.parent[v] = -1; this.closed[v] = 0;
    }
    this.nTouched = 0;
    this.heap.clear();
  }

  /** Shortest distance source → target by the workspace's weight (Infinity if unreachable). Returns the nodes settled too. */
  run(source: number, target: number): { dist: number; other: number; settled: number } {
    this.reset();
    const g = this.graph, { dist, other, parent, heap, closed, touched, w, o, scale } = this;
    const tx = g.x[target], ty = g.y[target];
    const h = (v: number) => scale * Math.hypot(g.x[v] - tx, g.y[v] - ty);
    dist[source] = 0; other[source] = 0; touched[this.nTouched++] = source;
    heap.push(source, h(source));
    let settled = 0;
    while (heap.size > 0) {
      const u = heap.pop();
      closed[u] = 1;
      settled++;
      if (u === target) return { dist: dist[u], other: other[u], settled };
      const du = dist[u];
      for (let e = g.offsets[u], end = g.offsets[u + 1]; e < end; e++) {
        const v = g.targets[e];
        if (closed[v]) continue;
        const nd = du + w[e];
        if (nd < dist[v]) {
          if (dist[v] === Infinity) touched[this.nTouched++] = v;
          dist[v] = nd; other[v] = other[u] + o[e]; parent[v] = u;
          heap.push(v, nd + h(v));
        }
      }
    }
    return { dist: Infinity, other: Infinity, settled };
  }

  /** The node path of the last run to its target, or [] if unreachable. */
  path(target: number): number[] {
    if (this.dist[target] === Infinity) return [];
    const out: number[] = [];
    for (let v = target; v >= 0; v = this.parent[v]) out.push(v);
    return out.reverse();
  }
}
