/**
 * Landfill tonnes and why they happen. Each landfill flow is traced to what
 * stopped it going elsewhere: no plant or station takes the stream, no road,
 * or the stations, haul trucks, pits and plants on its way are full.
 */
import { COL, type FlowLp } from './build.ts';
import type { Binding } from './binding.ts';
import { DEFAULT_STATIONS_PER_CATCHMENT } from './model.ts';
import { candidateStations, finiteKm } from './validate.ts';

export interface LandfillReason {
  stream: string;
  /** Where the landfilled waste leaves the system: a catchment, station or plant id. */
  from: string;
  tonnesPerDay: number;
  why: string;
}

export interface LandfillAnswer {
  tonnesPerDay: number;
  byStream: Record<string, number>;
  reasons: LandfillReason[];
}

export function explainLandfill(f: FlowLp, x: ArrayLike<number>, binding: Binding[]): LandfillAnswer {
  const m = f.model;
  const { cols, days: D } = f;
  const full = new Map<string, Binding[]>();
  for (const b of binding) full.set(b.site, [...(full.get(b.site) ?? []), b]);
  const fullText = (ids: string[]) => {
    const parts: string[] = [];
    for (const id of ids) for (const b of full.get(id) ?? []) parts.push(`${id} ${b.kind.replace('-', ' ')} ${b.limit} ${b.unit}`);
    return parts;
  };
  const byStream: Record<string, number> = {};
  const reasons = new Map<string, LandfillReason>();
  let total = 0;
  const plantsFor = (s: number) => m.plants.map((p, i) => ({ p, i })).filter((e) => e.p.streams.includes(s));

  const whyPlants = (s: number, from: number, kmRow: (number | null)[] | undefined): string => {
    const accepting = plantsFor(s).filter((e) => e.i !== from);
    if (accepting.length === 0) return `no plant accepts ${m.streams[s].id}`;
    const reachable = accepting.filter((e) => finiteKm(kmRow?.[e.i]));
    if (reachable.length === 0) return `no road to a plant that accepts ${m.streams[s].id}`;
    const limits = fullText(reachable.map((e) => e.p.id));
    return reachable.every((e) => full.has(e.p.id)) ? `plants that accept ${m.streams[s].id} are full: ${limits.join(', ')}` : 'cheaper than the routes left open (raise the landfill penalty)';
  };

  for (let j = 0; j < f.lp.numCols; j++) {
    const k = cols.kind[j];
    if (k !== COL.catchmentLandfill && k !== COL.stationLandfill && k !== COL.residueLandfill) continue;
    const t = x[j] / D;
    if (t <= 1e-9) continue;
    const s = cols.s[j], a = cols.a[j];
    let from: string, why: string;
    if (k === COL.catchmentLandfill) {
      from = m.catchments[a].id;
      const reach = candidateStations(m, a, s, m.stationsPerCatchment ?? DEFAULT_STATIONS_PER_CATCHMENT);
      if (reach.length === 0) why = `no station within reach takes ${m.streams[s].id}`;
      else {
        // Full plants come first: when they bind, roomier stations would not help.
        const plants = whyPlants(s, -1, m.stationPlantKm[reach[0]]);
        const limits = fullText(reach.map((i) => m.stations[i].id));
        const stations = limits.length > 0 ? `stations within reach are full: ${limits.join(', ')}` : '';
        why = plants.startsWith('plants') || !stations ? plants : stations;
      }
    } else if (k === COL.stationLandfill) {
      from = m.stations[a].id;
      const own = fullText([from]).filter((p) => p.includes('haul') || p.includes('storage'));
      why = own.length > 0 ? `${own.join(', ')}; ${whyPlants(s, -1, m.stationPlantKm[a])}` : whyPlants(s, -1, m.stationPlantKm[a]);
    } else {
      from = m.plants[a].id;
      why = `residue: ${whyPlants(s, a, m.plantPlantKm?.[a])}`;
    }
    const key = `${from}|${s}|${why}`;
    const r = reasons.get(key) ?? { stream: m.streams[s].id, from, tonnesPerDay: 0, why };
    r.tonnesPerDay += t;
    reasons.set(key, r);
    byStream[m.streams[s].id] = (byStream[m.streams[s].id] ?? 0) + t;
    total += t;
  }
  return { tonnesPerDay: total, byStream, reasons: [...reasons.values()].sort((a, b) => b.tonnesPerDay - a.tonnesPerDay || a.from.localeCompare(b.from)) };
}
