/**
 * The compact road graph: compressed sparse rows in typed arrays, built once
 * from the graphology model and used by every hot path (shortest paths,
 * matrices, the simulation). Arrays can live in SharedArrayBuffers so worker
 * threads read the same memory without copying.
 *
 * Coordinates are metres in a local plane (x east, y north). For imported
 * OpenStreetMap data `origin` holds the lon/lat of (0, 0) so exports can turn
 * x/y back into lon/lat (see ./projection.ts).
 */
import { MultiDirectedGraph } from 'graphology';

export const ROAD_CLASSES = ['local', 'collector', 'arterial', 'ring', 'service'] as const;
export type RoadClass = (typeof ROAD_CLASSES)[number];

export interface NodeAttributes { x: number; y: number; district?: number }
export interface EdgeAttributes {
  lengthM: number;
  speedKmh: number;
  roadClass: RoadClass;
  /** Intermediate shape points [x0, y0, x1, y1, …] between the end nodes, if the road bends. */
  shape?: number[];
  /** OpenStreetMap `highway` value and `maxspeed` (km/h) of an imported road, so speeds can be recomputed. */
  highway?: string;
  maxspeedKmh?: number;
}
/** The editable model: directed, parallel edges allowed; a two-way street is two edges. */
export class RoadModel extends MultiDirectedGraph<NodeAttributes, EdgeAttributes> {}

export interface RoadGraph {
  nodeCount: number;
  edgeCount: number;
  /** Node keys of the graphology model, by index. */
  keys: string[];
  x: Float64Array;
  y: Float64Array;
  /** Out-edges of node v are offsets[v] .. offsets[v+1]-1. */
  offsets: Int32Array;
  targets: Int32Array;
  lengthM: Float64Array;
  timeS: Float64Array;
  roadClass: Uint8Array;
  /** Shape points of edge e are shapeXY[shapeOffsets[e] .. shapeOffsets[e+1]-1] (x, y pairs). */
  shapeOffsets: Int32Array;
  shapeXY: Float64Array;
  origin?: { lon: number; lat: number };
}

function sharedArray<T extends Float64Array | Int32Array | Uint8Array>(Ctor: { new (b: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, n: number): T {
  return new Ctor(new SharedArrayBuffer(Math.max(1, n) * Ctor.BYTES_PER_ELEMENT));
}

/**
 * Pack a graphology road model into CSR form. Node indices follow the model's
 * node order and edges are sorted by (source, target, key) so the result is
 * the same however the model was built.
 */
export function toRoadGraph(model: RoadModel, origin?: { lon: number; lat: number }): RoadGraph {
  const keys = model.nodes();
  const index = new Map<string, number>();
  keys.forEach((k, i) => index.set(k, i));
  const n = keys.length;
  const edges: { s: number; t: number; key: string; a: EdgeAttributes }[] = [];
  model.forEachDirectedEdge((key, a, source, target) => {
    edges.push({ s: index.get(source)!, t: index.get(target)!, key, a });
  });
  edges.sort((p, q) => p.s - q.s || p.t - q.t || (p.key < q.key ? -1 : p.key > q.key ? 1 : 0));
  const m = edges.length;
  const g: RoadGraph = {
    nodeCount: n,
    edgeCount: m,
    keys,
    x: sharedArray(Float64Array, n),
    y: sharedArray(Float64Array, n),
    offsets: sharedArray(Int32Array, n + 1),
    targets: sharedArray(Int32Array, m),
    lengthM: sharedArray(Float64Array, m),
    timeS: sharedArray(Float64Array, m),
    roadClass: sharedArray(Uint8Array, m),
    shapeOffsets: sharedArray(Int32Array, m + 1),
    shapeXY: sharedArray(Float64Array, edges.reduce((s, e) => s + (e.a.shape?.length ?? 0), 0)),
    origin,
  };
  keys.forEach((k, i) => {
    const a = model.getNodeAttributes(k);
    g.x[i] = a.x;
    g.y[i] = a.y;
  });
  let shapeAt = 0;
  edges.forEach((e, i) => {
    g.offsets[e.s + 1]++;
    g.targets[i] = e.t;
    g.lengthM[i] = e.a.lengthM;
    g.timeS[i] = e.a.lengthM / (e.a.speedKmh / 3.6);
    g.roadClass[i] = ROAD_CLASSES.indexOf(e.a.roadClass);
    g.shapeOffsets[i] = shapeAt;
    for (const v of e.a.shape ?? []) g.shapeXY[shapeAt++] = v;
  });
  g.shapeOffsets[m] = shapeAt;
  for (let v = 0; v < n; v++) g.offsets[v + 1] += g.offsets[v];
  return g;
}

/** The shape points of a road in the opposite direction. */
export function reverseShape(shape?: number[]): number[] | undefined {
  if (!shape) return undefined;
  const out: number[] = [];
  for (let i = shape.length - 2; i >= 0; i -= 2) out.push(shape[i], shape[i + 1]);
  return out;
}

/** Index of the edge u→v with the least travel time, or -1. */
export function findEdge(g: RoadGraph, u: number, v: number): number {
  let best = -1;
  for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
    if (g.targets[e] === v && (best < 0 || g.timeS[e] < g.timeS[best])) best = e;
  }
  return best;
}

/** The polyline [x, y, …] along a node path, including each edge's shape points. */
export function pathPolyline(g: RoadGraph, nodes: readonly number[]): number[] {
  const out: number[] = [];
  if (nodes.length === 0) return out;
  out.push(g.x[nodes[0]], g.y[nodes[0]]);
  for (let i = 1; i < nodes.length; i++) {
    const e = findEdge(g, nodes[i - 1], nodes[i]);
    if (e >= 0) for (let s = g.shapeOffsets[e]; s < g.shapeOffsets[e + 1]; s++) out.push(g.shapeXY[s]);
    out.push(g.x[nodes[i]], g.y[nodes[i]]);
  }
  return out;
}
