import { describe, it } from 'vitest';
import { expectSoundCity, runCity } from './city-checks.ts';

describe('Wuhan 2024 (18 transfer stations, ≥ 20,000 t/day of treatment)', { timeout: 600_000 }, () => {
  it('baseline: validates, runs two days, keeps mass balance, tonnage as its sources state', async () => {
    expectSoundCity('wuhan-2024', await runCity('wuhan-2024', 2));
  });

  it('variant wuhan-2024-before-upgrades: the same', async () => {
    expectSoundCity('wuhan-2024-before-upgrades', await runCity('wuhan-2024-before-upgrades', 2));
  });
});
