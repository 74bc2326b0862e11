/**
 * OSM nodes and ways → the editable road model. Ways are split at every node
 * shared with another way (an intersection) and at their ends; the nodes in
 * between become shape points, so each graph edge carries the street's real
 * polyline. One-way streets get one direction only. Finally only the largest
 * strongly connected component is kept (a truck must be able to come back
 * from every street it enters) and what was dropped is counted.
 */
import { InputError } from '../../errors.ts';
import { RoadModel, toRoadGraph, type EdgeAttributes } from '../road-graph.ts';
import { stronglyConnectedComponents } from '../components.ts';
import { projectionAt, type LonLat } from '../projection.ts';
import type { OsmSink } from './sink.ts';
import { onewayOf, parseMaxspeedKmh, refusal, roadClassOf, speedKmh, type Tags } from './tags.ts';

export interface ImportReport {
  highwayWays: number;
  keptWays: number;
  /** Highway ways refused, by reason (e.g. `highway=footway`, `access=private`). */
  refused: Record<string, number>;
  /** Way references to nodes absent from the extract (ways cut at its border). */
  missingNodeRefs: number;
  nodes: number;
  edges: number;
  oneWayEdges: number;
  /** What the largest-strongly-connected-component rule removed. */
  droppedNodes: number;
  droppedEdges: number;
  components: number;
}

interface KeptWay { id: number; refs: number[]; highway: string; oneway: 1 | -1 | 0; maxspeedKmh?: number }

/** Collects what the readers hand on, then builds the model. */
export class OsmCollector implements OsmSink {
  private readonly index = new Map<number, number>();
  private lon = new Float64Array(1024);
  private lat = new Float64Array(1024);
  private n = 0;
  readonly ways: KeptWay[] = [];
  highwayWays = 0;
  readonly refused: Record<string, number> = {};

  constructor(private readonly speedsKmh: Readonly<Record<string, number>>, private readonly truckTonnes = 12) {}

  node(id: number, lon: number, lat: number): void {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return;
    if (this.n === this.lon.length) {
      const grow = (a: Float64Array) => { const b = new Float64Array(a.length * 2); b.set(a); return b; };
      this.lon = grow(this.lon); this.lat = grow(this.lat);
    }
    this.index.set(id, this.n);
    this.lon[this.n] = lon; this.lat[this.n] = lat; this.n++;
  }

  way(id: number, refs: number[], tags: Tags): void {
    if (!tags.highway) return;
    this.highwayWays++;
    const why = refusal(tags, this.speedsKmh, this.truckTonnes);
    if (why) { this.refused[why] = (this.refused[why] ?? 0) + 1; return; }
    this.ways.push({ id, refs, highway: tags.highway, oneway: onewayOf(tags), maxspeedKmh: parseMaxspeedKmh(tags.maxspeed) });
  }

  build(file: string): { model: RoadModel; origin: LonLat; report: ImportReport } {
    const { index } = this;
    // How often each present node is used; ends of ways and nodes next to a missing one count as junctions.
    const uses = new Map<number, number>();
    let missing = 0;
    for (const w of this.ways) {
      w.refs.forEach((r, i) => {
        if (!index.has(r)) { missing++; return; }
        const end = i === 0 || i === w.refs.length - 1 || !index.has(w.refs[i - 1]) || !index.has(w.refs[i + 1]);
        uses.set(r, (uses.get(r) ?? 0) + (end ? 2 : 1));
      });
    }
    if (uses.size === 0) throw InputError.one(file, `no drivable road: ${this.highwayWays} highway way(s), none usable by a refuse truck`);
    let minLon = Infinity, minLat = Infinity;
    for (const r of uses.keys()) { const i = index.get(r)!; minLon = Math.min(minLon, this.lon[i]); minLat = Math.min(minLat, this.lat[i]); }
    // The south-west corner of the roads, so every x and y is ≥ 0.
    const origin = { lon: minLon, lat: minLat };
    const proj = projectionAt(origin);
    const xy = (r: number) => { const i = index.get(r)!; return proj.toXY(this.lon[i], this.lat[i]); };

    const junction = (r: number) => (uses.get(r) ?? 0) >= 2;
    const pieces: { wayIdx: number; k: number; refs: number[] }[] = [];
    this.ways.forEach((w, wayIdx) => {
      let cur: number[] = [];
      let k = 0;
      const close = () => {
        if (cur.length < 2) return;
        if (cur[0] === cur[cur.length - 1]) {
          // A loop back to its start: split it at its middle so no edge is a self-loop.
          if (cur.length < 4) return;
          const mid = cur.length >> 1;
          pieces.push({ wayIdx, k: k++, refs: cur.slice(0, mid + 1) }, { wayIdx, k: k++, refs: cur.slice(mid) });
        } else pieces.push({ wayIdx, k: k++, refs: cur });
      };
      for (const r of w.refs) {
        if (!index.has(r)) { close(); cur = []; continue; }
        if (cur.length > 0 && cur[cur.length - 1] === r) continue;
        cur.push(r);
        if (cur.length > 1 && junction(r)) { close(); cur = [r]; }
      }
      close();
    });

    const ends = new Set<number>();
    for (const p of pieces) { ends.add(p.refs[0]); ends.add(p.refs[p.refs.length - 1]); }
    const model = new RoadModel();
    for (const r of [...ends].sort((a, b) => a - b)) { const [x, y] = xy(r); model.addNode(String(r), { x, y }); }
    for (const p of pieces) {
      const w = this.ways[p.wayIdx];
      const pts = p.refs.map(xy);
      let lengthM = 0;
      for (let i = 1; i < pts.length; i++) lengthM += Math.hypot(pts[i][0] - pts[i - 1][0], pts[i][1] - pts[i - 1][1]);
      if (lengthM <= 0) continue;
      const inner = pts.slice(1, -1);
      const shape = inner.flat();
      const attrs = (s: number[]): EdgeAttributes => ({
        lengthM, speedKmh: speedKmh(w.highway, w.maxspeedKmh, this.speedsKmh), roadClass: roadClassOf(w.highway),
        highway: w.highway, ...(w.maxspeedKmh !== undefined ? { maxspeedKmh: w.maxspeedKmh } : {}), ...(s.length ? { shape: s } : {}),
      });
      const a = String(p.refs[0]), b = String(p.refs[p.refs.length - 1]);
      const key = `w${w.id}.${p.k}`;
      if (w.oneway >= 0) model.addDirectedEdgeWithKey(`${key}+`, a, b, attrs(shape));
      if (w.oneway <= 0) model.addDirectedEdgeWithKey(`${key}-`, b, a, attrs(inner.reverse().flat()));
    }
    const { droppedNodes, droppedEdges, components } = keepLargestComponent(model);
    if (model.order === 0) throw InputError.one(file, 'no drivable road left after keeping the largest strongly connected component');
    return {
      model, origin,
      report: {
        highwayWays: this.highwayWays, keptWays: this.ways.length, refused: sortedCounts(this.refused), missingNodeRefs: missing,
        nodes: model.order, edges: model.size, oneWayEdges: countOneWay(model), droppedNodes, droppedEdges, components,
      },
    };
  }
}

/** Remove every node outside the largest strongly connected component. */
export function keepLargestComponent(model: RoadModel): { droppedNodes: number; droppedEdges: number; components: number } {
  const g = toRoadGraph(model);
  const { component, largest, count } = stronglyConnectedComponents(g);
  const before = model.size;
  let droppedNodes = 0;
  for (let v = 0; v < g.nodeCount; v++) if (component[v] !== largest) { model.dropNode(g.keys[v]); droppedNodes++; }
  return { droppedNodes, droppedEdges: before - model.size, components: count };
}

function countOneWay(model: RoadModel): number {
  let n = 0;
  model.forEachDirectedEdge((_k, _a, s, t) => { if (!model.hasDirectedEdge(t, s)) n++; });
  return n;
}

function sortedCounts(c: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(c).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}
