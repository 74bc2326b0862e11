/**
 * Service frequencies and the rule that picks one per bin. Each frequency is
 * a set of weekly day patterns (its phases); a bin on a pattern waits at most
 * `maxGapDays` between visits. A bin gets the least frequent allowed
 * frequency whose gap it survives: the planning quantile of the waste it
 * gathers over that gap (at the busiest stretch of the year ahead) fits in the
 * bin. So a bin overflows between two visits with a chance of at most
 * 1 − quantile. A bin that overflows even at the most frequent allowed
 * service is kept at that service and listed as a shortfall.
 */
import type { DemandModel } from '../../demand/model.ts';
import { minutes } from '../../scenario/checks.ts';
import type { World } from '../../scenario/world.ts';
import { accumulatedQuantileKg } from './quantile.ts';

export type FrequencyName = 'twice-daily' | 'daily' | 'every-other-day' | 'twice-weekly' | 'weekly';

export interface Frequency {
  name: FrequencyName;
  /** Short code used in line ids. */
  code: string;
  /** Weekday sets (0 = Monday) a bin on this frequency may follow; the first ones are used first. */
  phases: number[][];
  visitsPerDay: 1 | 2;
}

/** Most frequent first. Every-other-day phases share Sunday so no gap exceeds two days. */
export const FREQUENCIES: readonly Frequency[] = [
  { name: 'twice-daily', code: '2D', phases: [[0, 1, 2, 3, 4, 5, 6]], visitsPerDay: 2 },
  { name: 'daily', code: 'D', phases: [[0, 1, 2, 3, 4, 5, 6]], visitsPerDay: 1 },
  { name: 'every-other-day', code: 'E', phases: [[0, 2, 4, 6], [1, 3, 5, 6]], visitsPerDay: 1 },
  { name: 'twice-weekly', code: 'T', phases: [[0, 3], [1, 4], [2, 5]], visitsPerDay: 1 },
  { name: 'weekly', code: 'W', phases: [[0], [1], [2], [3], [4], [5], [6]], visitsPerDay: 1 },
];

/** The longest wait between visits on a weekly day set, in days. */
export function maxGapDays(days: readonly number[]): number {
  const d = [...days].sort((a, b) => a - b);
  let gap = 7 - d[d.length - 1] + d[0];
  for (let i = 1; i < d.length; i++) gap = Math.max(gap, d[i] - d[i - 1]);
  return gap;
}

export interface FrequencyChoice {
  /** Index into FREQUENCIES per (point, stream), index p * S + s; -1 where the point has no bin for the stream. */
  frequency: Int8Array;
  /** Planned kg to pick up at a visit (the quantile over the longest gap), index p * S + s. */
  visitKg: Float64Array;
  /** Bins that overflow beyond the stated chance even at the most frequent allowed service. */
  shortfalls: { point: number; stream: number; needKg: number; binKg: number }[];
  quantileByStream: number[];
  /** Planned kg at a visit of bin i (index p * S + s) on frequency fi. */
  needKg: (i: number, fi: number) => number;
}

/** Share of a day's waste a twice-daily bin may gather between visits, given the visit windows (quarters at each end of the shift). */
export function twiceDailyShare(demand: DemandModel, shiftStartS: number, shiftEndS: number): number {
  const quarter = (shiftEndS - shiftStartS) / 4;
  const inner = demand.fractionBy(shiftEndS - quarter) - demand.fractionBy(shiftStartS + quarter);
  const outer = demand.fractionBy(shiftEndS) - demand.fractionBy(shiftStartS);
  return Math.max(1 - inner, outer);
}

/** A published timetable holds for the year from the start date: summer's peak included. */
export const PLANNING_HORIZON_DAYS = 365;

/** The busiest k consecutive days' calendar factor over the horizon (weekday × season × growth), for k = 1..7. */
export function peakFactorSums(demand: DemandModel, horizonDays: number): number[] {
  const f = Array.from({ length: horizonDays + 7 }, (_, d) => demand.dayFactor(d));
  const out = [0];
  for (let k = 1; k <= 7; k++) {
    let best = 0;
    for (let d = 0; d < horizonDays; d++) {
      let sum = 0;
      for (let j = 0; j < k; j++) sum += f[d + j];
      best = Math.max(best, sum);
    }
    out.push(best);
  }
  return out;
}

export function chooseFrequencies(world: World, demand: DemandModel, allowed: readonly FrequencyName[]): FrequencyChoice {
  const opts = world.scenario.collection.timetable;
  const S = world.streams.length, P = world.points.length;
  const cv = world.scenario.generation.noiseCv;
  const quantileByStream = world.streams.map((st) => opts.demandQuantileByStream[st.id] ?? opts.demandQuantile);
  const peak = peakFactorSums(demand, PLANNING_HORIZON_DAYS);
  const candidates = FREQUENCIES.map((f, i) => ({ f, i })).filter(({ f }) => allowed.includes(f.name));
  // Least frequent first: the first that fits wins.
  candidates.reverse();
  const shareOf = world.streams.map((_, s) => {
    const fleet = world.fleet.find((ft) => ft.streamMask[s] && ft.spec.count > 0);
    if (!fleet) return 1;
    const start = minutes(fleet.spec.shiftStart) * 60;
    return twiceDailyShare(demand, start, start + fleet.spec.shiftHours * 3600);
  });
  const needKg = (i: number, fi: number) => {
    const f = FREQUENCIES[fi], s = i % S, base = demand.baseKgPerDay[i], gap = maxGapDays(f.phases[0]);
    return f.visitsPerDay === 2
      ? accumulatedQuantileKg(base * peak[1] * shareOf[s], cv, 1, quantileByStream[s])
      : accumulatedQuantileKg(base * peak[gap], cv, gap, quantileByStream[s]);
  };
  const frequency = new Int8Array(P * S).fill(-1);
  const visitKg = new Float64Array(P * S);
  const shortfalls: FrequencyChoice['shortfalls'] = [];
  for (let p = 0; p < P; p++) {
    for (let s = 0; s < S; s++) {
      const i = p * S + s;
      const bin = world.points[p].binCapacityKg[s];
      const base = demand.baseKgPerDay[i];
      if (bin <= 0 || base <= 0) continue;
      let chosen = -1, kg = 0;
      for (const { i: fi } of candidates) {
        const need = needKg(i, fi);
        chosen = fi; kg = need;
        if (need <= bin) break;
      }
      frequency[i] = chosen;
      visitKg[i] = kg;
      if (kg > bin) shortfalls.push({ point: p, stream: s, needKg: kg, binKg: bin });
    }
  }
  return { frequency, visitKg, shortfalls, quantileByStream, needKg };
}
