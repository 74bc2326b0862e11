/**
 * Travel between road nodes for the simulation and the planners: one
 * Dijkstra tree per source node, kept in a bounded cache (most sources are
 * asked again every day: collection points, stations, depots). Times are the
 * road's free-flow times; a vehicle divides them by its speed factor.
 */
import { DijkstraWorkspace } from '../network/dijkstra.ts';
import { findEdge, type RoadGraph } from '../network/road-graph.ts';

interface Tree { timeS: Float64Array; lengthM: Float64Array; parent: Int32Array }

export interface Leg { timeS: number; lengthM: number; nodes: number[] }

export class Router {
  private readonly ws: DijkstraWorkspace;
  private readonly cache = new Map<number, Tree>();

  constructor(readonly graph: RoadGraph, private readonly maxTrees = 4096) {
    this.ws = new DijkstraWorkspace(graph);
  }

  private tree(source: number): Tree {
    let t = this.cache.get(source);
    if (t) {
      // Refresh its place in the insertion order (least recently used goes first).
      this.cache.delete(source);
      this.cache.set(source, t);
      return t;
    }
    this.ws.run(source, 'time');
    t = { timeS: this.ws.dist.slice(), lengthM: this.ws.other.slice(), parent: this.ws.parent.slice() };
    if (this.cache.size >= this.maxTrees) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(source, t);
    return t;
  }

  timeS(from: number, to: number): number { return this.tree(from).timeS[to]; }
  lengthM(from: number, to: number): number { return this.tree(from).lengthM[to]; }

  leg(from: number, to: number): Leg {
    const t = this.tree(from);
    const nodes: number[] = [];
    if (t.timeS[to] !== Infinity) for (let v = to; v >= 0; v = t.parent[v]) { nodes.push(v); if (v === from) break; }
    nodes.reverse();
    return { timeS: t.timeS[to], lengthM: t.lengthM[to], nodes };
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
