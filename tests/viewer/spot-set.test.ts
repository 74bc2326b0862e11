import { describe, expect, it } from 'vitest';
import { compileDay, placesOf } from '../../viewer/src/replay/day-state.ts';
import { parseDay, parseHeader } from '../../viewer/src/replay/parse.ts';
import { frameOf } from '../../viewer/src/scene/frame.ts';
import { markerMaker } from '../../viewer/src/scene/markers.ts';
import { SpotSet } from '../../viewer/src/scene/spot-set.ts';
import { TrucksLayer } from '../../viewer/src/scene/trucks.ts';
import { makeReplay } from './fixtures/make-replay.ts';
import { copyShown } from './marker-copy.ts';

describe('stopped trucks on one spot', () => {
  it('a spot is taken once a frame, to the metre and the tenth of a radian', () => {
    const spots = new SpotSet(4);
    expect(spots.take(10.2, -5, 0)).toBe(true);
    expect(spots.take(9.8, -5.3, 0.04)).toBe(false);
    expect(spots.take(10, -5, 1)).toBe(true);
    expect(spots.take(11, -5, 0)).toBe(true);
    spots.clear();
    expect(spots.take(10, -5, 0)).toBe(true);
  });

  it.each(['instanced', 'merged'] as const)('are drawn once, while every truck keeps its position for picking (%s)', (backend) => {
    const [head, day0] = makeReplay({ trucks: 6, gridSide: 5, days: 1 }).split('\n');
    const h = parseHeader(head);
    const state = compileDay(h, parseDay(day0, 0), placesOf(h));
    const trucks = new TrucksLayer(h, frameOf(h), markerMaker(backend));
    const drawn = () => h.trucks.filter((_, i) => copyShown(trucks.meshes[0], i, h.trucks.length)).length;
    // Before the first leg every truck waits at the one depot, facing the same way.
    trucks.update(state, 0);
    expect(trucks.poses.every((p) => p.state === 'home')).toBe(true);
    expect(drawn()).toBe(1);
    expect(new Set(trucks.sceneXs).size).toBe(1);
    // Out on their rounds they are all drawn.
    const busy = Math.max(...state.tracks.map((tr) => tr.t0[0])) + 1;
    trucks.update(state, busy);
    const spots = new Set(trucks.poses.map((p, i) => (p.state === 'drive' ? `driving ${i}`
      : `${Math.round(trucks.sceneXs[i])},${Math.round(trucks.sceneZs[i])},${Math.round(p.heading * 10)}`)));
    expect(drawn()).toBe(spots.size);
    expect(drawn()).toBeGreaterThan(1);
  });
});
