/**
 * PHAST (Delling et al. 2011): one-to-all shortest paths on a contraction
 * hierarchy. An upward Dijkstra from the source touches a few hundred nodes;
 * then one linear sweep over the nodes in decreasing rank relaxes the
 * downward edges into each. The sweep reads memory in order and needs no
 * heap, which is what makes a matrix row cheap.
 *
 * For a matrix only the target columns matter, so the sweep can be
 * restricted (RPHAST) to the nodes from which some target is reachable by
 * downward edges: `restrictTo(ch, targets)` selects them once, and every row
 * then sweeps that much smaller, renumbered slice.
 */
import { IndexedMinHeap } from './heap.ts';
import type { ContractionHierarchy } from './contraction.ts';

/** Matrix rows swept together (see PhastWorkspace.runRestricted). */
const BATCH = 8;

/** The RPHAST slice for a set of targets; local index k stands for position `positions[k]`. */
export interface Restriction {
  positions: Int32Array;
  /** Downward edges into local node k: offsets[k] .. offsets[k+1]-1, sources as local indices. */
  offsets: Int32Array; source: Int32Array; w: Float64Array; o: Float64Array;
  /** Local index of each requested target, in the order given. */
  targetLocal: Int32Array;
  /** Local index of each position, -1 outside the slice. */
  localOf: Int32Array;
}

function shared<T extends Float64Array | Int32Array>(Ctor: { new (b: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, n: number): T {
  return new Ctor(new SharedArrayBuffer(Math.max(1, n) * Ctor.BYTES_PER_ELEMENT));
}

export function restrictTo(ch: ContractionHierarchy, targets: ArrayLike<number>): Restriction {
  const n = ch.nodeCount;
  const mark = new Uint8Array(n);
  const stack: number[] = [];
  for (let i = 0; i < targets.length; i++) {
    const p = ch.pos[targets[i]];
    if (!mark[p]) { mark[p] = 1; stack.push(p); }
  }
  while (stack.length > 0) {
    const p = stack.pop()!;
    for (let e = ch.downOffsets[p]; e < ch.downOffsets[p + 1]; e++) {
      const u = ch.downSource[e];
      if (!mark[u]) { mark[u] = 1; stack.push(u); }
    }
  }
  const local = shared(Int32Array, n).fill(-1);
  let k = 0, m = 0;
  for (let p = 0; p < n; p++) if (mark[p]) { local[p] = k++; m += ch.downOffsets[p + 1] - ch.downOffsets[p]; }
  const positions = shared(Int32Array, k), offsets = shared(Int32Array, k + 1);
  const source = shared(Int32Array, m), w = shared(Float64Array, m), o = shared(Float64Array, m);
  let at = 0;
  for (let p = 0; p < n; p++) {
    if (!mark[p]) continue;
    const i = local[p];
    positions[i] = p;
    for (let e = ch.downOffsets[p]; e < ch.downOffsets[p + 1]; e++, at++) {
      source[at] = local[ch.downSource[e]]; w[at] = ch.downW[e]; o[at] = ch.downO[e];
    }
    offsets[i + 1] = at;
  }
  const targetLocal = shared(Int32Array, targets.length);
  for (let i = 0; i < targets.length; i++) targetLocal[i] = local[ch.pos[targets[i]]];
  return { positions, offsets, source, w, o, targetLocal, localOf: local };
}

export class PhastWorkspace {
  /** By position (see ContractionHierarchy.pos): the weight and the other measure from the last full run. */
  readonly dist: Float64Array;
  readonly other: Float64Array;
  private readonly heap: IndexedMinHeap;
  private readonly touched: Int32Array;
  private nTouched = 0;
  private swept = false;
  private localDist = new Float64Array(0);
  private localOther = new Float64Array(0);

  constructor(readonly ch: ContractionHierarchy) {
    this.dist = new Float64Array(ch.nodeCount).fill(Infinity);
    this.other = new Float64Array(ch.nodeCount);
    this.heap = new IndexedMinHeap(ch.nodeCount);
    this.touched = new Int32Array(ch.nodeCount);
  }

  /** Upward Dijkstra from `source`: sets dist/other on the nodes it reaches. */
  private upward(source: number): void {
    const { ch, dist, other, heap, touched } = this;
    if (this.swept) { dist.fill(Infinity); this.swept = false; }
    else for (let i = 0; i < this.nTouched; i++) dist[touched[i]] = Infinity;
    this.nTouched = 0;
    const s = ch.pos[source];
    dist[s] = 0; other[s] = 0; touched[this.nTouched++] = s;
    heap.clear();
    heap.push(s, 0);
    const { upOffsets, upTarget, upW, upO, downOffsets, downSource, downW } = ch;
    next: while (heap.size > 0) {
      const u = heap.pop();
      const du = dist[u];
      // Stall on demand: a higher node already reaches u more cheaply, so no
      // shortest path climbs through u; the sweep will correct u itself.
      for (let e = downOffsets[u], end = downOffsets[u + 1]; e < end; e++) {
        if (dist[downSource[e]] + downW[e] < du) continue next;
      }
      for (let e = upOffsets[u], end = upOffsets[u + 1]; e < end; e++) {
        const v = upTarget[e], nd = du + upW[e];
        if (nd < dist[v]) {
          if (dist[v] === Infinity) touched[this.nTouched++] = v;
          dist[v] = nd; other[v] = other[u] + upO[e]; heap.push(v, nd);
        }
      }
    }
  }

  /** Shortest paths from node `source` to every node; read them with distTo/otherTo. */
  run(source: number): void {
    this.upward(source);
    const { ch, dist, other } = this;
    const { downOffsets, downSource, downW, downO } = ch;
    for (let v = 0, n = ch.nodeCount; v < n; v++) {
      let dv = dist[v], ov = other[v];
      for (let e = downOffsets[v], end = downOffsets[v + 1]; e < end; e++) {
        const u = downSource[e], nd = dist[u] + downW[e];
        if (nd < dv) { dv = nd; ov = other[u] + downO[e]; }
      }
      dist[v] = dv; other[v] = ov;
    }
    // Any node may now be finite: the next run resets them all.
    this.swept = true;
  }

  distTo(node: number): number { return this.dist[this.ch.pos[node]]; }
  otherTo(node: number): number { return this.other[this.ch.pos[node]]; }

  /**
   * Matrix rows for sources[from..to) on a restriction, written row-major
   * (`cols` = the restriction's targets) into outDist/outOther. The rows
   * share one sweep: each edge is read once for up to BATCH sources, whose
   * distances sit side by side. Each source's arithmetic is the same as
   * alone, so how rows are grouped never changes a result.
   */
  runRestricted(sources: ArrayLike<number>, from: number, to: number, r: Restriction, outDist: Float64Array, outOther: Float64Array): void {
    for (let b0 = from; b0 < to; b0 += BATCH) this.batch(sources, b0, Math.min(to, b0 + BATCH), r, outDist, outOther);
  }

  private batch(sources: ArrayLike<number>, from: number, to: number, r: Restriction, outDist: Float64Array, outOther: Float64Array): void {
    const K = to - from, k = r.positions.length;
    if (this.localDist.length < k * BATCH) { this.localDist = new Float64Array(k * BATCH); this.localOther = new Float64Array(k * BATCH); }
    const ld = this.localDist, lo = this.localOther, { dist, other, touched } = this;
    ld.fill(Infinity, 0, k * K);
    for (let b = 0; b < K; b++) {
      this.upward(sources[from + b]);
      for (let i = 0; i < this.nTouched; i++) {
        const p = touched[i], li = r.localOf[p];
        if (li >= 0) { ld[li * K + b] = dist[p]; lo[li * K + b] = other[p]; }
      }
    }
    const { offsets, source: src, w, o } = r;
    for (let i = 0; i < k; i++) {
      const at = i * K;
      for (let e = offsets[i], end = offsets[i + 1]; e < end; e++) {
        const from = src[e] * K, we = w[e], oe = o[e];
        for (let b = 0; b < K; b++) {
          const nd = ld[from + b] + we;
          if (nd < ld[at + b]) { ld[at + b] = nd; lo[at + b] = lo[from + b] + oe; }
        }
      }
    }
    const t = r.targetLocal, cols = t.length;
    for (let b = 0; b < K; b++) {
      const row = (from + b) * cols;
      for (let j = 0; j < cols; j++) {
        const d = ld[t[j] * K + b];
        outDist[row + j] = d; outOther[row + j] = d === Infinity ? Infinity : lo[t[j] * K + b];
      }
    }
  }
}
