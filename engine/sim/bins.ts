/**
 * The bins of every collection point, one per stream. Waste arrives
 * continuously by the demand model's hourly profile; a bin holds up to its
 * capacity and what arrives beyond that is overflow — still waste on the
 * pavement to collect, never lost. Bins are advanced lazily: only when a
 * truck arrives, a sample is taken, or the day ends.
 */
import type { DemandModel } from '../demand/model.ts';
import { SECONDS_PER_DAY } from '../demand/model.ts';

export class Bins {
  readonly streams: number;
  /** kg inside each bin, index p * S + s. */
  readonly contentKg: Float64Array;
  /** kg beside each bin once it is full. */
  readonly overflowKg: Float64Array;
  readonly capacityKg: Float64Array;
  /** Time each point was last advanced to. */
  private readonly lastT: Float64Array;
  /** kg generated so far, per stream (the left side of the mass balance). */
  readonly generatedKg: Float64Array;
  /** kg found in the bins when the run starts (the left side of the mass balance, with generatedKg). */
  initialKg = 0;
  /** Bins that became full (each fill counts once) per stream, since the last reset. */
  readonly overflowEvents: Float64Array;

  constructor(private readonly demand: DemandModel, capacities: Float64Array) {
    const n = capacities.length;
    this.streams = demand.streamCount;
    this.contentKg = new Float64Array(n);
    this.overflowKg = new Float64Array(n);
    this.capacityKg = capacities;
    this.lastT = new Float64Array(demand.pointCount);
    this.generatedKg = new Float64Array(this.streams);
    this.overflowEvents = new Float64Array(this.streams);
  }

  /** Bring point p up to time t (t must lie in the same day as its last advance, or at that day's end). */
  advance(p: number, t: number): void {
    const t0 = this.lastT[p];
    if (t <= t0) return;
    const day = Math.floor(t0 / SECONDS_PER_DAY);
    const dayStart = day * SECONDS_PER_DAY;
    if (t > dayStart + SECONDS_PER_DAY) throw new Error(`bins advanced across a day boundary (${t0} → ${t})`);
    const share = this.demand.fractionBy(t - dayStart) - this.demand.fractionBy(t0 - dayStart);
    const daily = this.demand.realisedKg(day);
    const S = this.streams;
    for (let s = 0; s < S; s++) {
      const i = p * S + s;
      const add = daily[i] * share;
      if (add <= 0) continue;
      this.generatedKg[s] += add;
      const room = this.capacityKg[i] - this.contentKg[i];
      if (add <= room) this.contentKg[i] += add;
      else {
        if (room > 0 || this.overflowKg[i] === 0) this.overflowEvents[s]++;
        this.contentKg[i] = this.capacityKg[i];
        this.overflowKg[i] += add - Math.max(0, room);
      }
    }
    this.lastT[p] = t;
  }

  /** Start the run with `kg` already in each bin (index p * S + s), as left since the last round. */
  prefill(kg: Float64Array): void {
    for (let i = 0; i < kg.length; i++) {
      const inBin = Math.min(kg[i], this.capacityKg[i]);
      this.contentKg[i] = inBin;
      this.overflowKg[i] = kg[i] - inBin;
      this.initialKg += kg[i];
    }
  }

  advanceAll(t: number): void {
    for (let p = 0; p < this.demand.pointCount; p++) this.advance(p, t);
  }

  /** Everything waiting at (p, s): in the bin and beside it. */
  waitingKg(p: number, s: number): number {
    const i = p * this.streams + s;
    return this.contentKg[i] + this.overflowKg[i];
  }

  /** Take up to `kg` from (p, s), overflow first (it is on the pavement). Returns what was taken. */
  take(p: number, s: number, kg: number): number {
    const i = p * this.streams + s;
    const fromOverflow = Math.min(kg, this.overflowKg[i]);
    this.overflowKg[i] -= fromOverflow;
    const fromBin = Math.min(kg - fromOverflow, this.contentKg[i]);
    this.contentKg[i] -= fromBin;
    if (this.overflowKg[i] < 1e-9) this.overflowKg[i] = 0;
    if (this.contentKg[i] < 1e-9) this.contentKg[i] = 0;
    return fromOverflow + fromBin;
  }

  /** Fill of point p as a share of all its bins' capacity (> 1 when overflowing). */
  pointFill(p: number): number {
    let held = 0, cap = 0;
    for (let s = 0; s < this.streams; s++) {
      const i = p * this.streams + s;
      held += this.contentKg[i] + this.overflowKg[i];
      cap += this.capacityKg[i];
    }
    return cap > 0 ? held / cap : 0;
  }

  totalKg(): number {
    let sum = 0;
    for (let i = 0; i < this.contentKg.length; i++) sum += this.contentKg[i] + this.overflowKg[i];
    return sum;
  }
}
