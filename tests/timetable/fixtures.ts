/**
 * The small test town (tests/helpers/scenarios.ts) collected bus-style, with
 * a short solver budget so a timetable is designed in a few seconds.
 */
import type { ScenarioInput } from '../../engine/scenario/schema.ts';
import type { World } from '../../engine/scenario/world.ts';
import { smallScenario, smallWorld } from '../helpers/scenarios.ts';

export function timetableScenario(edit?: (s: ScenarioInput) => void): ScenarioInput {
  return smallScenario((s) => {
    s.collection = { planner: 'timetable', timetable: { solverIterations: 150, demandQuantile: 0.9 } };
    edit?.(s);
  });
}

export function timetableWorld(edit?: (s: ScenarioInput) => void): Promise<World> {
  return smallWorld((s) => {
    s.collection = { planner: 'timetable', timetable: { solverIterations: 150, demandQuantile: 0.9 } };
    edit?.(s);
  });
}

/** The same world with the demand drawn from another seed (the town, built from the scenario's seed, stays). */
export function withDemandSeed(world: World, seed: number): World {
  return { ...world, scenario: { ...world.scenario, seed } };
}
