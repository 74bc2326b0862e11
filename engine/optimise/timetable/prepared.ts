/**
 * A timetable designed for a world before its run. The simulation is
 * synchronous and the routing solver is not, so a run whose scenario says
 * `collection.planner: "timetable"` designs its timetable when the world is
 * loaded (engine/report/run.ts loadWorld) and the simulation picks it up here.
 */
import type { World } from '../../scenario/world.ts';
import type { Timetable } from './types.ts';

const prepared = new WeakMap<World, Timetable>();

export function attachTimetable(world: World, tt: Timetable): void {
  prepared.set(world, tt);
}

export function attachedTimetable(world: World): Timetable {
  const tt = prepared.get(world);
  if (!tt) throw new Error('collection.planner is "timetable" but no timetable was designed for this world: call prepareTimetable(world) first');
  return tt;
}
