/**
 * The viewer in headless Chromium (SwiftShader, no GPU): frames per second,
 * frame times, draw calls, triangles, time to open and JS heap, for the demo
 * replay and for the largest scenario (Guangzhou: 20,000 points, 1,675
 * collection + 600 haul trucks; 2 days by default), each played at 600× from
 * 07:00; then the same again with each frame waiting for the GPU, to split a
 * frame into its JS update and its drawing; then noon of every day in turn,
 * for the JS heap and the days held.
 * Both runs are simulated into a temporary folder first (Guangzhou through a
 * variant that turns its replay on). Prints a Markdown table and the load
 * average. `npm run bench:viewer [-- --seconds 10 --guangzhou-days 2]`
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureViewerBuilt } from '../viewer/src/serve/build.ts';
import { startViewServer } from '../viewer/src/serve/server.ts';
import { CHROMIUM, launchBrowser } from '../tests/viewer/browser.ts';
import { openReplay } from '../tests/viewer/e2e/page.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const SECONDS = Number(arg('seconds', '10'));
const SPEED = 600;
const GZ_DAYS = Number(arg('guangzhou-days', '2'));

interface Row {
  run: string; points: number; trucks: number; openS: number; drawCalls: number; triangles: number;
  fps: number; p50Ms: number; p95Ms: number; maxMs: number; staticDraws: number; jsMs: number; renderMs: number; heapMB: number; heapAfterMB: number; clock: string;
  days: number; heapMaxMB: number; daysHeldMax: number; midnightMaxMs: number; midnightClock: string;
}

/** Plays for `seconds` of wall time; frame intervals measured in the page by requestAnimationFrame. */
const playFor = async ({ seconds }: { seconds: number }) => {
  const w = window.__wastetwin;
  const gaps: number[] = [];
  let last = -1;
  let stop = false;
  const onFrame = (ms: number) => {
    if (last >= 0) gaps.push(ms - last);
    last = ms;
    if (!stop) requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
  const f0 = w.frames();
  const s0 = w.staticDraws();
  const wall0 = performance.now();
  (document.querySelector('#play') as HTMLButtonElement).click();
  await new Promise((ok) => setTimeout(ok, seconds * 1000));
  (document.querySelector('#play') as HTMLButtonElement).click();
  stop = true;
  const fps = (w.frames() - f0) / ((performance.now() - wall0) / 1000);
  gaps.sort((a, b) => a - b);
  const q = (p: number) => gaps[Math.min(gaps.length - 1, Math.floor(p * gaps.length))] ?? NaN;
  return {
    fps, p50Ms: q(0.5), p95Ms: q(0.95), maxMs: gaps[gaps.length - 1] ?? NaN,
    staticDraws: w.staticDraws() - s0,
    drawCalls: w.drawCalls(), triangles: w.triangles(), clock: document.querySelector('#clock')!.textContent!,
    points: w.counts().points, trucks: w.counts().trucks,
  };
};

function simulate(scenario: string, out: string, extra: string[] = []): void {
  execFileSync(process.execPath, ['bin/wastetwin.js', 'simulate', scenario, '--out', out, ...extra], { stdio: 'ignore' });
}

async function main(): Promise<void> {
  const load0 = loadavg();
  const dir = mkdtempSync(join(tmpdir(), 'wastetwin-bench-viewer-'));
  try {
    process.stderr.write(`simulating the demo and ${GZ_DAYS} day(s) of Guangzhou…\n`);
    simulate('scenarios/demo.json', join(dir, 'demo'));
    const variant = join(dir, 'guangzhou-replay.json');
    writeFileSync(variant, JSON.stringify({ extends: resolve('scenarios/guangzhou-2025.json'), name: 'guangzhou-2025-replay', set: { 'output.replay': true } }));
    simulate(variant, join(dir, 'guangzhou'), ['--days', String(GZ_DAYS)]);
    await ensureViewerBuilt();
    const server = await startViewServer({ runDir: dir, port: 0 });
    const base = server.url.replace(/\/\?.*$/, '');
    const browser = await launchBrowser();
    const rows: Row[] = [];
    try {
      for (const run of ['demo', 'guangzhou']) {
        const page = await browser.context.newPage();
        // tsx compiles with keepNames: functions passed to page.evaluate call its __name helper.
        await page.addInitScript('globalThis.__name = (f) => f');
        const cdp = await browser.context.newCDPSession(page);
        await cdp.send('Performance.enable');
        const heapMB = async () => {
          await cdp.send('HeapProfiler.collectGarbage');
          const { metrics } = await cdp.send('Performance.getMetrics');
          return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20;
        };
        const t0 = performance.now();
        await openReplay(page, base, `run/${run}/replay.ndjson`, `&speed=${SPEED}`);
        const openS = (performance.now() - t0) / 1000;
        const err = await page.evaluate(() => window.__wastetwin.error);
        if (err) throw new Error(`${run}: ${err}`);
        await page.evaluate(() => window.__wastetwin.setTime(7 * 3600));
        const heap = await heapMB();
        const stats = await page.evaluate(playFor, { seconds: SECONDS });
        const heapAfterMB = await heapMB();
        // Again from 07:00 with each frame waiting for the GPU (a one-pixel read), so that drawing is timed where it happens.
        await page.evaluate(() => window.__wastetwin.setTime(7 * 3600));
        await page.evaluate(() => window.__wastetwin.measure(true));
        await page.evaluate(playFor, { seconds: Math.min(SECONDS, 5) });
        const split = await page.evaluate(() => window.__wastetwin.measure(false));
        // Noon of every day in turn: the heap holds today's day and at most one more, not the run.
        const days = await page.evaluate(() => window.__wastetwin.daysAvailable());
        let heapMaxMB = 0, daysHeldMax = 0;
        for (let d = 0; d < days; d++) {
          daysHeldMax = Math.max(daysHeldMax, await page.evaluate(async (t) => { await window.__wastetwin.setTime(t); return window.__wastetwin.daysHeld(); }, d * 86_400 + 12 * 3600));
          heapMaxMB = Math.max(heapMaxMB, await heapMB());
        }
        // Across midnight at 3600× from 21:00: the next day is read from the jump to 21:00 (from noon when playing through).
        let midnight = { maxMs: NaN, clock: '' };
        if (days > 1) {
          // A fresh page, so that day 1 is not already held from the walk above.
          await openReplay(page, base, `run/${run}/replay.ndjson`, `&speed=${SPEED}`);
          await page.evaluate(() => window.__wastetwin.setTime(21 * 3600));
          await page.selectOption('#speed', '3600');
          midnight = await page.evaluate(playFor, { seconds: 6 });
        }
        rows.push({ run, openS, heapMB: heap, heapAfterMB, days, heapMaxMB, daysHeldMax, ...stats, jsMs: split.jsMs, renderMs: split.renderMs, midnightMaxMs: midnight.maxMs, midnightClock: midnight.clock });
        await page.close();
      }
    } finally {
      await browser.close();
      await server.close();
    }
    const load1 = loadavg();
    const version = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
    console.log(`Viewer in headless ${version} (SwiftShader), 1280×800, playing ${SECONDS} s at ${SPEED}× from 07:00 of day 0.\n`);
    console.log('| replay | points | trucks | draw calls | triangles | fps | frame p50 | frame p95 | frame max | static layer drawn | open | JS heap (open → after play) | clock at end | days | JS heap, max over the days | days held, max |');
    console.log('| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --- | --: | --: | --: |');
    for (const r of rows) {
      console.log(`| ${r.run} | ${r.points} | ${r.trucks} | ${r.drawCalls} | ${r.triangles} | ${r.fps.toFixed(1)} | ${r.p50Ms.toFixed(1)} ms | ${r.p95Ms.toFixed(1)} ms | ${r.maxMs.toFixed(0)} ms | ${r.staticDraws}× | ${r.openS.toFixed(1)} s | ${r.heapMB.toFixed(0)} → ${r.heapAfterMB.toFixed(0)} MB | ${r.clock} | ${r.days} | ${r.heapMaxMB.toFixed(0)} MB | ${r.daysHeldMax} |`);
    }
    console.log('\nOne frame split, each frame waiting for the GPU (played again from 07:00):\n');
    console.log('| replay | JS update (trucks, points, sites, panels) | drawing (static layer when the camera moved, moving layers) |');
    console.log('| --- | --: | --: |');
    for (const r of rows) console.log(`| ${r.run} | ${r.jsMs.toFixed(1)} ms | ${r.renderMs.toFixed(1)} ms |`);
    console.log('\nAcross midnight (3600× for 6 s from 21:00 of day 0; the next day is read from the jump to 21:00, from noon when playing through):\n');
    console.log('| replay | longest frame | clock at end |');
    console.log('| --- | --: | --- |');
    for (const r of rows) if (r.days > 1) console.log(`| ${r.run} | ${r.midnightMaxMs.toFixed(0)} ms | ${r.midnightClock} |`);
    console.log(`\n${cpus().length} cores; load average before ${load0.map((x) => x.toFixed(2)).join(' ')}, after ${load1.map((x) => x.toFixed(2)).join(' ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
