import { describe, expect, it } from 'vitest';
import { esc, niceTicks } from '../../engine/report/html/svg.ts';

describe('chart helpers', () => {
  it('ticks start at 0, step evenly, and reach at least the largest value', () => {
    for (const max of [0.37, 1, 7, 42.5, 999, 31_415]) {
      const t = niceTicks(max);
      expect(t[0]).toBe(0);
      expect(t.at(-1)!).toBeGreaterThanOrEqual(max);
      const step = t[1] - t[0];
      for (let i = 1; i < t.length; i++) expect(t[i] - t[i - 1]).toBeCloseTo(step, 9);
      expect(t.length).toBeLessThanOrEqual(8);
    }
  });

  it('counts get whole-number ticks', () => {
    expect(niceTicks(2, 5, true)).toEqual([0, 1, 2]);
    for (const v of niceTicks(13, 5, true)) expect(Number.isInteger(v)).toBe(true);
  });

  it('escapes markup in names from the scenario', () => {
    expect(esc(`<b>"A&B's"</b>`)).toBe('&lt;b&gt;&quot;A&amp;B&#39;s&quot;&lt;/b&gt;');
  });
});
