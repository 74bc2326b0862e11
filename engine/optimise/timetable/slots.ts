/**
 * Which truck runs which line: per fleet type, lines that run on more days
 * go first, each to the first truck free on all of its days, so a line keeps
 * the same truck (and driver) every day it runs. The design books trucks as
 * it routes (routing the patterns that run on more days first), so each
 * pattern is routed with only the trucks still free on its days.
 */
import type { Line } from './types.ts';

export class TruckBook {
  /** Per fleet type, per truck: the weekdays it already runs a line. */
  private readonly busy: Set<number>[][];

  constructor(fleetTypes: number) {
    this.busy = Array.from({ length: fleetTypes }, () => []);
  }

  /** Trucks of the type, out of `count`, free on every one of `days`. */
  free(fleetType: number, days: readonly number[], count: number): number {
    const trucks = this.busy[fleetType];
    const open = trucks.slice(0, count).filter((t) => days.every((d) => !t.has(d))).length;
    return open + Math.max(0, count - trucks.length);
  }

  /** Gives the line the first truck free on all of its days (a new one when none is). */
  place(line: Line): void {
    const trucks = this.busy[line.fleetType];
    let k = trucks.findIndex((days) => line.days.every((d) => !days.has(d)));
    if (k < 0) { k = trucks.length; trucks.push(new Set()); }
    for (const d of line.days) trucks[k].add(d);
    line.truck = k;
  }

  /** Trucks each fleet type uses. */
  needed(): number[] {
    return this.busy.map((t) => t.length);
  }
}

/** Lines on more days first, then by id: the order trucks are booked in. */
export function bookingOrder<T extends { days: readonly number[] }>(items: T[], id: (x: T) => string): T[] {
  return [...items].sort((a, b) => b.days.length - a.days.length || id(a).localeCompare(id(b)));
}

function assignTrucks(lines: Line[], fleetTypes: number): number[] {
  const book = new TruckBook(fleetTypes);
  for (const line of bookingOrder(lines, (l) => l.id)) book.place(line);
  return book.needed();
}

/** What a line moved later in the day must still keep: the shift's end, the lunch window, the stations' hours. */
export interface ChainRules {
  shiftEndS: (fleetType: number) => number;
  lunch: { earliestS: number; latestS: number } | null;
  stationHours: (station: number) => { openS: number; closeS: number };
}

/** The line with every published time `delta` seconds later. */
function shifted(line: Line, delta: number): Line {
  return {
    ...line, startS: line.startS + delta, endS: line.endS + delta, lunchStartS: line.lunchStartS === null ? null : line.lunchStartS + delta,
    visits: line.visits.map((v) => ({ ...v, timeS: v.timeS + delta })),
  };
}

/** A line moved later keeps the rules: within the shift, lunch in its window (or none needed), unloads while the stations are open; twice-daily lines keep their windows. */
function keepsRules(l: Line, rules: ChainRules): boolean {
  if (l.frequency === 'twice-daily' || l.endS > rules.shiftEndS(l.fleetType)) return false;
  if (rules.lunch) {
    if (l.lunchStartS === null ? l.endS > rules.lunch.earliestS : l.lunchStartS > rules.lunch.latestS) return false;
  }
  return l.visits.every((v) => v.kind !== 'unload' || (v.timeS >= rules.stationHours(v.station).openS && v.timeS <= rules.stationHours(v.station).closeS));
}

/**
 * Trucks for the lines of fleet types short of trucks, letting a truck run
 * two or more short lines of one stream in one shift: a line that finds no
 * truck free on its days goes after the last line of a truck (of the
 * fleet's `count`) on each of its days, its published times moved later by
 * the same amount every day it runs, when it then still keeps the shift,
 * lunch and station hours; the truck with the smallest move wins. Lines of
 * fleet types with enough trucks keep plain booking. Replaces `lines`'
 * entries that move; returns the trucks each fleet type needs.
 */
export function assignTrucksChained(lines: Line[], counts: number[], rules: ChainRules): number[] {
  const plain = assignTrucks(lines, counts.length);
  if (plain.every((n, ft) => n <= counts[ft])) return plain;
  const needed = [...plain];
  for (let ft = 0; ft < counts.length; ft++) {
    if (plain[ft] <= counts[ft]) continue;
    const before = [...lines];
    // Per truck, per weekday: the lines it runs, as [start, end, stream].
    const trucks: [number, number, number][][][] = [];
    // A truck's lines of a day run as one route of one stream (./planner.ts): same stream, no overlap.
    const fits = (k: number, l: Line) => l.days.every((d) => trucks[k][d].every(([s, e, st]) => st === l.stream && (e <= l.startS || l.endS <= s)));
    const idx = new Map(lines.map((l, i) => [l, i]));
    for (const line of bookingOrder(lines.filter((l) => l.fleetType === ft), (l) => l.id)) {
      let k = trucks.findIndex((_, j) => fits(j, line));
      let placed = line;
      if (k < 0 || k >= counts[ft]) {
        let best: { k: number; l: Line } | null = null;
        for (let j = 0; j < Math.min(trucks.length, counts[ft]); j++) {
          const last = Math.max(line.startS, ...line.days.flatMap((d) => trucks[j][d].map(([, e]) => e)));
          const moved = shifted(line, Math.ceil((last - line.startS) / 60) * 60);
          if (fits(j, moved) && keepsRules(moved, rules) && (!best || moved.startS < best.l.startS)) best = { k: j, l: moved };
        }
        if (best) ({ k, l: placed } = best);
      }
      if (k < 0) { k = trucks.length; trucks.push(Array.from({ length: 7 }, () => [])); }
      for (const d of placed.days) trucks[k][d].push([placed.startS, placed.endS, placed.stream]);
      placed.truck = k;
      lines[idx.get(line)!] = placed;
    }
    if (trucks.length <= plain[ft]) { needed[ft] = trucks.length; continue; }
    // Chaining did worse than plain booking: plain booking stands (booked again, as chaining set the lines' trucks).
    before.forEach((l, i) => { lines[i] = l; });
    assignTrucks(lines.filter((l) => l.fleetType === ft), counts.length);
  }
  return needed;
}
