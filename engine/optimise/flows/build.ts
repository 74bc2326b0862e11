/**
 * Turns a flow model into a linear program. Variables, per stream and day:
 * catchment → station (collection), station → plant (haul), station →
 * landfill, catchment → landfill (when no station can take it), recycling
 * residue plant → plant and → landfill; in the multi-day form also station
 * stocks, plant pit stocks and tonnes treated. Rows: demand met, station mass
 * balance, station intake per day, station storage, haul truck-hours, plant
 * capacity (zero on outage days), pit balance and pit size, residue balance.
 *
 * Every column and row keeps what it stands for (kind, the sites, stream,
 * day) so answers can be told in plain words.
 */
import { LpBuilder, type LinearProgram } from './lp.ts';
import { DEFAULT_STATIONS_PER_CATCHMENT, haulHoursPerTonne, plantCapacityOnDay, type FlowModel } from './model.ts';
import { candidateStations, finiteKm, validateFlowModel } from './validate.ts';

export const COL = {
  collect: 0, catchmentLandfill: 1, haul: 2, stationLandfill: 3, residue: 4, residueLandfill: 5,
  stationStock: 6, pitStock: 7, treat: 8, extra: 9,
} as const;
export const ROW = {
  demand: 0, stationBalance: 1, stationCapacity: 2, storage: 3, haulHours: 4, plantCapacity: 5,
  pitBalance: 6, pitCapacity: 7, residueBalance: 8, extra: 9,
} as const;

/** What each column or row stands for: kind, first site, second site, stream, day (-1 where not relevant). */
export class Meta {
  kind: number[] = []; a: number[] = []; b: number[] = []; s: number[] = []; d: number[] = [];
  push(kind: number, a: number, b: number, s: number, d: number): void {
    this.kind.push(kind); this.a.push(a); this.b.push(b); this.s.push(s); this.d.push(d);
  }
}

export interface FlowLp {
  model: FlowModel;
  lp: LinearProgram;
  cols: Meta;
  rows: Meta;
  days: number;
  /** The form with stocks carried between days. */
  stocks: boolean;
  landfillPenaltyPerTonne: number;
  holdPerTonneDay: number;
  /** Row index by site × day (t * days + d), -1 where the row is absent. */
  stationCapacityRow: Int32Array;
  haulRow: Int32Array;
  plantCapacityRow: Int32Array;
  storageRow: Int32Array;
  pitCapacityRow: Int32Array;
}

export type CapacityKind = 'plant' | 'station' | 'haul';

/** The capacity rows of one site over the horizon (one per day), for extensions that add capacity. */
export function capacityRows(f: Omit<FlowLp, 'lp'>, kind: CapacityKind, site: number): number[] {
  const table = kind === 'plant' ? f.plantCapacityRow : kind === 'station' ? f.stationCapacityRow : f.haulRow;
  const out: number[] = [];
  for (let d = 0; d < f.days; d++) if (table[site * f.days + d] >= 0) out.push(table[site * f.days + d]);
  return out;
}

/** A column added by an extension; `tag` is the extension's own index for it. */
export function extraCol(b: LpBuilder, f: Omit<FlowLp, 'lp'>, tag: number, cost: number, upper: number, rows: number[], coefs: number[], integer = false): number {
  f.cols.push(COL.extra, tag, -1, -1, -1);
  return b.col(cost, 0, upper, rows, coefs, integer);
}

/** An extension adds its own rows and columns (capacity choices, budgets) before the LP is sealed. */
export type Extension = (b: LpBuilder, f: Omit<FlowLp, 'lp'>) => void;

/** The most a tonne can cost on any route that avoids landfill: the scale for the penalty and the holding cost. */
export function maxRouteCostPerTonne(m: FlowModel): number {
  const maxKm = (km: (number | null)[][] | undefined) => {
    let v = 0;
    for (const r of km ?? []) for (const x of r) if (finiteKm(x)) v = Math.max(v, x);
    return v;
  };
  const maxFee = Math.max(0, ...m.plants.map((p) => p.gateFeePerTonne));
  return maxKm(m.catchmentStationKm) * m.costs.collectPerTonneKm
    + (maxKm(m.stationPlantKm) + maxKm(m.plantPlantKm)) * m.costs.haulPerTonneKm + 2 * maxFee;
}

export function buildFlowLp(m: FlowModel, extend?: Extension): FlowLp {
  validateFlowModel(m);
  const S = m.streams.length, C = m.catchments.length, T = m.stations.length, P = m.plants.length;
  const stocks = m.horizon !== undefined;
  const D = m.horizon?.days ?? 1;
  const K = m.stationsPerCatchment ?? DEFAULT_STATIONS_PER_CATCHMENT;
  const route = maxRouteCostPerTonne(m);
  const penalty = m.landfill.penaltyPerTonne ?? Math.max(1000, 10 * route);
  const freeEnd = m.horizon?.end === 'free';
  const hold = m.costs.holdPerTonneDay ?? (freeEnd ? 2 * route + 1 : 1e-3);
  const landfillFee = m.landfill.gateFeePerTonne ?? 0;
  const lf = m.landfill.allowed;
  const b = new LpBuilder();
  const cols = new Meta(), rows = new Meta();
  const row = (kind: number, a: number, bb: number, s: number, d: number, lo: number, hi: number) => {
    rows.push(kind, a, bb, s, d);
    return b.row(lo, hi);
  };
  const col = (kind: number, a: number, bb: number, s: number, d: number, cost: number, hi: number, r: number[], v: number[]) => {
    cols.push(kind, a, bb, s, d);
    return b.col(cost, 0, hi, r, v);
  };
  const factor = (d: number) => m.horizon?.demandFactor?.[d] ?? 1;
  const residueShare = m.plants.map((p) => (p.residueStream !== undefined ? 1 - (p.recoveryRate ?? 1) : 0));
  const takes = (streams: number[]) => { const s = new Uint8Array(S); for (const i of streams) s[i] = 1; return s; };
  const stationTakes = m.stations.map((t) => takes(t.streams));
  const plantTakes = m.plants.map((p) => takes(p.streams));
  const reach: number[][] = [];
  for (let c = 0; c < C; c++) for (let s = 0; s < S; s++) reach.push(m.catchments[c].tonnesPerDay[s] > 0 ? candidateStations(m, c, s, K) : []);

  const demandRow = new Int32Array(C * S * D).fill(-1);
  const balanceRow = new Int32Array(T * S * D).fill(-1);
  const stationCapacityRow = new Int32Array(T * D).fill(-1);
  const storageRow = new Int32Array(T * D).fill(-1);
  const haulRow = new Int32Array(T * D).fill(-1);
  const plantCapacityRow = new Int32Array(P * D).fill(-1);
  const pitBalanceRow = new Int32Array(P * D).fill(-1);
  const pitCapacityRow = new Int32Array(P * D).fill(-1);
  const residueRow = new Int32Array(P * D).fill(-1);

  for (let d = 0; d < D; d++) {
    for (let c = 0; c < C; c++) for (let s = 0; s < S; s++) {
      const tonnes = m.catchments[c].tonnesPerDay[s] * factor(d);
      if (tonnes > 0) demandRow[(c * S + s) * D + d] = row(ROW.demand, c, -1, s, d, tonnes, tonnes);
    }
    m.stations.forEach((t, i) => {
      for (const s of t.streams) {
        const init = d === 0 && stocks ? -(t.initialStockTonnes?.[s] ?? 0) : 0;
        balanceRow[(i * S + s) * D + d] = row(ROW.stationBalance, i, -1, s, d, init, init);
      }
      stationCapacityRow[i * D + d] = row(ROW.stationCapacity, i, -1, -1, d, -Infinity, t.capacityTonnesPerDay);
      if (stocks) storageRow[i * D + d] = row(ROW.storage, i, -1, -1, d, -Infinity, t.storageTonnes ?? 0);
      if (t.haul) haulRow[i * D + d] = row(ROW.haulHours, i, -1, -1, d, -Infinity, t.haul.trucks * t.haul.hoursPerDay);
    });
    m.plants.forEach((p, i) => {
      const cap = stocks ? plantCapacityOnDay(p, d) : p.capacityTonnesPerDay;
      plantCapacityRow[i * D + d] = row(ROW.plantCapacity, i, -1, -1, d, -Infinity, cap);
      if (stocks) {
        const init = d === 0 ? -(p.initialPitTonnes ?? 0) : 0;
        pitBalanceRow[i * D + d] = row(ROW.pitBalance, i, -1, -1, d, init, init);
        if ((p.pitTonnes ?? 0) > 0) pitCapacityRow[i * D + d] = row(ROW.pitCapacity, i, -1, -1, d, -Infinity, p.pitTonnes!);
      }
      if (residueShare[i] > 0) residueRow[i * D + d] = row(ROW.residueBalance, i, -1, p.residueStream!, d, 0, 0);
    });
  }

  // Where a plant's intake is counted: the capacity row directly (steady state) or the pit balance.
  const intakeRow = stocks ? pitBalanceRow : plantCapacityRow;
  const r: number[] = [], v: number[] = [];
  const reset = () => { r.length = 0; v.length = 0; };
  const add = (rowIndex: number, coef: number) => { if (rowIndex >= 0) { r.push(rowIndex); v.push(coef); } };

  for (let d = 0; d < D; d++) {
    for (let c = 0; c < C; c++) for (let s = 0; s < S; s++) {
      const dr = demandRow[(c * S + s) * D + d];
      if (dr < 0) continue;
      for (const t of reach[c * S + s]) {
        reset(); add(dr, 1); add(balanceRow[(t * S + s) * D + d], 1); add(stationCapacityRow[t * D + d], 1);
        col(COL.collect, c, t, s, d, m.catchmentStationKm[c][t]! * m.costs.collectPerTonneKm, Infinity, r, v);
      }
      if (lf) { reset(); add(dr, 1); col(COL.catchmentLandfill, c, -1, s, d, penalty + landfillFee, Infinity, r, v); }
    }
    for (let t = 0; t < T; t++) {
      const haul = m.stations[t].haul;
      for (const s of m.stations[t].streams) {
        const br = balanceRow[(t * S + s) * D + d];
        for (let p = 0; p < P; p++) {
          const km = m.stationPlantKm[t][p];
          if (!plantTakes[p][s] || !finiteKm(km)) continue;
          reset(); add(br, -1); add(intakeRow[p * D + d], 1);
          if (!stocks) add(residueRow[p * D + d], -residueShare[p]);
          if (haul) add(haulRow[t * D + d], haulHoursPerTonne(haul, km));
          col(COL.haul, t, p, s, d, km * m.costs.haulPerTonneKm + m.plants[p].gateFeePerTonne, Infinity, r, v);
        }
        if (lf) {
          const km = m.landfill.stationKm?.[t] ?? 0;
          reset(); add(br, -1);
          if (haul) add(haulRow[t * D + d], haulHoursPerTonne(haul, km));
          col(COL.stationLandfill, t, -1, s, d, penalty + landfillFee + km * m.costs.haulPerTonneKm, Infinity, r, v);
        }
        if (stocks) {
          reset(); add(br, -1); add(storageRow[t * D + d], 1);
          if (d + 1 < D) add(balanceRow[(t * S + s) * D + d + 1], 1);
          const last = d + 1 === D && !freeEnd;
          col(COL.stationStock, t, -1, s, d, hold, last ? (m.stations[t].initialStockTonnes?.[s] ?? 0) : Infinity, r, v);
        }
      }
    }
    for (let p = 0; p < P; p++) {
      const rr = residueRow[p * D + d];
      if (stocks) {
        reset(); add(pitBalanceRow[p * D + d], -1); add(plantCapacityRow[p * D + d], 1); add(rr, -residueShare[p]);
        col(COL.treat, p, -1, -1, d, 0, Infinity, r, v);
        reset(); add(pitBalanceRow[p * D + d], -1); add(pitCapacityRow[p * D + d], 1);
        if (d + 1 < D) add(pitBalanceRow[p * D + d + 1], 1);
        const pitMax = (m.plants[p].pitTonnes ?? 0) > 0 ? Infinity : 0;
        const last = d + 1 === D && !freeEnd;
        col(COL.pitStock, p, -1, -1, d, 0, last ? Math.min(pitMax, m.plants[p].initialPitTonnes ?? 0) : pitMax, r, v);
      }
      if (rr < 0) continue;
      const rs = m.plants[p].residueStream!;
      for (let q = 0; q < P; q++) {
        const km = m.plantPlantKm![p][q];
        if (q === p || !plantTakes[q][rs] || !finiteKm(km)) continue;
        reset(); add(rr, 1); add(intakeRow[q * D + d], 1);
        if (!stocks) add(residueRow[q * D + d], -residueShare[q]);
        col(COL.residue, p, q, rs, d, km * m.costs.haulPerTonneKm + m.plants[q].gateFeePerTonne, Infinity, r, v);
      }
      if (lf) {
        const km = m.landfill.plantKm?.[p] ?? 0;
        reset(); add(rr, 1);
        col(COL.residueLandfill, p, -1, rs, d, penalty + landfillFee + km * m.costs.haulPerTonneKm, Infinity, r, v);
      }
    }
  }
  const partial = {
    model: m, cols, rows, days: D, stocks, landfillPenaltyPerTonne: penalty, holdPerTonneDay: hold,
    stationCapacityRow, haulRow, plantCapacityRow, storageRow, pitCapacityRow,
  };
  extend?.(b, partial);
  return { ...partial, lp: b.build() };
}
