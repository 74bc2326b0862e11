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
  const problems = shapeProblems(data);
  if (problems.length > 0) throw new InputError(problems.map((message) => ({ path: file, message })));
  const model = new RoadModel();
  const { nodes, edges } = data;
  try {
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
  } catch (err) {
    // Graphology refuses a repeated node or edge key.
    throw InputError.one(file, `not a consistent network: ${(err as Error).message}`);
  }
  return { model, origin: data.origin, report: data.report };
}

/** What keeps a file of the right format and version from being read (a hand edit, a cut copy): each column, named. */
function shapeProblems(data: NetworkFile): string[] {
  const out: string[] = [];
  const column = (path: string, v: unknown, n: number | undefined, ok: (x: unknown) => boolean): number => {
    if (!Array.isArray(v)) { out.push(`${path} is not an array`); return -1; }
    if (n !== undefined && n >= 0 && v.length !== n) out.push(`${path} has ${v.length} entries, not ${n}`);
    const bad = v.findIndex((x) => !ok(x));
    if (bad >= 0) out.push(`${path}[${bad}] is ${JSON.stringify(v[bad])}`);
    return v.length;
  };
  const finite = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
  const n = column('nodes.keys', data.nodes?.keys, undefined, (x) => typeof x === 'string');
  column('nodes.x', data.nodes?.x, n, finite);
  column('nodes.y', data.nodes?.y, n, finite);
  const e = data.edges ?? ({} as Partial<NetworkFile['edges']>);
  const m = column('edges.keys', e.keys, undefined, (x) => typeof x === 'string');
  const node = (x: unknown) => n < 0 || (Number.isInteger(x) && (x as number) >= 0 && (x as number) < n);
  column('edges.from', e.from, m, node);
  column('edges.to', e.to, m, node);
  column('edges.lengthM', e.lengthM, m, (x) => finite(x) && (x as number) >= 0);
  column('edges.speedKmh', e.speedKmh, m, (x) => finite(x) && (x as number) > 0);
  column('edges.roadClass', e.roadClass, m, (x) => Number.isInteger(x) && (x as number) >= 0 && (x as number) < ROAD_CLASSES.length);
  column('edges.highway', e.highway, m, (x) => typeof x === 'string');
  column('edges.maxspeedKmh', e.maxspeedKmh, m, (x) => x === null || (finite(x) && (x as number) > 0));
  column('edges.shape', e.shape, m, (x) => x === null || (Array.isArray(x) && x.length % 2 === 0 && x.every(finite)));
  if (!finite(data.origin?.lon) || !finite(data.origin?.lat)) out.push('origin needs a finite lon and lat');
  return out;
}
