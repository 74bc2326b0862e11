/**
 * Snapping points to the road network with a kd-tree (kdbush): to the nearest
 * usable node, or to the nearest point on a usable road (the segments of
 * every edge's polyline), so a bin beside a long straight road is snapped to
 * that road and not refused for being far from its junctions. Points farther
 * than the limit are refused, all at once, with their ids named.
 */
import KDBush from 'kdbush';
import { InputError } from '../errors.ts';
import type { RoadGraph } from './road-graph.ts';

export interface NodeSnap { node: number; distanceM: number }
export interface EdgeSnap {
  edge: number;
  /** The nearest point on the road. */
  x: number; y: number;
  distanceM: number;
  /** Metres along the edge from its start node to that point. */
  alongM: number;
  /** The edge's end node nearer along the road: where a truck stops. */
  node: number;
}

export class Snapper {
  private readonly nodes: Int32Array;
  private readonly nodeIndex: KDBush;
  private segs?: { edge: Int32Array; xy: Float64Array; along: Float64Array; index: KDBush; maxHalfM: number; box: Box };
  private readonly nodeBox: Box;

  /** `usable(v)`: whether node v may be snapped to (e.g. it is in the largest strongly connected component). */
  constructor(readonly graph: RoadGraph, private readonly usable: (v: number) => boolean = () => true) {
    const g = graph;
    const nodes: number[] = [];
    for (let v = 0; v < g.nodeCount; v++) if (usable(v)) nodes.push(v);
    if (nodes.length === 0) throw InputError.one('network', 'no usable road node to snap to');
    this.nodes = Int32Array.from(nodes);
    this.nodeIndex = new KDBush(nodes.length);
    this.nodeBox = emptyBox();
    for (const v of nodes) {
      this.nodeIndex.add(g.x[v], g.y[v]);
      grow(this.nodeBox, g.x[v], g.y[v]);
    }
    this.nodeIndex.finish();
  }

  /** One entry per straight piece of every usable road, indexed at its midpoint; built on first use. */
  private segments(): NonNullable<Snapper['segs']> {
    if (this.segs) return this.segs;
    const g = this.graph, usable = this.usable;
    const segEdge: number[] = [], seg: number[] = [], along: number[] = [];
    let maxHalf = 0;
    const box = emptyBox();
    for (let u = 0; u < g.nodeCount; u++) {
      if (!usable(u)) continue;
      for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
        const v = g.targets[e];
        if (!usable(v)) continue;
        let px = g.x[u], py = g.y[u], at = 0;
        const piece = (qx: number, qy: number) => {
          const len = Math.hypot(qx - px, qy - py);
          segEdge.push(e); seg.push(px, py, qx, qy); along.push(at);
          grow(box, px, py); grow(box, qx, qy);
          maxHalf = Math.max(maxHalf, len / 2);
          at += len; px = qx; py = qy;
        };
        for (let s = g.shapeOffsets[e]; s < g.shapeOffsets[e + 1]; s += 2) piece(g.shapeXY[s], g.shapeXY[s + 1]);
        piece(g.x[v], g.y[v]);
      }
    }
    const index = new KDBush(Math.max(1, segEdge.length));
    for (let i = 0; i < segEdge.length; i++) index.add((seg[4 * i] + seg[4 * i + 2]) / 2, (seg[4 * i + 1] + seg[4 * i + 3]) / 2);
    if (segEdge.length === 0) index.add(Infinity, Infinity);
    index.finish();
    this.segs = { edge: Int32Array.from(segEdge), xy: Float64Array.from(seg), along: Float64Array.from(along), index, maxHalfM: maxHalf, box };
    return this.segs;
  }

  /** The nearest usable node (ties: the lower node index). */
  nearestNode(x: number, y: number): NodeSnap {
    const g = this.graph;
    for (let r = 16; ; r *= 2) {
      const found = this.nodeIndex.within(x, y, r);
      if (found.length > 0 || r >= farthest(this.nodeBox, x, y)) {
        let best = -1, bestD = Infinity;
        for (const i of found) {
          const v = this.nodes[i];
          const d = Math.hypot(g.x[v] - x, g.y[v] - y);
          if (d < bestD || (d === bestD && v < best)) { bestD = d; best = v; }
        }
        if (best >= 0) return { node: best, distanceM: bestD };
      }
    }
  }

  /** The nearest point on a usable road (ties: the lower edge index); undefined if there is no road at all. */
  nearestEdge(x: number, y: number): EdgeSnap | undefined {
    const S = this.segments();
    if (S.edge.length === 0) return undefined;
    const g = this.graph, xy = S.xy;
    for (let r = 16; ; r *= 2) {
      // A segment within r of the point has its midpoint within r + half its length.
      const found = S.index.within(x, y, r + S.maxHalfM);
      let best = -1, bestD = Infinity, bestT = 0;
      for (const i of found) {
        const ax = xy[4 * i], ay = xy[4 * i + 1], dx = xy[4 * i + 2] - ax, dy = xy[4 * i + 3] - ay, l2 = dx * dx + dy * dy;
        const t = l2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / l2)) : 0;
        const d = Math.hypot(ax + t * dx - x, ay + t * dy - y);
        if (d < bestD || (d === bestD && S.edge[i] < S.edge[best])) { bestD = d; best = i; bestT = t; }
      }
      if (best >= 0 && bestD <= r) {
        const e = S.edge[best];
        const ax = xy[4 * best], ay = xy[4 * best + 1], bx = xy[4 * best + 2], by = xy[4 * best + 3];
        const alongM = S.along[best] + bestT * Math.hypot(bx - ax, by - ay);
        const u = sourceOf(g, e), v = g.targets[e];
        const total = polylineLength(g, e);
        return { edge: e, x: ax + bestT * (bx - ax), y: ay + bestT * (by - ay), distanceM: bestD, alongM, node: alongM <= total - alongM ? u : v };
      }
      // Every segment lies in the box, so within its farthest corner of the point.
      if (r >= farthest(S.box, x, y)) return undefined;
    }
  }

  /**
   * Snap every point to its nearest road; refuse those farther than `maxM`,
   * naming each (`path` is the field they came from, for the message).
   */
  snapAll(points: readonly { id: string; x: number; y: number }[], maxM: number, path = 'points'): EdgeSnap[] {
    const out: EdgeSnap[] = [];
    const refused: { id: string; d: number }[] = [];
    for (const p of points) {
      const s = this.nearestEdge(p.x, p.y)!;
      if (s.distanceM > maxM) refused.push({ id: p.id, d: s.distanceM });
      out.push(s);
    }
    if (refused.length > 0) {
      throw new InputError(refused.map((r) => ({ path: `${path} ${r.id}`, message: `unreachable: ${Math.round(r.d)} m from the nearest usable road (limit ${maxM} m)` })),
        `${refused.length} point(s) farther than ${maxM} m from any road: ${refused.map((r) => r.id).join(', ')}`);
    }
    return out;
  }
}

interface Box { xmin: number; ymin: number; xmax: number; ymax: number }
const emptyBox = (): Box => ({ xmin: Infinity, ymin: Infinity, xmax: -Infinity, ymax: -Infinity });
function grow(b: Box, x: number, y: number): void {
  b.xmin = Math.min(b.xmin, x); b.ymin = Math.min(b.ymin, y); b.xmax = Math.max(b.xmax, x); b.ymax = Math.max(b.ymax, y);
}
/** The distance from (x, y) to the box's farthest corner: no point in the box is farther. */
function farthest(b: Box, x: number, y: number): number {
  return Math.hypot(Math.max(Math.abs(x - b.xmin), Math.abs(x - b.xmax)), Math.max(Math.abs(y - b.ymin), Math.abs(y - b.ymax)));
}

/** The start node of edge e (binary search in the CSR offsets). */
export function sourceOf(g: RoadGraph, e: number): number {
  let lo = 0, hi = g.nodeCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (g.offsets[mid] <= e) lo = mid; else hi = mid - 1;
  }
  return lo;
}

function polylineLength(g: RoadGraph, e: number): number {
  const u = sourceOf(g, e);
  let px = g.x[u], py = g.y[u], len = 0;
  for (let s = g.shapeOffsets[e]; s < g.shapeOffsets[e + 1]; s += 2) { len += Math.hypot(g.shapeXY[s] - px, g.shapeXY[s + 1] - py); px = g.shapeXY[s]; py = g.shapeXY[s + 1]; }
  return len + Math.hypot(g.x[g.targets[e]] - px, g.y[g.targets[e]] - py);
}
