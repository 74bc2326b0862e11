/**
 * A transfer station: tipping bays with a queue, a stock of compacted waste
 * per stream up to its storage limit, and a fleet of haul trucks that take
 * full loads to plants (and, after closing, whatever is left), where they
 * queue for a tipping bay and tip into the pit. A collection
 * truck that finds the storage full keeps its bay and waits for a haul
 * truck to make room.
 */
import { NO_TRACE } from './trace.ts';
import { Bays, PRIORITY } from './event-queue.ts';
import { minutes } from '../scenario/checks.ts';
import { chargeDistance, countLandfilled, sendToLandfill, type SimContext } from './context.ts';
import type { StationSite } from '../scenario/world.ts';
import { SECONDS_PER_DAY } from '../demand/model.ts';

/** Diesel use of an articulated haul truck, litres per km. */
export const HAUL_LITRES_PER_KM = 0.45;

export class StationState {
  readonly stockKg: Float64Array;
  /** kg on the road in this station's haul trucks. */
  inTransitKg = 0;
  readonly bays: Bays;
  private idleHaul: number[];
  private waitingForRoom: (() => void)[] = [];
  private flushing = false;
  readonly openS: number;
  readonly closeS: number;

  /** `haulVehicle0` is the vehicle index of this station's first haul truck. */
  constructor(private readonly ctx: SimContext, readonly index: number, readonly site: StationSite, readonly haulVehicle0: number) {
    this.stockKg = new Float64Array(ctx.world.streams.length);
    this.openS = minutes(site.spec.open) * 60;
    this.closeS = minutes(site.spec.close) * 60;
    this.bays = new Bays(ctx.q, site.spec.bays, (t) => this.nextOpen(t));
    this.idleHaul = Array.from({ length: site.spec.haul.trucks }, (_, i) => i);
  }

  get totalStockKg(): number { let s = 0; for (const v of this.stockKg) s += v; return s; }

  /** The first moment at or after t when the station is open. */
  nextOpen(t: number): number {
    const day = Math.floor(t / SECONDS_PER_DAY), tod = t - day * SECONDS_PER_DAY;
    if (tod < this.openS) return day * SECONDS_PER_DAY + this.openS;
    if (tod >= this.closeS) return (day + 1) * SECONDS_PER_DAY + this.openS;
    return t;
  }

  /** Schedule the daily close (flush partial loads) and open events of `day`. */
  scheduleDay(day: number): void {
    const base = day * SECONDS_PER_DAY;
    this.ctx.q.at(base + this.openS, PRIORITY.dispatch, () => { this.flushing = false; });
    this.ctx.q.at(base + this.closeS, PRIORITY.dispatch, () => { this.flushing = true; this.dispatch(); });
  }

  /** Accept `kg` of stream `s` once storage allows; `done` runs when it is in. */
  accept(s: number, kg: number, done: () => void): void {
    const cap = this.site.spec.storageTonnes * 1000;
    const tryIn = () => {
      if (this.totalStockKg + kg > cap && this.totalStockKg > 0) { this.waitingForRoom.push(tryIn); return; }
      this.stockKg[s] += kg;
      this.ctx.tally.stationIntakeKg[this.index] += kg;
      done();
      this.dispatch();
    };
    tryIn();
  }

  /** Send haul trucks: full loads at any time, partial loads after closing. */
  dispatch(): void {
    const capKg = this.site.spec.haul.capacityTonnes * 1000;
    while (this.idleHaul.length > 0) {
      let best = -1;
      for (let s = 0; s < this.stockKg.length; s++) {
        const enough = this.stockKg[s] >= capKg || (this.flushing && this.stockKg[s] > 1e-6);
        if (enough && (best < 0 || this.stockKg[s] > this.stockKg[best])) best = s;
      }
      if (best < 0) return;
      const kg = Math.min(capKg, this.stockKg[best]);
      this.stockKg[best] -= kg;
      if (this.stockKg[best] < 1e-9) this.stockKg[best] = 0;
      this.haul(this.idleHaul.shift()!, best, kg);
      const waiting = this.waitingForRoom.splice(0);
      for (const w of waiting) w();
    }
  }

  private haul(truck: number, s: number, kg: number): void {
    const { ctx } = this;
    const spec = this.site.spec.haul;
    const vehicle = this.haulVehicle0 + truck;
    const plantIndex = ctx.choosePlant(this.site.node, s, kg, ctx.day, this.index);
    const plant = ctx.plants[plantIndex];
    const truckId = `${this.site.id}-H${truck + 1}`;
    this.inTransitKg += kg;
    plant.committedKg += kg;
    const start = ctx.q.now;
    const loadS = spec.loadMinutes * 60;
    const there = ctx.router.leg(this.site.node, plant.site.node);
    const back = ctx.router.leg(plant.site.node, this.site.node);
    // Haul trucks run the roads at their own cruising speed where the road allows it.
    const factor = (leg: { timeS: number; lengthM: number }) => Math.min(1, (leg.lengthM / Math.max(leg.timeS, 1e-9)) * 3.6 / spec.speedKmh) || 1;
    const goS = there.timeS / factor(there);
    const v = ctx.tally.vehicles[vehicle];
    ctx.q.after(loadS, PRIORITY.arrive, () => {
      const departS = ctx.q.now;
      // The road shape is only for the replay; a run without one skips it.
      if (ctx.trace !== NO_TRACE) {
        const path = ctx.router.timedPolyline(there, departS, factor(there));
        ctx.trace.leg(vehicle, { kind: 'drive', xy: path.xy, t: path.t, loadKg: kg });
      }
      ctx.q.after(goS, PRIORITY.arrive, () => {
        const arriveS = ctx.q.now;
        // Queue for a tipping bay; the load stays in transit (and its pit room reserved) until it is tipped.
        plant.bays.request((waitS) => {
          const t0 = ctx.q.now;
          if (waitS > 0) ctx.trace.leg(vehicle, { kind: 'queue', t0: arriveS, t1: t0, site: plant.site.id });
          ctx.q.after(plant.tipSeconds(spec.unloadMinutes), PRIORITY.arrive, () => {
            const tippedS = ctx.q.now;
            plant.committedKg -= kg;
            const fitted = plant.receive(s, kg);
            this.inTransitKg -= kg;
            if (plant.isLandfill) countLandfilled(ctx, s, fitted);
            const id = ctx.ledger.add({ kind: 'haul', stream: ctx.world.streams[s].id, kg: fitted, point: '', truck: truckId, station: this.site.id, plant: plant.site.id, startS: start, endS: tippedS });
            sendToLandfill(ctx, s, kg - fitted, { station: this.site.id, truck: truckId }, tippedS);
            ctx.trace.leg(vehicle, { kind: 'unload', t0, t1: tippedS, site: plant.site.id, loadKg: [kg, 0], manifests: [id] });
            plant.bays.release();
            if (ctx.trace !== NO_TRACE) {
              const backPath = ctx.router.timedPolyline(back, tippedS, factor(back));
              ctx.trace.leg(vehicle, { kind: 'drive', xy: backPath.xy, t: backPath.t, loadKg: 0 });
            }
            ctx.q.after(back.timeS / factor(back), PRIORITY.arrive, () => {
              chargeDistance(v, (there.lengthM + back.lengthM) / 1000, 'diesel', HAUL_LITRES_PER_KM, 0);
              v.loads++;
              v.hours += (ctx.q.now - start) / 3600;
              this.idleHaul.push(truck);
              this.idleHaul.sort((a, b) => a - b);
              this.dispatch();
            });
          });
        });
      });
    });
  }
}
