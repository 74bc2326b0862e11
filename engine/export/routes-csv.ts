/** routes.csv: one row per visit of every line — the driver's sheet and the spreadsheet view of the timetable. */
import type { World } from '../scenario/world.ts';
import { WEEKDAYS } from '../optimise/timetable/types.ts';
import type { Design } from '../optimise/timetable/index.ts';
import { hhmm, truckId } from './routes-json.ts';
import type { ToLonLat } from './lonlat.ts';

export const ROUTES_CSV_COLUMNS = ['line', 'truck', 'stream', 'days', 'seq', 'kind', 'site', 'time', 'time_s', 'load_kg', 'load_after_kg', 'lon', 'lat'];

export function routesCsv(world: World, tt: Design, toLonLat: ToLonLat): string {
  const rows = [ROUTES_CSV_COLUMNS.join(',')];
  for (const l of tt.lines) {
    const days = l.days.map((d) => WEEKDAYS[d]).join(' ');
    const head = [l.id, truckId(world, l), world.streams[l.stream].id, days];
    l.visits.forEach((v, i) => {
      const site = v.kind === 'stop' ? world.points[v.point] : world.stations[v.station];
      const [lon, lat] = toLonLat(site.x, site.y);
      rows.push([...head, i + 1, v.kind, site.id, hhmm(v.timeS), v.timeS,
        v.kind === 'stop' ? v.loadKg.toFixed(1) : '', v.kind === 'stop' ? v.loadAfterKg.toFixed(1) : '0.0', lon, lat].join(','));
    });
  }
  return rows.join('\n') + '\n';
}
