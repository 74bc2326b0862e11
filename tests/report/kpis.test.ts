import { describe, expect, it } from 'vitest';
import { edits, runSmall } from './run-fixtures.ts';

describe('per-day plant capacity in report.json', () => {
  it('is the full capacity on ordinary days, less the lost line during a line outage, and zero on a whole-plant outage day', async () => {
    const { report } = await runSmall(edits.lineOutage);
    const inc = report.kpis.days.map((d) => d.plants.find((p) => p.id === 'INC')!.capacityKg);
    expect(inc).toEqual([20_000, 8_000, 8_000, 20_000, 0]);
    // Treatment never exceeds the capacity of the day.
    for (const d of report.kpis.days) for (const p of d.plants) if (p.capacityKg! > 0) expect(p.kg).toBeLessThanOrEqual(p.capacityKg! + 0.1);
    expect(report.kpis.days[4].plants.find((p) => p.id === 'INC')!.kg).toBe(0);
  });
});
