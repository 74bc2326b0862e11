/**
 * A hand-drawn OSM XML extract, small enough to check by eye:
 *
 *      1 ──w10 one-way──► 2 ◄──w12 oneway=-1── 3
 *       ╲                 │                  ╱
 *        ╲───w11 (2-4-1)──4 ──w13 (3·9·4, 9 a shape point)
 *                         │
 *                  w15 one-way ▼
 *                         5 ══w16 service══ 6     (no way back: dropped)
 *
 * plus a footway 1–3 (w14) and a private residential road 1–3 (w17), both refused.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const NODES: [number, number, number][] = [
  [1, 7.4000, 43.7300], [2, 7.4010, 43.7300], [3, 7.4020, 43.7300], [4, 7.4010, 43.7290],
  [5, 7.4010, 43.7280], [6, 7.4015, 43.7280], [9, 7.4018, 43.7292],
];
type Way = [number, number[], Record<string, string>];
export const FIXTURE_WAYS: Way[] = [
  [10, [1, 2], { highway: 'residential', oneway: 'yes' }],
  [11, [2, 4, 1], { highway: 'residential' }],
  [12, [2, 3], { highway: 'residential', oneway: '-1' }],
  [13, [3, 9, 4], { highway: 'tertiary', maxspeed: '30' }],
  [14, [1, 3], { highway: 'footway' }],
  [15, [4, 5], { highway: 'residential', oneway: 'yes' }],
  [16, [5, 6], { highway: 'service' }],
  [17, [1, 3], { highway: 'residential', access: 'private' }],
];

export function osmXml(ways: Way[] = FIXTURE_WAYS): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="test">'];
  for (const [id, lon, lat] of NODES) lines.push(`  <node id="${id}" lat="${lat}" lon="${lon}"/>`);
  for (const [id, refs, tags] of ways) {
    lines.push(`  <way id="${id}">`);
    for (const r of refs) lines.push(`    <nd ref="${r}"/>`);
    for (const [k, v] of Object.entries(tags)) lines.push(`    <tag k="${k}" v="${v}"/>`);
    lines.push('  </way>');
  }
  lines.push('</osm>');
  return lines.join('\n') + '\n';
}

/** Write files into a fresh temporary folder; returns their paths. */
export function tempFiles(files: Record<string, string | Buffer>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'wastetwin-osm-'));
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) { out[name] = join(dir, name); writeFileSync(out[name], data); }
  return out;
}

export const gz = (s: string) => gzipSync(Buffer.from(s));
