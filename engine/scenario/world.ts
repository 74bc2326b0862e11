/**
 * A scenario resolved against its road network: every collection point,
 * depot, station and plant snapped to a road node, streams indexed, and
 * every site checked reachable. The simulation and the planners read this,
 * never the raw file.
 */
import { dirname, resolve } from 'node:path';
import { InputError, type Problem } from '../errors.ts';
import { toRoadGraph, type RoadGraph, type RoadModel } from '../network/road-graph.ts';
import { loadRoadFile } from '../network/osm/index.ts';
import { projectionAt } from '../network/projection.ts';
import { Snapper } from '../network/snap.ts';
import { buildSyntheticCity } from '../network/synthetic-city.ts';
import { stronglyConnectedComponents } from '../network/components.ts';
import { bulk } from '../random/rng.ts';
import type { FleetType, Location, Plant, Scenario, Stream, TransferStation } from './schema.ts';

export interface Site { id: string; name: string; node: number; x: number; y: number }
export interface PointSite extends Site {
  population: number;
  district: number;
  /** Bin capacity per stream index, 0 where the point has no bin for it. */
  binCapacityKg: Float64Array;
}
export interface StationSite extends Site { spec: TransferStation; streamMask: boolean[] }
export interface PlantSite extends Site { spec: Plant; pitKg: number; streamMask: boolean[] }
export interface FleetSite { spec: FleetType; depot: number; streamMask: boolean[] }

export interface World {
  scenario: Scenario;
  model: RoadModel;
  graph: RoadGraph;
  streams: Stream[];
  streamIndex: Map<string, number>;
  points: PointSite[];
  depots: Site[];
  stations: StationSite[];
  plants: PlantSite[];
  fleet: FleetSite[];
  bounds: [number, number, number, number];
  origin?: { lon: number; lat: number };
  attribution?: string;
}

interface Network { model: RoadModel; graph: RoadGraph; district?: Int32Array; extent: { w: number; h: number }; origin?: { lon: number; lat: number }; toXY?: (lon: number, lat: number) => [number, number] }

async function buildNetwork(s: Scenario, baseDir: string): Promise<Network> {
  if (s.network.kind === 'synthetic') {
    const c = buildSyntheticCity(s.network, s.seed);
    return { model: c.model, graph: c.graph, district: c.district, extent: { w: c.widthM, h: c.heightM } };
  }
  const loaded = await loadRoadFile(resolve(baseDir, s.network.file), { speedsKmh: s.network.speedsKmh, speedsPath: 'network.speedsKmh' });
  const graph = toRoadGraph(loaded.model, loaded.origin);
  let w = 0, h = 0;
  for (let v = 0; v < graph.nodeCount; v++) { w = Math.max(w, graph.x[v]); h = Math.max(h, graph.y[v]); }
  const proj = projectionAt(loaded.origin);
  return { model: loaded.model, graph, extent: { w, h }, origin: loaded.origin, toXY: (lon, lat) => proj.toXY(lon, lat) };
}

/** Build the world of a validated scenario; `scenarioFile` anchors relative paths. */
export async function buildWorld(s: Scenario, scenarioFile = '.'): Promise<World> {
  const net = await buildNetwork(s, dirname(resolve(scenarioFile)));
  const { graph } = net;
  const problems: Problem[] = [];
  const maxSnapM = s.network.maxSnapM;
  const { component, largest } = stronglyConnectedComponents(graph);
  const usable = (v: number) => component[v] === largest;
  const snapper = new Snapper(graph, usable);
  // Real roads: the nearest point on a road, served from that road's nearer end;
  // the synthetic grid keeps its nearest-node rule.
  const nearest = (x: number, y: number) => {
    if (!net.origin) return snapper.nearestNode(x, y);
    const e = snapper.nearestEdge(x, y)!;
    return { node: e.node, distanceM: e.distanceM };
  };

  const place = (at: Location, path: string, id: string): { node: number; x: number; y: number } => {
    let x: number, y: number;
    if ('fx' in at) { x = at.fx * net.extent.w; y = at.fy * net.extent.h; }
    else if ('lon' in at) {
      if (!net.toXY) { problems.push({ path, message: 'lon/lat needs a real road network (network.kind osm or imported)' }); return { node: 0, x: 0, y: 0 }; }
      [x, y] = net.toXY(at.lon, at.lat);
    } else { x = at.x; y = at.y; }
    const { node, distanceM } = nearest(x, y);
    if (distanceM > maxSnapM) problems.push({ path, message: `unreachable: ${id} is ${Math.round(distanceM)} m from the nearest usable road (limit ${maxSnapM} m)` });
    return { node, x: graph.x[node], y: graph.y[node] };
  };

  const streams = s.streams;
  const streamIndex = new Map(streams.map((st, i) => [st.id, i]));
  const mask = (ids: readonly string[]) => streams.map((st) => ids.includes(st.id));
  const capacities = (bins: Record<string, number>, only?: string[]) => {
    const out = new Float64Array(streams.length);
    for (const [k, v] of Object.entries(bins)) if (!only || only.includes(k)) out[streamIndex.get(k)!] = v;
    return out;
  };
  const districtOf = (node: number, x: number, y: number) =>
    net.district ? net.district[node] : Math.min(3, Math.floor((x / Math.max(1, net.extent.w)) * 2)) + 2 * Math.min(1, Math.floor((y / Math.max(1, net.extent.h)) * 2));

  let points: PointSite[];
  if ('generate' in s.collectionPoints) {
    points = generatePoints(s, graph, usable, capacities(s.collectionPoints.generate.binCapacityKg), districtOf);
  } else {
    points = s.collectionPoints.list.map((p, i) => {
      const at = place(p.at, `collectionPoints.list[${i}].at`, p.id);
      return { id: p.id, name: p.id, ...at, population: p.population, district: districtOf(at.node, at.x, at.y), binCapacityKg: capacities(p.binCapacityKg, p.streams) };
    });
  }
  const depots = s.depots.map((d, i) => ({ id: d.id, name: d.name ?? d.id, ...place(d.at, `depots[${i}].at`, d.id) }));
  const stations = s.transferStations.map((t, i) => ({ id: t.id, name: t.name ?? t.id, ...place(t.at, `transferStations[${i}].at`, t.id), spec: t, streamMask: mask(t.streams) }));
  const plants = s.plants.map((p, i) => ({
    id: p.id, name: p.name ?? p.id, ...place(p.at, `plants[${i}].at`, p.id), spec: p, streamMask: mask(p.streams),
    pitKg: p.type === 'landfill' ? Infinity : (p.pitTonnes > 0 ? p.pitTonnes : p.capacityTonnesPerDay) * 1000,
  }));
  const depotIndex = new Map(depots.map((d, i) => [d.id, i]));
  const fleet = s.fleet.map((f) => ({ spec: f, depot: depotIndex.get(f.depot)!, streamMask: mask(f.streams) }));
  if (problems.length > 0) throw new InputError(problems);

  let xmin = Infinity, ymin = Infinity, xmax = -Infinity, ymax = -Infinity;
  for (let v = 0; v < graph.nodeCount; v++) {
    xmin = Math.min(xmin, graph.x[v]); ymin = Math.min(ymin, graph.y[v]);
    xmax = Math.max(xmax, graph.x[v]); ymax = Math.max(ymax, graph.y[v]);
  }
  return {
    scenario: s, model: net.model, graph, streams, streamIndex, points, depots, stations, plants, fleet,
    bounds: [xmin, ymin, xmax, ymax], origin: net.origin,
    attribution: net.origin ? '© OpenStreetMap contributors' : undefined,
  };
}

/**
 * Collection points on distinct road nodes, denser towards the centre, with
 * the population split in proportion to a seeded weight.
 */
function generatePoints(s: Scenario, g: RoadGraph, usable: (v: number) => boolean, binCapacityKg: Float64Array,
  districtOf: (node: number, x: number, y: number) => number): PointSite[] {
  const gen = 'generate' in s.collectionPoints ? s.collectionPoints.generate : undefined!;
  const r = bulk(`${s.seed}/points`);
  const candidates: number[] = [];
  for (let v = 0; v < g.nodeCount; v++) if (usable(v)) candidates.push(v);
  if (gen.count > candidates.length) {
    throw InputError.one('collectionPoints.generate.count', `${gen.count} points do not fit on the ${candidates.length} road nodes of the city`);
  }
  let cx = 0, cy = 0;
  for (const v of candidates) { cx += g.x[v]; cy += g.y[v]; }
  cx /= candidates.length; cy /= candidates.length;
  let spread = 0;
  for (const v of candidates) spread += (g.x[v] - cx) ** 2 + (g.y[v] - cy) ** 2;
  spread /= candidates.length;
  // Weighted sampling without replacement (Efraimidis–Spirakis keys).
  const keyed = candidates.map((v) => {
    const w = 1 + 2 * Math.exp(-((g.x[v] - cx) ** 2 + (g.y[v] - cy) ** 2) / spread);
    return { v, k: Math.log(1 - r()) / w };
  });
  keyed.sort((a, b) => b.k - a.k || a.v - b.v);
  const chosen = keyed.slice(0, gen.count).map((e) => e.v).sort((a, b) => a - b);
  const weights = chosen.map(() => 0.5 + r());
  const total = weights.reduce((a, b) => a + b, 0);
  const width = String(gen.count).length;
  return chosen.map((v, i) => ({
    id: `P${String(i + 1).padStart(width, '0')}`,
    name: `P${i + 1}`,
    node: v, x: g.x[v], y: g.y[v],
    population: (gen.totalPopulation * weights[i]) / total,
    district: districtOf(v, g.x[v], g.y[v]),
    binCapacityKg: gen.scaleBinsByPopulation ? binCapacityKg.map((kg) => (kg * weights[i] * gen.count) / total) : binCapacityKg.slice(),
  }));
}
