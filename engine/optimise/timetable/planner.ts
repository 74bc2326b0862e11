/**
 * A timetable as the simulation's planner: on each day the lines of that
 * weekday go to their trucks with their published times; every stop of the
 * day is due, including those of lines the fleet is too short to run (they
 * are missed, and count so).
 */
import { dateOf, weekdayIndex } from '../../demand/calendar.ts';
import type { World } from '../../scenario/world.ts';
import type { Truck } from '../../sim/fleet.ts';
import type { DayPlan, PlanContext, TruckRoute, Visit } from '../../sim/plan.ts';
import type { Timetable } from './types.ts';

export function timetablePlanner(world: World, trucks: Truck[], tt: Timetable): (ctx: PlanContext) => DayPlan {
  const S = world.streams.length;
  // Trucks of a fleet type are contiguous in the expanded fleet: line.truck counts from the type's first.
  const first = new Map<number, number>();
  for (const t of [...trucks].reverse()) first.set(t.type, t.index);
  const truckOf = (type: number, k: number) => {
    const t = trucks[(first.get(type) ?? -1) + k];
    return t && t.type === type && k >= 0 ? t.index : -1;
  };
  const byWeekday = Array.from({ length: 7 }, (_, w) => weekdayPlan(world, truckOf, tt, w, S));
  return (ctx) => ({ ...byWeekday[weekdayIndex(dateOf(world.scenario.startDate, ctx.day))], day: ctx.day });
}

function weekdayPlan(world: World, truckOf: (type: number, k: number) => number, tt: Timetable, weekday: number, S: number): Omit<DayPlan, 'day'> {
  const due = new Uint8Array(world.points.length * S);
  const routes: (TruckRoute & { startS: number })[] = [];
  let scheduledStops = 0;
  for (const line of tt.lines) {
    if (!line.days.includes(weekday)) continue;
    const visits: Visit[] = [];
    const times: number[] = [];
    for (const v of line.visits) {
      if (v.kind === 'stop') {
        visits.push({ kind: 'point', point: v.point });
        times.push(v.timeS);
        due[v.point * S + v.stream] = 1;
        scheduledStops++;
      } else {
        visits.push({ kind: 'unload', station: v.station });
        times.push(NaN);
      }
    }
    const truck = truckOf(line.fleetType, line.truck);
    if (truck >= 0) routes.push({ truck, stream: line.stream, visits, times, startS: line.startS });
  }
  // Lines chained on one truck (one after the other in the shift) run as one route: from the last unload of one straight to the next line's first stop.
  routes.sort((a, b) => a.truck - b.truck || a.startS - b.startS);
  const merged: TruckRoute[] = [];
  for (const { startS: _, ...r } of routes) {
    const prev = merged[merged.length - 1];
    if (prev && prev.truck === r.truck) { prev.visits.push(...r.visits); prev.times!.push(...r.times!); } else merged.push(r);
  }
  return { routes: merged, due, scheduledStops };
}
