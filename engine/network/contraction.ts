/**
 * Contraction hierarchies (Geisberger et al. 2008): nodes are contracted one
 * by one, least important first, adding a shortcut u→w whenever the only
 * shortest u→w path went through the contracted node. Afterwards every
 * shortest path climbs up the hierarchy and then down, so a query explores a
 * few hundred nodes instead of the whole city.
 *
 * Importance is the edge difference (shortcuts added − edges removed) plus
 * the number of neighbours already contracted, which spreads contraction
 * evenly; it is re-evaluated lazily when a node reaches the top of the queue.
 * Witness searches are bounded (by settled nodes): a search cut short only
 * adds a shortcut that was not needed, never a wrong distance.
 *
 * The result is laid out for PHAST (./phast.ts): node positions in
 * decreasing rank, the upward edges of each node, and the downward edges
 * into each node, all in typed arrays on SharedArrayBuffers so worker
 * threads share one copy.
 */
import { IndexedMinHeap } from './heap.ts';
import type { RoadGraph } from './road-graph.ts';
import type { Weight } from './dijkstra.ts';

export interface ContractionHierarchy {
  nodeCount: number;
  weight: Weight;
  /** order[p]: the node at position p; position 0 was contracted last (highest rank). */
  order: Int32Array;
  /** pos[v]: the position of node v. */
  pos: Int32Array;
  /** Edges from position p to higher-ranked positions: upOffsets[p] .. upOffsets[p+1]-1. */
  upOffsets: Int32Array; upTarget: Int32Array; upW: Float64Array; upO: Float64Array;
  /** Edges into position p from higher-ranked positions. */
  downOffsets: Int32Array; downSource: Int32Array; downW: Float64Array; downO: Float64Array;
  shortcuts: number;
}

export interface BuildOptions {
  /** Settled-node limit of a witness search while estimating importance, and while contracting. */
  estimateLimit?: number;
  contractLimit?: number;
  onProgress?: (done: number, total: number) => void;
}

function shared<T extends Float64Array | Int32Array>(Ctor: { new (b: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, n: number): T {
  return new Ctor(new SharedArrayBuffer(Math.max(1, n) * Ctor.BYTES_PER_ELEMENT));
}

/** Adjacency lists as flat triples [neighbour, weight, other, …]. */
type Adj = number[][];

export function buildHierarchy(g: RoadGraph, weight: Weight = 'time', opts: BuildOptions = {}): ContractionHierarchy {
  const n = g.nodeCount;
  const estimateLimit = opts.estimateLimit ?? 10, contractLimit = opts.contractLimit ?? 100;
  const W = weight === 'time' ? g.timeS : g.lengthM, O = weight === 'time' ? g.lengthM : g.timeS;
  const out: Adj = Array.from({ length: n }, () => []);
  const inn: Adj = Array.from({ length: n }, () => []);
  const addArc = (u: number, x: number, w: number, o: number): boolean => {
    const ou = out[u];
    for (let i = 0; i < ou.length; i += 3) {
      if (ou[i] !== x) continue;
      if (w > ou[i + 1] || (w === ou[i + 1] && o >= ou[i + 2])) return false;
      ou[i + 1] = w; ou[i + 2] = o;
      const ix = inn[x];
      for (let j = 0; j < ix.length; j += 3) if (ix[j] === u) { ix[j + 1] = w; ix[j + 2] = o; break; }
      return true;
    }
    ou.push(x, w, o); inn[x].push(u, w, o);
    return true;
  };
  for (let u = 0; u < n; u++) {
    for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) if (g.targets[e] !== u) addArc(u, g.targets[e], W[e], O[e]);
  }

  const contracted = new Uint8Array(n);
  const deleted = new Int32Array(n);
  const dist = new Float64Array(n).fill(Infinity);
  const touched: number[] = [];
  const heap = new IndexedMinHeap(n);

  /** Bounded Dijkstra from u avoiding `skip`; leaves tentative distances in `dist`. */
  const witness = (u: number, skip: number, maxD: number, limit: number) => {
    for (const t of touched) dist[t] = Infinity;
    touched.length = 0;
    heap.clear();
    dist[u] = 0; touched.push(u); heap.push(u, 0);
    let settled = 0;
    while (heap.size > 0) {
      if (heap.peekKey() > maxD || ++settled > limit) break;
      const x = heap.pop();
      const ox = out[x], dx = dist[x];
      for (let i = 0; i < ox.length; i += 3) {
        const y = ox[i];
        if (y === skip) continue;
        const nd = dx + ox[i + 1];
        if (nd < dist[y]) { if (dist[y] === Infinity) touched.push(y); dist[y] = nd; heap.push(y, nd); }
      }
    }
  };

  const pending: number[] = [];
  /** Shortcuts that contracting v needs; with `apply` they are left in `pending` as (u, x, w, o). */
  const shortcutsOf = (v: number, limit: number, apply: boolean): number => {
    const ov = out[v], iv = inn[v];
    let maxOut = 0;
    for (let i = 1; i < ov.length; i += 3) maxOut = Math.max(maxOut, ov[i]);
    let count = 0;
    pending.length = 0;
    for (let j = 0; j < iv.length; j += 3) {
      const u = iv[j], wu = iv[j + 1];
      witness(u, v, wu + maxOut, limit);
      for (let i = 0; i < ov.length; i += 3) {
        const x = ov[i];
        if (x === u) continue;
        const via = wu + ov[i + 1];
        if (dist[x] > via) { count++; if (apply) pending.push(u, x, via, iv[j + 2] + ov[i + 2]); }
      }
    }
    return count;
  };
  const priority = (v: number) => shortcutsOf(v, estimateLimit, false) - (out[v].length + inn[v].length) / 3 + deleted[v];

  const queue = new IndexedMinHeap(n);
  for (let v = 0; v < n; v++) queue.push(v, priority(v));
  const upOut: Adj = new Array(n), downIn: Adj = new Array(n);
  const order = shared(Int32Array, n), pos = shared(Int32Array, n);
  let rank = 0, shortcuts = 0;
  while (queue.size > 0) {
    const v = queue.pop();
    const p = priority(v);
    if (queue.size > 0 && p > queue.peekKey()) { queue.push(v, p); continue; }
    shortcutsOf(v, contractLimit, true);
    for (let i = 0; i < pending.length; i += 4) if (addArc(pending[i], pending[i + 1], pending[i + 2], pending[i + 3])) shortcuts++;
    upOut[v] = out[v]; downIn[v] = inn[v];
    contracted[v] = 1;
    pos[v] = n - 1 - rank; order[n - 1 - rank] = v; rank++;
    // Unlink v from its neighbours, then re-rate them.
    const nbs = new Set<number>();
    for (let i = 0; i < out[v].length; i += 3) { const x = out[v][i]; nbs.add(x); removeFrom(inn[x], v); }
    for (let i = 0; i < inn[v].length; i += 3) { const u = inn[v][i]; nbs.add(u); removeFrom(out[u], v); }
    out[v] = []; inn[v] = [];
    for (const x of nbs) { deleted[x]++; queue.set(x, priority(x)); }
    if ((rank & 4095) === 0) opts.onProgress?.(rank, n);
  }

  const pack = (lists: Adj) => {
    const offsets = shared(Int32Array, n + 1);
    let m = 0;
    for (let p = 0; p < n; p++) { m += lists[order[p]].length / 3; offsets[p + 1] = m; }
    const node = shared(Int32Array, m), w = shared(Float64Array, m), o = shared(Float64Array, m);
    for (let p = 0; p < n; p++) {
      const l = lists[order[p]];
      for (let i = 0, at = offsets[p]; i < l.length; i += 3, at++) { node[at] = pos[l[i]]; w[at] = l[i + 1]; o[at] = l[i + 2]; }
    }
    return { offsets, node, w, o };
  };
  const up = pack(upOut), down = pack(downIn);
  return {
    nodeCount: n, weight, order, pos,
    upOffsets: up.offsets, upTarget: up.node, upW: up.w, upO: up.o,
    downOffsets: down.offsets, downSource: down.node, downW: down.w, downO: down.o,
    shortcuts,
  };
}

function removeFrom(list: number[], v: number): void {
  for (let i = 0; i < list.length; i += 3) {
    if (list[i] !== v) continue;
    const last = list.length - 3;
    list[i] = list[last]; list[i + 1] = list[last + 1]; list[i + 2] = list[last + 2];
    list.length = last;
    return;
  }
}
