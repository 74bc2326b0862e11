import { describe, expect, it } from 'vitest';
import { smallWorld } from '../helpers/scenarios.ts';
import { runWorld } from '../../engine/report/run.ts';
import { simulate } from '../../engine/sim/simulate.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const outDir = () => join(mkdtempSync(join(tmpdir(), 'wastetwin-run-')), 'run');

describe('treatment capacity and landfill', () => {
  it('too little incineration: the pit fills, the rest is landfilled and zero landfill is not met', async () => {
    const world = await smallWorld((s) => {
      s.days = 4;
      s.plants[0].capacityTonnesPerDay = 2;
      s.plants[0].pitTonnes = 5;
    });
    const run = runWorld(world, outDir());
    const landfilled = run.kpis.total.landfilledKg;
    expect(landfilled).toBeGreaterThan(0);
    const zero = run.targets.find((t) => t.name === 'zero landfill')!;
    expect(zero.met).toBe(false);
    expect(zero.actual).toBeGreaterThan(0);
    // Every landfilled kg has a manifest row sending it to the landfill site.
    const rows = simulate(world).days.flatMap((d) => d.manifests).filter((m) => m.kind === 'divert');
    expect(rows.reduce((a, m) => a + m.kg, 0)).toBeCloseTo(landfilled, 0);
    expect(rows.every((m) => m.plant === 'LF')).toBe(true);
  });

  it('enough incineration: landfill stays at zero and the target is met', async () => {
    const world = await smallWorld((s) => { s.days = 4; });
    const run = runWorld(world, outDir());
    expect(run.kpis.total.landfilledKg).toBe(0);
    expect(run.targets.find((t) => t.name === 'zero landfill')!.met).toBe(true);
  });

  it('an incinerator outage sends waste to the pit first, then to landfill once the pit is full', async () => {
    const world = await smallWorld((s) => {
      s.days = 4;
      s.plants[0].outageDays = [1, 2, 3];
      s.plants[0].pitTonnes = 12;
    });
    const run = simulate(world);
    const inc = world.plants.findIndex((p) => p.id === 'INC');
    expect(run.days[1].plantTreatedKg[inc]).toBe(0);
    expect(run.days[1].plantPeakPitKg[inc]).toBeGreaterThan(run.days[0].plantPeakPitKg[inc]);
    expect(run.days.at(-1)!.tally.landfilledKg).toBeGreaterThan(0);
  });
});

describe('fleet size and same-day clearance', () => {
  it('too few trucks: bins are left, overflow is counted, and the waste waits for the next day', async () => {
    const world = await smallWorld((s) => {
      s.days = 3;
      s.collectionPoints = { generate: { count: 150, totalPopulation: 60000, binCapacityKg: { residual: 600, food: 300 } } };
      s.fleet[0].count = 1;
      s.fleet[0].shiftHours = 3;
    });
    const run = simulate(world);
    for (const d of run.days) expect(d.servedBins).toBeLessThan(d.dueBins);
    expect(run.days.some((d) => d.overflowEvents > 0)).toBe(true);
    // What is left at midnight is still there the next day, and piles up: nothing is lost.
    expect(run.days[0].leftInBinsKg).toBeGreaterThan(0);
    expect(run.days[2].leftInBinsKg).toBeGreaterThan(run.days[0].leftInBinsKg);
    expect(run.maxAbsErrorKg).toBeLessThan(1);
  });

  it('enough trucks: every due bin is cleared the same day', async () => {
    const run = simulate(await smallWorld());
    for (const d of run.days) expect(d.servedBins).toBe(d.dueBins);
  });
});
