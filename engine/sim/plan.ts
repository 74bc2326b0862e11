/**
 * What a planner hands a simulated day: for each truck, the ordered visits
 * it should make. The simulation executes a plan; it never plans itself.
 * The baseline sweep planner and the routing solver both produce this type.
 */
export type Visit =
  | { kind: 'point'; point: number }
  | { kind: 'unload'; station: number };

export interface TruckRoute {
  /** Index into the expanded fleet (see ./fleet.ts). */
  truck: number;
  /** Stream index this truck collects today. */
  stream: number;
  visits: Visit[];
  /** Published arrival per visit (seconds from midnight; NaN for unloads) when the route is a timetabled line: the truck waits for it when early. */
  times?: number[];
}

export interface DayPlan {
  day: number;
  routes: TruckRoute[];
  /** 1 where bin (p, s) is due for collection today, index p * S + s. */
  due: Uint8Array;
  /** Timetabled stop visits of the day, those of lines no truck runs included. */
  scheduledStops?: number;
}

/** What a planner may look at: the world, the day, and the bins as they stand at planning time. */
export interface PlanContext {
  day: number;
  /** kg waiting at each bin (content + overflow) when the plan is made, index p * S + s. */
  waitingKg: Float64Array;
  /** 1 for the streams to plan today (index s); absent: every stream. */
  streams?: Uint8Array;
}
