/**
 * How much waste each collection point produces: kg per point, per stream,
 * per day = population × per-capita rate × stream share × weekday factor ×
 * seasonal factor × growth × lognormal noise, spread over the day by an
 * hourly profile. Each (point, stream, day) draws from its own named
 * substream, so adding a point or a stream never reshuffles the others.
 */
import { substream, lognormalFactor } from '../random/rng.ts';
import { dateOf, dayOfYear, weekdayIndex } from './calendar.ts';
import type { World } from '../scenario/world.ts';

/** A residential profile: quiet at night, peaks after breakfast and in the evening. */
export const DEFAULT_HOURLY_PROFILE = [
  0.5, 0.3, 0.2, 0.2, 0.3, 0.8, 2.0, 3.5, 4.0, 3.0, 2.5, 3.5,
  4.5, 3.5, 2.5, 2.5, 3.0, 4.0, 5.5, 6.0, 5.0, 3.5, 2.0, 1.0,
];

export const SECONDS_PER_DAY = 86_400;

export class DemandModel {
  readonly pointCount: number;
  readonly streamCount: number;
  /** Mean kg/day of each (point, stream) before calendar factors: index p * S + s. */
  readonly baseKgPerDay: Float64Array;
  /** Cumulative share of a day's generation at the start of each hour (25 values, 0 … 1). */
  readonly cumulative: Float64Array;
  private cachedDay = -1;
  private cachedKg = new Float64Array(0);

  constructor(private readonly world: World) {
    const s = world.scenario;
    this.pointCount = world.points.length;
    this.streamCount = world.streams.length;
    this.baseKgPerDay = new Float64Array(this.pointCount * this.streamCount);
    world.points.forEach((p, i) => {
      world.streams.forEach((st, j) => {
        const share = s.generation.shares[st.id] ?? 0;
        this.baseKgPerDay[i * this.streamCount + j] = p.binCapacityKg[j] > 0 ? p.population * s.generation.perCapitaKgPerDay * share : 0;
      });
    });
    const profile = s.generation.hourlyProfile ?? DEFAULT_HOURLY_PROFILE;
    const total = profile.reduce((a, b) => a + b, 0) || 1;
    this.cumulative = new Float64Array(25);
    for (let h = 0; h < 24; h++) this.cumulative[h + 1] = this.cumulative[h] + profile[h] / total;
    this.cumulative[24] = 1;
  }

  /** The calendar factor of a day: weekday × season × growth (no noise). */
  dayFactor(day: number): number {
    let f = this.dayFactors.get(day);
    if (f === undefined) { f = this.computeDayFactor(day); this.dayFactors.set(day, f); }
    return f;
  }

  private readonly dayFactors = new Map<number, number>();

  private computeDayFactor(day: number): number {
    const g = this.world.scenario.generation;
    const date = dateOf(this.world.scenario.startDate, day);
    const season = 1 + g.seasonalAmplitude * Math.cos((2 * Math.PI * (dayOfYear(date) - g.peakDayOfYear)) / 365.25);
    const base = dateOf(g.baseDate ?? this.world.scenario.startDate, 0);
    const years = (date.getTime() - base.getTime()) / (365.25 * 86_400_000);
    return g.weekdayFactors[weekdayIndex(date)] * season * Math.pow(1 + g.growthPerYear, years);
  }

  /** Expected kg of (point, stream) on a day: what a planner can know in advance. */
  expectedKg(point: number, stream: number, day: number): number {
    return this.baseKgPerDay[point * this.streamCount + stream] * this.dayFactor(day);
  }

  /** Realised kg of every (point, stream) on a day, index p * S + s. */
  realisedKg(day: number): Float64Array {
    if (day === this.cachedDay) return this.cachedKg;
    const s = this.world.scenario;
    const factor = this.dayFactor(day);
    const out = new Float64Array(this.baseKgPerDay.length);
    for (let p = 0; p < this.pointCount; p++) {
      for (let j = 0; j < this.streamCount; j++) {
        const base = this.baseKgPerDay[p * this.streamCount + j];
        if (base === 0) continue;
        const r = substream(`${s.seed}/demand/${this.world.points[p].id}/${this.world.streams[j].id}/${day}`);
        out[p * this.streamCount + j] = base * factor * lognormalFactor(r, s.generation.noiseCv);
      }
    }
    this.cachedDay = day;
    this.cachedKg = out;
    return out;
  }

  /** Share of a day's generation produced before `secondsIntoDay` (piecewise linear by hour). */
  fractionBy(secondsIntoDay: number): number {
    if (secondsIntoDay <= 0) return 0;
    if (secondsIntoDay >= SECONDS_PER_DAY) return 1;
    const h = secondsIntoDay / 3600;
    const i = Math.floor(h);
    return this.cumulative[i] + (this.cumulative[i + 1] - this.cumulative[i]) * (h - i);
  }
}
