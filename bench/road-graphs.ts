/**
 * The graphs the road benchmarks run on, and the machine-load line they
 * print: the imported Monaco extract, and a seeded synthetic city of about
 * 250,000 nodes (`--small`: about 10,000, for trying a change quickly).
 */
import { availableParallelism, loadavg } from 'node:os';
import { readNetworkFile } from '../engine/network/network-file.ts';
import { toRoadGraph, type RoadGraph, type RoadModel } from '../engine/network/road-graph.ts';
import { buildSyntheticCity } from '../engine/network/synthetic-city.ts';
import { keepLargestComponent } from '../engine/network/osm/build.ts';

export interface BenchGraph { name: string; model: RoadModel; graph: RoadGraph }

export function monaco(): BenchGraph {
  const { model, origin } = readNetworkFile(new URL('../data/osm/monaco.network.json', import.meta.url).pathname);
  return { name: 'Monaco (OSM)', model, graph: toRoadGraph(model, origin) };
}

export function syntheticCity(small: boolean): BenchGraph {
  const km = small ? 10 : 50;
  const c = buildSyntheticCity({
    kind: 'synthetic', widthKm: km, heightKm: km, blockM: 100, jitter: 0.25, districts: 8, arterialEveryBlocks: 6,
    ringRoad: true, oneWayShare: 0.1, maxSnapM: 500, speedsKmh: { local: 25, collector: 35, arterial: 50, ring: 70, service: 15 },
  }, 1);
  keepLargestComponent(c.model);
  const graph = toRoadGraph(c.model);
  return { name: `synthetic city ${km} × ${km} km`, model: c.model, graph };
}

/** Seeded node picks, the same on every run. */
export function pickNodes(n: number, count: number, seed = 1): number[] {
  let s = seed >>> 0;
  return Array.from({ length: count }, () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s % n; });
}

export function machineLine(): { text: string; busy: boolean } {
  const [l1, l5] = loadavg(), cores = availableParallelism();
  return { text: `load average ${l1.toFixed(2)} (1 min), ${l5.toFixed(2)} (5 min) on ${cores} cores`, busy: l1 > cores };
}

export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
export const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`);
