/**
 * The figures of a run that `compare` lines up, read off report.json by
 * walking `kpis.total`: every number in it becomes a row, named and given a
 * unit by its key (`…Kg` tonnes, `…Rate`/`…Clearance` a share, `km`, `hours`,
 * `…Litres`, `…KWh`), so a KPI added to the report later (an on-time rate,
 * missed stops) shows up in the comparison without a change here. Per-plant
 * tonnes become per plant type, so cities with different plants compare.
 */
import type { ReportJson } from './run.ts';
import { num, percent } from './html/svg.ts';

export type Unit = 'kg' | 'share' | 'km' | 'h' | 'l' | 'kWh' | 'count';

export interface Figure { key: string; label: string; unit: Unit; value: number }

/** What report.json must hold for a run to be compared. */
export type ComparableReport = Pick<ReportJson, 'scenario' | 'seed' | 'days' | 'targets'> & {
  kpis: { total: Record<string, unknown>; days: ReportJson['kpis']['days'] };
  sites?: { plants?: { id: string; type: string }[] };
};

const LABELS: Record<string, string> = {
  days: 'days', generatedKg: 'generated', collectedKg: 'collected', sameDayClearance: 'same-day clearance', overflowEvents: 'overflow events',
  recoveredKg: 'recovered at recycling', biologicalKg: 'treated biologically', recyclingRate: 'recycling rate', landfilledKg: 'landfilled',
  km: 'km', hours: 'hours', loads: 'loads', dieselLitres: 'diesel', electricKWh: 'electricity', co2Kg: 'CO₂', cost: 'cost',
  overtimeHours: 'overtime', extraUnloads: 'extra unloads', collection: 'collection trucks', haul: 'haul trucks',
  generatedKgByStream: 'generated', treatedKgByStream: 'treated, stream', treatedKgByPlantType: 'treated at',
};

export function unitOf(key: string): Unit {
  const parts = key.split('.');
  const last = parts[parts.length - 1];
  if (/Kg$/.test(last) || parts.slice(0, -1).some((p) => /KgBy/.test(p))) return 'kg';
  if (/(Rate|Clearance|Share)$/.test(last)) return 'share';
  if (/^km$|Km$/.test(last)) return 'km';
  if (/^hours$|Hours$/.test(last)) return 'h';
  if (/Litres$/.test(last)) return 'l';
  if (/KWh$/.test(last)) return 'kWh';
  return 'count';
}

const UNIT_TEXT: Record<Unit, string> = { kg: 't', share: '%', km: 'km', h: 'h', l: 'l', kWh: 'kWh', count: '' };

/** "collection.co2Kg" → "collection trucks: CO₂ (t)"; an unknown "onTimeRate" → "on time rate (%)". */
export function labelOf(key: string): string {
  const human = (k: string) => LABELS[k] ?? k.replace(/(Kg|Km|Litres|KWh)$/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  const parts = key.split('.');
  const name = parts.length === 1 ? human(parts[0]) : parts.length === 2 && /By/.test(parts[0]) ? `${human(parts[0])} ${parts[1]}` : `${parts.slice(0, -1).map(human).join(' ')}: ${human(parts[parts.length - 1])}`;
  // Shares carry their % sign in every cell; a bare "km" needs no "(km)".
  const unit = unitOf(key) === 'share' ? '' : UNIT_TEXT[unitOf(key)];
  return unit && name !== unit && !name.endsWith(` ${unit}`) ? `${name} (${unit})` : name;
}

export function formatValue(unit: Unit, v: number): string {
  switch (unit) {
    case 'kg': return num(v / 1000, Math.abs(v) >= 100_000 ? 0 : 1);
    case 'share': return percent(v);
    case 'count': return num(v, Number.isInteger(v) ? 0 : 1);
    default: return num(v, Math.abs(v) >= 100 ? 0 : 1);
  }
}

/** The figures of one run, in the order report.json holds them. */
export function figures(report: ComparableReport): Figure[] {
  const out: Figure[] = [];
  const typeOf = new Map((report.sites?.plants ?? []).map((p) => [p.id, p.type]));
  const walk = (obj: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(obj)) {
      if (k === 'treatedKgByPlant' && prefix === '' && typeOf.size > 0 && v && typeof v === 'object') {
        const byType: Record<string, number> = {};
        for (const [id, kg] of Object.entries(v as Record<string, number>)) {
          const type = typeOf.get(id) ?? id;
          byType[type] = (byType[type] ?? 0) + kg;
        }
        walk({ treatedKgByPlantType: byType }, '');
        continue;
      }
      const key = prefix + k;
      if (typeof v === 'number' && Number.isFinite(v)) out.push({ key, label: labelOf(key), unit: unitOf(key), value: v });
      else if (v && typeof v === 'object' && !Array.isArray(v)) walk(v as Record<string, unknown>, `${key}.`);
    }
  };
  walk(report.kpis.total, '');
  return out;
}

/** Keys of several runs merged in order: a key one run lacks goes after the key it follows where it appears. */
export function mergeKeys(lists: string[][]): string[] {
  const out: string[] = [];
  for (const list of lists) {
    let at = -1;
    for (const key of list) {
      const i = out.indexOf(key);
      if (i >= 0) { at = i; continue; }
      out.splice(at + 1, 0, key);
      at++;
    }
  }
  return out;
}
