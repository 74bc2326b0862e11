import { describe, expect, it } from 'vitest';
import { expectSoundCity, runCity, target } from './city-checks.ts';

describe('Wuhan 2024 (18 transfer stations, ≥ 20,000 t/day of treatment)', { timeout: 600_000 }, () => {
  it('after the 18 station upgrades: sound, and no station runs over its capacity', async () => {
    const run = await runCity('wuhan-2024', 2);
    expectSoundCity('wuhan-2024', run);
    expect(target(run, 'station load').met).toBe(true);
  });

  it('before the upgrades: sound, and the report names the first station to saturate', async () => {
    const run = await runCity('wuhan-2024-before-upgrades', 2);
    expectSoundCity('wuhan-2024-before-upgrades', run);
    const load = target(run, 'station load');
    expect(load.met).toBe(false);
    expect(load.note).toMatch(/^first over: TS-\S+ on day 0/);
  });
});
