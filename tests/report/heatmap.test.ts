import { describe, expect, it } from 'vitest';
import { heatmap } from '../../engine/report/html/heatmap.ts';
import { marks } from './html-parts.ts';

const spec = (days: number, values: number[][]) => ({
  title: 't', rows: values.map((_, i) => `S${i}`), labels: Array.from({ length: days }, (_, i) => `day ${i}`),
  ticks: Array.from({ length: days }, (_, i) => String(i)), values, format: String, alarm: 1,
});

describe('heatmap', () => {
  it('draws one cell per site and day for a short run', () => {
    const cells = marks(heatmap(spec(3, [[0.1, 0.5, 1.2], [0, 0, 0]])));
    expect(cells.map((m) => [m.series, Number(m.value)])).toEqual([['S0', 0.1], ['S0', 0.5], ['S0', 1.2], ['S1', 0], ['S1', 0], ['S1', 0]]);
  });

  it('folds a long run into weeks, each cell the worst day of its week, so an overload on one day still shows', () => {
    const days = 200;
    const row = Array.from({ length: days }, (_, i) => (i === 100 ? 1.3 : (i % 7) / 10));
    const svg = heatmap(spec(days, [row]));
    const cells = marks(svg);
    expect(cells).toHaveLength(Math.ceil(days / 7));
    expect(Number(cells[14].value)).toBe(1.3); // day 100 is in week 14
    expect(Number(cells[0].value)).toBe(0.6);
    expect(svg).toContain('week of day 98 (worst day)');
  });
});
