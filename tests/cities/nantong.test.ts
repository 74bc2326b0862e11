import { describe, it } from 'vitest';
import { expectSoundCity, runCity } from './city-checks.ts';

describe('Nantong 2021 (510 t/day of kitchen-waste treatment)', { timeout: 600_000 }, () => {
  it('baseline: validates, runs two days, keeps mass balance, tonnage as its sources state', async () => {
    expectSoundCity('nantong-2021', await runCity('nantong-2021', 2));
  });

  it('variant nantong-2021-more-kitchen-sorting: the same', async () => {
    expectSoundCity('nantong-2021-more-kitchen-sorting', await runCity('nantong-2021-more-kitchen-sorting', 2));
  });
});
