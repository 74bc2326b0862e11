/**
 * Seeded flow models of any size, for the back-end agreement tests and the
 * benchmark: sites scattered on a square, road distance = 1.3 × straight
 * line, plants of one type per stream (a recycling plant sends residue on),
 * capacities drawn around the demand so that some limits bind and a little
 * goes to landfill.
 */
import { bulk } from '../../random/rng.ts';
import type { FlowModel, FlowPlant, PlantType } from './model.ts';

export interface SyntheticSize {
  catchments: number;
  stations: number;
  plants: number;
  streams: number;
  /** Multi-day form over this many days (with pits and one outage), when given. */
  days?: number;
  /** Side of the square, km. */
  sideKm?: number;
  /** Plant capacity relative to demand (default 1.05). */
  capacityRatio?: number;
}

const STREAMS = [
  { id: 'residual', share: 0.55, type: 'incinerator' as PlantType },
  { id: 'food', share: 0.3, type: 'food-waste' as PlantType },
  { id: 'recyclable', share: 0.13, type: 'recycling' as PlantType },
  { id: 'hazardous', share: 0.02, type: 'hazardous' as PlantType },
];

export function syntheticFlowModel(size: SyntheticSize, seed: string | number): FlowModel {
  const r = bulk(`${seed}/flows/${size.catchments}x${size.stations}x${size.plants}x${size.streams}x${size.days ?? 0}`);
  const side = size.sideKm ?? 40;
  const S = Math.min(size.streams, STREAMS.length);
  const streams = STREAMS.slice(0, S);
  const shareSum = streams.reduce((a, s) => a + s.share, 0);
  const at = () => ({ x: r() * side, y: r() * side });
  const km = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.round(1.3 * Math.hypot(a.x - b.x, a.y - b.y) * 100) / 100;
  const cAt = Array.from({ length: size.catchments }, at);
  const tAt = Array.from({ length: size.stations }, at);
  const pAt = Array.from({ length: size.plants }, at);
  const catchments = cAt.map((_, i) => {
    const tonnes = 20 + 180 * r();
    return { id: `C${i + 1}`, tonnesPerDay: streams.map((s) => Math.round((tonnes * s.share) / shareSum * 100) / 100) };
  });
  const demand = streams.map((_, s) => catchments.reduce((a, c) => a + c.tonnesPerDay[s], 0));
  const total = demand.reduce((a, b) => a + b, 0);
  const stations = tAt.map((_, i) => ({
    id: `T${i + 1}`,
    streams: streams.map((_, s) => s),
    capacityTonnesPerDay: Math.round((total / size.stations) * (1 + 0.6 * r())),
    storageTonnes: Math.round((total / size.stations) * 0.8),
    haul: { trucks: 2 + Math.floor(r() * 6), capacityTonnes: 20, speedKmh: 45, handlingMinutes: 35, hoursPerDay: 16 },
  }));
  // Plants round-robin over streams; each stream's capacity shared among its plants.
  const perStream = streams.map((_, s) => pAt.map((_, i) => i).filter((i) => i % S === s));
  const ratio = size.capacityRatio ?? 1.05;
  const recycling = streams.findIndex((s) => s.type === 'recycling');
  const plants: FlowPlant[] = pAt.map((_, i) => {
    const s = i % S;
    const cap = ((demand[s] * ratio) / perStream[s].length) * (0.8 + 0.4 * r());
    return {
      id: `P${i + 1}`, type: streams[s].type, streams: [s],
      capacityTonnesPerDay: Math.round(cap * 10) / 10,
      pitTonnes: Math.round(cap * 2),
      gateFeePerTonne: Math.round(40 + 160 * r()),
      ...(s === recycling ? { recoveryRate: 0.85, residueStream: 0 } : {}),
      ...(size.days && i === 0 ? { outageDays: [Math.floor(size.days / 3), Math.floor(size.days / 3) + 1] } : {}),
    };
  });
  const days = size.days;
  return {
    streams: streams.map((s) => ({ id: s.id })),
    catchments,
    stations,
    plants,
    catchmentStationKm: cAt.map((c) => tAt.map((t) => km(c, t))),
    stationPlantKm: tAt.map((t) => pAt.map((p) => km(t, p))),
    plantPlantKm: pAt.map((p) => pAt.map((q) => km(p, q))),
    costs: { collectPerTonneKm: 2.5, haulPerTonneKm: 0.6 },
    landfill: { allowed: true, gateFeePerTonne: 30, stationKm: tAt.map((t) => km(t, { x: 0, y: 0 })), plantKm: pAt.map((p) => km(p, { x: 0, y: 0 })) },
    ...(days ? { horizon: { days, demandFactor: Array.from({ length: days }, (_, d) => [1, 1, 1, 1, 1.05, 1.1, 1.05][d % 7]) } } : {}),
  };
}
