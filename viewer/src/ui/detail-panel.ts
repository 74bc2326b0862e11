/**
 * The panel of the selected object: a truck (followed by the camera: its
 * state and load now, its stops of the day and the manifests of the loads it
 * delivered), a plant or station (its pit or stock over the day against
 * capacity, and what arrived so far), or a collection point (its fill).
 */
import type { DayState } from '../replay/day-state.ts';
import { runningAt } from '../replay/day-state.ts';
import { clockText, sampleBracket } from '../replay/time.ts';
import type { Pose } from '../replay/track.ts';
import type { ReplayHeader } from '../replay/types.ts';
import type { SiteInfo } from '../scene/sites.ts';
import { drawLines } from './charts.ts';
import { escapeHtml, tonnes } from './format.ts';

export type Selection = { kind: 'truck'; index: number } | { kind: 'site'; site: SiteInfo } | { kind: 'point'; index: number };

const STATE_TEXT: Record<Pose['state'], string> = {
  home: 'at the depot', idle: 'waiting', drive: 'driving', serve: 'emptying bins', queue: 'queueing', unload: 'unloading',
};

export class DetailPanel {
  private sel: Selection | null = null;
  private builtFor: DayState | null = null;
  private live: HTMLElement | null = null;
  private chart: HTMLCanvasElement | null = null;
  private currentLeg = -2;

  constructor(private readonly el: HTMLElement, private readonly h: ReplayHeader, private readonly onClose: () => void) {}

  get selection(): Selection | null {
    return this.sel;
  }

  show(sel: Selection | null): void {
    this.sel = sel;
    this.builtFor = null;
    this.el.hidden = sel === null;
    if (!sel) this.el.innerHTML = '';
  }

  /** Rebuilds when the selection or the day changed, then refreshes the live parts. */
  update(state: DayState | null, t: number, poses: Pose[]): void {
    const sel = this.sel;
    if (!sel) return;
    if (this.builtFor !== state || !this.live) this.build(sel, state);
    if (!this.live) return;
    if (sel.kind === 'truck') {
      const p = poses[sel.index];
      const cap = this.h.trucks[sel.index].capacityKg;
      this.live.innerHTML = `<b>${STATE_TEXT[p.state]}</b> · load ${tonnes(p.loadKg)} of ${tonnes(cap)}<div class="meter"><i style="width:${Math.min(100, (100 * p.loadKg) / (cap || 1)).toFixed(1)}%"></i></div>`;
      if (p.leg !== this.currentLeg) {
        this.el.querySelector('li.now')?.classList.remove('now');
        const li = this.el.querySelector(`li[data-leg="${p.leg}"]`);
        li?.classList.add('now');
        li?.scrollIntoView({ block: 'nearest' });
        this.currentLeg = p.leg;
      }
    } else if (state && sel.kind === 'site') {
      const s = sel.site;
      const rows = s.kind === 'station' ? state.day.samples.stationStockKg : state.day.samples.plantPitKg;
      const series = rows.map((r) => r[s.sample] ?? 0);
      const arrived = state.delivered.get(s.id);
      const b = sampleBracket(state.day.samples.t, t, { i: 0, f: 0 });
      const now = series[b.i] + ((series[b.i + 1] ?? series[b.i]) - series[b.i]) * b.f;
      const label = s.kind === 'station' ? 'stock' : s.type === 'landfill' ? 'landfilled' : 'pit';
      const extra = s.kind === 'plant' ? ` · treated today ${tonnes(state.day.kpis.treatedKgByPlant[s.id] ?? 0)}` : '';
      this.live.innerHTML = `${label} now <b>${tonnes(now)}</b> of ${tonnes(s.capacityKg)} · arrived so far ${tonnes(arrived ? runningAt(arrived, t) : 0)}${extra}`;
      if (this.chart) {
        const samplesT = state.day.samples.t;
        const lines = [{ values: series, colour: '#f0883e', label }];
        if (arrived) lines.push({ values: samplesT.map((st) => runningAt(arrived, st)), colour: '#58a6ff', label: 'arrived (cumulative)' });
        drawLines(this.chart, samplesT, lines, t, { value: s.capacityKg, label: s.kind === 'station' ? 'storage' : 'pit capacity' });
      }
    } else if (state && sel.kind === 'point') {
      const fill = state.day.samples.binFill.map((r) => r[sel.index] ?? 0);
      const b = sampleBracket(state.day.samples.t, t, { i: 0, f: 0 });
      const now = fill[b.i] + ((fill[b.i + 1] ?? fill[b.i]) - fill[b.i]) * b.f;
      this.live.innerHTML = `fill now <b>${now.toFixed(0)} %</b> of ${tonnes(this.h.points.capacityKg[sel.index])}${now > 100 ? ' · <b class="over">overflowing</b>' : ''}`;
      if (this.chart) drawLines(this.chart, state.day.samples.t, [{ values: fill, colour: '#f0883e', label: 'fill %' }], t, { value: 100, label: 'full' });
    }
  }

  private build(sel: Selection, state: DayState | null): void {
    this.builtFor = state;
    this.currentLeg = -2;
    const close = '<button class="close" title="Close (Esc)">×</button>';
    if (sel.kind === 'truck') {
      const tr = this.h.trucks[sel.index];
      const track = state?.tracks[sel.index];
      const stops: string[] = [];
      track?.legs.forEach((l, i) => {
        if (l.kind === 'drive') return;
        const what = l.kind === 'serve' ? `serve ${escapeHtml(this.h.points.ids[l.point] ?? `point ${l.point}`)} (+${tonnes(l.loadKg[1] - l.loadKg[0])})`
          : l.kind === 'queue' ? `queue at ${escapeHtml(l.site)}` : `unload ${tonnes(l.loadKg[0] - l.loadKg[1])} at ${escapeHtml(l.site)}`;
        stops.push(`<li data-leg="${i}"><span class="t">${clockText(l.t0)}</span> ${what}</li>`);
      });
      const manifests = state ? state.day.manifests.filter((m) => m.truck === tr.id && m.kind !== 'pickup') : [];
      this.el.innerHTML = `${close}<h2>Truck ${escapeHtml(tr.id)}</h2>
        <p>${escapeHtml(tr.kind)} · ${escapeHtml(tr.type)} · ${escapeHtml(tr.streams.join(', '))} · capacity ${tonnes(tr.capacityKg)} · <i>followed</i></p>
        <div class="live"></div>
        <h3>Stops today <small>${stops.length}</small></h3><ol class="stops">${stops.join('') || '<li>none: the truck stays at its depot</li>'}</ol>
        <h3>Manifests <small>${manifests.length}</small></h3>
        <ul class="manifests">${manifests.map((m) => `<li><b>${escapeHtml(m.id)}</b> ${escapeHtml(m.stream)} ${tonnes(m.kg)} → ${escapeHtml(m.plant ?? m.site ?? '?')} <span class="t">${clockText(m.t1)}</span></li>`).join('') || '<li>none</li>'}</ul>`;
      this.chart = null;
    } else if (sel.kind === 'site') {
      const s = sel.site;
      this.el.innerHTML = `${close}<h2>${escapeHtml(s.name)}</h2><p>${escapeHtml(s.id)} · ${escapeHtml(s.type)} · ${s.kind === 'station' ? 'storage' : 'pit'} ${tonnes(s.capacityKg)}</p>
        <div class="live"></div><h3>Over the day</h3><canvas class="chart"></canvas>`;
      this.chart = this.el.querySelector('canvas.chart');
    } else {
      this.el.innerHTML = `${close}<h2>Collection point ${escapeHtml(this.h.points.ids[sel.index])}</h2><div class="live"></div><h3>Fill over the day</h3><canvas class="chart"></canvas>`;
      this.chart = this.el.querySelector('canvas.chart');
    }
    this.live = this.el.querySelector('.live');
    this.el.querySelector('button.close')?.addEventListener('click', () => this.onClose());
  }
}
