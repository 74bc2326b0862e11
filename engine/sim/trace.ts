/** What the replay records of a vehicle's day (see docs/replay-format.md). */
export type TraceLeg =
  | { kind: 'drive'; xy: number[]; t: number[]; loadKg: number }
  | { kind: 'serve'; t0: number; t1: number; point: number; loadKg: [number, number] }
  | { kind: 'queue'; t0: number; t1: number; site: string }
  | { kind: 'unload'; t0: number; t1: number; site: string; loadKg: [number, number]; manifests: string[] };

export interface Trace {
  leg(vehicle: number, leg: TraceLeg): void;
}

export const NO_TRACE: Trace = { leg() {} };
