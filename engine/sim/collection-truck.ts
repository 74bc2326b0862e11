/**
 * A collection truck running its planned visits for the day: drive the
 * shortest road path to each point, empty its bin (overflow first), tip at
 * the planned station, and go home. When the body fills before the bin is
 * empty it goes to unload at the nearest accepting station and comes back.
 * It stops taking new points when the next one would keep it out past the
 * end of its shift, tips what it carries, and returns to the depot.
 * On a timetabled line it waits at a stop for the published time when early
 * and counts the stop late when it arrives after the on-time tolerance.
 */
import { PRIORITY } from './event-queue.ts';
import { chargeDistance, type SimContext } from './context.ts';
import { NO_TRACE } from './trace.ts';
import { payloadKg, type Truck } from './fleet.ts';
import type { TruckRoute, Visit } from './plan.ts';
import type { StationState } from './station.ts';

export class CollectionTruck {
  loadKg = 0;
  private node: number;
  private visits: Visit[] = [];
  /** Published times aligned with visits (absolute seconds; NaN where none), or null off timetable. */
  private times: number[] | null = null;
  private next = 0;
  private stream = 0;
  private payload = 0;
  private dayStartS = 0;
  private tripStartS = 0;

  constructor(private readonly ctx: SimContext, readonly truck: Truck, private readonly stations: StationState[], private readonly served: Uint8Array) {
    this.node = truck.depotNode;
  }

  /** Start the day's route at the shift start of `day`. */
  start(route: TruckRoute, dayStartS: number): void {
    this.visits = route.visits.slice();
    this.times = route.times ? route.times.map((t) => dayStartS + t) : null;
    this.next = 0;
    this.stream = route.stream;
    this.payload = payloadKg(this.ctx.world, this.truck, route.stream);
    this.dayStartS = dayStartS;
    this.node = this.truck.depotNode;
    this.ctx.q.at(dayStartS + this.truck.shiftStartS, PRIORITY.arrive, () => { this.tripStartS = this.ctx.q.now; this.step(); });
  }

  private get vehicle() { return this.ctx.tally.vehicles[this.truck.index]; }

  private step(): void {
    const v = this.visits[this.next];
    if (!v) {
      if (this.loadKg > 0) return this.unloadAt(this.nearestStation(this.node), () => this.step());
      return this.drive(this.truck.depotNode, () => this.finish());
    }
    if (v.kind === 'unload') {
      this.next++;
      if (this.loadKg <= 0) return this.step();
      return this.unloadAt(v.station, () => this.step());
    }
    const point = this.ctx.world.points[v.point];
    if (!this.fitsInShift(point.node)) {
      // Give up the rest of the points; keep the unloads so the truck ends empty.
      this.visits = this.visits.slice(this.next).filter((x) => x.kind === 'unload').slice(-1);
      this.times = null;
      this.next = 0;
      return this.step();
    }
    this.drive(point.node, () => this.arriveAt(v.point));
  }

  /** Keep to the published time: count late arrivals, wait when early. */
  private arriveAt(p: number): void {
    const published = this.times ? this.times[this.next] : NaN;
    if (Number.isNaN(published)) return this.serve(p);
    const late = this.ctx.q.now - published > this.ctx.world.scenario.collection.timetable.onTimeMinutes * 60;
    if (late) this.ctx.tally.lateStops++;
    else this.ctx.tally.onTimeStops++;
    if (this.ctx.q.now >= published) return this.serve(p);
    this.ctx.q.at(published, PRIORITY.arrive, () => this.serve(p));
  }

  private fitsInShift(pointNode: number): boolean {
    const r = this.ctx.router, f = this.truck.speedFactor;
    const st = this.stations[this.nearestStation(pointNode)];
    const back = (r.timeS(this.node, pointNode) + r.timeS(pointNode, st.site.node) + r.timeS(st.site.node, this.truck.depotNode)) / f;
    const finish = this.ctx.q.now + back + this.truck.serviceS + st.site.spec.serviceMinutes * 60;
    return finish <= this.dayStartS + this.truck.shiftEndS;
  }

  private serve(p: number): void {
    const { ctx } = this;
    const arrive = ctx.q.now;
    ctx.bins.advance(p, arrive);
    const before = this.loadKg;
    const kg = ctx.bins.take(p, this.stream, this.payload - this.loadKg);
    this.loadKg += kg;
    ctx.tally.collectedKg += kg;
    const endS = arrive + this.truck.serviceS;
    if (kg > 0) {
      ctx.ledger.add({
        kind: 'pickup', stream: ctx.world.streams[this.stream].id, kg, point: ctx.world.points[p].id,
        truck: this.truck.id, station: '', plant: '', startS: arrive, endS,
      });
    }
    ctx.trace.leg(this.truck.index, { kind: 'serve', t0: arrive, t1: endS, point: p, loadKg: [before, this.loadKg] });
    const left = ctx.bins.waitingKg(p, this.stream);
    if (left > 1e-6) {
      // Full before the bin is empty: unload and come back for the rest.
      ctx.tally.extraUnloads++;
      this.visits.splice(this.next + 1, 0, { kind: 'unload', station: this.nearestStation(ctx.world.points[p].node) }, { kind: 'point', point: p });
      this.times?.splice(this.next + 1, 0, NaN, NaN);
    } else this.served[p * ctx.world.streams.length + this.stream] = 1;
    this.next++;
    ctx.q.at(endS, PRIORITY.arrive, () => this.step());
  }

  private unloadAt(stationIndex: number, then: () => void): void {
    const st = this.stations[stationIndex];
    this.drive(st.site.node, () => {
      const { ctx } = this;
      const arrive = ctx.q.now;
      st.bays.request((waitS) => {
        const t0 = ctx.q.now;
        if (waitS > 0) ctx.trace.leg(this.truck.index, { kind: 'queue', t0: arrive, t1: t0, site: st.site.id });
        const kg = this.loadKg;
        ctx.q.after(st.site.spec.serviceMinutes * 60, PRIORITY.arrive, () => {
          st.accept(this.stream, kg, () => {
            const t1 = ctx.q.now;
            const id = ctx.ledger.add({
              kind: 'tip', stream: ctx.world.streams[this.stream].id, kg, point: '', truck: this.truck.id,
              station: st.site.id, plant: '', startS: this.tripStartS, endS: t1,
            });
            ctx.trace.leg(this.truck.index, { kind: 'unload', t0, t1, site: st.site.id, loadKg: [kg, 0], manifests: [id] });
            this.loadKg = 0;
            this.tripStartS = t1;
            this.vehicle.loads++;
            st.bays.release();
            then();
          });
        });
      });
    });
  }

  private drive(to: number, arrived: () => void): void {
    const { ctx } = this;
    if (to === this.node) return arrived();
    const leg = ctx.router.leg(this.node, to);
    // The timed polyline is for the replay only: a megacity year without one skips it.
    if (ctx.trace !== NO_TRACE) {
      const path = ctx.router.timedPolyline(leg, ctx.q.now, this.truck.speedFactor);
      ctx.trace.leg(this.truck.index, { kind: 'drive', xy: path.xy, t: path.t, loadKg: this.loadKg });
    }
    chargeDistance(this.vehicle, leg.lengthM / 1000, this.truck.energyKind, this.truck.energyPerKm, this.truck.costPerKm);
    this.node = to;
    ctx.q.after(leg.timeS / this.truck.speedFactor, PRIORITY.arrive, arrived);
  }

  private finish(): void {
    const hours = (this.ctx.q.now - (this.dayStartS + this.truck.shiftStartS)) / 3600;
    const v = this.vehicle;
    v.hours += hours;
    v.cost += hours * this.truck.costPerHour;
    v.overtimeHours += Math.max(0, (this.ctx.q.now - (this.dayStartS + this.truck.shiftEndS)) / 3600);
  }

  /** The accepting station nearest (by road time) to a node. */
  private nearestStation(from: number): number {
    return this.ctx.nearestStation.of(from, this.stream);
  }
}
