/**
 * Refusals: a flow model with contradictory or impossible input is rejected
 * before any LP is built, every problem named with its path.
 */
import { InputError, type Problem } from '../../errors.ts';
import { DEFAULT_STATION_COVER, DEFAULT_STATIONS_PER_CATCHMENT, type FlowModel } from './model.ts';

const finiteKm = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);

export function validateFlowModel(m: FlowModel): void {
  const problems: Problem[] = [];
  const S = m.streams.length;
  const bad = (path: string, message: string) => problems.push({ path, message });
  const nonNeg = (path: string, v: number | undefined) => {
    if (v === undefined) return;
    if (!Number.isFinite(v)) bad(path, 'must be a finite number');
    else if (v < 0) bad(path, `must be ≥ 0 (got ${v})`);
  };
  const streamList = (path: string, list: number[]) => list.forEach((s, k) => {
    if (!Number.isInteger(s) || s < 0 || s >= S) bad(`${path}[${k}]`, `no stream with index ${s}`);
  });

  if (S === 0) bad('streams', 'at least one stream is needed');
  m.catchments.forEach((c, i) => {
    if (c.tonnesPerDay.length !== S) bad(`catchments[${i}].tonnesPerDay`, `must have one value per stream (${S})`);
    c.tonnesPerDay.forEach((v, s) => nonNeg(`catchments[${i}].tonnesPerDay[${s}]`, v));
  });
  m.stations.forEach((t, i) => {
    const p = `stations[${i}]`;
    streamList(`${p}.streams`, t.streams);
    nonNeg(`${p}.capacityTonnesPerDay`, t.capacityTonnesPerDay);
    nonNeg(`${p}.storageTonnes`, t.storageTonnes);
    t.initialStockTonnes?.forEach((v, s) => nonNeg(`${p}.initialStockTonnes[${s}]`, v));
    if (t.haul) {
      for (const k of ['trucks', 'hoursPerDay', 'handlingMinutes'] as const) nonNeg(`${p}.haul.${k}`, t.haul[k]);
      for (const k of ['capacityTonnes', 'speedKmh'] as const) if (!(t.haul[k] > 0)) bad(`${p}.haul.${k}`, 'must be > 0');
    }
  });
  m.plants.forEach((q, i) => {
    const p = `plants[${i}]`;
    streamList(`${p}.streams`, q.streams);
    nonNeg(`${p}.capacityTonnesPerDay`, q.capacityTonnesPerDay);
    nonNeg(`${p}.pitTonnes`, q.pitTonnes);
    nonNeg(`${p}.initialPitTonnes`, q.initialPitTonnes);
    nonNeg(`${p}.gateFeePerTonne`, q.gateFeePerTonne);
    if (q.recoveryRate !== undefined && !(q.recoveryRate >= 0 && q.recoveryRate <= 1)) bad(`${p}.recoveryRate`, 'must be between 0 and 1');
    if (q.residueStream !== undefined) streamList(`${p}.residueStream`, [q.residueStream]);
    q.lineOutages?.forEach((o, k) => nonNeg(`${p}.lineOutages[${k}].capacityLostTonnesPerDay`, o.capacityLostTonnesPerDay));
    if (q.initialPitTonnes !== undefined && q.pitTonnes !== undefined && q.initialPitTonnes > q.pitTonnes) bad(`${p}.initialPitTonnes`, `exceeds the pit (${q.pitTonnes} t)`);
  });
  nonNeg('costs.collectPerTonneKm', m.costs.collectPerTonneKm);
  nonNeg('costs.haulPerTonneKm', m.costs.haulPerTonneKm);
  nonNeg('costs.holdPerTonneDay', m.costs.holdPerTonneDay);
  nonNeg('landfill.penaltyPerTonne', m.landfill.penaltyPerTonne);
  nonNeg('landfill.gateFeePerTonne', m.landfill.gateFeePerTonne);
  if (m.catchmentStationKm.length !== m.catchments.length || m.catchmentStationKm.some((r) => r.length !== m.stations.length)) {
    bad('catchmentStationKm', `must be ${m.catchments.length} × ${m.stations.length}`);
  }
  if (m.stationPlantKm.length !== m.stations.length || m.stationPlantKm.some((r) => r.length !== m.plants.length)) {
    bad('stationPlantKm', `must be ${m.stations.length} × ${m.plants.length}`);
  }
  const needsPlantKm = m.plants.some((q) => q.residueStream !== undefined && (q.recoveryRate ?? 1) < 1);
  if (needsPlantKm && (m.plantPlantKm?.length !== m.plants.length || m.plantPlantKm.some((r) => r.length !== m.plants.length))) {
    bad('plantPlantKm', `recycling residue needs plant-to-plant distances, ${m.plants.length} × ${m.plants.length}`);
  }
  for (const [name, km] of [['catchmentStationKm', m.catchmentStationKm], ['stationPlantKm', m.stationPlantKm], ['plantPlantKm', m.plantPlantKm ?? []]] as const) {
    km.forEach((r, i) => r.forEach((v, j) => { if (finiteKm(v) && v < 0) bad(`${name}[${i}][${j}]`, 'a distance must be ≥ 0'); }));
  }
  if (m.horizon) {
    if (!Number.isInteger(m.horizon.days) || m.horizon.days < 1) bad('horizon.days', 'must be a whole number ≥ 1');
    if (m.horizon.demandFactor && m.horizon.demandFactor.length !== m.horizon.days) bad('horizon.demandFactor', `must have one value per day (${m.horizon.days})`);
    m.horizon.demandFactor?.forEach((v, d) => nonNeg(`horizon.demandFactor[${d}]`, v));
  }
  if (m.stationsPerCatchment !== undefined && !(m.stationsPerCatchment >= 1)) bad('stationsPerCatchment', 'must be ≥ 1');
  nonNeg('stationCover', m.stationCover);
  if (problems.length > 0) throw new InputError(problems);

  // Every stream that is produced needs somewhere to go when landfill is forbidden.
  if (!m.landfill.allowed) {
    const K = m.stationsPerCatchment ?? DEFAULT_STATIONS_PER_CATCHMENT;
    for (let s = 0; s < S; s++) {
      const produced = m.catchments.some((c) => c.tonnesPerDay[s] > 0);
      if (!produced) continue;
      const name = m.streams[s].id;
      if (!m.plants.some((q) => q.streams.includes(s))) {
        bad(`streams[${s}]`, `stream ${name}: no plant accepts it and landfill is forbidden`);
        continue;
      }
      m.catchments.forEach((c, i) => {
        if (!(c.tonnesPerDay[s] > 0)) return;
        const reach = candidateStations(m, i, s, K);
        const routed = reach.some((t) => m.plants.some((q, p) => q.streams.includes(s) && finiteKm(m.stationPlantKm[t][p])));
        if (!routed) bad(`catchments[${i}]`, `catchment ${c.id}: no station within reach sends stream ${name} to a plant that accepts it, and landfill is forbidden`);
      });
    }
    m.plants.forEach((q, p) => {
      if (q.residueStream === undefined || (q.recoveryRate ?? 1) >= 1) return;
      const r = q.residueStream;
      if (!m.plants.some((o, k) => k !== p && o.streams.includes(r) && finiteKm(m.plantPlantKm![p][k]))) {
        bad(`plants[${p}]`, `plant ${q.id}: no plant accepts its residue (${m.streams[r].id}) and landfill is forbidden`);
      }
    });
  }
  if (problems.length > 0) throw new InputError(problems);
}

/**
 * The stations catchment c may send stream s to: the K nearest that take s,
 * within the collection limit, and more (nearest first) until their intake
 * adds up to `stationCover` times the catchment's tonnes, so that a large
 * district is not left to landfill by a cut-off meant to keep the LP small.
 */
export function candidateStations(m: FlowModel, c: number, s: number, K: number): number[] {
  const out: { t: number; km: number }[] = [];
  m.stations.forEach((t, i) => {
    const km = m.catchmentStationKm[c][i];
    if (!finiteKm(km) || !t.streams.includes(s)) return;
    if (m.maxCollectKm !== undefined && km > m.maxCollectKm) return;
    out.push({ t: i, km });
  });
  out.sort((a, b) => a.km - b.km || a.t - b.t);
  const need = (m.stationCover ?? DEFAULT_STATION_COVER) * m.catchments[c].tonnesPerDay.reduce((a, b) => a + b, 0);
  let n = 0, room = 0;
  while (n < out.length && (n < K || room < need)) room += m.stations[out[n++].t].capacityTonnesPerDay;
  return out.slice(0, n).map((e) => e.t);
}

export { finiteKm };
