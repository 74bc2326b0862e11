/**
 * The imported network file (`wastetwin import-osm … --out network.json`):
 * the road model after import, so a scenario loads it in a fraction of the
 * time a raw extract takes. Column arrays keep it compact; coordinates are
 * rounded to the centimetre. Each edge keeps its OSM `highway` value and
 * `maxspeed` so a scenario can still override the speed per class.
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.ts';
import { RoadModel, ROAD_CLASSES, type EdgeAttributes } from './road-graph.ts';
import type { LonLat } from './projection.ts';
import type { ImportReport } from './osm/build.ts';

export const NETWORK_FORMAT = 'wastetwin-network';
export const NETWORK_VERSION = 1;
export const OSM_ATTRIBUTION = '© OpenStreetMap contributors';

export interface NetworkFile {
  format: typeof NETWORK_FORMAT;
  version: number;
  attribution: string;
  licence: string;
  source: string;
  origin: LonLat;
  report: ImportReport;
  nodes: { keys: string[]; x: number[]; y: number[] };
  edges: {
    keys: string[]; from: number[]; to: number[]; lengthM: number[]; speedKmh: number[];
    roadClass: number[]; highway: string[]; maxspeedKmh: (number | null)[]; shape: (number[] | null)[];
  };
}

const cm = (v: number) => Math.round(v * 100) / 100;

export function toNetworkFile(model: RoadModel, origin: LonLat, report: ImportReport, source: string): NetworkFile {
  const keys = model.nodes();
  const index = new Map(keys.map((k, i) => [k, i]));
  const e: NetworkFile['edges'] = { keys: [], from: [], to: [], lengthM: [], speedKmh: [], roadClass: [], highway: [], maxspeedKmh: [], shape: [] };
  model.forEachDirectedEdge((key, a, s, t) => {
    e.keys.push(key); e.from.push(index.get(s)!); e.to.push(index.get(t)!);
    e.lengthM.push(cm(a.lengthM)); e.speedKmh.push(a.speedKmh); e.roadClass.push(ROAD_CLASSES.indexOf(a.roadClass));
    e.highway.push(a.highway ?? ''); e.maxspeedKmh.push(a.maxspeedKmh ?? null); e.shape.push(a.shape ? a.shape.map(cm) : null);
  });
  return {
    format: NETWORK_FORMAT, version: NETWORK_VERSION, attribution: OSM_ATTRIBUTION, licence: 'ODbL-1.0', source, origin, report,
    nodes: { keys, x: keys.map((k) => cm(model.getNodeAttribute(k, 'x'))), y: keys.map((k) => cm(model.getNodeAttribute(k, 'y'))) },
    edges: e,
  };
}

/** Read an imported network; `speedOf` recomputes each edge's speed from its highway class and maxspeed. */
export function readNetworkFile(file: string, speedOf?: (highway: string, maxspeedKmh: number | undefined) => number): { model: RoadModel; origin: LonLat; report: ImportReport } {
  let data: NetworkFile;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as NetworkFile;
  } catch (err) {
    throw InputError.one(file, `not a readable network file: ${(err as Error).message}`);
  }
  if (data?.format !== NETWORK_FORMAT || data.version !== NETWORK_VERSION) {
    throw InputError.one(file, `not a ${NETWORK_FORMAT} v${NETWORK_VERSION} file (made by \`wastetwin import-osm\`)`);
  }
  const model = new RoadModel();
  const { nodes, edges } = data;
  nodes.keys.forEach((k, i) => model.addNode(k, { x: nodes.x[i], y: nodes.y[i] }));
  edges.keys.forEach((key, i) => {
    const highway = edges.highway[i], maxspeedKmh = edges.maxspeedKmh[i] ?? undefined;
    const a: EdgeAttributes = {
      lengthM: edges.lengthM[i], roadClass: ROAD_CLASSES[edges.roadClass[i]],
      speedKmh: speedOf && highway ? speedOf(highway, maxspeedKmh) : edges.speedKmh[i],
    };
    if (highway) a.highway = highway;
    if (maxspeedKmh !== undefined) a.maxspeedKmh = maxspeedKmh;
    if (edges.shape[i]) a.shape = edges.shape[i]!;
    model.addDirectedEdgeWithKey(key, nodes.keys[edges.from[i]], nodes.keys[edges.to[i]], a);
  });
  return { model, origin: data.origin, report: data.report };
}
