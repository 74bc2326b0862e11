import { describe, expect, it } from 'vitest';
import { smallWorld } from '../helpers/scenarios.ts';
import { listVehicles, simulate } from '../../engine/sim/simulate.ts';
import { expandFleet } from '../../engine/sim/fleet.ts';
import { edits, runSmall } from '../report/run-fixtures.ts';
import type { TraceLeg } from '../../engine/sim/trace.ts';
import type { World } from '../../engine/scenario/world.ts';
import { plantBays } from '../../engine/sim/plant.ts';

/**
 * The small town with many small haul trucks, so that every collection
 * truck's tip at the station sends several haul loads to the incinerator at
 * once; the incinerator has `bays` bays and `tipMinutes` per truck.
 */
function crowdedPlant(bays: number, tipMinutes?: number, unloadMinutes?: number) {
  return smallWorld((s) => {
    s.transferStations[0].haul = { trucks: 8, capacityTonnes: 2, ...(unloadMinutes !== undefined ? { unloadMinutes } : {}) };
    s.plants[0].bays = bays;
    if (tipMinutes !== undefined) s.plants[0].tipMinutes = tipMinutes;
    s.plants[0].pitTonnes = 200;
  });
}

/** Simulate, keeping every haul truck's legs at the incinerator. */
function runWithLegs(world: World) {
  const vehicles = listVehicles(world, expandFleet(world));
  const legs = new Map<string, TraceLeg[]>();
  const trace = { leg: (v: number, l: TraceLeg) => { if (vehicles[v].kind === 'haul') legs.set(vehicles[v].id, [...(legs.get(vehicles[v].id) ?? []), l]); } };
  const run = simulate(world, { trace });
  const atInc = [...legs.values()].flat().filter((l) => (l.kind === 'queue' || l.kind === 'unload') && l.site === 'INC');
  const hauls = run.days.flatMap((d) => d.manifests).filter((m) => m.kind === 'haul' && m.plant === 'INC');
  /** Each queue at INC with the unload leg that follows it. */
  const queued = [...legs.values()].flatMap((ls) => ls.flatMap((l, i) => (l.kind === 'queue' && l.site === 'INC' ? [{ queue: l, next: ls[i + 1] }] : [])));
  return { run, atInc, hauls, queued };
}

const TIP_S = 60 * 60;

describe('tipping bays at a plant', () => {
  it('without bays a plant has one per 300 t/day of capacity, at least 4; a stated number wins', async () => {
    const world = await smallWorld((s) => {
      s.plants[0].capacityTonnesPerDay = 4500;
      s.plants[1].capacityTonnesPerDay = 150;
      s.plants[2].capacityTonnesPerDay = 5000;
      s.plants[2].bays = 2;
    });
    expect(world.plants.map((p) => plantBays(p.spec))).toEqual([15, 4, 2]);
    const run = simulate(world, { days: 1 });
    // A 4500 t/day incinerator's 15 bays are held a share of 15 × 24 h.
    expect(run.days[0].plantBayUtilisation[0]).toBeGreaterThan(0);
    expect(run.days[0].plantBayUtilisation[0]).toBeLessThan(0.2);
  });

  it('with one bay and an hour a truck, haul trucks arriving together queue and their loads enter the pit an hour apart', async () => {
    const world = await crowdedPlant(1, 60);
    const inc = world.plants.findIndex((p) => p.id === 'INC');
    const { run, atInc, hauls, queued } = runWithLegs(world);
    expect(Math.max(...run.days.map((d) => d.plantPeakQueue[inc]))).toBeGreaterThan(0);
    const queues = atInc.filter((l) => l.kind === 'queue');
    expect(queues.length).toBeGreaterThan(0);
    for (const l of atInc) if (l.kind === 'unload') expect(l.t1 - l.t0).toBe(TIP_S);
    // One bay: tipping ends (= pit entries) are at least the tipping time apart.
    const ends = hauls.map((m) => m.endS).sort((a, b) => a - b);
    expect(ends.length).toBeGreaterThan(3);
    for (let i = 1; i < ends.length; i++) expect(ends[i] - ends[i - 1]).toBeGreaterThanOrEqual(TIP_S);
    // A queued truck tips when its wait ends; its load enters the pit (manifest end) the tipping time after that.
    for (const { queue, next } of queued) {
      expect(queue.t1).toBeGreaterThan(queue.t0);
      expect(next.kind).toBe('unload');
      if (next.kind !== 'unload') continue;
      expect(next.t0).toBe(queue.t1);
      expect(hauls.find((m) => m.id === next.manifests[0])!.endS).toBe(queue.t1 + TIP_S);
    }
    // The bay's hours: every finished tip, plus at most the one still tipping at the end.
    const heldS = run.days.reduce((a, d) => a + d.plantBayUtilisation[inc] * 86_400, 0);
    expect(heldS).toBeGreaterThanOrEqual(hauls.length * TIP_S - 1e-6);
    expect(heldS).toBeLessThanOrEqual((hauls.length + 1) * TIP_S + 1e-6);
    expect(run.maxAbsErrorKg).toBeLessThan(1);
  });

  it('loads still queued or tipping at a plant at midnight are counted on the road: the mass balance holds', async () => {
    const { run, atInc } = runWithLegs(await crowdedPlant(1, 240));
    const spansMidnight = (l: TraceLeg) => l.kind !== 'drive' && l.kind !== 'serve' && Math.floor(l.t0 / 86_400) < Math.floor(l.t1 / 86_400);
    expect(atInc.some(spansMidnight)).toBe(true);
    expect(run.maxAbsErrorKg).toBeLessThan(1);
  });

  it('with as many bays as haul trucks nobody queues, and each load enters the pit the tipping time after arrival', async () => {
    const world = await crowdedPlant(8, 60);
    const inc = world.plants.findIndex((p) => p.id === 'INC');
    const { run, atInc, hauls } = runWithLegs(world);
    expect(run.days.map((d) => d.plantPeakQueue[inc])).toEqual(run.days.map(() => 0));
    expect(atInc.filter((l) => l.kind === 'queue')).toEqual([]);
    const unloads = atInc.filter((l) => l.kind === 'unload');
    expect(unloads.length).toBeGreaterThan(3);
    for (const l of unloads) expect(l.t1 - l.t0).toBe(TIP_S);
    const endOf = new Map(unloads.flatMap((l) => (l.kind === 'unload' ? [[l.manifests[0], l.t1] as const] : [])));
    for (const m of hauls) expect(m.endS).toBe(endOf.get(m.id));
  });

  it('without tipMinutes a truck holds the bay for its own unloading time (15 minutes by default)', async () => {
    const { atInc } = runWithLegs(await crowdedPlant(8));
    const unloads = atInc.filter((l) => l.kind === 'unload');
    expect(unloads.length).toBeGreaterThan(0);
    for (const l of unloads) if (l.kind === 'unload') expect(l.t1 - l.t0).toBe(15 * 60);
    // Not a fixed 15 minutes: the haul fleet's own unloadMinutes.
    const own = runWithLegs(await crowdedPlant(8, undefined, 25)).atInc.filter((l) => l.kind === 'unload');
    expect(own.length).toBeGreaterThan(0);
    for (const l of own) if (l.kind === 'unload') expect(l.t1 - l.t0).toBe(25 * 60);
  });

  it('report.json gives each plant its peak queue and bay utilisation per day', async () => {
    const { report } = await runSmall(edits.crowdedPlant);
    const inc = report.kpis.days.map((d) => d.plants.find((p) => p.id === 'INC')!);
    expect(Math.max(...inc.map((p) => p.peakQueue!))).toBeGreaterThan(0);
    for (const p of inc) expect(p.bayUtilisation).toBeGreaterThan(0);
    for (const d of report.kpis.days) for (const p of d.plants) expect(p).toHaveProperty('peakQueue');
  });
});
