import { describe, expect, it } from 'vitest';
import { fillColour, fillState, hexColour, OVERFLOW_RGB } from '../../viewer/src/colour.ts';

const rgb = (pct: number) => Array.from(fillColour(pct, [0, 0, 0]));

describe('fill colour scale', () => {
  it('goes from green when empty to red when full', () => {
    const [r0, g0] = rgb(0);
    const [r1, g1] = rgb(100);
    expect(g0).toBeGreaterThan(r0);
    expect(r1).toBeGreaterThan(g1 * 3);
  });
  it('changes monotonically in red as a point fills', () => {
    let prev = -1;
    for (let p = 0; p <= 50; p += 5) {
      const r = rgb(p)[0];
      expect(r).toBeGreaterThanOrEqual(prev);
      prev = r;
    }
    let prevG = 2;
    for (let p = 50; p <= 100; p += 5) {
      const g = rgb(p)[1];
      expect(g).toBeLessThanOrEqual(prevG);
      prevG = g;
    }
  });
  it('shows overflowing points in a colour of their own', () => {
    expect(rgb(101)).toEqual(OVERFLOW_RGB);
    expect(rgb(250)).toEqual(OVERFLOW_RGB);
    expect(rgb(100)).not.toEqual(OVERFLOW_RGB);
  });
  it('treats negative and missing fills as empty', () => {
    expect(rgb(-5)).toEqual(rgb(0));
    expect(rgb(Number.NaN)).toEqual(rgb(0));
  });
  it('names the states of the legend', () => {
    expect([0, 50, 95, 130].map(fillState)).toEqual(['empty', 'filling', 'full', 'overflowing']);
  });
  it('writes at an offset into a typed array', () => {
    const a = new Float32Array(6);
    fillColour(120, a, 3);
    expect(Array.from(a.slice(0, 3))).toEqual([0, 0, 0]);
    expect(a[5]).toBeCloseTo(OVERFLOW_RGB[2]);
    expect(Array.from(hexColour('#ff0080', [0, 0, 0]))).toEqual([1, 0, 128 / 255]);
  });
});
