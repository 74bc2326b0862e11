/**
 * The routing problem as one immutable object. Every place a truck can be —
 * depots, stops, intermediate facilities — is a row/column of the travel
 * matrices (`location`). Loads have several dimensions (e.g. kg and m³);
 * a stop belongs to one waste stream and only vehicle types carrying that
 * stream may serve it. A truck unloads at an intermediate facility mid-shift
 * and continues (multi-trip); it must end its day empty, unloading either at
 * a facility or — when `unloadAtDepot` (classic CVRP) — at its end depot.
 *
 * `createInstance` validates everything a solver relies on and throws one
 * InputError listing every problem (CLI exit code 2).
 */
import { InputError, type Problem } from '../../errors.ts';

export interface Depot {
  readonly id: string;
  readonly location: number;
}

export interface Stop {
  readonly id: string;
  readonly location: number;
  /** One entry per instance dimension. */
  readonly load: readonly number[];
  readonly serviceSeconds: number;
  /** Service must start within [open, close] (seconds from midnight). */
  readonly windowOpenSeconds: number;
  readonly windowCloseSeconds: number;
  readonly stream: string;
}

export interface Facility {
  readonly id: string;
  readonly location: number;
  /** Streams accepted; empty means every stream. */
  readonly streams: readonly string[];
  readonly openSeconds: number;
  readonly closeSeconds: number;
  readonly unloadSeconds: number;
}

export interface LunchBreak {
  readonly earliestStartSeconds: number;
  readonly latestStartSeconds: number;
  readonly durationSeconds: number;
}

export interface VehicleType {
  readonly id: string;
  /** Vehicles of this type; null = as many as needed. */
  readonly count: number | null;
  /** Per trip (between unloads), one entry per dimension. */
  readonly capacity: readonly number[];
  /** Total collected per shift over all trips, per dimension (Infinity = none). */
  readonly shiftLoadLimit: readonly number[];
  /** Stops per shift (Infinity = none). */
  readonly maxStops: number;
  /** Streams carried; empty means every stream. */
  readonly streams: readonly string[];
  readonly startDepot: number;
  readonly endDepot: number;
  readonly shiftStartSeconds: number;
  readonly shiftEndSeconds: number;
  readonly maxDurationSeconds: number;
  /** Route length limit in distance units (Infinity = none). */
  readonly maxDistance: number;
  readonly lunch: LunchBreak | null;
  readonly fixedCost: number;
  /** Per distance unit of the matrix (metres in the twin). */
  readonly costPerDistance: number;
  readonly costPerHour: number;
}

export interface VrpInstance {
  readonly name: string;
  readonly dimensions: readonly string[];
  readonly locationCount: number;
  /** Row-major locationCount², in distance units. */
  readonly distance: Float64Array;
  /** Row-major locationCount², in seconds. */
  readonly durationSeconds: Float64Array;
  readonly depots: readonly Depot[];
  readonly stops: readonly Stop[];
  readonly facilities: readonly Facility[];
  readonly vehicleTypes: readonly VehicleType[];
  /** Whether a truck may end its day with load, unloading at its end depot (classic CVRP). */
  readonly unloadAtDepot: boolean;
  /** Planar coordinates per location when known (benchmark files); used for polar sectors. */
  readonly coordinates: { readonly x: Float64Array; readonly y: Float64Array } | null;
}

/** What callers provide; optional fields take the neutral value. */
export interface InstanceSpec {
  name?: string;
  dimensions: string[];
  locationCount: number;
  distance: Float64Array | number[];
  durationSeconds?: Float64Array | number[];
  depots: { id?: string; location: number }[];
  stops: {
    id?: string; location: number; load: number[]; serviceSeconds?: number;
    windowOpenSeconds?: number; windowCloseSeconds?: number; stream?: string;
  }[];
  facilities?: {
    id?: string; location: number; streams?: string[]; openSeconds?: number; closeSeconds?: number; unloadSeconds?: number;
  }[];
  vehicleTypes: {
    id?: string; count?: number | null; capacity: number[]; shiftLoadLimit?: number[]; maxStops?: number; streams?: string[];
    startDepot?: number; endDepot?: number; shiftStartSeconds?: number; shiftEndSeconds?: number;
    maxDurationSeconds?: number; maxDistance?: number; lunch?: LunchBreak | null;
    fixedCost?: number; costPerDistance?: number; costPerHour?: number;
  }[];
  unloadAtDepot?: boolean;
  coordinates?: { x: Float64Array | number[]; y: Float64Array | number[] } | null;
}

export const DEFAULT_STREAM = 'waste';
const DAY_END = Infinity;

export function createInstance(spec: InstanceSpec): VrpInstance {
  const problems: Problem[] = [];
  const bad = (path: string, message: string) => problems.push({ path, message });
  const D = spec.dimensions.length;
  const L = spec.locationCount;
  if (D < 1) bad('dimensions', 'at least one load dimension is needed');
  if (!Number.isInteger(L) || L < 1) bad('locationCount', 'must be a whole number ≥ 1');
  const distance = Float64Array.from(spec.distance);
  const durationSeconds = Float64Array.from(spec.durationSeconds ?? spec.distance);
  for (const [name, m] of [['distance', distance], ['durationSeconds', durationSeconds]] as const) {
    if (m.length !== L * L) bad(name, `must hold locationCount² = ${L * L} entries (got ${m.length})`);
    else {
      const i = m.findIndex((v) => !(v >= 0));
      if (i >= 0) bad(`${name}[${Math.floor(i / L)}][${i % L}]`, `must be a finite number ≥ 0 (got ${m[i]})`);
    }
  }
  const loc = (path: string, v: number) => {
    if (!Number.isInteger(v) || v < 0 || v >= L) bad(path, `must be a location index in 0..${L - 1} (got ${v})`);
  };
  const window = (path: string, open: number, close: number) => {
    if (!(open >= 0)) bad(`${path}`, `opening time must be ≥ 0 (got ${open})`);
    if (!(close >= open)) bad(`${path}`, `closes (${close} s) before it opens (${open} s)`);
  };

  const depots: Depot[] = spec.depots.map((d, i) => {
    loc(`depots[${i}].location`, d.location);
    return { id: d.id ?? `depot${i}`, location: d.location };
  });
  if (depots.length === 0) bad('depots', 'at least one depot is needed');

  const facilities: Facility[] = (spec.facilities ?? []).map((f, i) => {
    loc(`facilities[${i}].location`, f.location);
    const out: Facility = {
      id: f.id ?? `facility${i}`, location: f.location, streams: [...(f.streams ?? [])],
      openSeconds: f.openSeconds ?? 0, closeSeconds: f.closeSeconds ?? DAY_END, unloadSeconds: f.unloadSeconds ?? 0,
    };
    window(`facilities[${i}]`, out.openSeconds, out.closeSeconds);
    if (!(out.unloadSeconds >= 0)) bad(`facilities[${i}].unloadSeconds`, 'must be ≥ 0');
    return out;
  });

  const vehicleTypes: VehicleType[] = spec.vehicleTypes.map((v, i) => {
    const p = `vehicleTypes[${i}]`;
    const out: VehicleType = {
      id: v.id ?? `type${i}`, count: v.count ?? null, capacity: [...v.capacity],
      shiftLoadLimit: [...(v.shiftLoadLimit ?? v.capacity.map(() => Infinity))], maxStops: v.maxStops ?? Infinity,
      streams: [...(v.streams ?? [])], startDepot: v.startDepot ?? 0, endDepot: v.endDepot ?? v.startDepot ?? 0,
      shiftStartSeconds: v.shiftStartSeconds ?? 0, shiftEndSeconds: v.shiftEndSeconds ?? DAY_END,
      maxDurationSeconds: v.maxDurationSeconds ?? Infinity, maxDistance: v.maxDistance ?? Infinity, lunch: v.lunch ?? null,
      fixedCost: v.fixedCost ?? 0, costPerDistance: v.costPerDistance ?? 1, costPerHour: v.costPerHour ?? 0,
    };
    if (out.count !== null && (!Number.isInteger(out.count) || out.count < 0)) bad(`${p}.count`, 'must be a whole number ≥ 0 or null (unlimited)');
    if (out.capacity.length !== D) bad(`${p}.capacity`, `must have ${D} entries (one per dimension)`);
    out.capacity.forEach((c, d) => { if (!(c > 0)) bad(`${p}.capacity[${d}]`, `must be > 0 (got ${c})`); });
    if (out.shiftLoadLimit.length !== D) bad(`${p}.shiftLoadLimit`, `must have ${D} entries`);
    for (const d of [out.startDepot, out.endDepot]) {
      if (!Number.isInteger(d) || d < 0 || d >= depots.length) bad(`${p}.startDepot/endDepot`, `must be a depot index in 0..${depots.length - 1}`);
    }
    window(`${p}.shift`, out.shiftStartSeconds, out.shiftEndSeconds);
    if (!(out.maxDurationSeconds > 0)) bad(`${p}.maxDurationSeconds`, 'must be > 0');
    if (!(out.maxDistance > 0)) bad(`${p}.maxDistance`, 'must be > 0');
    if (out.lunch) {
      if (!(out.lunch.durationSeconds >= 0)) bad(`${p}.lunch.durationSeconds`, 'must be ≥ 0');
      window(`${p}.lunch`, out.lunch.earliestStartSeconds, out.lunch.latestStartSeconds);
    }
    for (const k of ['fixedCost', 'costPerDistance', 'costPerHour'] as const) if (!(out[k] >= 0)) bad(`${p}.${k}`, 'must be ≥ 0');
    return out;
  });
  if (vehicleTypes.length === 0) bad('vehicleTypes', 'at least one vehicle type is needed');

  const unloadAtDepot = spec.unloadAtDepot ?? facilities.length === 0;
  const stops: Stop[] = spec.stops.map((s, i) => {
    const p = `stops[${i}]`;
    loc(`${p}.location`, s.location);
    const out: Stop = {
      id: s.id ?? String(i + 1), location: s.location, load: [...s.load], serviceSeconds: s.serviceSeconds ?? 0,
      windowOpenSeconds: s.windowOpenSeconds ?? 0, windowCloseSeconds: s.windowCloseSeconds ?? DAY_END, stream: s.stream ?? DEFAULT_STREAM,
    };
    if (out.load.length !== D) bad(`${p}.load`, `must have ${D} entries (one per dimension)`);
    out.load.forEach((q, d) => { if (!(q >= 0)) bad(`${p}.load[${d}]`, `must be a finite number ≥ 0 (got ${q})`); });
    if (!(out.serviceSeconds >= 0)) bad(`${p}.serviceSeconds`, 'must be ≥ 0');
    window(`${p}.window`, out.windowOpenSeconds, out.windowCloseSeconds);
    const able = vehicleTypes.filter((v) => carriesStream(v, out.stream) && v.count !== 0);
    if (vehicleTypes.length > 0 && able.length === 0) bad(`${p}.stream`, `no vehicle may serve it: no vehicle type with vehicles carries stream "${out.stream}"`);
    else if (able.length > 0 && out.load.length === D && !able.some((v) => out.load.every((q, d) => q <= v.capacity[d]))) {
      bad(`${p}.load`, `[${out.load.join(', ')}] exceeds the capacity of every vehicle that may serve it`);
    }
    if (!unloadAtDepot && !facilities.some((f) => acceptsStream(f, out.stream))) bad(`${p}.stream`, `no facility accepts stream "${out.stream}"`);
    return out;
  });
  const c = spec.coordinates;
  if (c && (c.x.length !== L || c.y.length !== L)) bad('coordinates', `must hold ${L} x and y values`);
  if (problems.length > 0) throw new InputError(problems);
  const coordinates = c ? { x: Float64Array.from(c.x), y: Float64Array.from(c.y) } : null;
  return deepFreeze({ coordinates,
    name: spec.name ?? 'instance', dimensions: [...spec.dimensions], locationCount: L, distance, durationSeconds,
    depots, stops, facilities, vehicleTypes, unloadAtDepot,
  });
}

export function carriesStream(v: VehicleType, stream: string): boolean {
  return v.streams.length === 0 || v.streams.includes(stream);
}

export function acceptsStream(f: Facility, stream: string): boolean {
  return f.streams.length === 0 || f.streams.includes(stream);
}

/** Freeze plain objects and arrays (typed arrays cannot be frozen; they are never written after creation). */
function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !ArrayBuffer.isView(o)) {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}
