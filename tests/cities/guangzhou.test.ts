import { describe, expect, it } from 'vitest';
import { expectSoundCity, runCity, target } from './city-checks.ts';

describe('Guangzhou 2025 (megacity: 20,000 points, 1,716 trucks, 60 stations)', { timeout: 600_000 }, () => {
  it('baseline: sound, and meets zero landfill with 30,000 t/day of incineration', async () => {
    const run = await runCity('guangzhou-2025', 3);
    expectSoundCity('guangzhou-2025', run);
    expect(target(run, 'zero landfill').met).toBe(true);
    expect(run.kpis.total.landfilledKg).toBe(0);
  });

  it('two INC-3 lines down: the report says where the lost capacity went (pit, other plants or landfill)', async () => {
    const run = await runCity('guangzhou-2025-line-down', 5);
    expectSoundCity('guangzhou-2025-line-down', run);
    const outage = run.report.outages.find((o) => o.plant === 'INC-3' && o.kind === 'line');
    expect(outage).toBeDefined();
    expect(outage!.startDay).toBe(2);
    expect(outage!.capacityLostTonnes).toBe(2250 * 3);
    expect(outage!.shortfallTonnes).toBeGreaterThan(0);
    expect(['pit', 'other plants', 'landfill']).toContain(outage!.absorbedBy);
    // The parts add up to the shortfall, and landfill is named only when it happened.
    expect(outage!.pitTonnes + outage!.otherPlantsTonnes + outage!.landfilledTonnes).toBeGreaterThanOrEqual(outage!.shortfallTonnes - 0.2);
    expect(outage!.absorbedBy === 'landfill').toBe(outage!.landfilledTonnes > 0);
    expect(run.reportMd).toContain(outage!.note);
  });
});
