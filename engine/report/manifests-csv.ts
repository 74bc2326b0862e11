/** The manifest ledger as CSV, one row per load, with clock times for people and seconds for programs. */
import type { Manifest } from '../sim/ledger.ts';

export const MANIFEST_COLUMNS = ['id', 'kind', 'stream', 'kg', 'point', 'truck', 'station', 'plant', 'day', 'start', 'end', 'start_s', 'end_s'];

export function clock(seconds: number): string {
  const inDay = seconds - Math.floor(seconds / 86_400) * 86_400;
  const h = Math.floor(inDay / 3600), m = Math.floor((inDay % 3600) / 60), s = Math.floor(inDay % 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

export function manifestRow(m: Manifest): string {
  return [
    m.id, m.kind, m.stream, (Math.round(m.kg * 10) / 10).toFixed(1), m.point, m.truck, m.station, m.plant,
    Math.floor(m.startS / 86_400), clock(m.startS), clock(m.endS), Math.round(m.startS), Math.round(m.endS),
  ].map(csvField).join(',');
}

export function csvField(v: string | number): string {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
