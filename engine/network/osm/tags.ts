/**
 * Which OpenStreetMap ways a refuse truck can drive, in which directions and
 * how fast. Speeds are a 12-tonne truck's typical free-flow speeds per
 * `highway` class (overridable per scenario); a way's `maxspeed` caps them,
 * since a truck never drives faster than the limit but often slower.
 */
import type { RoadClass } from '../road-graph.ts';

/** Default truck speed per drivable `highway` value, km/h. */
export const DEFAULT_SPEEDS_KMH: Readonly<Record<string, number>> = {
  motorway: 80, motorway_link: 45, trunk: 70, trunk_link: 40,
  primary: 50, primary_link: 35, secondary: 45, secondary_link: 30,
  tertiary: 40, tertiary_link: 30, unclassified: 30, residential: 25,
  living_street: 10, road: 25, service: 15,
};

/** How each `highway` value is drawn and grouped in the compact graph. */
export function roadClassOf(highway: string): RoadClass {
  if (/^(motorway|trunk)/.test(highway)) return 'ring';
  if (/^(primary|secondary)/.test(highway)) return 'arterial';
  if (highway.startsWith('tertiary')) return 'collector';
  if (highway === 'service') return 'service';
  return 'local';
}

const NO = new Set(['no', 'private', 'agricultural', 'forestry', 'delivery_no', 'use_sidepath']);
const UNUSABLE_SERVICE = new Set(['parking_aisle', 'drive-through', 'emergency_access']);

export type Tags = Readonly<Record<string, string>>;

/** Why a highway way is not kept, or undefined when a truck can use it. */
export function refusal(tags: Tags, speedsKmh: Readonly<Record<string, number>>, truckTonnes: number): string | undefined {
  const hw = tags.highway;
  if (!hw) return 'not a highway';
  if (!(hw in speedsKmh)) return `highway=${hw}`;
  if (tags.area === 'yes') return 'area=yes';
  for (const k of ['access', 'vehicle', 'motor_vehicle', 'hgv', 'goods']) {
    if (tags[k] && NO.has(tags[k])) return `${k}=${tags[k]}`;
  }
  if (hw === 'service' && tags.service && UNUSABLE_SERVICE.has(tags.service)) return `service=${tags.service}`;
  if (tags.oneway === 'reversible' || tags.oneway === 'alternating') return `oneway=${tags.oneway}`;
  const weight = parseTonnes(tags.maxweight);
  if (weight !== undefined && weight < truckTonnes) return `maxweight below ${truckTonnes} t`;
  if (tags.construction || tags.highway === 'construction') return 'under construction';
  return undefined;
}

/** +1 forward only, -1 backward only, 0 both ways. */
export function onewayOf(tags: Tags): 1 | -1 | 0 {
  const o = tags.oneway;
  if (o === '-1' || o === 'reverse') return -1;
  if (o === 'yes' || o === 'true' || o === '1') return 1;
  if (o === 'no' || o === 'false' || o === '0') return 0;
  // Implied one-way: motorways and roundabouts.
  if (tags.highway === 'motorway' || tags.junction === 'roundabout' || tags.junction === 'circular') return 1;
  return 0;
}

const ZONE_KMH: Record<string, number> = { urban: 50, rural: 90, motorway: 130, trunk: 110, living_street: 20, walk: 6 };

/** `maxspeed` in km/h ("50", "30 mph", "FR:urban", "walk"), or undefined when absent or unreadable. */
export function parseMaxspeedKmh(v: string | undefined): number | undefined {
  if (!v) return undefined;
  const s = v.trim().toLowerCase();
  const m = /^(\d+(?:\.\d+)?)\s*(mph|km\/h|kmh|kph)?$/.exec(s);
  if (m) {
    const n = Number(m[1]) * (m[2] === 'mph' ? 1.609344 : 1);
    return n > 0 ? n : undefined;
  }
  const zone = /^(?:[a-z]{2}:)?([a-z_]+)$/.exec(s);
  return zone ? ZONE_KMH[zone[1]] : undefined;
}

function parseTonnes(v: string | undefined): number | undefined {
  if (!v) return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*(t|kg|st|lbs)?$/.exec(v.trim().toLowerCase());
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] === 'kg' ? n / 1000 : m[2] === 'st' ? n * 0.90718 : m[2] === 'lbs' ? n * 0.000453592 : n;
}

/** The truck speed on a way: the class speed, capped by `maxspeed`. */
export function speedKmh(highway: string, maxspeedKmh: number | undefined, speedsKmh: Readonly<Record<string, number>>): number {
  const base = speedsKmh[highway];
  return maxspeedKmh !== undefined ? Math.min(base, maxspeedKmh) : base;
}
