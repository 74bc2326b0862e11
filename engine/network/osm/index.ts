/**
 * Load a road network from a file: an OpenStreetMap extract (`.osm.pbf`,
 * `.osm`, `.osm.gz`, recognised by content, not name) or a network written by
 * `wastetwin import-osm`. Every problem with the file is an InputError naming it.
 */
import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { InputError } from '../../errors.ts';
import type { RoadModel } from '../road-graph.ts';
import type { LonLat } from '../projection.ts';
import { readNetworkFile } from '../network-file.ts';
import { OsmCollector, type ImportReport } from './build.ts';
import { readPbf } from './read-pbf.ts';
import { readXml } from './read-xml.ts';
import { DEFAULT_SPEEDS_KMH, speedKmh } from './tags.ts';

export { DEFAULT_SPEEDS_KMH } from './tags.ts';
export type { ImportReport } from './build.ts';

export interface LoadOptions {
  /** Truck speed per OSM `highway` value, km/h, over the defaults. */
  speedsKmh?: Record<string, number>;
  /** Field path of the speeds in the scenario, for error messages. */
  speedsPath?: string;
}
export interface LoadedRoads { model: RoadModel; origin: LonLat; report: ImportReport }

export type FileKind = 'pbf' | 'xml' | 'xml.gz' | 'network';

/** What a file holds, from its first bytes. */
export function sniff(file: string): FileKind {
  let size: number;
  try { size = statSync(file).size; } catch { throw InputError.one(file, 'no such file'); }
  if (size === 0) throw InputError.one(file, 'the file is empty');
  const head = Buffer.alloc(64);
  const fd = openSync(file, 'r');
  const got = readSync(fd, head, 0, 64, 0);
  closeSync(fd);
  const bytes = head.subarray(0, got);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'xml.gz';
  if (bytes.includes('OSMHeader')) return 'pbf';
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('<')) return 'xml';
  if (text.startsWith('{')) return 'network';
  throw InputError.one(file, 'not an OpenStreetMap extract (.osm.pbf, .osm, .osm.gz) nor an imported network');
}

export function mergedSpeeds(o: LoadOptions): Record<string, number> {
  const unknown = Object.keys(o.speedsKmh ?? {}).filter((k) => !(k in DEFAULT_SPEEDS_KMH));
  if (unknown.length > 0) {
    throw new InputError(unknown.map((k) => ({ path: `${o.speedsPath ?? 'speedsKmh'}.${k}`, message: `not a drivable highway class (one of ${Object.keys(DEFAULT_SPEEDS_KMH).join(', ')})` })));
  }
  return { ...DEFAULT_SPEEDS_KMH, ...o.speedsKmh };
}

export async function loadRoadFile(file: string, o: LoadOptions = {}): Promise<LoadedRoads> {
  const speeds = mergedSpeeds(o);
  const kind = sniff(file);
  if (kind === 'network') return readNetworkFile(file, o.speedsKmh ? (hw, max) => speedKmh(hw, max, speeds) : undefined);
  const sink = new OsmCollector(speeds);
  try {
    if (kind === 'pbf') await readPbf(file, sink);
    else await readXml(file, kind === 'xml.gz', sink);
  } catch (err) {
    if (err instanceof InputError) throw err;
    const what = kind === 'pbf' ? 'corrupt or truncated .osm.pbf' : kind === 'xml.gz' ? 'corrupt or truncated .osm.gz' : 'malformed OSM XML';
    throw InputError.one(file, `${what}: ${(err as Error).message.split('\n')[0]}`);
  }
  return sink.build(file);
}
