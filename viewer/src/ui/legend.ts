/** The legend: fill scale, stream colours, sites and road classes of the loaded replay. */
import { cssRgb, fillColour, OVERFLOW_RGB } from '../colour.ts';
import type { ReplayHeader } from '../replay/types.ts';
import { ROAD_COLOURS } from '../scene/roads.ts';
import { SITE_COLOURS } from '../scene/sites.ts';
import { escapeHtml } from './format.ts';

const swatch = (css: string, label: string) => `<li><i style="background:${css}"></i>${escapeHtml(label)}</li>`;

export function renderLegend(el: HTMLElement, h: ReplayHeader): void {
  const stops = [0, 25, 50, 75, 100].map((p) => `${cssRgb(fillColour(p, [0, 0, 0]))} ${p}%`).join(', ');
  const siteTypes = ['station', ...new Set(h.plants.map((p) => p.type))];
  const classes = h.roads.classes.filter((_, i) => h.roads.polylines.some((l) => l[0] === i));
  el.innerHTML = `
    <h3>Collection points <small>fill</small></h3>
    <div class="scale" style="background:linear-gradient(to right, ${stops})"></div>
    <div class="scale-labels"><span>empty</span><span>half</span><span>full</span></div>
    <div class="over" style="color:${cssRgb(OVERFLOW_RGB)}">■ overflowing (over 100 %)</div>
    <h3>Trucks <small>colour: stream · white block: load</small></h3>
    <ul>${h.streams.map((s) => swatch(s.colour, s.id)).join('')}</ul>
    <h3>Sites <small>column: stock vs capacity</small></h3>
    <ul>${siteTypes.map((t) => swatch(SITE_COLOURS[t] ?? '#c0c0c0', t === 'landfill' ? 'landfill (pile)' : t === 'station' ? 'transfer station' : t)).join('')}${swatch(SITE_COLOURS.depot, 'depot')}</ul>
    <h3>Roads</h3>
    <ul>${classes.map((c) => swatch(ROAD_COLOURS[c] ?? '#4a5260', c)).join('')}</ul>`;
  el.hidden = false;
}
