/**
 * A timetable: bus-style lines, each a truck's fixed round on fixed weekdays
 * with a published time (to the minute) at every stop. Times are seconds
 * from midnight; weekdays are 0 = Monday … 6 = Sunday.
 */
export interface LineStop {
  kind: 'stop';
  point: number;
  stream: number;
  /** Published arrival, a whole minute. */
  timeS: number;
  /** kg planned at this visit (the planning quantile). */
  loadKg: number;
  /** kg on board after this stop, as planned. */
  loadAfterKg: number;
}

export interface LineUnload {
  kind: 'unload';
  station: number;
  timeS: number;
}

export type LineVisit = LineStop | LineUnload;

export interface Line {
  id: string;
  stream: number;
  /** Index into world.fleet. */
  fleetType: number;
  /** Which truck of its fleet type runs it (0-based); ≥ the fleet's count when the fleet is short. A truck may run several lines of a day one after the other. */
  truck: number;
  days: number[];
  frequency: string;
  /** Leaves the depot, returns to it. */
  startS: number;
  endS: number;
  lunchStartS: number | null;
  km: number;
  hours: number;
  visits: LineVisit[];
}

export interface ServiceAssignment {
  point: number;
  stream: number;
  /** The fleet type (index into world.fleet) whose trucks serve it: the nearest depot's. */
  fleetType: number;
  /** Index into FREQUENCIES. */
  frequency: number;
  phase: number;
  days: number[];
  visitKg: number;
}

export interface Timetable {
  lines: Line[];
  services: ServiceAssignment[];
  quantileByStream: number[];
  /** Bins that cannot meet the stated overflow chance even at the most frequent allowed service. */
  shortfalls: { point: number; stream: number; needKg: number; binKg: number }[];
  /** Rules the solver could not keep (should be empty). */
  violations: string[];
  /** Set when the timetable was re-planned from a previous one. */
  stability?: StabilityReport;
}

export interface StabilityReport {
  /** Stop visits present before and after. */
  kept: number;
  /** Of those, visits whose published time or line changed. */
  changed: number;
  added: number;
  removed: number;
}

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
