/** The flow answers as text a planner reads in a terminal. */
import { CLOSEST_LIMITS, fmt } from './binding.ts';
import type { FlowModel } from './model.ts';
import { AGREEMENT, type FlowSolution } from './solve.ts';
import type { GrowthStudy } from './growth.ts';
import type { SitingAnswer } from './siting.ts';

const SOLVER_NAMES = { jsl: 'javascript-lp-solver', highs: 'HiGHS' };

/** Numbers right-aligned; the first column, and the last when it holds text (`textLast`), left-aligned. */
function table(head: string[], rows: string[][], textLast = false): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const left = (i: number) => i === 0 || (textLast && i === head.length - 1);
  const line = (r: string[]) => r.map((c, i) => (left(i) ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ').trimEnd();
  return [line(head), line(w.map((n) => '-'.repeat(n))), ...rows.map(line)].join('\n');
}

/** The binding limits worth a line each; the rest are summed up (a megacity can have dozens). */
const MAX_BINDING_LINES = 12;

const t1 = (v: number) => (Math.abs(v) < 0.05 ? '' : v.toFixed(1));

export function flowsText(m: FlowModel, sol: FlowSolution, o: { currency: string; seconds: number }): string {
  const cur = o.currency;
  const out: string[] = [];
  const per = sol.days > 1 ? ` over ${sol.days} days` : ' a day';
  out.push(`${m.catchments.length} catchments → ${m.stations.length} stations → ${m.plants.length} plants, ${m.streams.length} streams` +
    `${sol.days > 1 ? `, ${sol.days} days` : ''}. ${solvedBy(sol, o)}`);
  const c = sol.costs;
  out.push(`Cost${per}: ${cur}${fmt(sol.objective)} — collection ${cur}${fmt(c.collection)}, haul ${cur}${fmt(c.haul)}, gate fees ${cur}${fmt(c.gateFees)}, landfill ${cur}${fmt(c.landfill)}` +
    `${c.holding > 0.5 ? `, storage ${cur}${fmt(c.holding)}` : ''}.`);
  out.push('', 'Allocation, t/day' + (sol.days > 1 ? ' (mean over the days)' : ''));
  const streams = m.streams.map((s) => s.id);
  const groups = new Map<string, number[]>();
  for (const f of sol.flows) {
    const key = `${f.kind}|${f.from}|${f.to}`;
    const row = groups.get(key) ?? new Array<number>(streams.length).fill(0);
    row[streams.indexOf(f.stream)] += f.tonnesPerDay;
    groups.set(key, row);
  }
  const rows = [...groups.entries()].map(([k, v]) => {
    const [kind, from, to] = k.split('|');
    return [`${kind.padEnd(8)} ${from} → ${to}`, ...v.map(t1), v.reduce((a, b) => a + b, 0).toFixed(1)];
  });
  out.push(table(['flow', ...streams, 'total'], rows));
  out.push('', 'Binding limits');
  if (sol.binding.length === 0) out.push('  none: every station, haul fleet and plant has room to spare');
  for (const b of sol.binding.slice(0, MAX_BINDING_LINES)) out.push(`  - ${b.text}`);
  const rest = sol.binding.slice(MAX_BINDING_LINES);
  if (rest.length > 0) {
    const most = Math.max(...rest.map((b) => b.saving ?? 0));
    out.push(`  - and ${rest.length} more${most > 0 ? `, each saving at most ${o.currency}${fmt(most)} per unit` : ''} (all of them in --json)`);
  }
  if (sol.binding.length < CLOSEST_LIMITS && sol.closest.length > 0) {
    out.push('', `Closest to binding (least headroom first)`);
    for (const h of sol.closest) out.push(`  - ${h.text}`);
  }
  out.push('');
  const lf = sol.landfill;
  if (lf.tonnesPerDay < 0.05) out.push('Landfill: none.');
  else {
    const bs = Object.entries(lf.byStream).map(([s, t]) => `${s} ${t.toFixed(1)}`).join(', ');
    out.push(`Landfill: ${lf.tonnesPerDay.toFixed(1)} t/day (${bs}). Each tonne carries a penalty of ${cur}${fmt(sol.landfillPenaltyPerTonne)} so it is the last resort. Why:`);
    for (const r of lf.reasons) out.push(`  - ${r.from}, ${r.stream}, ${r.tonnesPerDay.toFixed(1)} t/day: ${r.why}`);
  }
  return out.join('\n');
}

const sci = (v: number) => (v === 0 ? '0' : v.toExponential(1));

/** Which back end answered and whether HiGHS proved it optimal. */
function solvedBy(sol: FlowSolution, o: { currency: string; seconds: number }): string {
  const head = `Solved by ${SOLVER_NAMES[sol.solver]}`;
  const took = ` in ${o.seconds.toFixed(2)} s`;
  const c = sol.check;
  if (!c) return `${head}${sol.proven ? ' (optimal, proven)' : ''}${took}.`;
  if (c.agree) return `${head}${took}; optimal, proven by HiGHS (same cost, relative difference ${sci(c.relativeDifference)}), which also gives the shadow prices.`;
  if (c.status !== 'optimal') return `${head}${took}; not proven optimal: HiGHS found no optimum of the same model (${c.status}), so the limits are not priced.`;
  return `${head}${took}; not proven optimal: HiGHS's optimum costs ${o.currency}${fmt(c.objective)} against ${o.currency}${fmt(sol.objective)} for this allocation` +
    ` (relative difference ${sci(c.relativeDifference)}, above ${AGREEMENT}); the shadow prices are HiGHS's.`;
}

export function growthText(g: GrowthStudy): string {
  const out: string[] = [];
  out.push(`Growth study: ${(g.growthPerYear * 100).toFixed(1)} %/year from the ${g.baseYear} tonnages.`);
  const rows = g.years.map((y) => [
    String(y.year), y.factor.toFixed(3), y.demandTonnesPerDay.toFixed(1), y.landfillTonnesPerDay.toFixed(1),
    y.additions.length === 0 ? '—' : y.additions.map((a) => `${a.site} +${a.amount.toFixed(1)} ${a.unit}`).join(', '),
  ]);
  out.push(table(['year', 'factor', 'generated t/day', 'landfill t/day', 'least added capacity for zero landfill'], rows, true));
  out.push(g.firstFailingYear === null
    ? `The planned capacity suffices in every year to ${g.years[g.years.length - 1].year}.`
    : `First year the planned capacity no longer suffices: ${g.firstFailingYear}.`);
  return out.join('\n');
}

export function sitingText(a: SitingAnswer, o: { currency: string; budget?: number }): string {
  const cur = o.currency;
  const out: string[] = [];
  out.push(`Capacity choice (HiGHS mixed-integer${a.proven ? ', optimal proven' : ', best found within the time limit'})${o.budget !== undefined ? ` within a budget of ${cur}${fmt(o.budget)}` : ''}:`);
  if (a.chosen.length === 0) out.push('  nothing to add');
  for (const c of a.chosen) out.push(`  - ${c.id}: ${c.kind} ${c.site} +${fmt(c.addTonnesPerDay)} t/day for ${cur}${fmt(c.cost)}`);
  out.push(`Capital cost ${cur}${fmt(a.capitalCost)}; flows then cost ${cur}${fmt(a.flowCostPerDay)} a day.`);
  out.push(a.zeroLandfill ? 'Landfill: none.'
    : `Zero landfill is out of reach${o.budget !== undefined ? ' within the budget' : ' with these candidates'}: this choice leaves the least, ${a.landfillTonnesPerDay.toFixed(1)} t/day.`);
  return out.join('\n');
}
