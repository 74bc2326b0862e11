/**
 * The growth study: year by year, with generation growing at a compound
 * rate, how much goes to landfill under the planned capacity, the least
 * capacity to add for zero landfill (at plants, station intake and haul),
 * and the first year the planned capacity no longer suffices.
 */
import { InputError } from '../../errors.ts';
import { solveLp, type SolverChoice } from './backends.ts';
import { buildFlowLp, capacityRows, COL, extraCol, maxRouteCostPerTonne, type CapacityKind } from './build.ts';
import { refusal, solveFlows, TOLERANCE_TONNES } from './solve.ts';
import { tripHours, type FlowModel } from './model.ts';
import { finiteKm } from './validate.ts';

export interface Addition {
  kind: CapacityKind;
  site: string;
  /** t/day for plants and stations; truck-hours a day for haul. */
  amount: number;
  unit: 't/day' | 'truck-h/day';
}

export interface GrowthYear {
  year: number;
  factor: number;
  demandTonnesPerDay: number;
  landfillTonnesPerDay: number;
  /** The least capacity to add for zero landfill that year (empty when none is needed). */
  additions: Addition[];
  /** Sum of additions in t/day (plants and stations). */
  addedTonnesPerDay: number;
}

export interface GrowthStudy {
  growthPerYear: number;
  baseYear: number;
  years: GrowthYear[];
  /** The first year with landfill under the planned capacity, null if none in the range. */
  firstFailingYear: number | null;
}

export interface GrowthOptions {
  growthPerYear: number;
  fromYear: number;
  toYear: number;
  /** The year the model's tonnages describe. */
  baseYear: number;
  solver?: SolverChoice;
  /** Also find the least capacity to add in failing years (default true). */
  additions?: boolean;
}

export function scaleDemand(m: FlowModel, factor: number): FlowModel {
  return { ...m, catchments: m.catchments.map((c) => ({ ...c, tonnesPerDay: c.tonnesPerDay.map((t) => t * factor) })) };
}

export async function growthStudy(m: FlowModel, o: GrowthOptions): Promise<GrowthStudy> {
  if (!(o.growthPerYear > -1)) throw InputError.one('growth', `must be above -100%/year (got ${o.growthPerYear * 100}%)`);
  if (!(Number.isInteger(o.fromYear) && Number.isInteger(o.toYear) && o.fromYear <= o.toYear)) throw InputError.one('years', `must be a range of years A-B with A ≤ B (got ${o.fromYear}-${o.toYear})`);
  const years: GrowthYear[] = [];
  let firstFailingYear: number | null = null;
  for (let year = o.fromYear; year <= o.toYear; year++) {
    const factor = (1 + o.growthPerYear) ** (year - o.baseYear);
    const scaled = scaleDemand(m, factor);
    const planned = await solveFlows({ ...scaled, landfill: { ...scaled.landfill, allowed: true } }, { solver: o.solver, shadowPrices: false });
    const landfill = planned.landfill.tonnesPerDay;
    const additions = landfill > TOLERANCE_TONNES && o.additions !== false ? await leastAddedCapacity(scaled, o.solver) : [];
    if (landfill > TOLERANCE_TONNES && firstFailingYear === null) firstFailingYear = year;
    years.push({
      year, factor, landfillTonnesPerDay: landfill,
      demandTonnesPerDay: scaled.catchments.reduce((a, c) => a + c.tonnesPerDay.reduce((x, y) => x + y, 0), 0),
      additions, addedTonnesPerDay: additions.filter((a) => a.unit === 't/day').reduce((s, a) => s + a.amount, 0),
    });
  }
  return { growthPerYear: o.growthPerYear, baseYear: o.baseYear, years, firstFailingYear };
}

/**
 * The least capacity to add for zero landfill: landfill forbidden, and every
 * plant, station intake and station haul may grow at a price per unit far
 * above any route's cost, so the LP adds as little as it can and routes the
 * rest at the least cost. A haul truck-hour is priced as the tonnes it moves.
 */
export async function leastAddedCapacity(m: FlowModel, solver?: SolverChoice): Promise<Addition[]> {
  const forbidden: FlowModel = { ...m, landfill: { ...m.landfill, allowed: false } };
  const weight = 1000 * Math.max(1, maxRouteCostPerTonne(m));
  const sites: { kind: CapacityKind; index: number; unit: Addition['unit'] }[] = [];
  const f = buildFlowLp(forbidden, (b, f) => {
    const add = (kind: CapacityKind, index: number, unit: Addition['unit'], cost: number) => {
      const rows = capacityRows(f, kind, index);
      if (rows.length === 0) return;
      extraCol(b, f, sites.length, cost, Infinity, rows, rows.map(() => -1));
      sites.push({ kind, index, unit });
    };
    m.plants.forEach((_, p) => add('plant', p, 't/day', weight));
    m.stations.forEach((_, t) => add('station', t, 't/day', weight));
    m.stations.forEach((t, i) => {
      if (!t.haul) return;
      const kms = m.stationPlantKm[i].filter(finiteKm);
      const meanKm = kms.length ? kms.reduce((a, b) => a + b, 0) / kms.length : 0;
      add('haul', i, 'truck-h/day', (weight * t.haul.capacityTonnes) / tripHours(t.haul, meanKm));
    });
  });
  const res = await solveLp(f.lp, solver ?? 'auto');
  if (res.status !== 'optimal') throw refusal(f, res);
  const out: Addition[] = [];
  for (let j = 0; j < f.lp.numCols; j++) {
    if (f.cols.kind[j] !== COL.extra || res.x[j] <= TOLERANCE_TONNES) continue;
    const s = sites[f.cols.a[j]];
    const site = s.kind === 'plant' ? m.plants[s.index].id : m.stations[s.index].id;
    out.push({ kind: s.kind, site, amount: res.x[j], unit: s.unit });
  }
  return out;
}
