/**
 * A synthetic city: local streets on a perturbed grid, collectors every third
 * line, arterials every `arterialEveryBlocks` lines, a faster ring road, some
 * one-way local streets, and districts as Voronoi cells around seeded centres.
 * The result is strongly connected by construction: a one-way street that
 * would cut a node off is made two-way again.
 */
import { RoadModel, toRoadGraph, type RoadClass, type RoadGraph } from './road-graph.ts';
import { bulk, shuffle } from '../random/rng.ts';
import { stronglyConnectedComponents } from './components.ts';
import type { SyntheticCity } from '../scenario/schema.ts';

export interface City {
  model: RoadModel;
  graph: RoadGraph;
  /** District of each node of `graph`. */
  district: Int32Array;
  districtCentres: { x: number; y: number }[];
  widthM: number;
  heightM: number;
}

export function buildSyntheticCity(p: SyntheticCity, seed: string | number): City {
  const r = bulk(`${seed}/city`);
  const widthM = p.widthKm * 1000, heightM = p.heightKm * 1000;
  const nx = Math.max(2, Math.round(widthM / p.blockM) + 1);
  const ny = Math.max(2, Math.round(heightM / p.blockM) + 1);
  const sx = widthM / (nx - 1), sy = heightM / (ny - 1);
  const key = (i: number, j: number) => `${i},${j}`;
  const model = new RoadModel();
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const edge = i === 0 || j === 0 || i === nx - 1 || j === ny - 1;
      const jx = edge ? 0 : (r() - 0.5) * p.jitter * sx;
      const jy = edge ? 0 : (r() - 0.5) * p.jitter * sy;
      model.addNode(key(i, j), { x: i * sx + jx, y: j * sy + jy });
    }
  }
  const ringI = [Math.round((nx - 1) / 6), nx - 1 - Math.round((nx - 1) / 6)];
  const ringJ = [Math.round((ny - 1) / 6), ny - 1 - Math.round((ny - 1) / 6)];
  const lineClass = (along: 'h' | 'v', line: number, pos: number): RoadClass => {
    const [ring, span] = along === 'h' ? [ringJ, ringI] : [ringI, ringJ];
    if (p.ringRoad && ring.includes(line) && pos >= span[0] && pos < span[1] && nx > 6 && ny > 6) return 'ring';
    if (line % p.arterialEveryBlocks === 0) return 'arterial';
    if (line % 3 === 0) return 'collector';
    return 'local';
  };
  const oneWayCandidates: string[] = [];
  const addStreet = (a: string, b: string, cls: RoadClass) => {
    const A = model.getNodeAttributes(a), B = model.getNodeAttributes(b);
    const lengthM = Math.hypot(A.x - B.x, A.y - B.y);
    const speedKmh = p.speedsKmh[cls];
    model.addDirectedEdgeWithKey(`${a}>${b}`, a, b, { lengthM, speedKmh, roadClass: cls });
    model.addDirectedEdgeWithKey(`${b}>${a}`, b, a, { lengthM, speedKmh, roadClass: cls });
    if (cls === 'local') oneWayCandidates.push(`${a}|${b}`);
  };
  for (let j = 0; j < ny; j++) for (let i = 0; i + 1 < nx; i++) addStreet(key(i, j), key(i + 1, j), lineClass('h', j, i));
  for (let i = 0; i < nx; i++) for (let j = 0; j + 1 < ny; j++) addStreet(key(i, j), key(i, j + 1), lineClass('v', i, j));

  // One-way streets: drop one direction of a share of local streets, then
  // restore any whose loss breaks strong connectivity.
  const removed: { a: string; b: string; attrs: ReturnType<RoadModel['getEdgeAttributes']> }[] = [];
  for (const pair of shuffle(oneWayCandidates, r).slice(0, Math.floor(oneWayCandidates.length * p.oneWayShare))) {
    const [a, b] = pair.split('|');
    const [from, to] = r() < 0.5 ? [a, b] : [b, a];
    const k = `${to}>${from}`;
    removed.push({ a: to, b: from, attrs: model.getEdgeAttributes(k) });
    model.dropEdge(k);
  }
  for (let pass = 0; pass < 50; pass++) {
    const g = toRoadGraph(model);
    const { component, largest } = stronglyConnectedComponents(g);
    const cut = new Set<string>();
    for (let v = 0; v < g.nodeCount; v++) if (component[v] !== largest) cut.add(g.keys[v]);
    if (cut.size === 0) break;
    for (let i = removed.length - 1; i >= 0; i--) {
      const e = removed[i];
      if (cut.has(e.a) || cut.has(e.b)) {
        model.addDirectedEdgeWithKey(`${e.a}>${e.b}`, e.a, e.b, e.attrs);
        removed.splice(i, 1);
      }
    }
  }

  const graph = toRoadGraph(model);
  const districtCentres = Array.from({ length: p.districts }, () => ({ x: (0.1 + 0.8 * r()) * widthM, y: (0.1 + 0.8 * r()) * heightM }));
  const district = new Int32Array(graph.nodeCount);
  for (let v = 0; v < graph.nodeCount; v++) {
    let best = 0, bestD = Infinity;
    districtCentres.forEach((c, i) => {
      const d = (graph.x[v] - c.x) ** 2 + (graph.y[v] - c.y) ** 2;
      if (d < bestD) { bestD = d; best = i; }
    });
    district[v] = best;
  }
  return { model, graph, district, districtCentres, widthM, heightM };
}
