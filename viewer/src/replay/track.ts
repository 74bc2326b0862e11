/**
 * Where a truck is, and what it carries, at a time t of the day, from its
 * timed legs (docs/replay-format.md): inside a drive leg, linear between the
 * two vertices whose times bracket t; while serving at the point; while
 * queueing or unloading at the site; between legs at the end of the previous
 * leg; before its first leg at its depot. A track is compiled once per day so
 * that the per-frame lookup is two binary searches and allocates nothing.
 */
import type { Leg } from './types.ts';

export interface Places {
  pointX: ArrayLike<number>;
  pointY: ArrayLike<number>;
  /** Depots, stations and plants by id. */
  sites: Map<string, { x: number; y: number }>;
}

export interface TruckTrack {
  legs: Leg[];
  t0: Float64Array;
  t1: Float64Array;
  startLoadKg: Float64Array;
  endLoadKg: Float64Array;
  endX: Float64Array;
  endY: Float64Array;
  homeX: number;
  homeY: number;
}

export type PoseState = 'home' | 'idle' | 'drive' | 'serve' | 'queue' | 'unload';

export interface Pose {
  x: number;
  y: number;
  loadKg: number;
  /** Radians from +x, of the road segment being driven (kept while stopped). */
  heading: number;
  /** Index of the current (or last finished) leg; -1 before the first. */
  leg: number;
  state: PoseState;
}

export const newPose = (): Pose => ({ x: 0, y: 0, loadKg: 0, heading: 0, leg: -1, state: 'home' });

export function compileTrack(legs: Leg[], places: Places, home: { x: number; y: number } | undefined): TruckTrack {
  const n = legs.length;
  const tr: TruckTrack = {
    legs, t0: new Float64Array(n), t1: new Float64Array(n), startLoadKg: new Float64Array(n), endLoadKg: new Float64Array(n),
    endX: new Float64Array(n), endY: new Float64Array(n), homeX: 0, homeY: 0,
  };
  let load = 0;
  let x = NaN;
  let y = NaN;
  for (let i = 0; i < n; i++) {
    const l = legs[i];
    if (l.kind === 'drive') {
      tr.t0[i] = l.t[0];
      tr.t1[i] = l.t[l.t.length - 1];
      tr.startLoadKg[i] = tr.endLoadKg[i] = load = l.loadKg;
      x = l.xy[l.xy.length - 2];
      y = l.xy[l.xy.length - 1];
    } else {
      tr.t0[i] = l.t0;
      tr.t1[i] = l.t1;
      if (l.kind === 'serve') {
        x = places.pointX[l.point];
        y = places.pointY[l.point];
      } else {
        const s = places.sites.get(l.site);
        if (s) { x = s.x; y = s.y; }
      }
      tr.startLoadKg[i] = l.kind === 'queue' ? load : l.loadKg[0];
      tr.endLoadKg[i] = load = l.kind === 'queue' ? load : l.loadKg[1];
    }
    tr.endX[i] = x;
    tr.endY[i] = y;
  }
  const first = legs[0];
  const firstXY = first === undefined ? undefined : first.kind === 'drive' ? { x: first.xy[0], y: first.xy[1] } : { x: tr.endX[0], y: tr.endY[0] };
  const h = home ?? firstXY ?? { x: 0, y: 0 };
  tr.homeX = h.x;
  tr.homeY = h.y;
  return tr;
}

/** Index of the last element of `a` (sorted ascending) that is <= t, or -1. */
function lastAtOrBefore(a: ArrayLike<number>, t: number, hi = a.length - 1): number {
  let lo = 0;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= t) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

export function poseAt(tr: TruckTrack, t: number, out: Pose): Pose {
  const i = lastAtOrBefore(tr.t0, t);
  out.leg = i;
  if (i < 0) {
    out.x = tr.homeX; out.y = tr.homeY; out.loadKg = 0; out.state = 'home';
    return out;
  }
  const l = tr.legs[i];
  if (t > tr.t1[i]) {
    out.x = tr.endX[i]; out.y = tr.endY[i]; out.loadKg = tr.endLoadKg[i]; out.state = 'idle';
    return out;
  }
  out.state = l.kind;
  if (l.kind === 'drive') {
    const j = Math.min(Math.max(lastAtOrBefore(l.t, t), 0), l.t.length - 2);
    const ta = l.t[j];
    const tb = l.t[j + 1];
    const f = tb > ta ? Math.min(Math.max((t - ta) / (tb - ta), 0), 1) : 1;
    const xa = l.xy[2 * j], ya = l.xy[2 * j + 1], xb = l.xy[2 * j + 2], yb = l.xy[2 * j + 3];
    out.x = xa + (xb - xa) * f;
    out.y = ya + (yb - ya) * f;
    if (xb !== xa || yb !== ya) out.heading = Math.atan2(yb - ya, xb - xa);
    out.loadKg = l.loadKg;
    return out;
  }
  out.x = tr.endX[i];
  out.y = tr.endY[i];
  const span = tr.t1[i] - tr.t0[i];
  const f = span > 0 ? (t - tr.t0[i]) / span : 1;
  out.loadKg = tr.startLoadKg[i] + (tr.endLoadKg[i] - tr.startLoadKg[i]) * f;
  return out;
}
