/**
 * Rules that relate fields of a scenario to each other. Each returns problems
 * rather than throwing, so a file with several mistakes is reported whole.
 */
import type { Problem } from '../errors.ts';
import type { Scenario } from './schema.ts';

export function crossChecks(s: Scenario): Problem[] {
  const problems: Problem[] = [];
  const streams = new Set(s.streams.map((x) => x.id));
  const add = (path: string, message: string) => problems.push({ path, message });
  const knownStreams = (list: readonly string[], path: string) =>
    list.forEach((id, i) => { if (!streams.has(id)) add(`${path}[${i}]`, `unknown stream "${id}" (streams are: ${[...streams].join(', ')})`); });

  uniqueIds(s.streams, 'streams', add);
  uniqueIds(s.depots, 'depots', add);
  uniqueIds([...s.transferStations, ...s.plants, ...s.depots], 'sites', add);
  uniqueIds(s.fleet, 'fleet', add);

  const shareSum = Object.values(s.generation.shares).reduce((a, b) => a + b, 0);
  for (const key of Object.keys(s.generation.shares)) {
    if (!streams.has(key)) add(`generation.shares.${key}`, `unknown stream "${key}"`);
  }
  if (Math.abs(shareSum - 1) > 1e-6) add('generation.shares', `must sum to 1 (they sum to ${round(shareSum)})`);

  if ('generate' in s.collectionPoints) {
    checkBinStreams(s.collectionPoints.generate.binCapacityKg, 'collectionPoints.generate.binCapacityKg', streams, add);
  } else {
    uniqueIds(s.collectionPoints.list, 'collectionPoints.list', add);
    s.collectionPoints.list.forEach((p, i) => {
      checkBinStreams(p.binCapacityKg, `collectionPoints.list[${i}].binCapacityKg`, streams, add);
      if (p.streams) knownStreams(p.streams, `collectionPoints.list[${i}].streams`);
    });
  }

  s.transferStations.forEach((t, i) => {
    knownStreams(t.streams, `transferStations[${i}].streams`);
    if (minutes(t.close) <= minutes(t.open)) add(`transferStations[${i}].close`, `must be after open (${t.open})`);
  });
  s.plants.forEach((p, i) => {
    if (p.streams.length === 0) add(`plants[${i}].streams`, `this ${p.type} plant accepts no stream, so it can treat nothing`);
    knownStreams(p.streams, `plants[${i}].streams`);
    if (p.type === 'recycling' && p.recoveryRate === undefined) add(`plants[${i}].recoveryRate`, 'required for a recycling plant');
    p.lineOutages.forEach((o, j) => {
      if (o.capacityLostTonnesPerDay > p.capacityTonnesPerDay) add(`plants[${i}].lineOutages[${j}].capacityLostTonnesPerDay`, `more than the plant's ${p.capacityTonnesPerDay} t/day`);
    });
  });
  for (const key of Object.keys(s.collection.visitThresholdByStream)) {
    if (!streams.has(key)) add(`collection.visitThresholdByStream.${key}`, `unknown stream "${key}"`);
  }
  const depots = new Set(s.depots.map((d) => d.id));
  s.fleet.forEach((f, i) => {
    knownStreams(f.streams, `fleet[${i}].streams`);
    if (!depots.has(f.depot)) add(`fleet[${i}].depot`, `unknown depot "${f.depot}"`);
  });

  // Every stream that is generated must have a truck, a station and a plant.
  for (const [stream, share] of Object.entries(s.generation.shares)) {
    if (share === 0 || !streams.has(stream)) continue;
    if (!s.fleet.some((f) => f.count > 0 && f.streams.includes(stream))) add(`generation.shares.${stream}`, `no truck in the fleet collects stream "${stream}"`);
    if (!s.transferStations.some((t) => t.streams.includes(stream))) add(`generation.shares.${stream}`, `no transfer station accepts stream "${stream}"`);
    if (!s.plants.some((p) => p.streams.includes(stream))) add(`generation.shares.${stream}`, `no plant accepts stream "${stream}"`);
  }
  return problems;
}

function checkBinStreams(bins: Record<string, number>, path: string, streams: Set<string>, add: (p: string, m: string) => void): void {
  for (const key of Object.keys(bins)) if (!streams.has(key)) add(`${path}.${key}`, `unknown stream "${key}"`);
}

function uniqueIds(items: readonly { id: string }[], path: string, add: (p: string, m: string) => void): void {
  const seen = new Set<string>();
  for (const it of items) {
    if (seen.has(it.id)) add(path, `duplicate id "${it.id}"`);
    seen.add(it.id);
  }
}

/** Minutes since midnight of an HH:MM clock. */
export function minutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h * 60 + m;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
