/**
 * Which limits bind at the optimum, and what one more unit of each is worth.
 * HiGHS gives the row duals directly. javascript-lp-solver gives none, so
 * when only a few limits bind each is loosened by one unit and the LP solved
 * again (the saving is the difference in cost); when many bind, HiGHS solves
 * the LP once more for its duals.
 */
import { loadHighs, solveWithHighs, solveWithJsl, type LpResult } from './backends.ts';
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
  /** Saving of one more unit of the limit, summed over the days it binds; undefined when not measured. */
  saving?: number;
  text: string;
}

const KINDS: Partial<Record<number, { kind: Binding['kind']; unit: string; what: string; more: string }>> = {
  [ROW.stationCapacity]: { kind: 'station-intake', unit: 't/day', what: 'intake full', more: 'one more t/day of intake' },
  [ROW.storage]: { kind: 'station-storage', unit: 't', what: 'storage full', more: 'one more tonne of storage' },
  [ROW.haulHours]: { kind: 'haul', unit: 'truck-h/day', what: 'haul trucks busy all day', more: 'one more haul truck-hour a day' },
  [ROW.plantCapacity]: { kind: 'plant-capacity', unit: 't/day', what: 'treating at capacity', more: 'one more t/day of treatment' },
  [ROW.pitCapacity]: { kind: 'plant-pit', unit: 't', what: 'pit full', more: 'one more tonne of pit' },
};

/** Up to this many binding rows are priced by javascript-lp-solver re-solves; past it, by HiGHS duals. */
export const MAX_RESOLVES = 5;

export async function bindingConstraints(f: FlowLp, res: LpResult, opts: { shadowPrices: boolean; currency: string }): Promise<Binding[]> {
  const { lp, rows, model: m, days: D } = f;
  const act = rowActivity(lp, res.x);
  const groups = new Map<string, { rows: number[]; kind: number; a: number }>();
  for (let i = 0; i < lp.numRows; i++) {
    const k = rows.kind[i];
    if (!KINDS[k]) continue;
    const hi = lp.rowUpper[i];
    if (!(hi > 0) || hi === Infinity) continue;
    if (act[i] < hi - 1e-6 * Math.max(1, hi)) continue;
    const key = `${k}|${rows.a[i]}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { rows: [], kind: k, a: rows.a[i] }));
    g.rows.push(i);
  }
  const totalRows = [...groups.values()].reduce((a, g) => a + g.rows.length, 0);
  // Many limits to price: one HiGHS solve gives every dual at once, where re-solving each would take seconds.
  let duals = res.rowDual;
  if (!duals && opts.shadowPrices && totalRows > MAX_RESOLVES) {
    const h = solveWithHighs(await loadHighs(), lp);
    if (h.status === 'optimal') duals = h.rowDual;
  }
  const price = async (i: number): Promise<number | undefined> => {
    if (duals) return -duals[i];
    if (!opts.shadowPrices) return undefined;
    const upper = lp.rowUpper.slice();
    upper[i] += 1;
    const r = solveWithJsl({ ...lp, rowUpper: upper });
    return r.status === 'optimal' ? res.objective - r.objective : undefined;
  };
  const out: Binding[] = [];
  for (const g of groups.values()) {
    const spec = KINDS[g.kind]!;
    const site = g.kind === ROW.plantCapacity || g.kind === ROW.pitCapacity ? m.plants[g.a] : m.stations[g.a];
    let saving: number | undefined = 0;
    if (duals || (opts.shadowPrices && totalRows <= MAX_RESOLVES)) {
      for (const i of g.rows) {
        const p = await price(i);
        saving = p === undefined || saving === undefined ? undefined : saving + p;
      }
    } else saving = undefined;
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

export function fmt(v: number): string {
  const a = Math.abs(v);
  return a >= 100 ? Math.round(v).toLocaleString('en-US') : a >= 1 ? v.toFixed(1) : v.toFixed(2);
}
