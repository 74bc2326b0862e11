/**
 * Solving a flow model and telling the answer as a planner reads it: where
 * each stream's tonnes go, which limits bind and what one more unit of each
 * would save, which come closest to binding, how much goes to landfill and
 * why. An allocation from javascript-lp-solver is checked by one HiGHS solve
 * of the same LP, which proves the optimum and gives the shadow prices.
 */
import { InputError } from '../../errors.ts';
import { loadHighs, solveLp, solveWithHighs, type LpResult, type SolverChoice, type SolverName } from './backends.ts';
import { buildFlowLp, COL, type FlowLp } from './build.ts';
import { bindingConstraints, closestLimits, limitsAt, type Binding, type Headroom, type LimitsAt } from './binding.ts';
import { explainLandfill, type LandfillAnswer } from './landfill.ts';
import type { FlowModel } from './model.ts';

export interface Flow {
  kind: 'collect' | 'haul' | 'residue' | 'landfill';
  from: string;
  to: string;
  stream: string;
  /** Mean over the horizon. */
  tonnesPerDay: number;
  /** Per day, in the multi-day form. */
  byDay?: number[];
}

export interface CostBreakdown {
  collection: number;
  haul: number;
  gateFees: number;
  landfill: number;
  holding: number;
}

/** HiGHS's solve of the LP javascript-lp-solver answered. */
export interface HighsCheck {
  status: LpResult['status'];
  /** HiGHS's proven optimum (NaN when it found none). */
  objective: number;
  /** |javascript-lp-solver's cost − HiGHS's| / max(1, |HiGHS's|). */
  relativeDifference: number;
  /** Below AGREEMENT: the allocation shown is optimal to that precision. */
  agree: boolean;
}

/** Relative difference of the two back ends' costs under which they agree. */
export const AGREEMENT = 1e-6;

export interface FlowSolution {
  /** The back end whose allocation is shown. */
  solver: SolverName;
  /** Optimality proven by HiGHS: its own answer, or javascript-lp-solver's when HiGHS's optimum costs the same (`check`). */
  proven: boolean;
  /** When javascript-lp-solver gave the allocation and shadow prices were asked for. */
  check?: HighsCheck;
  days: number;
  /** Total objective over the horizon (per day in the steady-state form). */
  objective: number;
  costs: CostBreakdown;
  flows: Flow[];
  binding: Binding[];
  /** The non-binding station intakes, haul fleets and plant capacities with the least headroom, least first. */
  closest: Headroom[];
  landfill: LandfillAnswer;
  landfillPenaltyPerTonne: number;
  /** Tonnes of each (station, plant, stream) per day: index ((t * P + p) * S + s) * days + d. */
  stationPlantTonnes: Float64Array;
}

export interface SolveOptions {
  solver?: SolverChoice;
  /** Shadow prices of binding limits (HiGHS's duals; one more HiGHS solve after javascript-lp-solver) and the proof of optimality. Default true. */
  shadowPrices?: boolean;
  currency?: string;
}

export const TOLERANCE_TONNES = 1e-6;

export async function solveFlows(m: FlowModel, opts: SolveOptions = {}): Promise<FlowSolution> {
  const f = buildFlowLp(m);
  const res = await solveLp(f.lp, opts.solver ?? 'auto');
  if (res.status !== 'optimal') throw refusal(f, res);
  let duals = res.rowDual, check: HighsCheck | undefined;
  if (!duals && (opts.shadowPrices ?? true)) {
    const h = solveWithHighs(await loadHighs(), f.lp);
    const rel = Math.abs(res.objective - h.objective) / Math.max(1, Math.abs(h.objective));
    check = { status: h.status, objective: h.objective, relativeDifference: rel, agree: h.status === 'optimal' && rel < AGREEMENT };
    duals = h.rowDual;
  }
  const at = limitsAt(f, res.x);
  const binding = bindingConstraints(f, res.x, { duals, currency: opts.currency ?? '¥' }, at);
  return { ...describe(f, res, binding, at, res.proven || (check?.agree ?? false)), ...(check ? { check } : {}) };
}

/** An LP with no solution means the input asks for the impossible: say which limit cannot be met. */
export function refusal(f: FlowLp, res: LpResult): InputError {
  const m = f.model;
  if (res.status === 'infeasible') {
    const problems: { path: string; message: string }[] = [];
    const S = m.streams.length;
    for (let s = 0; s < S; s++) {
      const need = m.catchments.reduce((a, c) => a + c.tonnesPerDay[s], 0);
      const cap = m.plants.filter((p) => p.streams.includes(s)).reduce((a, p) => a + p.capacityTonnesPerDay, 0);
      if (need > cap + TOLERANCE_TONNES) {
        problems.push({ path: `streams[${s}]`, message: `stream ${m.streams[s].id}: ${round(need)} t/day to treat but the plants that accept it hold ${round(cap)} t/day, and landfill is forbidden` });
      }
    }
    const total = m.catchments.reduce((a, c) => a + c.tonnesPerDay.reduce((x, y) => x + y, 0), 0);
    const stationCap = m.stations.reduce((a, t) => a + t.capacityTonnesPerDay, 0);
    if (total > stationCap + TOLERANCE_TONNES) problems.push({ path: 'stations', message: `${round(total)} t/day produced but the stations take in ${round(stationCap)} t/day, and landfill is forbidden` });
    if (problems.length === 0) problems.push({ path: 'flows', message: 'no allocation meets every station, haul, pit and plant limit at once (infeasible); allow landfill to see where the shortfall falls' });
    return new InputError(problems);
  }
  return InputError.one('flows', `the LP solver stopped without an optimum (${res.solver}: ${res.detail})`);
}

function describe(f: FlowLp, res: LpResult, binding: Binding[], at: LimitsAt, proven: boolean): FlowSolution {
  const m = f.model;
  const { cols, days: D } = f;
  const S = m.streams.length, P = m.plants.length;
  const costs: CostBreakdown = { collection: 0, haul: 0, gateFees: 0, landfill: 0, holding: 0 };
  const stationPlantTonnes = new Float64Array(m.stations.length * P * S * D);
  const flows = new Map<string, Flow>();
  const addFlow = (kind: Flow['kind'], from: string, to: string, s: number, d: number, t: number) => {
    const key = `${kind}|${from}|${to}|${s}`;
    let fl = flows.get(key);
    if (!fl) {
      fl = { kind, from, to, stream: m.streams[s].id, tonnesPerDay: 0, ...(D > 1 ? { byDay: new Array<number>(D).fill(0) } : {}) };
      flows.set(key, fl);
    }
    fl.tonnesPerDay += t / D;
    if (fl.byDay) fl.byDay[d] += t;
  };
  for (let j = 0; j < f.lp.numCols; j++) {
    const x = res.x[j];
    const cost = f.lp.colCost[j] * x;
    const k = cols.kind[j], a = cols.a[j], b = cols.b[j], s = cols.s[j], d = cols.d[j];
    if (k === COL.stationStock) costs.holding += cost;
    else if (k === COL.collect) costs.collection += cost;
    else if (k === COL.haul || k === COL.residue) {
      const fee = m.plants[b].gateFeePerTonne * x;
      costs.gateFees += fee;
      costs.haul += cost - fee;
    } else if (k === COL.catchmentLandfill || k === COL.stationLandfill || k === COL.residueLandfill) costs.landfill += cost;
    if (x <= TOLERANCE_TONNES) continue;
    if (k === COL.collect) addFlow('collect', m.catchments[a].id, m.stations[b].id, s, d, x);
    else if (k === COL.haul) {
      addFlow('haul', m.stations[a].id, m.plants[b].id, s, d, x);
      stationPlantTonnes[((a * P + b) * S + s) * D + d] += x;
    } else if (k === COL.residue) addFlow('residue', m.plants[a].id, m.plants[b].id, s, d, x);
    else if (k === COL.catchmentLandfill) addFlow('landfill', m.catchments[a].id, 'landfill', s, d, x);
    else if (k === COL.stationLandfill) addFlow('landfill', m.stations[a].id, 'landfill', s, d, x);
    else if (k === COL.residueLandfill) addFlow('landfill', m.plants[a].id, 'landfill', s, d, x);
  }
  const order = { collect: 0, haul: 1, residue: 2, landfill: 3 };
  const list = [...flows.values()].sort((x, y) => order[x.kind] - order[y.kind] || x.from.localeCompare(y.from) || x.to.localeCompare(y.to) || x.stream.localeCompare(y.stream));
  return {
    solver: res.solver, proven, days: D, objective: res.objective, costs, flows: list, binding, closest: closestLimits(f, res.x, undefined, at),
    landfill: explainLandfill(f, res.x, binding), landfillPenaltyPerTonne: f.landfillPenaltyPerTonne, stationPlantTonnes,
  };
}

export function round(v: number, digits = 1): number {
  const k = 10 ** digits;
  return Math.round(v * k) / k;
}


