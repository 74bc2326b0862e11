/**
 * Reader for the Kim, Kim & Sahoo (2006) waste-collection instances
 * (data/wcvrptw/, format and quirks in its README). Distances are Manhattan
 * on the feet coordinates, in miles; travel times at the file's speed (the
 * benchmark page's convention: the real road matrices were never published).
 *
 * Quirks handled, and the choices made:
 *  - header lines 1–5: the first token is the value, the rest a comment
 *    (tab-separated and quoted in 335/444);
 *  - data rows split on any whitespace, empty fields (trailing tabs) ignored;
 *  - times `HHMM` with leading zeros dropped (`600` = 06:00, `0` = 00:00),
 *    `2400` = end of day; minutes ≥ 60 are carried into the hour, so the
 *    invalid `1675` of 2100_stop.txt reads as 16:75 = 17:15 (the README's
 *    first reading; clamping to 16:59 would shorten a disposal site's day);
 *  - stop ids are kept as written (1351 and 1599 use large non-sequential
 *    ids) and must be unique; rows may come in any order (1599 lists its
 *    disposal sites last): type 0 is the depot, 2 a disposal site, 1 a stop;
 *  - the 9999 load of depot and disposal rows is a placeholder, ignored.
 *
 * Rules: one vehicle type, unlimited count, the depot's window as its shift
 * (leave no earlier than it opens, be back by when it closes); capacity per
 * trip (line 1), yardage per day (line 2), stops per day (line 3); a lunch
 * break of line 4's seconds starting between 11:00 and 12:00; every load
 * tipped at a disposal site, any of them, before the truck goes home empty.
 */
import { InputError, type Problem } from '../../errors.ts';
import { createInstance, type VrpInstance } from './instance.ts';
import { manhattanMatrix } from './matrix.ts';

const FEET_PER_MILE = 5280;
const LUNCH_EARLIEST_S = 11 * 3600;
const LUNCH_LATEST_S = 12 * 3600;
/** Cost of using a vehicle, in miles: fewer vehicles first, as the papers compare them. */
export const KIM_VEHICLE_COST_MILES = 100;

/** `HHMM` as written in the files (leading zeros may be missing) → seconds from midnight. */
export function hhmmToSeconds(text: string): number {
  if (!/^\d{1,4}$/.test(text)) return NaN;
  const v = Number(text);
  return Math.floor(v / 100) * 3600 + (v % 100) * 60;
}

export interface KimHeader {
  vehicleCapacity: number;
  routeCapacity: number;
  maxStops: number;
  lunchSeconds: number;
  speedMph: number;
}

export function parseKim(text: string, file = 'input'): VrpInstance {
  const problems: Problem[] = [];
  const bad = (line: number, message: string) => problems.push({ path: `${file}:${line}`, message });
  const lines = text.split(/\r?\n/);
  const names = ['vehicle capacity', 'route capacity per day', 'stops per day', 'lunch seconds', 'speed (mph)'] as const;
  const head = names.map((name, i) => {
    const token = (lines[i] ?? '').trim().split(/\s+/)[0] ?? '';
    const v = Number(token);
    if (token === '' || !(v > 0)) bad(i + 1, `header line ${i + 1} (${name}) must start with a number > 0 (got "${token}")`);
    return v;
  });
  if (problems.length > 0) throw new InputError(problems);
  const h: KimHeader = { vehicleCapacity: head[0], routeCapacity: head[1], maxStops: head[2], lunchSeconds: head[3], speedMph: head[4] };

  interface Row { id: string; x: number; y: number; open: number; close: number; service: number; load: number; type: number; line: number }
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  for (let i = 6; i < lines.length; i++) {
    const f = lines[i].trim().split(/\s+/).filter(Boolean);
    if (f.length === 0) continue;
    if (f.length !== 8) { bad(i + 1, `a data row has 8 fields, this one ${f.length} (truncated file?)`); continue; }
    const [id, x, y, open, close, service, load, type] = f;
    const row: Row = { id, x: Number(x), y: Number(y), open: hhmmToSeconds(open), close: hhmmToSeconds(close), service: Number(service), load: Number(load), type: Number(type), line: i + 1 };
    if (!/^-?\d+$/.test(id)) bad(i + 1, `Stop_ID must be a whole number (got "${id}")`);
    if (seen.has(id)) bad(i + 1, `Stop_ID ${id} repeats line ${seen.get(id)}`);
    seen.set(id, i + 1);
    if (!Number.isFinite(row.x) || !Number.isFinite(row.y)) bad(i + 1, 'X and Y must be numbers');
    if (Number.isNaN(row.open) || Number.isNaN(row.close)) bad(i + 1, `times must be HHMM (got ${open}, ${close})`);
    else if (row.close < row.open) bad(i + 1, `time window closes (${close}) before it opens (${open})`);
    if (!(row.service >= 0)) bad(i + 1, `service time must be ≥ 0 s (got ${service})`);
    if (![0, 1, 2].includes(row.type)) bad(i + 1, `Stop_Type must be 0, 1 or 2 (got ${type})`);
    if (row.type === 1 && !(row.load >= 0)) bad(i + 1, `load must be ≥ 0 yd³ (got ${load})`);
    rows.push(row);
  }
  const depots = rows.filter((r) => r.type === 0);
  if (depots.length !== 1) problems.push({ path: file, message: `exactly one depot row (type 0) is needed, found ${depots.length}` });
  if (!rows.some((r) => r.type === 2)) problems.push({ path: file, message: 'no disposal site (type 2): trucks could never unload' });
  if (problems.length > 0) throw new InputError(problems);

  const depot = depots[0];
  const miles = manhattanMatrix(rows.map((r) => r.x), rows.map((r) => r.y), 1 / FEET_PER_MILE);
  const secondsPerMile = 3600 / h.speedMph;
  const where = rows.map((_, i) => i);
  const stopRows = where.filter((i) => rows[i].type === 1);
  const siteRows = where.filter((i) => rows[i].type === 2);
  return createInstance({
    name: file.replace(/^.*\//, '').replace(/\.txt$/, ''),
    dimensions: ['yd3'],
    locationCount: rows.length,
    distance: miles,
    durationSeconds: miles.map((m) => m * secondsPerMile),
    depots: [{ id: depot.id, location: rows.indexOf(depot) }],
    facilities: siteRows.map((i) => ({ id: rows[i].id, location: i, openSeconds: rows[i].open, closeSeconds: rows[i].close, unloadSeconds: rows[i].service })),
    stops: stopRows.map((i) => ({
      id: rows[i].id, location: i, load: [rows[i].load], serviceSeconds: rows[i].service,
      windowOpenSeconds: rows[i].open, windowCloseSeconds: rows[i].close,
    })),
    vehicleTypes: [{
      id: 'truck', count: null, capacity: [h.vehicleCapacity], shiftLoadLimit: [h.routeCapacity], maxStops: h.maxStops,
      shiftStartSeconds: depot.open, shiftEndSeconds: depot.close,
      lunch: { earliestStartSeconds: LUNCH_EARLIEST_S, latestStartSeconds: LUNCH_LATEST_S, durationSeconds: h.lunchSeconds },
      fixedCost: KIM_VEHICLE_COST_MILES, costPerDistance: 1,
    }],
    unloadAtDepot: false,
    coordinates: { x: rows.map((r) => r.x), y: rows.map((r) => r.y) },
  });
}
