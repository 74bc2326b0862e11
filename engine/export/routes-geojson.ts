/**
 * routes.geojson: per line a LineString along the roads it drives (depot →
 * stops and unloads → depot, with each road's shape points), and a Point per
 * stop with its line and time. Coordinates are [lon, lat] (RFC 7946); every
 * feature carries the same property keys within its kind.
 */
import type { World } from '../scenario/world.ts';
import type { Router } from '../sim/router.ts';
import { WEEKDAYS } from '../optimise/timetable/types.ts';
import type { Design } from '../optimise/timetable/index.ts';
import { hhmm, truckId } from './routes-json.ts';
import type { ToLonLat } from './lonlat.ts';

export interface Feature { type: 'Feature'; geometry: { type: 'LineString' | 'Point'; coordinates: number[][] | number[] }; properties: Record<string, string | number | null> }

export function routesGeojson(world: World, router: Router, tt: Design, toLonLat: ToLonLat): { type: 'FeatureCollection'; features: Feature[] } {
  const features: Feature[] = [];
  for (const l of tt.lines) {
    const depot = world.depots[world.fleet[l.fleetType].depot].node;
    const nodes = [depot, ...l.visits.map((v) => (v.kind === 'stop' ? world.points[v.point].node : world.stations[v.station].node)), depot];
    const coords: number[][] = [];
    for (let i = 1; i < nodes.length; i++) {
      const { xy } = router.timedPolyline(router.leg(nodes[i - 1], nodes[i]), 0, 1);
      for (let k = 0; k < xy.length; k += 2) {
        const c = toLonLat(xy[k], xy[k + 1]);
        const prev = coords[coords.length - 1];
        if (!prev || prev[0] !== c[0] || prev[1] !== c[1]) coords.push(c);
      }
    }
    // A line that never leaves its depot's node still needs two positions.
    if (coords.length === 1) coords.push(coords[0]);
    features.push({
      type: 'Feature', geometry: { type: 'LineString', coordinates: coords },
      properties: {
        line: l.id, truck: truckId(world, l), stream: world.streams[l.stream].id, days: l.days.map((d) => WEEKDAYS[d]).join(' '),
        start: hhmm(l.startS), end: hhmm(l.endS), km: l.km, hours: l.hours, stops: l.visits.filter((v) => v.kind === 'stop').length,
      },
    });
  }
  for (const l of tt.lines) {
    l.visits.forEach((v, i) => {
      if (v.kind !== 'stop') return;
      const p = world.points[v.point];
      features.push({
        type: 'Feature', geometry: { type: 'Point', coordinates: toLonLat(p.x, p.y) },
        properties: { point: p.id, line: l.id, stream: world.streams[l.stream].id, days: l.days.map((d) => WEEKDAYS[d]).join(' '), time: hhmm(v.timeS), seq: i + 1, loadKg: Math.round(v.loadKg * 10) / 10 },
      });
    });
  }
  return { type: 'FeatureCollection', features };
}
