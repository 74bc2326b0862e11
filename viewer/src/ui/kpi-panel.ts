/**
 * The KPI panel: the day's generated, collected (so far / whole day),
 * landfilled and recycling rate against the scenario's targets, and what each
 * plant treated against its daily capacity, redrawn as the clock moves.
 */
import { runningAt, type DayState } from '../replay/day-state.ts';
import { dateText, dayOf } from '../replay/time.ts';
import type { ReplayHeader } from '../replay/types.ts';
import { SITE_COLOURS } from '../scene/sites.ts';
import { drawBars, type Bar } from './charts.ts';
import { escapeHtml, percent, tonnes } from './format.ts';

export class KpiPanel {
  private readonly title: HTMLElement;
  private readonly main: HTMLCanvasElement;
  private readonly plants: HTMLCanvasElement;

  constructor(private readonly el: HTMLElement, private readonly h: ReplayHeader) {
    el.innerHTML = '<h3 class="kpi-title"></h3><canvas class="kpi-main"></canvas><h3>Treated today <small>vs daily capacity</small></h3><canvas class="kpi-plants"></canvas>';
    this.title = el.querySelector('.kpi-title')!;
    this.main = el.querySelector('.kpi-main')!;
    this.plants = el.querySelector('.kpi-plants')!;
    el.hidden = false;
  }

  private target(word: string): number | undefined {
    return this.h.targets.find((t) => t.name.toLowerCase().includes(word))?.target;
  }

  update(state: DayState | null, t: number, landfillTodayKg: number): void {
    const d = dayOf(t);
    this.title.innerHTML = `Day ${d} · ${escapeHtml(dateText(this.h.startDate, d))}`;
    if (!state) return;
    const k = state.day.kpis;
    const collectedNow = runningAt(state.collected, t);
    const top = Math.max(k.generatedKg, k.collectedKg, 1);
    const landfillTarget = this.target('landfill');
    const recyclingTarget = this.target('recycling');
    const bars: Bar[] = [
      { label: 'Generated', value: k.generatedKg, max: top, colour: '#8b949e', text: tonnes(k.generatedKg) },
      { label: 'Collected', value: k.collectedKg, soFar: state.collected.t.length ? collectedNow : k.collectedKg, max: top, colour: '#58a6ff',
        text: state.collected.t.length ? `${tonnes(collectedNow)} of ${tonnes(k.collectedKg)}` : tonnes(k.collectedKg) },
      { label: `Landfilled${landfillTarget !== undefined ? ` (target ${landfillTarget} t)` : ''}`, value: k.landfilledKg, soFar: Math.min(landfillTodayKg, k.landfilledKg),
        max: top, colour: SITE_COLOURS.landfill, target: landfillTarget !== undefined ? landfillTarget * 1000 : undefined, text: `${tonnes(landfillTodayKg)} of ${tonnes(k.landfilledKg)}` },
      { label: `Recycling rate${recyclingTarget !== undefined ? ` (target ${percent(recyclingTarget)})` : ''}`, value: k.recyclingRate, max: 1,
        colour: '#3fb950', target: recyclingTarget, text: percent(k.recyclingRate) },
    ];
    drawBars(this.main, bars);
    drawBars(this.plants, this.h.plants.map((p) => {
      const treated = k.treatedKgByPlant[p.id] ?? 0;
      const arrived = state.delivered.get(p.id);
      return {
        label: p.name ?? p.id, value: treated, max: Math.max(p.capacityKgPerDay, treated, 1), colour: SITE_COLOURS[p.type] ?? '#c0c0c0',
        soFar: arrived ? Math.min(runningAt(arrived, t), treated) : treated,
        text: `${tonnes(treated)} / ${tonnes(p.capacityKgPerDay)}`,
      };
    }));
  }
}
