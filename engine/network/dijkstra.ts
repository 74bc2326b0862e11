/**
 * Dijkstra on the compact road graph with an indexed binary heap and a
 * workspace reused between queries (no allocation per query). Ties between
 * equal keys are broken by node id, so paths are the same on every run.
 */
import { IndexedMinHeap } from './heap.ts';
import type { RoadGraph } from './road-graph.ts';

export type Weight = 'time' | 'length';

export class DijkstraWorkspace {
  readonly dist: Float64Array;
  readonly other: Float64Array;
  readonly parent: Int32Array;
  readonly heap: IndexedMinHeap;
  private touched: Int32Array;
  private nTouched = 0;

  constructor(readonly graph: RoadGraph) {
    const n = graph.nodeCount;
    this.dist = new Float64Array(n).fill(Infinity);
    this.other = new Float64Array(n);
    this.parent = new Int32Array(n).fill(-1);
    this.heap = new IndexedMinHeap(n);
    this.touched = new Int32Array(n);
  }

  private reset(): void {
    for (let i = 0; i < this.nTouched; i++) {
      const v = this.touched[i];
      this.dist[v] = Infinity;
      this.parent[v] = -1;
    }
    this.nTouched = 0;
    this.heap.clear();
  }

  /**
   * Shortest paths from `source` by `weight`; `other` accumulates the other
   * measure along the chosen path. Stops early once every node of `targets`
   * is settled (when given). Returns the number of settled nodes.
   */
  run(source: number, weight: Weight = 'time', targets?: ArrayLike<number>): number {
    this.reset();
    const g = this.graph;
    const w = weight === 'time' ? g.timeS : g.lengthM;
    const o = weight === 'time' ? g.lengthM : g.timeS;
    const { dist, other, parent, heap, touched } = this;
    let remaining = -1;
    let want: Set<number> | undefined;
    if (targets) {
      want = new Set(Array.from(targets));
      remaining = want.size;
    }
    dist[source] = 0; other[source] = 0; touched[this.nTouched++] = source;
    heap.push(source, 0);
    let settled = 0;
    while (heap.size > 0) {
      const u = heap.pop();
      settled++;
      if (want && want.has(u) && --remaining === 0) break;
      const du = dist[u];
      for (let e = g.offsets[u], end = g.offsets[u + 1]; e < end; e++) {
        const v = g.targets[e];
        const nd = du + w[e];
        if (nd < dist[v]) {
          if (dist[v] === Infinity) touched[this.nTouched++] = v;
          dist[v] = nd;
          other[v] = other[u] + o[e];
          parent[v] = u;
          heap.push(v, nd);
        }
      }
    }
    return settled;
  }

  /** The node path source → target of the last run, or [] if unreachable. */
  path(target: number): number[] {
    if (this.dist[target] === Infinity) return [];
    const out: number[] = [];
    for (let v = target; v >= 0; v = this.parent[v]) out.push(v);
    return out.reverse();
  }
}
