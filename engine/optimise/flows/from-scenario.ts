/**
 * A flow model from a scenario's world: catchments (districts by default, or
 * one per collection point) with tonnes per day of each stream from the
 * demand model, road distances along the fastest roads, station intake,
 * storage and haul limits, plants with their pits, fees, outages and
 * recycling residue, and the scenario's landfill sites as the landfill.
 *
 * Catchment → station distance is the tonnage-weighted mean over the
 * catchment's points of the road distance station → point (a run from each
 * station; streets are taken as equally long both ways).
 */
import { DemandModel } from '../../demand/model.ts';
import { DijkstraWorkspace } from '../../network/dijkstra.ts';
import { minutes } from '../../scenario/checks.ts';
import type { World } from '../../scenario/world.ts';
import type { Catchment, FlowModel, FlowPlant, PlantType } from './model.ts';

export interface FromWorldOptions {
  /**
   * `districts`, `points` (one per collection point), or `stations`: each
   * station's own catchment, every point's stream going to its nearest
   * station that takes it (as the collection planner sends it), so the LP
   * chooses only where each station ships.
   */
  catchments?: 'districts' | 'points' | 'stations';
  /** With `stations`: the station a point's stream goes to; default the nearest by road time from the stations. */
  nearestStation?: (point: number, stream: number) => number;
  /** Road km between two sites (stations, plants, landfills), where the caller has them already (the simulation's router); default a Dijkstra run per site. */
  siteKm?: (from: number, to: number) => number;
  /** Per tonne-km of haul (station → plant); the scenario gives no haul cost. Default 0.5. */
  haulPerTonneKm?: number;
  /** Per tonne-km of collection; default from the fleet's cost per km (there and back, full truck). */
  collectPerTonneKm?: number;
  landfillAllowed?: boolean;
  /** Multi-day form over the scenario's days (weekday and season factors, outages). */
  multiDay?: boolean;
  stationsPerCatchment?: number;
}

export interface ScenarioFlows {
  model: FlowModel;
  /** Year of the scenario's start date: the tonnages describe it. */
  baseYear: number;
  /** World plant index of each flow-model plant (landfill sites are not plants here). */
  plantWorldIndex: number[];
}

export const DEFAULT_HAUL_PER_TONNE_KM = 0.5;

export function flowModelFromWorld(world: World, o: FromWorldOptions = {}): ScenarioFlows {
  const s = world.scenario;
  const S = world.streams.length;
  const demand = new DemandModel(world);
  const days = s.days;
  const factors = Array.from({ length: days }, (_, d) => demand.dayFactor(d));
  const meanFactor = factors.reduce((a, b) => a + b, 0) / days;

  const ws = new DijkstraWorkspace(world.graph);
  const kmFrom = (node: number, targets: number[]): number[] => {
    ws.run(node, 'time', targets);
    return targets.map((v) => (ws.dist[v] === Infinity ? Infinity : ws.other[v] / 1000));
  };
  const tonnes = (i: number, j: number) => (demand.baseKgPerDay[i * S + j] * meanFactor) / 1000;
  const { catchments, catchmentStationKm } = o.catchments === 'stations'
    ? stationCatchments(world, tonnes, ws, o.nearestStation)
    : areaCatchments(world, tonnes, kmFrom, o.catchments === 'points');

  const treatment = world.plants.map((p, i) => ({ p, i })).filter((e) => e.p.spec.type !== 'landfill');
  const landfills = world.plants.filter((p) => p.spec.type === 'landfill');
  const plantNodes = treatment.map((e) => e.p.node);
  const siteKm = o.siteKm ? (node: number, targets: number[]) => targets.map((t) => o.siteKm!(node, t)) : kmFrom;
  const nearestLandfillKm = (node: number) => landfills.length === 0 ? 0 : Math.min(...siteKm(node, landfills.map((l) => l.node)));
  const stationPlantKm = world.stations.map((t) => siteKm(t.node, plantNodes));
  const plantPlantKm = treatment.map((e) => siteKm(e.p.node, plantNodes));
  const residual = world.streams.findIndex((st) => st.kind === 'residual');

  const plants: FlowPlant[] = treatment.map(({ p }) => {
    const spec = p.spec;
    const residue = spec.type === 'recycling' && spec.recoveryRate !== undefined && spec.recoveryRate < 1 && residual >= 0;
    return {
      id: p.id, name: p.name, type: spec.type as PlantType, streams: streamIndices(world, spec.streams),
      capacityTonnesPerDay: spec.capacityTonnesPerDay, pitTonnes: spec.pitTonnes, gateFeePerTonne: spec.gateFeePerTonne,
      ...(residue ? { recoveryRate: spec.recoveryRate, residueStream: residual } : {}),
      outageDays: spec.outageDays, lineOutages: spec.lineOutages,
    };
  });
  const fleetCost = world.fleet.filter((f) => f.spec.costPerKm > 0).map((f) => (2 * f.spec.costPerKm) / (f.spec.capacityKg / 1000));
  const collectPerTonneKm = o.collectPerTonneKm ?? (fleetCost.length > 0 ? fleetCost.reduce((a, b) => a + b, 0) / fleetCost.length : 1);
  const landfillFee = landfills.length > 0 ? Math.min(...landfills.map((l) => l.spec.gateFeePerTonne)) : 0;

  const model: FlowModel = {
    streams: world.streams.map((st) => ({ id: st.id, name: st.name })),
    catchments,
    stations: world.stations.map((t) => ({
      id: t.id, name: t.name, streams: streamIndices(world, t.spec.streams),
      capacityTonnesPerDay: t.spec.capacityTonnesPerDay, storageTonnes: t.spec.storageTonnes,
      haul: {
        trucks: t.spec.haul.trucks, capacityTonnes: t.spec.haul.capacityTonnes, speedKmh: t.spec.haul.speedKmh,
        handlingMinutes: t.spec.haul.loadMinutes + t.spec.haul.unloadMinutes,
        hoursPerDay: (minutes(t.spec.close) - minutes(t.spec.open)) / 60,
      },
    })),
    plants,
    catchmentStationKm,
    stationPlantKm,
    plantPlantKm,
    costs: { collectPerTonneKm, haulPerTonneKm: o.haulPerTonneKm ?? DEFAULT_HAUL_PER_TONNE_KM },
    landfill: {
      allowed: o.landfillAllowed ?? true, gateFeePerTonne: landfillFee,
      stationKm: world.stations.map((t) => nearestLandfillKm(t.node)),
      plantKm: treatment.map((e) => nearestLandfillKm(e.p.node)),
    },
    ...(o.stationsPerCatchment ? { stationsPerCatchment: o.stationsPerCatchment } : {}),
    ...(o.multiDay ? { horizon: { days, demandFactor: factors.map((f) => f / meanFactor) } } : {}),
  };
  return { model, baseYear: Number(s.startDate.slice(0, 4)), plantWorldIndex: treatment.map((e) => e.i) };
}

function streamIndices(world: World, ids: string[]): number[] {
  return ids.map((id) => world.streamIndex.get(id)).filter((i): i is number => i !== undefined);
}

type Tonnes = (point: number, stream: number) => number;

/** Districts or single points; distance to a station is the tonnage-weighted mean over the points. */
function areaCatchments(world: World, tonnes: Tonnes, kmFrom: (node: number, targets: number[]) => number[], perPoint: boolean) {
  const S = world.streams.length;
  const groupOf = world.points.map((p, i) => (perPoint ? i : p.district));
  const groupIds = [...new Set(groupOf)].sort((a, b) => a - b);
  const groupIndex = new Map(groupIds.map((g, i) => [g, i]));
  const catchments: Catchment[] = groupIds.map((g) => ({
    id: perPoint ? world.points[g].id : `district-${g + 1}`,
    tonnesPerDay: new Array<number>(S).fill(0),
  }));
  const pointTonnes = new Float64Array(world.points.length);
  world.points.forEach((_, i) => {
    const c = catchments[groupIndex.get(groupOf[i])!];
    for (let j = 0; j < S; j++) {
      const t = tonnes(i, j);
      c.tonnesPerDay[j] += t;
      pointTonnes[i] += t;
    }
  });
  const pointNodes = world.points.map((p) => p.node);
  const catchmentStationKm = catchments.map(() => new Array<number>(world.stations.length).fill(0));
  world.stations.forEach((t, ti) => {
    const km = kmFrom(t.node, pointNodes);
    const sum = new Float64Array(catchments.length), weight = new Float64Array(catchments.length);
    km.forEach((k, i) => {
      const c = groupIndex.get(groupOf[i])!;
      const w = pointTonnes[i] || 1e-9;
      sum[c] += k * w;
      weight[c] += w;
    });
    catchments.forEach((_, c) => { catchmentStationKm[c][ti] = sum[c] / weight[c]; });
  });
  return { catchments, catchmentStationKm };
}

/** One catchment per station, reaching only that station (at 0 km: collection is already decided). */
function stationCatchments(world: World, tonnes: Tonnes, ws: DijkstraWorkspace, nearest?: (point: number, stream: number) => number) {
  const S = world.streams.length, T = world.stations.length;
  let pick = nearest;
  if (!pick) {
    const pointNodes = world.points.map((p) => p.node);
    const timeS = world.stations.map((t) => { ws.run(t.node, 'time', pointNodes); return pointNodes.map((v) => ws.dist[v]); });
    pick = (p, s) => {
      let best = -1;
      for (let t = 0; t < T; t++) if (world.stations[t].streamMask[s] && (best < 0 || timeS[t][p] < timeS[best][p])) best = t;
      return best;
    };
  }
  const catchments: Catchment[] = world.stations.map((t) => ({ id: `catchment-${t.id}`, tonnesPerDay: new Array<number>(S).fill(0) }));
  world.points.forEach((_, i) => {
    for (let j = 0; j < S; j++) {
      const t = tonnes(i, j);
      if (t <= 0) continue;
      const st = pick(i, j);
      if (st >= 0) catchments[st].tonnesPerDay[j] += t;
    }
  });
  const catchmentStationKm = catchments.map((_, c) => world.stations.map((__, t) => (c === t ? 0 : null)));
  return { catchments, catchmentStationKm };
}
