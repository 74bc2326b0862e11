/**
 * Which truck fleet and days serve each bin. A bin goes to the fleet type
 * carrying its stream whose depot is nearest by road (a city's districts
 * each run their own trucks). Bins of one fleet, stream and frequency are
 * swept by angle around the depot and dealt in contiguous blocks of about
 * equal work to the frequency's phases, so a phase covers one part of town
 * (short lines) and the days carry similar loads. A class too small to fill
 * a truck on every phase uses fewer phases rather than running half-empty lines.
 */
import type { World } from '../../scenario/world.ts';
import type { Router } from '../../sim/router.ts';
import { dealContiguous } from '../baseline.ts';
import { FREQUENCIES, type FrequencyChoice } from './frequency.ts';
import type { ServiceAssignment } from './types.ts';

/** Rough work one line can do in a shift: two truckloads, or stops at this many seconds each (service and the drive to the next). */
const TRIPS_PER_LINE = 2;
const DRIVE_PER_STOP_S = 120;

/** Per (point, stream), index p * S + s: the fleet type with the nearest depot among those carrying the stream, or -1. */
export function nearestFleet(world: World, router: Router): Int16Array {
  const S = world.streams.length;
  const out = new Int16Array(world.points.length * S).fill(-1);
  for (let s = 0; s < S; s++) {
    const types = world.fleet.map((f, i) => ({ f, i })).filter(({ f }) => f.streamMask[s] && f.spec.count > 0);
    world.points.forEach((p, pi) => {
      let best = -1, bestT = Infinity;
      for (const { f, i } of types) {
        const t = router.timeS(world.depots[f.depot].node, p.node);
        if (t < bestT) { bestT = t; best = i; }
      }
      out[pi * S + s] = best;
    });
  }
  return out;
}

export function assignPhases(world: World, choice: FrequencyChoice, fleetOf: Int16Array, payloadKgOf: (fleetType: number, stream: number) => number): ServiceAssignment[] {
  const S = world.streams.length;
  const classes = new Map<string, number[]>();
  for (let i = 0; i < choice.frequency.length; i++) {
    if (choice.frequency[i] < 0 || fleetOf[i] < 0) continue;
    const key = `${fleetOf[i]}:${i % S}:${choice.frequency[i]}`;
    if (!classes.has(key)) classes.set(key, []);
    classes.get(key)!.push(i);
  }
  const out: ServiceAssignment[] = [];
  for (const [key, items] of [...classes].sort((a, b) => a[0].localeCompare(b[0]))) {
    const [ft, s, fi] = key.split(':').map(Number);
    const f = FREQUENCIES[fi];
    const depot = world.depots[world.fleet[ft].depot];
    const cx = depot.x, cy = depot.y;
    const angle = (i: number) => Math.atan2(world.points[Math.floor(i / S)].y - cy, world.points[Math.floor(i / S)].x - cx);
    items.sort((a, b) => angle(a) - angle(b) || a - b);
    const work = items.map((i) => choice.visitKg[i] * f.visitsPerDay);
    const total = work.reduce((a, b) => a + b, 0);
    // Light bins (hazardous cabinets) fill lines by time, not by load.
    const spec = world.fleet[ft].spec;
    const byTime = (items.length * f.visitsPerDay * (spec.serviceSecondsPerStop + DRIVE_PER_STOP_S)) / (spec.shiftHours * 3600);
    const phases = Math.min(f.phases.length, Math.max(1, Math.ceil(Math.max(total / (payloadKgOf(ft, s) * TRIPS_PER_LINE), byTime))));
    dealContiguous(work, phases).forEach(([from, to], phase) => {
      for (let k = from; k < to; k++) {
        const i = items[k];
        out.push({ point: Math.floor(i / S), stream: s, fleetType: ft, frequency: fi, phase, days: f.phases[phase], visitKg: choice.visitKg[i] });
      }
    });
  }
  return out.sort((a, b) => a.point - b.point || a.stream - b.stream);
}
