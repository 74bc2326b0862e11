/**
 * The replay file (docs/replay-format.md): a header line with the map and
 * the cast, then one line per day with every vehicle's timed legs, the stock
 * samples, the day's manifests and KPIs. Written as the run goes, so memory
 * holds one day at a time.
 */
import type { World } from '../scenario/world.ts';
import type { Trace, TraceLeg } from '../sim/trace.ts';
import type { DayRecord, Vehicle } from '../sim/simulate.ts';
import type { DayKpi } from './kpis.ts';
import type { TargetResult } from './targets.ts';
import { ROAD_CLASSES } from '../network/road-graph.ts';

export const REPLAY_FORMAT = 'wastetwin-replay';
export const REPLAY_VERSION = 1;

const STREAM_COLOURS: Record<string, string> = { residual: '#6b6b6b', food: '#3f9b3a', recyclable: '#2f6fd6', hazardous: '#d63b2f', other: '#b58a2a' };

const r1 = (x: number) => Math.round(x * 10) / 10;
const r0 = (x: number) => Math.round(x);

export function replayHeader(world: World, vehicles: Vehicle[], days: number, targets: TargetResult[] | { name: string; target: number; unit: string }[]): unknown {
  const g = world.graph;
  const polylines: number[][] = [];
  for (let u = 0; u < g.nodeCount; u++) {
    for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
      const v = g.targets[e];
      // Each street once: skip the direction with the larger start when the same street runs back
      // (another road joining the same two junctions the other way is drawn too).
      if (u > v && hasReverseTwin(g, u, v, e)) continue;
      const line = [g.roadClass[e], r1(g.x[u]), r1(g.y[u])];
      for (let s = g.shapeOffsets[e]; s < g.shapeOffsets[e + 1]; s++) line.push(r1(g.shapeXY[s]));
      line.push(r1(g.x[v]), r1(g.y[v]));
      polylines.push(line);
    }
  }
  const s = world.scenario;
  return {
    format: REPLAY_FORMAT,
    version: REPLAY_VERSION,
    scenario: s.name,
    seed: s.seed,
    days,
    startDate: s.startDate,
    sampleMinutes: s.output.sampleMinutes,
    origin: world.origin ?? null,
    attribution: world.attribution ?? null,
    bounds: world.bounds.map(r1),
    streams: world.streams.map((st) => ({ id: st.id, kind: st.kind, colour: STREAM_COLOURS[st.kind] })),
    roads: { classes: ROAD_CLASSES, polylines },
    points: {
      ids: world.points.map((p) => p.id),
      x: world.points.map((p) => r1(p.x)),
      y: world.points.map((p) => r1(p.y)),
      capacityKg: world.points.map((p) => r1(p.binCapacityKg.reduce((a, b) => a + b, 0))),
    },
    depots: world.depots.map((d) => ({ id: d.id, name: d.name, x: r1(d.x), y: r1(d.y) })),
    stations: world.stations.map((st) => ({ id: st.id, name: st.name, x: r1(st.x), y: r1(st.y), capacityKgPerDay: st.spec.capacityTonnesPerDay * 1000, storageKg: st.spec.storageTonnes * 1000 })),
    plants: world.plants.map((p) => ({
      id: p.id, name: p.name, type: p.spec.type, x: r1(p.x), y: r1(p.y), capacityKgPerDay: p.spec.capacityTonnesPerDay * 1000,
      pitKg: Number.isFinite(p.pitKg) ? p.pitKg : null, streams: p.spec.streams,
    })),
    trucks: vehicles.map((v) => ({ id: v.id, type: v.type, streams: v.streams, capacityKg: v.capacityKg, depot: v.depot, kind: v.kind })),
    targets: targets.map((t) => ({ name: t.name, target: t.target, unit: t.unit })),
  };
}

/** Whether some edge v→u follows edge e (u→v) backwards through the same shape points. */
function hasReverseTwin(g: World['graph'], u: number, v: number, e: number): boolean {
  const n = g.shapeOffsets[e + 1] - g.shapeOffsets[e];
  for (let f = g.offsets[v]; f < g.offsets[v + 1]; f++) {
    if (g.targets[f] !== u || g.shapeOffsets[f + 1] - g.shapeOffsets[f] !== n) continue;
    let same = true;
    // Shapes are x,y pairs: pair k of e is pair (m - 1 - k) of f.
    for (let k = 0, m = n / 2; k < m && same; k++) {
      const a = g.shapeOffsets[e] + 2 * k, b = g.shapeOffsets[f] + 2 * (m - 1 - k);
      same = g.shapeXY[a] === g.shapeXY[b] && g.shapeXY[a + 1] === g.shapeXY[b + 1];
    }
    if (same) return true;
  }
  return false;
}

/** Collects each vehicle's legs of the current day. */
export class ReplayTrace implements Trace {
  private legs: TraceLeg[][];

  constructor(private readonly vehicles: Vehicle[]) {
    this.legs = vehicles.map(() => []);
  }

  leg(vehicle: number, leg: TraceLeg): void {
    this.legs[vehicle].push(leg);
  }

  /** The day's line (without the newline); clears the legs for the next day. */
  dayLine(d: DayRecord, kpi: DayKpi): string {
    const trucks = this.vehicles
      .map((v, i) => ({ id: v.id, legs: this.legs[i].map(roundLeg) }))
      .filter((t) => t.legs.length > 0);
    this.legs = this.vehicles.map(() => []);
    return JSON.stringify({
      type: 'day',
      day: d.day,
      trucks,
      samples: d.samples,
      manifests: d.manifests.map((m) => ({
        id: m.id, kind: m.kind, stream: m.stream, kg: r1(m.kg), truck: m.truck || null, point: m.point || null,
        site: m.station || null, plant: m.plant || null, t0: r0(m.startS), t1: r0(m.endS),
      })),
      kpis: {
        generatedKg: kpi.generatedKg, collectedKg: kpi.collectedKg, landfilledKg: kpi.landfilledKg, recyclingRate: kpi.recyclingRate,
        sameDayClearance: kpi.sameDayClearance, treatedKgByPlant: kpi.treatedKgByPlant,
      },
    });
  }
}

function roundLeg(l: TraceLeg): unknown {
  switch (l.kind) {
    case 'drive': return { kind: 'drive', xy: l.xy.map(r1), t: l.t.map(r0), loadKg: r1(l.loadKg) };
    case 'serve': return { kind: 'serve', t0: r0(l.t0), t1: r0(l.t1), point: l.point, loadKg: l.loadKg.map(r1) };
    case 'queue': return { kind: 'queue', t0: r0(l.t0), t1: r0(l.t1), site: l.site };
    case 'unload': return { kind: 'unload', t0: r0(l.t0), t1: r0(l.t1), site: l.site, loadKg: l.loadKg.map(r1), manifests: l.manifests };
  }
}
