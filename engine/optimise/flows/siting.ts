/**
 * Capacity and siting (mixed-integer, HiGHS): from candidate upgrades and new
 * sites, each adding capacity at a cost, choose those that keep landfill at
 * zero at the least cost within a budget. New sites sit in the flow model
 * with zero capacity (a site any candidate marks `newSite` is taken as
 * unbuilt, whatever capacity the scenario gives it); a candidate adds its
 * tonnes per day when chosen. When
 * no choice within the budget reaches zero landfill, the answer is the choice
 * that leaves the least landfill.
 */
import { InputError } from '../../errors.ts';
import { solveLp, type LpOptions } from './backends.ts';
import { buildFlowLp, capacityRows, COL, extraCol, type CapacityKind, type FlowLp } from './build.ts';
import { TOLERANCE_TONNES } from './solve.ts';
import type { FlowModel } from './model.ts';

export interface Candidate {
  id: string;
  kind: Exclude<CapacityKind, 'haul'>;
  /** Id of the plant or station in the flow model that the candidate enlarges (or builds from zero). */
  site: string;
  addTonnesPerDay: number;
  cost: number;
  /**
   * The site is proposed, not built: its own capacity counts as zero unless a
   * candidate on it is chosen. A scenario carries a planned plant or station
   * (where it would stand, what it takes, its fee) and the candidates say
   * what building it adds and costs.
   */
  newSite?: boolean;
}

export interface SitingOptions extends LpOptions {
  budget?: number;
  /** Days of operation whose flow cost is weighed against the capital cost (default 365). */
  operatingDays?: number;
}

export interface SitingAnswer {
  zeroLandfill: boolean;
  chosen: Candidate[];
  capitalCost: number;
  /** Flow cost per day of the chosen plan (haul, gate fees, landfill penalty). */
  flowCostPerDay: number;
  landfillTonnesPerDay: number;
  /** HiGHS proved the choice optimal (false when stopped at a time limit with a feasible choice). */
  proven: boolean;
}

export async function chooseCapacity(m: FlowModel, candidates: Candidate[], o: SitingOptions = {}): Promise<SitingAnswer> {
  const problems: { path: string; message: string }[] = [];
  candidates.forEach((c, i) => {
    const list = c.kind === 'plant' ? m.plants : m.stations;
    if (!list.some((s) => s.id === c.site)) problems.push({ path: `candidates[${i}].site`, message: `no ${c.kind} ${c.site} in the model` });
    if (!(c.addTonnesPerDay > 0)) problems.push({ path: `candidates[${i}].addTonnesPerDay`, message: 'must be > 0' });
    if (!(c.cost >= 0)) problems.push({ path: `candidates[${i}].cost`, message: 'must be ≥ 0' });
  });
  if (o.budget !== undefined && !(o.budget >= 0)) problems.push({ path: 'budget', message: 'must be ≥ 0' });
  if (problems.length > 0) throw new InputError(problems);
  const days = o.operatingDays ?? 365;
  m = unbuilt(m, candidates);

  const build = (landfill: boolean, objective: 'cost' | 'landfill') => buildFlowLp({ ...m, landfill: { ...m.landfill, allowed: landfill } }, (b, f) => {
    const budgetRow = o.budget !== undefined ? b.row(-Infinity, o.budget) : -1;
    if (budgetRow >= 0) f.rows.push(-1, -1, -1, -1, -1);
    candidates.forEach((c, i) => {
      const index = (c.kind === 'plant' ? m.plants : m.stations).findIndex((s) => s.id === c.site);
      const rows = capacityRows(f, c.kind, index);
      const coefs = rows.map(() => -c.addTonnesPerDay);
      if (budgetRow >= 0) { rows.push(budgetRow); coefs.push(c.cost); }
      extraCol(b, f, i, objective === 'cost' ? c.cost : 0, 1, rows, coefs, true);
    });
  });
  const reweigh = (f: FlowLp, objective: 'cost' | 'landfill') => {
    for (let j = 0; j < f.lp.numCols; j++) {
      const k = f.cols.kind[j];
      if (k === COL.extra) continue;
      const landfill = k === COL.catchmentLandfill || k === COL.stationLandfill || k === COL.residueLandfill;
      f.lp.colCost[j] = objective === 'cost' ? f.lp.colCost[j] * days / f.days : landfill ? 1 : 0;
    }
  };

  let f = build(false, 'cost');
  reweigh(f, 'cost');
  let res = await solveLp(f.lp, 'highs', o);
  let zero = res.status === 'optimal';
  if (!zero) {
    f = build(true, 'landfill');
    reweigh(f, 'landfill');
    res = await solveLp(f.lp, 'highs', o);
    if (res.status !== 'optimal') throw InputError.one('candidates', `the siting model has no solution (${res.detail})`);
  }
  const chosen = candidates.filter((_, i) => {
    const j = f.cols.kind.findIndex((k, jj) => k === COL.extra && f.cols.a[jj] === i);
    return res.x[j] > 0.5;
  });
  // The flow cost of the chosen plan, with landfill penalties, from a plain LP at the chosen capacities.
  const built = { ...m, plants: m.plants.map((p) => ({ ...p })), stations: m.stations.map((s) => ({ ...s })) };
  for (const c of chosen) {
    const site = (c.kind === 'plant' ? built.plants : built.stations).find((s) => s.id === c.site)!;
    site.capacityTonnesPerDay += c.addTonnesPerDay;
  }
  const plain = buildFlowLp({ ...built, landfill: { ...m.landfill, allowed: true } });
  const flows = await solveLp(plain.lp, 'highs', o);
  let landfill = 0;
  for (let j = 0; j < plain.lp.numCols; j++) {
    const k = plain.cols.kind[j];
    if (k === COL.catchmentLandfill || k === COL.stationLandfill || k === COL.residueLandfill) landfill += flows.x[j] / plain.days;
  }
  return {
    zeroLandfill: zero, chosen, capitalCost: chosen.reduce((a, c) => a + c.cost, 0),
    flowCostPerDay: flows.objective / plain.days, landfillTonnesPerDay: landfill < TOLERANCE_TONNES ? 0 : landfill, proven: res.proven,
  };
}

/** The model with every site that a candidate marks `newSite` at zero capacity: not built unless chosen. */
function unbuilt(m: FlowModel, candidates: Candidate[]): FlowModel {
  const proposed = new Set(candidates.filter((c) => c.newSite).map((c) => `${c.kind}|${c.site}`));
  if (proposed.size === 0) return m;
  const zero = <T extends { id: string; capacityTonnesPerDay: number }>(kind: string) => (s: T): T => (proposed.has(`${kind}|${s.id}`) ? { ...s, capacityTonnesPerDay: 0 } : s);
  return { ...m, plants: m.plants.map(zero('plant')), stations: m.stations.map(zero('station')) };
}
