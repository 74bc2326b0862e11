/**
 * Which limits bind at the optimum and what one more unit of each is worth,
 * and which limits come closest to binding. The prices are HiGHS's row duals:
 * of the LP HiGHS solved, or of the same LP solved once more by HiGHS when
 * javascript-lp-solver gave the allocation (it gives no duals).
 */
import { rowActivity } from './lp.ts';
import { ROW, type FlowLp } from './build.ts';

export interface Binding {
  kind: 'station-intake' | 'station-storage' | 'haul' | 'plant-capacity' | 'plant-pit';
  site: string;
  /** The limit (per day for rates, tonnes for stores). */
  limit: number;
  unit: string;
  /** Days of the horizon on which it binds (0-based). */
  days: number[];
  /** Saving of one more unit of the limit, summed over the days it binds; undefined when not priced. */
  saving?: number;
  text: string;
}

/** A limit that does not bind, with what it has left on its tightest day. */
export interface Headroom {
  kind: 'station-intake' | 'haul' | 'plant-capacity';
  site: string;
  /** Used and limit in the limit's own unit, on the tightest day. */
  used: number;
  limit: number;
  unit: string;
  /** Tonnes a day more it could take; for haul trucks, at the station's present mix of trips. */
  headroomTonnesPerDay: number;
  /** The tightest day (0-based). */
  day: number;
  text: string;
}

/** `spare` only on the limits a planner reads headroom of: per-day rates, not stores. */
const KINDS: Partial<Record<number, { kind: Binding['kind']; unit: string; what: string; more: string; spare?: string }>> = {
  [ROW.stationCapacity]: { kind: 'station-intake', unit: 't/day', what: 'intake full', more: 'one more t/day of intake', spare: 'takes in' },
  [ROW.storage]: { kind: 'station-storage', unit: 't', what: 'storage full', more: 'one more tonne of storage' },
  [ROW.haulHours]: { kind: 'haul', unit: 'truck-h/day', what: 'haul trucks busy all day', more: 'one more haul truck-hour a day', spare: 'haul trucks busy' },
  [ROW.plantCapacity]: { kind: 'plant-capacity', unit: 't/day', what: 'treating at capacity', more: 'one more t/day of treatment', spare: 'treats' },
  [ROW.pitCapacity]: { kind: 'plant-pit', unit: 't', what: 'pit full', more: 'one more tonne of pit' },
};

/** How many of the limits closest to binding are told. */
export const CLOSEST_LIMITS = 5;

interface LimitRow { i: number; kind: number; a: number; key: string; hi: number; binds: boolean }

/** Row activity at x and the limit rows marked at it: computed once, read by `bindingConstraints` and `closestLimits`. */
export interface LimitsAt { act: Float64Array; rows: LimitRow[] }

export function limitsAt(f: FlowLp, x: ArrayLike<number>): LimitsAt {
  const act = rowActivity(f.lp, x);
  return { act, rows: limitRows(f, act) };
}

/** The rows of the limits the planner reads (positive, finite upper bounds), each marked binding or not at x. */
function limitRows(f: FlowLp, act: Float64Array): LimitRow[] {
  const { lp, rows } = f;
  const out: LimitRow[] = [];
  for (let i = 0; i < lp.numRows; i++) {
    const k = rows.kind[i];
    if (!KINDS[k]) continue;
    const hi = lp.rowUpper[i];
    if (!(hi > 0) || hi === Infinity) continue;
    out.push({ i, kind: k, a: rows.a[i], key: `${k}|${rows.a[i]}`, hi, binds: act[i] >= hi - 1e-6 * Math.max(1, hi) });
  }
  return out;
}

const siteOf = (f: FlowLp, kind: number, a: number) =>
  kind === ROW.plantCapacity || kind === ROW.pitCapacity ? f.model.plants[a] : f.model.stations[a];

/**
 * The limits that bind at x, priced by `duals` (d objective / d row bound, as
 * HiGHS gives them); unpriced when there are none.
 */
export function bindingConstraints(f: FlowLp, x: ArrayLike<number>, opts: { duals?: Float64Array; currency: string }, at = limitsAt(f, x)): Binding[] {
  const { lp, rows, days: D } = f;
  const groups = new Map<string, { rows: number[]; kind: number; a: number }>();
  for (const r of at.rows) {
    if (!r.binds) continue;
    let g = groups.get(r.key);
    if (!g) groups.set(r.key, (g = { rows: [], kind: r.kind, a: r.a }));
    g.rows.push(r.i);
  }
  const duals = opts.duals;
  const out: Binding[] = [];
  for (const g of groups.values()) {
    const spec = KINDS[g.kind]!;
    const site = siteOf(f, g.kind, g.a);
    let saving = duals ? g.rows.reduce((a, i) => a - duals[i], 0) : undefined;
    if (saving !== undefined && Math.abs(saving) < 1e-9) saving = 0;
    const limit = lp.rowUpper[g.rows[0]];
    const days = g.rows.map((i) => rows.d[i]);
    const name = site.name ?? site.id;
    const when = D > 1 ? ` on ${days.length} of ${D} days` : '';
    const worth = saving === undefined ? 'not priced' : saving === 0 ? `${spec.more} would save nothing (other routes absorb it at the same cost)`
      : `${spec.more} saves ${opts.currency}${fmt(saving)}${D > 1 ? ' over the horizon' : ' a day'}`;
    out.push({ kind: spec.kind, site: site.id, limit, unit: spec.unit, days, saving, text: `${name}: ${spec.what} (${fmt(limit)} ${spec.unit})${when}; ${worth}` });
  }
  out.sort((a, b) => (b.saving ?? -1) - (a.saving ?? -1) || a.site.localeCompare(b.site));
  return out;
}

/**
 * The `n` station intakes, haul fleets and plant capacities with the least
 * headroom in t/day among those that do not bind at x, least first. A limit
 * over several days counts on its tightest day. A haul fleet's spare
 * truck-hours are turned into tonnes at its present hours per tonne; an idle
 * fleet has no such rate and is left out.
 */
export function closestLimits(f: FlowLp, x: ArrayLike<number>, n = CLOSEST_LIMITS, at = limitsAt(f, x)): Headroom[] {
  const { lp, rows, days: D } = f;
  const { act, rows: all } = at;
  const binds = new Set(all.filter((r) => r.binds).map((r) => r.key));
  // Tonnes through each row: every column is tonnes, so the sum of x over the columns it touches.
  const tonnes = new Float64Array(lp.numRows);
  for (let j = 0; j < lp.numCols; j++) {
    if (x[j] === 0) continue;
    for (let k = lp.starts[j]; k < lp.starts[j + 1]; k++) tonnes[lp.indices[k]] += x[j];
  }
  const best = new Map<string, Headroom>();
  for (const r of all) {
    const spec = KINDS[r.kind]!;
    if (!spec.spare || binds.has(r.key)) continue;
    const used = tidy(Math.max(0, act[r.i]));
    const spare = tidy(r.hi - used);
    const perTonne = r.kind === ROW.haulHours ? (tonnes[r.i] > 0 ? used / tonnes[r.i] : 0) : 1;
    if (!(perTonne > 0)) continue;
    const t = tidy(spare / perTonne);
    const prev = best.get(r.key);
    if (prev && prev.headroomTonnesPerDay <= t) continue;
    const site = siteOf(f, r.kind, r.a);
    const day = rows.d[r.i];
    const when = D > 1 ? ` on day ${day + 1} of ${D}, its tightest` : '';
    const room = r.kind === ROW.haulHours
      ? `${fmt(spare)} truck-h/day to spare, about ${fmt(t)} t/day more at its present trips`
      : `${fmt(t)} t/day to spare`;
    best.set(r.key, {
      kind: spec.kind as Headroom['kind'], site: site.id, used, limit: r.hi, unit: spec.unit, headroomTonnesPerDay: t, day,
      text: `${site.name ?? site.id}: ${spec.spare} ${fmt(used)} of ${fmt(r.hi)} ${spec.unit}${when}; ${room}`,
    });
  }
  return [...best.values()].sort((a, b) => a.headroomTonnesPerDay - b.headroomTonnesPerDay || a.site.localeCompare(b.site) || a.kind.localeCompare(b.kind)).slice(0, n);
}

/** Rounding noise of the solvers off (to a gram or a second). */
const tidy = (v: number) => Math.round(v * 1e6) / 1e6;

export function fmt(v: number): string {
  const a = Math.abs(v);
  return a >= 100 ? Math.round(v).toLocaleString('en-US') : a >= 1 ? v.toFixed(1) : v.toFixed(2);
}
