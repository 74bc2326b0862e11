/**
 * Fixed routes (`collection.replan: once`): the first day's routes are run
 * every day after — but only for streams collected at every visit. A stream
 * with a visit threshold (hazardous bins emptied when 60 % full, say) has no
 * business on a fixed daily route: a bin not due on day 0 would never be
 * visited again. Those streams are planned each morning from the bins' fill
 * by the baseline planner, with the trucks the fixed routes leave free.
 */
import type { World } from '../scenario/world.ts';
import type { Truck } from './fleet.ts';
import type { DayPlan, PlanContext } from './plan.ts';

export interface FixedRoutes {
  /** The frozen routes and their due bins (threshold streams left out). */
  plan: DayPlan;
  /** 1 for the streams planned afresh each day. */
  daily: Uint8Array;
  /** Trucks that run no fixed route. */
  freeTrucks: Truck[];
}

/** The fill share at which each stream's bins are emptied (0: at every visit). */
export function visitThresholds(world: World): number[] {
  const { visitThreshold, visitThresholdByStream } = world.scenario.collection;
  return world.streams.map((st) => visitThresholdByStream[st.id] ?? visitThreshold);
}

/** Streams emptied only past a fill threshold. */
export function thresholdStreams(world: World): Uint8Array {
  return Uint8Array.from(visitThresholds(world), (t) => (t > 0 ? 1 : 0));
}

export function freezeRoutes(world: World, trucks: Truck[], first: DayPlan): FixedRoutes {
  const daily = thresholdStreams(world);
  const S = world.streams.length;
  const routes = first.routes.filter((r) => !daily[r.stream]);
  const due = first.due.slice();
  for (let i = 0; i < due.length; i++) if (daily[i % S]) due[i] = 0;
  const busy = new Set(routes.map((r) => r.truck));
  return { plan: { ...first, routes, due }, daily, freeTrucks: trucks.filter((t) => !busy.has(t.index)) };
}

/** Today's plan: the fixed routes, plus the threshold streams planned by `planDaily` from today's bins. */
export function planFixedDay(fixed: FixedRoutes, ctx: PlanContext, planDaily: (trucks: Truck[], ctx: PlanContext) => DayPlan): DayPlan {
  if (!fixed.daily.some((x) => x === 1)) return { ...fixed.plan, day: ctx.day };
  const extra = planDaily(fixed.freeTrucks, { ...ctx, streams: fixed.daily });
  const due = fixed.plan.due.slice();
  for (let i = 0; i < due.length; i++) due[i] |= extra.due[i];
  const routes = [...fixed.plan.routes, ...extra.routes].sort((a, b) => a.truck - b.truck);
  return { ...fixed.plan, day: ctx.day, routes, due };
}
