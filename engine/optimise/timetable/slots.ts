/**
 * Which truck runs which line: per fleet type, lines that run on more days
 * go first, each to the first truck free on all of its days, so a line keeps
 * the same truck (and driver) every day it runs. Returns the trucks each
 * fleet type needs.
 */
import type { Line } from './types.ts';

export function assignTrucks(lines: Line[], fleetTypes: number): number[] {
  const needed = new Array<number>(fleetTypes).fill(0);
  const busy = new Map<number, Set<number>[]>();
  const order = [...lines].sort((a, b) => b.days.length - a.days.length || a.id.localeCompare(b.id));
  for (const line of order) {
    if (!busy.has(line.fleetType)) busy.set(line.fleetType, []);
    const trucks = busy.get(line.fleetType)!;
    let k = trucks.findIndex((days) => line.days.every((d) => !days.has(d)));
    if (k < 0) { k = trucks.length; trucks.push(new Set()); }
    for (const d of line.days) trucks[k].add(d);
    line.truck = k;
    needed[line.fleetType] = Math.max(needed[line.fleetType], k + 1);
  }
  return needed;
}
