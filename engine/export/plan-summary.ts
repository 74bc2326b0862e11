/** The table `wastetwin plan` prints: per truck type, trucks used, weekly km and hours, utilisation, the longest line. */
import type { World } from '../scenario/world.ts';
import { table } from '../report/markdown.ts';
import type { Design } from '../optimise/timetable/index.ts';
import { hhmm } from './routes-json.ts';

export function planSummary(world: World, tt: Design): string {
  const rows = world.fleet.map((f, ft) => {
    const lines = tt.lines.filter((l) => l.fleetType === ft);
    const weekly = (x: (l: (typeof lines)[number]) => number) => lines.reduce((a, l) => a + x(l) * l.days.length, 0);
    const shiftHours = f.spec.shiftHours * 7 * tt.trucksNeeded[ft];
    const longest = lines.reduce<(typeof lines)[number] | undefined>((a, l) => (!a || l.hours > a.hours ? l : a), undefined);
    return [
      f.spec.id, `${tt.trucksNeeded[ft]} of ${f.spec.count}`, lines.length, Math.round(weekly((l) => l.km)), Math.round(weekly((l) => l.hours) * 10) / 10,
      shiftHours > 0 ? `${Math.round((weekly((l) => l.hours) / shiftHours) * 100)} %` : '–',
      longest ? `${longest.id} (${longest.hours} h, ${hhmm(longest.startS)}–${hhmm(longest.endS)})` : '–',
    ];
  });
  return table(['truck type', 'trucks used', 'lines', 'km / week', 'hours / week', 'utilisation (of shifts)', 'longest line'], rows);
}
