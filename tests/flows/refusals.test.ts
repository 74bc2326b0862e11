import { describe, expect, it } from 'vitest';
import { InputError } from '../../engine/errors.ts';
import { solveFlows } from '../../engine/optimise/flows/solve.ts';
import { twoPlants } from './small-models.ts';

async function problems(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).problems.map((q) => `${q.path}: ${q.message}`);
  }
  throw new Error('expected a refusal');
}

describe('refusals', () => {
  it('a stream that no plant accepts, with landfill forbidden', async () => {
    const m = twoPlants({ landfill: false });
    m.streams.push({ id: 'hazardous' });
    m.catchments[0].tonnesPerDay.push(1);
    m.catchments[1].tonnesPerDay.push(0);
    m.stations[0].streams.push(1);
    expect(await problems(solveFlows(m))).toContain('streams[1]: stream hazardous: no plant accepts it and landfill is forbidden');
  });

  it('a negative capacity', async () => {
    const m = twoPlants({ p2: -5 });
    expect(await problems(solveFlows(m))).toContain('plants[1].capacityTonnesPerDay: must be ≥ 0 (got -5)');
  });

  it('too little plant capacity with landfill forbidden names the stream and the shortfall', async () => {
    const m = twoPlants({ p1: 60, p2: 40, landfill: false });
    expect(await problems(solveFlows(m, { solver: 'highs' }))).toContain('streams[0]: stream residual: 150 t/day to treat but the plants that accept it hold 100 t/day, and landfill is forbidden');
  });

  it('a distance table of the wrong shape', async () => {
    const m = twoPlants();
    m.stationPlantKm = [[10]];
    expect(await problems(solveFlows(m))).toContain('stationPlantKm: must be 1 × 2');
  });
});
