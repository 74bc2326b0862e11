/**
 * What each planned outage did: how much treatment the plant lost, and where
 * that waste went instead — into the plant's own pit, to other plants, or to
 * landfill. The split is read off the daily KPIs: the plant's shortfall
 * against its treatment before the outage, the rise of its pit over the
 * outage, and the tonnes landfilled in the window (and the day after, when a
 * full pit's refusals arrive).
 */
import type { Scenario } from '../scenario/schema.ts';
import type { DayKpi } from './kpis.ts';

export interface OutageImpact {
  plant: string;
  kind: 'plant' | 'line';
  startDay: number;
  days: number;
  capacityLostTonnes: number;
  shortfallTonnes: number;
  pitTonnes: number;
  otherPlantsTonnes: number;
  landfilledTonnes: number;
  absorbedBy: 'pit' | 'other plants' | 'landfill' | 'nothing needed';
  note: string;
}

const t1 = (kg: number) => Math.round(kg / 100) / 10;

export function outageImpacts(scenario: Scenario, days: DayKpi[]): OutageImpact[] {
  const out: OutageImpact[] = [];
  for (const p of scenario.plants) {
    const windows: { kind: 'plant' | 'line'; start: number; length: number; lostPerDayT: number }[] = [];
    for (const run of runs(p.outageDays)) windows.push({ kind: 'plant', start: run[0], length: run[1], lostPerDayT: p.capacityTonnesPerDay });
    for (const o of p.lineOutages) windows.push({ kind: 'line', start: o.startDay, length: o.days, lostPerDayT: o.capacityLostTonnesPerDay });
    for (const w of windows) {
      const inRun = days.filter((d) => d.day >= w.start && d.day < w.start + w.length);
      if (inRun.length === 0) continue;
      const plantOn = (d: DayKpi) => d.plants.find((x) => x.id === p.id)!;
      const before = days.filter((d) => d.day < w.start);
      const reference = before.length > 0 ? before : days.filter((d) => d.day >= w.start + w.length);
      const normalKg = reference.length > 0 ? reference.reduce((a, d) => a + plantOn(d).kg, 0) / reference.length : p.capacityTonnesPerDay * 1000;
      const shortfallKg = inRun.reduce((a, d) => a + Math.max(0, normalKg - plantOn(d).kg), 0);
      const pitStartKg = before.length > 0 ? plantOn(before[before.length - 1]).endPitKg ?? 0 : 0;
      const pitRiseKg = Math.max(0, (plantOn(inRun[inRun.length - 1]).endPitKg ?? 0) - pitStartKg);
      const last = inRun[inRun.length - 1].day;
      const landfillKg = days.filter((d) => d.day >= w.start && d.day <= last + 1).reduce((a, d) => a + d.landfilledKg, 0);
      const otherKg = Math.max(0, shortfallKg - pitRiseKg - landfillKg);
      const parts = { pit: pitRiseKg, 'other plants': otherKg, landfill: landfillKg };
      const absorbedBy = shortfallKg < 1000 ? 'nothing needed' : landfillKg > 0 ? 'landfill' : (Object.entries(parts).sort((a, b) => b[1] - a[1])[0][0] as OutageImpact['absorbedBy']);
      out.push({
        plant: p.id, kind: w.kind, startDay: w.start, days: inRun.length,
        capacityLostTonnes: Math.round(w.lostPerDayT * inRun.length * 10) / 10,
        shortfallTonnes: t1(shortfallKg), pitTonnes: t1(pitRiseKg), otherPlantsTonnes: t1(otherKg), landfilledTonnes: t1(landfillKg),
        absorbedBy,
        note: landfillKg > 0
          ? `${t1(landfillKg)} t went to landfill during the outage; the pit took ${t1(pitRiseKg)} t and other plants ${t1(otherKg)} t`
          : `no landfill: the pit absorbed ${t1(pitRiseKg)} t and other plants ${t1(otherKg)} t of a ${t1(shortfallKg)} t shortfall`,
      });
    }
  }
  return out;
}

/** Consecutive runs [start, length] of a set of day numbers. */
function runs(daysList: number[]): [number, number][] {
  const sorted = [...new Set(daysList)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const d of sorted) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === d) last[1]++;
    else out.push([d, 1]);
  }
  return out;
}
