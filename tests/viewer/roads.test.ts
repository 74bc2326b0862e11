import { describe, expect, it } from 'vitest';
import { parseHeader } from '../../viewer/src/replay/parse.ts';
import { frameOf } from '../../viewer/src/scene/frame.ts';
import { buildRoads, showMinorRoads } from '../../viewer/src/scene/roads.ts';
import { makeReplay } from './fixtures/make-replay.ts';

describe('roads by class', () => {
  const h = parseHeader(makeReplay({ trucks: 1, gridSide: 6, days: 1 }).split('\n')[0]);
  const roads = buildRoads(h, frameOf(h));
  const shown = () => roads.children.filter((c) => c.visible).map((c) => c.name).sort();

  it('count their segments', () => {
    const lines = h.roads.polylines.reduce((n, p) => n + (p.length - 3) / 2, 0);
    expect(roads.userData.segments).toBe(lines);
  });

  it('leave out only the minor classes, and say when that changed anything', () => {
    const all = shown();
    expect(all).toContain('roads:local');
    expect(showMinorRoads(roads, false)).toBe(true);
    expect(shown()).toEqual(all.filter((n) => n !== 'roads:local' && n !== 'roads:service'));
    expect(shown().length).toBeGreaterThan(0);
    expect(showMinorRoads(roads, false)).toBe(false);
    expect(showMinorRoads(roads, true)).toBe(true);
    expect(shown()).toEqual(all);
  });
});
