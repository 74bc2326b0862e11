import { describe, it } from 'vitest';
import { expectSoundCity, runCity } from './city-checks.ts';

describe('Suizhou county chain (37 township stations, one incinerator)', { timeout: 600_000 }, () => {
  it('baseline: validates, runs two days, keeps mass balance, tonnage as its sources state', async () => {
    expectSoundCity('suizhou-county', await runCity('suizhou-county', 2));
  });

  it('variant suizhou-county-2030: the same', async () => {
    expectSoundCity('suizhou-county-2030', await runCity('suizhou-county-2030', 2));
  });
});
