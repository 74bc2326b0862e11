/**
 * One day made ready to play: every truck's track compiled (in header order,
 * so instance i is always truck i), the manifests by id, and running totals
 * over the day (collected from the points; delivered to each site) so that
 * panels can show "so far" at any clock time by a binary search.
 */
import { inSlices } from './slices.ts';
import { compileTrack, type Places, type TruckTrack } from './track.ts';
import type { Manifest, ReplayDay, ReplayHeader } from './types.ts';

/** Mass arriving over the day: times (ascending) and the cumulative kg at each. */
export interface Running { t: Float64Array; cumKg: Float64Array }

export interface DayState {
  day: ReplayDay;
  tracks: TruckTrack[];
  manifests: Map<string, Manifest>;
  /** Pickups at collection points. */
  collected: Running;
  /** Loads delivered, by the id of the site they went to (plant, else station). */
  delivered: Map<string, Running>;
}

export function placesOf(h: ReplayHeader): Places {
  const sites = new Map<string, { x: number; y: number }>();
  for (const s of [...h.depots, ...h.stations, ...h.plants]) sites.set(s.id, { x: s.x, y: s.y });
  return { pointX: h.points.x, pointY: h.points.y, sites };
}

function running(ms: Manifest[]): Running {
  const sorted = [...ms].sort((a, b) => a.t1 - b.t1);
  const t = new Float64Array(sorted.length);
  const cumKg = new Float64Array(sorted.length);
  let sum = 0;
  sorted.forEach((m, i) => { sum += m.kg; t[i] = m.t1; cumKg[i] = sum; });
  return { t, cumKg };
}

/** Total of the running series up to and including time t. */
export function runningAt(r: Running, t: number): number {
  let lo = 0, hi = r.t.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (r.t[mid] <= t) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found < 0 ? 0 : r.cumKg[found];
}

/** Compiles header truck i's track from the day's legs (none when the day has no line for it). */
function trackCompiler(h: ReplayHeader, day: ReplayDay, places: Places): (i: number) => TruckTrack {
  const legsById = new Map(day.trucks.map((t) => [t.id, t.legs]));
  return (i) => compileTrack(legsById.get(h.trucks[i].id) ?? [], places, places.sites.get(h.trucks[i].depot));
}

export function compileDay(h: ReplayHeader, day: ReplayDay, places: Places, tracks?: TruckTrack[]): DayState {
  if (!tracks) {
    const track = trackCompiler(h, day, places);
    tracks = h.trucks.map((_, i) => track(i));
  }
  const pickups = day.manifests.filter((m) => m.kind === 'pickup');
  const toSite = new Map<string, Manifest[]>();
  for (const m of day.manifests) {
    if (m.kind === 'pickup') continue;
    const dest = m.plant ?? m.site;
    if (!dest) continue;
    const list = toSite.get(dest) ?? [];
    list.push(m);
    toSite.set(dest, list);
  }
  return {
    day, tracks, manifests: new Map(day.manifests.map((m) => [m.id, m])),
    collected: running(pickups),
    delivered: new Map([...toSite].map(([id, ms]) => [id, running(ms)])),
  };
}

/** compileDay with the trucks' tracks compiled a slice at a time, so that a megacity's day does not freeze the page. */
export async function compileDayInSlices(h: ReplayHeader, day: ReplayDay, places: Places): Promise<DayState> {
  const track = trackCompiler(h, day, places);
  const tracks: TruckTrack[] = new Array(h.trucks.length);
  await inSlices(h.trucks.length, (i) => { tracks[i] = track(i); });
  return compileDay(h, day, places, tracks);
}
