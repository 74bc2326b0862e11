/**
 * A treatment plant: a pit (bunker) in front of a process that treats at
 * most its daily capacity, spread evenly over the hours. A delivery that does
 * not fit in the pit is refused at the gate and goes to landfill. A landfill
 * "treats" by burying, at once and without limit. A recycling plant recovers
 * its recovery rate as material and sends the residue on as residual waste.
 * Trucks tip in a reception hall of `bays` bays, open day and night: they
 * queue first come, first served for a free bay, hold it `tipMinutes`, and
 * the load enters the pit when the tipping ends.
 */
import { Bays, type EventQueue } from './event-queue.ts';
import type { PlantSite } from '../scenario/world.ts';
import type { Plant } from '../scenario/schema.ts';

/** kg a plant can treat on a day, after whole-plant outages and line outages. */
export function capacityKgOnDay(spec: Plant, day: number): number {
  if (spec.outageDays.includes(day)) return 0;
  let tonnes = spec.capacityTonnesPerDay;
  for (const o of spec.lineOutages) if (day >= o.startDay && day < o.startDay + o.days) tonnes -= o.capacityLostTonnesPerDay;
  return Math.max(0, tonnes) * 1000;
}

/** Daily capacity a tipping bay serves when a plant does not say how many it has. */
export const TONNES_PER_DAY_PER_BAY = 300;
/** The fewest tipping bays a plant has by that rule. */
export const MIN_BAYS = 4;

/** A plant's tipping bays: as the scenario says, else one per 300 t/day of capacity, at least 4. */
export function plantBays(spec: Plant): number {
  return spec.bays ?? Math.max(MIN_BAYS, Math.ceil(spec.capacityTonnesPerDay / TONNES_PER_DAY_PER_BAY));
}

export class PlantState {
  /** kg in the pit per stream. */
  readonly pitKg: Float64Array;
  /** kg on their way here in haul trucks (reserved pit room). */
  committedKg = 0;
  /** Per-day tallies, reset each day. */
  treatedTodayKg = 0;
  receivedTodayKg = 0;
  peakPitTodayKg = 0;

  /** The reception hall's tipping bays. */
  readonly bays: Bays;

  constructor(readonly index: number, readonly site: PlantSite, streams: number, q: EventQueue) {
    this.pitKg = new Float64Array(streams);
    this.bays = new Bays(q, plantBays(site.spec), (t) => t);
  }

  /** Seconds a truck holds a bay: the plant's tipMinutes, else the truck's own unloading time. */
  tipSeconds(truckUnloadMinutes: number): number {
    return (this.site.spec.tipMinutes ?? truckUnloadMinutes) * 60;
  }

  get isLandfill(): boolean { return this.site.spec.type === 'landfill'; }
  get stockKg(): number { let s = 0; for (const v of this.pitKg) s += v; return s; }
  /** Pit room not yet promised to a delivery. */
  get freeKg(): number { return this.site.pitKg - this.stockKg - this.committedKg; }

  /** Put up to `kg` of stream `s` into the pit; returns what fitted. */
  receive(s: number, kg: number): number {
    const fits = this.isLandfill ? kg : Math.max(0, Math.min(kg, this.site.pitKg - this.stockKg));
    if (!this.isLandfill) this.pitKg[s] += fits;
    this.receivedTodayKg += fits;
    this.peakPitTodayKg = Math.max(this.peakPitTodayKg, this.stockKg);
    return fits;
  }

  /**
   * Treat one hour's worth. Returns kg treated per stream (taken from the
   * pit in proportion to what each stream holds). No treatment on outage days.
   */
  treatHour(day: number): Float64Array {
    const out = new Float64Array(this.pitKg.length);
    if (this.isLandfill) return out;
    const stock = this.stockKg;
    if (stock <= 0) return out;
    const can = Math.min(stock, capacityKgOnDay(this.site.spec, day) / 24);
    if (can <= 0) return out;
    for (let s = 0; s < out.length; s++) {
      out[s] = (this.pitKg[s] / stock) * can;
      this.pitKg[s] -= out[s];
      if (this.pitKg[s] < 1e-9) this.pitKg[s] = 0;
    }
    this.treatedTodayKg += can;
    return out;
  }

  resetDay(): void {
    this.treatedTodayKg = 0;
    this.receivedTodayKg = 0;
    this.peakPitTodayKg = this.stockKg;
    this.bays.resetPeak();
  }
}

/**
 * Which plant a load of stream `s` leaving `fromNode` goes to; `station` is
 * the shipping station's index (absent for recycling residue). The LP
 * allocation (engine/optimise/flows/dispatch.ts) can replace this rule.
 */
export type PlantChooser = (fromNode: number, s: number, kg: number, day: number, station?: number) => number;

/** Days of treatment waiting at a plant once this load is in (pit, loads on the way, the load). */
export function backlogDays(p: PlantState, kg: number, day: number): number {
  return (p.stockKg + p.committedKg + kg) / Math.max(1, capacityKgOnDay(p.site.spec, day));
}

/** The pit has room for the load and holds less than a day of treatment with it: a dispatcher sends it there without a second thought. */
export function takesEasily(p: PlantState, kg: number, day: number): boolean {
  return p.freeKg >= kg && backlogDays(p, kg, day) <= 1;
}

/**
 * The default rule, as a dispatcher would: the nearest accepting plant (by
 * road time) whose pit holds less than a day of its treatment; if every one
 * is that busy, the one with the shortest backlog that still has pit room;
 * else a landfill that accepts the stream.
 */
export function nearestWithRoom(plants: PlantState[], timeS: (from: number, to: number) => number): PlantChooser {
  return (fromNode, s, kg, day) => {
    const accepting = plants.filter((p) => p.site.streamMask[s] && !p.isLandfill);
    accepting.sort((a, b) => timeS(fromNode, a.site.node) - timeS(fromNode, b.site.node) || a.index - b.index);
    const easy = accepting.find((p) => takesEasily(p, kg, day));
    if (easy) return easy.index;
    const withRoom = accepting.filter((p) => p.freeKg >= kg).sort((a, b) => backlogDays(a, kg, day) - backlogDays(b, kg, day) || a.index - b.index)[0];
    if (withRoom) return withRoom.index;
    const landfill = plants.find((p) => p.site.streamMask[s] && p.isLandfill);
    const roomiest = accepting.reduce<PlantState | undefined>((best, p) => (p.freeKg > 0 && (!best || p.freeKg > best.freeKg) ? p : best), undefined);
    if (roomiest) return roomiest.index;
    if (landfill) return landfill.index;
    return accepting[0]?.index ?? -1;
  };
}
