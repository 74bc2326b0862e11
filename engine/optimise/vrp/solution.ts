/**
 * A solved plan: per vehicle, the ordered visits with their times and the
 * load on board after each. The first visit is the start depot and the last
 * the end depot; facility visits are unloads (forced by a full truck or the
 * way home, or chosen earlier by the search). Times are seconds from
 * midnight; `load` has one entry per instance dimension.
 */
export type VisitKind = 'depot' | 'stop' | 'facility';

export interface Visit {
  readonly kind: VisitKind;
  /** Index into instance.depots, .stops or .facilities. */
  readonly index: number;
  readonly arrivalSeconds: number;
  /** When service (or unloading) starts; equals arrival at depots. */
  readonly startSeconds: number;
  readonly departureSeconds: number;
  /** Load on board after this visit. */
  readonly load: readonly number[];
}

export interface RoutePlan {
  readonly vehicleType: number;
  /** Which vehicle of its type (0-based). */
  readonly vehicle: number;
  readonly visits: readonly Visit[];
  /** Start of the lunch break, taken while between two visits; null when none is taken. */
  readonly lunchStartSeconds: number | null;
  readonly distance: number;
  readonly durationSeconds: number;
  readonly cost: number;
}

export interface VrpSolution {
  readonly routes: readonly RoutePlan[];
  readonly cost: number;
  readonly distance: number;
  readonly durationSeconds: number;
  readonly feasible: boolean;
}

/** Stop indices of a route in visiting order (facility and depot visits left out). */
export function stopSequence(route: RoutePlan): number[] {
  return route.visits.filter((v) => v.kind === 'stop').map((v) => v.index);
}
