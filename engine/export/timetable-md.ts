/** timetable.md: for each collection point, which line calls, on which days, at what time — what a notice at the bin shows. */
import type { World } from '../scenario/world.ts';
import { table } from '../report/markdown.ts';
import { WEEKDAYS } from '../optimise/timetable/types.ts';
import type { Design } from '../optimise/timetable/index.ts';
import { hhmm } from './routes-json.ts';

export function timetableMarkdown(world: World, tt: Design): string {
  const rows: { p: number; s: number; t: number; cells: string[] }[] = [];
  for (const l of tt.lines) {
    for (const v of l.visits) {
      if (v.kind !== 'stop') continue;
      rows.push({ p: v.point, s: v.stream, t: v.timeS, cells: [world.points[v.point].id, world.streams[v.stream].id, l.id, l.days.map((d) => WEEKDAYS[d]).join(' '), hhmm(v.timeS)] });
    }
  }
  rows.sort((a, b) => a.p - b.p || a.s - b.s || a.t - b.t);
  return `# Timetable — ${world.scenario.name}\n\nEach collection point, the line that calls, the days and the time. ` +
    `Bins are sized on P${tt.quantileByStream.map((q) => Math.round(q * 100)).filter((q, i, a) => a.indexOf(q) === i).join('/P')} of the waste between visits.\n\n` +
    table(['point', 'stream', 'line', 'days', 'time'], rows.map((r) => r.cells)) + '\n';
}
