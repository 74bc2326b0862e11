/**
 * Travel between road nodes for the simulation and the planners.
 *
 * Hubs (depots, stations, plants) get two full shortest-path trees each: one
 * on the road graph (from the hub to everywhere) and one on its reverse (from
 * everywhere to the hub). Every other question — point to point — is a
 * Dijkstra that stops as soon as its target is settled, cached by (from, to):
 * routes repeat from day to day, so after the first day nearly every leg is a
 * cache hit. Memory stays at O(hubs × nodes + legs driven), never
 * O(points × nodes), which is what lets a megacity fit.
 *
 * Times are free-flow road times; a vehicle divides them by its speed factor.
 */
import { DijkstraWorkspace } from '../network/dijkstra.ts';
import { findEdge, type RoadGraph } from '../network/road-graph.ts';
import { transpose } from '../network/transpose.ts';

export interface Leg { timeS: number; lengthM: number; nodes: Int32Array }

interface Tree { timeS: Float64Array; lengthM: Float64Array; parent?: Int32Array }

export class Router {
  private readonly ws: DijkstraWorkspace;
  private reverseWs?: DijkstraWorkspace;
  private readonly from = new Map<number, Tree>();
  private readonly to = new Map<number, Tree>();
  private readonly legs = new Map<number, Leg>();
  /** Counters for benchmarks: legs answered from the cache and searched. */
  readonly stats = { legHits: 0, legSearches: 0 };

  constructor(readonly graph: RoadGraph, hubs: Iterable<number> = [], private readonly maxLegs = 2_000_000) {
    this.ws = new DijkstraWorkspace(graph);
    for (const h of hubs) this.addHub(h);
  }

  /** Keep full trees to and from node h. */
  addHub(h: number): void {
    if (this.from.has(h)) return;
    this.ws.run(h, 'time');
    this.from.set(h, { timeS: this.ws.dist.slice(), lengthM: this.ws.other.slice(), parent: this.ws.parent.slice() });
    this.reverseWs ??= new DijkstraWorkspace(transpose(this.graph));
    this.reverseWs.run(h, 'time');
    // On the reverse graph a node's parent is its next step towards the hub.
    this.to.set(h, { timeS: this.reverseWs.dist.slice(), lengthM: this.reverseWs.other.slice(), parent: this.reverseWs.parent.slice() });
  }

  timeS(a: number, b: number): number {
    if (a === b) return 0;
    const f = this.from.get(a);
    if (f) return f.timeS[b];
    const t = this.to.get(b);
    if (t) return t.timeS[a];
    return this.leg(a, b).timeS;
  }

  lengthM(a: number, b: number): number {
    if (a === b) return 0;
    const f = this.from.get(a);
    if (f) return f.lengthM[b];
    const t = this.to.get(b);
    if (t) return t.lengthM[a];
    return this.leg(a, b).lengthM;
  }

  /** The fastest path a → b, with its time and length. */
  leg(a: number, b: number): Leg {
    const key = a * this.graph.nodeCount + b;
    const hit = this.legs.get(key);
    if (hit) { this.stats.legHits++; return hit; }
    this.stats.legSearches++;
    let leg: Leg;
    const f = this.from.get(a), t = this.to.get(b);
    if (f?.parent) leg = { timeS: f.timeS[b], lengthM: f.lengthM[b], nodes: walkBack(f.parent, a, b, f.timeS[b]) };
    else if (t?.parent) leg = { timeS: t.timeS[a], lengthM: t.lengthM[a], nodes: walkForward(t.parent, a, b, t.timeS[a]) };
    else {
      this.ws.run(a, 'time', [b]);
      leg = { timeS: this.ws.dist[b], lengthM: this.ws.other[b], nodes: Int32Array.from(this.ws.path(b)) };
    }
    if (this.legs.size >= this.maxLegs) this.legs.delete(this.legs.keys().next().value!);
    this.legs.set(key, leg);
    return leg;
  }

  /**
   * The polyline of a leg with the time at each vertex, for replays: shape
   * points of each road get times in proportion to their distance along it.
   */
  timedPolyline(leg: Leg, departS: number, speedFactor: number): { xy: number[]; t: number[] } {
    const g = this.graph;
    const xy: number[] = [], t: number[] = [];
    if (leg.nodes.length === 0) return { xy, t };
    let clock = departS;
    xy.push(g.x[leg.nodes[0]], g.y[leg.nodes[0]]); t.push(clock);
    for (let i = 1; i < leg.nodes.length; i++) {
      const u = leg.nodes[i - 1], v = leg.nodes[i];
      const e = findEdge(g, u, v);
      const edgeTime = g.timeS[e] / speedFactor;
      let px = g.x[u], py = g.y[u], along = 0;
      for (let s = g.shapeOffsets[e]; s < g.shapeOffsets[e + 1]; s += 2) {
        const sx = g.shapeXY[s], sy = g.shapeXY[s + 1];
        along += Math.hypot(sx - px, sy - py);
        xy.push(sx, sy); t.push(clock + edgeTime * Math.min(1, along / Math.max(g.lengthM[e], 1e-9)));
        px = sx; py = sy;
      }
      clock += edgeTime;
      xy.push(g.x[v], g.y[v]); t.push(clock);
    }
    return { xy, t };
  }
}

function walkForward(next: Int32Array, a: number, b: number, time: number): Int32Array {
  if (time === Infinity) return new Int32Array(0);
  const out: number[] = [];
  for (let v = a; v >= 0; v = next[v]) { out.push(v); if (v === b) break; }
  return Int32Array.from(out);
}

function walkBack(parent: Int32Array, a: number, b: number, time: number): Int32Array {
  if (time === Infinity) return new Int32Array(0);
  const out: number[] = [];
  for (let v = b; v >= 0; v = parent[v]) { out.push(v); if (v === a) break; }
  return Int32Array.from(out.reverse());
}
