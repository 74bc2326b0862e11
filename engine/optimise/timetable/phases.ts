/**
 * Which days each bin is served: bins of one stream and frequency are swept
 * by angle around the city's centre and dealt in contiguous blocks of about
 * equal work to the frequency's phases, so a phase covers one part of town
 * (short lines) and the days carry similar loads. A class too small to fill
 * a truck on every phase uses fewer phases rather than running half-empty lines.
 */
import type { World } from '../../scenario/world.ts';
import { dealContiguous } from '../baseline.ts';
import { FREQUENCIES, type FrequencyChoice } from './frequency.ts';
import type { ServiceAssignment } from './types.ts';

/** Rough kg one line can gather in a shift: two truckloads. */
const TRIPS_PER_LINE = 2;

export function assignPhases(world: World, choice: FrequencyChoice, payloadKgOf: (stream: number) => number): ServiceAssignment[] {
  const S = world.streams.length;
  const [x0, y0, x1, y1] = world.bounds;
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  const classes = new Map<string, number[]>();
  for (let i = 0; i < choice.frequency.length; i++) {
    if (choice.frequency[i] < 0) continue;
    const key = `${i % S}:${choice.frequency[i]}`;
    if (!classes.has(key)) classes.set(key, []);
    classes.get(key)!.push(i);
  }
  const out: ServiceAssignment[] = [];
  for (const [key, items] of [...classes].sort((a, b) => a[0].localeCompare(b[0]))) {
    const [s, fi] = key.split(':').map(Number);
    const f = FREQUENCIES[fi];
    const angle = (i: number) => Math.atan2(world.points[Math.floor(i / S)].y - cy, world.points[Math.floor(i / S)].x - cx);
    items.sort((a, b) => angle(a) - angle(b) || a - b);
    const work = items.map((i) => choice.visitKg[i] * f.visitsPerDay);
    const total = work.reduce((a, b) => a + b, 0);
    const phases = Math.min(f.phases.length, Math.max(1, Math.ceil(total / (payloadKgOf(s) * TRIPS_PER_LINE))));
    dealContiguous(work, phases).forEach(([from, to], phase) => {
      for (let k = from; k < to; k++) {
        const i = items[k];
        out.push({ point: Math.floor(i / S), stream: s, frequency: fi, phase, days: f.phases[phase], visitKg: choice.visitKg[i] });
      }
    });
  }
  return out.sort((a, b) => a.point - b.point || a.stream - b.stream);
}
