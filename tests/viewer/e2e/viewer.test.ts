/**
 * The viewer in a real headless Chromium: the demo scenario's replay (simulated
 * here into a temporary folder) is drawn, plays, and answers a click on a
 * truck; the draw calls do not grow when the demo gets ten times its trucks
 * (a scenario variant simulated here too), with markers instanced and merged
 * alike (`?markers=`), or a fixture gets a megacity's
 * number of points (drawn as dots); broken files
 * give a message in the page; a file can be opened with the picker.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureViewerBuilt } from '../../../viewer/src/serve/build.ts';
import { startViewServer, type ViewServer } from '../../../viewer/src/serve/server.ts';
import { browserMissing, launchBrowser, type Browser } from '../browser.ts';
import { DOTS_ABOVE } from '../../../viewer/src/scene/points.ts';
import { makeReplay, writeReplay } from '../fixtures/make-replay.ts';
import { canvasLuminanceVariance, isolatedTrucks, openReplay } from './page.ts';

const missing = browserMissing();
if (missing) console.warn(missing);

describe.skipIf(missing !== null)('viewer in headless Chromium', () => {
  let dir: string;
  let server: ViewServer;
  let base: string;
  let browser: Browser;
  let page: Page;
  let demoTrucks: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wastetwin-viewer-'));
    execFileSync(process.execPath, ['bin/wastetwin.js', 'simulate', 'scenarios/demo.json', '--out', join(dir, 'demo')], { stdio: 'ignore' });
    demoTrucks = JSON.parse(readFileSync(join(dir, 'demo', 'replay.ndjson'), 'utf8').split('\n', 1)[0]).trucks.map((t: { id: string }) => t.id);
    // The demo with ten times its trucks: every fleet and every station's haul trucks, one day.
    const demo = JSON.parse(readFileSync('scenarios/demo.json', 'utf8')) as { fleet: { id: string; count: number }[]; transferStations: { haul: { trucks: number } }[] };
    const haul = new Set(demo.transferStations.map((s) => s.haul.trucks));
    expect(haul.size).toBe(1);
    const set: Record<string, number> = { 'transferStations[*].haul.trucks': 10 * [...haul][0] };
    for (const f of demo.fleet) set[`fleet[${f.id}].count`] = 10 * f.count;
    writeFileSync(join(dir, 'demo-x10.json'), JSON.stringify({ extends: resolve('scenarios/demo.json'), name: 'demo-x10', set }));
    execFileSync(process.execPath, ['bin/wastetwin.js', 'simulate', join(dir, 'demo-x10.json'), '--days', '1', '--out', join(dir, 'demo-x10')], { stdio: 'ignore' });
    writeReplay(join(dir, 'small'), { trucks: 8 });
    // Past DOTS_ABOVE points the points are drawn as a cloud of dots instead of columns.
    writeReplay(join(dir, 'many'), { trucks: 80, gridSide: 80, blockM: 100 });
    // More road segments than LOD_SEGMENTS.
    writeReplay(join(dir, 'large'), { trucks: 4, gridSide: 110, blockM: 100 });
    writeReplay(join(dir, 'osm'), { trucks: 2, attribution: '© OpenStreetMap contributors' });
    const text = makeReplay({ trucks: 3, days: 3 });
    writeFileSync(join(dir, 'truncated.ndjson'), text.slice(0, text.length - 500));
    writeFileSync(join(dir, 'v2.ndjson'), text.replace('"version":1', '"version":2'));
    // Day 1 cut short in the middle of the file: found only when the worker parses it.
    const lines = text.split('\n');
    lines[2] = lines[2].slice(0, 300);
    writeFileSync(join(dir, 'bad-day.ndjson'), lines.join('\n'));
    await ensureViewerBuilt();
    server = await startViewServer({ runDir: dir, port: 0 });
    base = server.url.replace(/\/\?.*$/, '');
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });

  /** Draw calls of a frame of `run` at 07:00 of day 0, with its numbers of points and trucks and how its markers were drawn. */
  const calls = async (run: string, extra = '') => {
    await openReplay(page, base, run, extra);
    return page.evaluate(async () => {
      await window.__wastetwin.setTime(7 * 3600);
      return { calls: window.__wastetwin.drawCalls(), markers: window.__wastetwin.markers(), ...window.__wastetwin.counts() };
    });
  };
  const BACKENDS = ['instanced', 'merged'] as const;

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('draws the demo replay: the canvas is not blank and the panels are filled', async () => {
    await openReplay(page, base, 'run/demo/replay.ndjson');
    expect(await page.evaluate(() => window.__wastetwin.error)).toBeNull();
    await page.evaluate(() => window.__wastetwin.setTime(9 * 3600));
    expect(await canvasLuminanceVariance(page)).toBeGreaterThan(50);
    expect(await page.textContent('#title')).toContain('demo');
    expect(await page.textContent('#timeline')).toContain('09:00:00');
    expect(await page.isVisible('#kpi canvas')).toBe(true);
    expect(await page.isVisible('#legend')).toBe(true);
    expect(await page.isVisible('#attribution')).toBe(false);
  });

  it('plays: the clock and the trucks move after pressing play', async () => {
    await page.evaluate(() => window.__wastetwin.setTime(7 * 3600));
    const t0 = (await page.evaluate(() => window.__wastetwin.time()))!;
    const before = await page.evaluate((ids) => ids.map((id) => window.__wastetwin.truckPose(id)), demoTrucks);
    const clockBefore = await page.textContent('#clock');
    await page.click('#play');
    await page.waitForFunction((t) => window.__wastetwin.time()! > t + 900, t0, { timeout: 30_000 });
    await page.click('#play');
    expect(await page.evaluate(() => window.__wastetwin.playing())).toBe(false);
    await page.waitForFunction((c) => document.querySelector('#clock')!.textContent !== c, clockBefore);
    const after = await page.evaluate((ids) => ids.map((id) => window.__wastetwin.truckPose(id)), demoTrucks);
    const moved = after.filter((p, i) => Math.hypot(p!.x - before[i]!.x, p!.y - before[i]!.y) > 10);
    expect(moved.length).toBeGreaterThan(demoTrucks.length / 2);
  });

  it.each(BACKENDS)('clicking a truck opens its panel with its stops, load and manifests, and the camera follows it (%s markers)', async (backend) => {
    await openReplay(page, base, 'run/demo/replay.ndjson', `&markers=${backend}`);
    expect(await page.evaluate(() => window.__wastetwin.markers())).toBe(backend);
    await page.evaluate(() => window.__wastetwin.setTime(10 * 3600));
    const [pick] = await isolatedTrucks(page, demoTrucks, 30);
    expect(pick).toBeDefined();
    await page.mouse.click(pick.x, pick.y);
    await page.waitForSelector('#detail:not([hidden])');
    const text = (await page.textContent('#detail'))!;
    expect(text).toContain(`Truck ${pick.id}`);
    expect(text).toMatch(/Stops today \d+/);
    expect(text).toMatch(/load [\d.]+ t of [\d.]+ t/);
    expect(text).toMatch(/Manifests \d+/);
    // Followed: wherever the truck drives, it stays where the camera looks (the middle of the canvas).
    const where = async (t: number) => page.evaluate(async ([id, at]) => {
      await window.__wastetwin.setTime(at);
      return { pose: window.__wastetwin.truckPose(id)!, screen: window.__wastetwin.truckScreen(id)! };
    }, [pick.id, t] as const);
    const a = await where(10 * 3600 + 60);
    const b = await where(10 * 3600 + 1200);
    expect(Math.hypot(b.pose.x - a.pose.x, b.pose.y - a.pose.y)).toBeGreaterThan(0);
    const size = page.viewportSize()!;
    for (const p of [a.screen, b.screen]) expect(Math.hypot(p.x - size.width / 2, p.y - size.height / 2)).toBeLessThan(3);
    await page.keyboard.press('Escape');
    expect(await page.isVisible('#detail')).toBe(false);
  });

  it('hovering a truck labels it', async () => {
    await openReplay(page, base, 'run/demo/replay.ndjson');
    await page.evaluate(() => window.__wastetwin.setTime(9 * 3600));
    const [pick] = await isolatedTrucks(page, demoTrucks, 30);
    await page.mouse.move(pick.x, pick.y);
    await page.waitForSelector('#tooltip:not([hidden])');
    expect(await page.textContent('#tooltip')).toMatch(new RegExp(`^${pick.id} · .* t of [\\d.]+ t`));
    await page.mouse.move(5, 400);
    expect(await page.isVisible('#tooltip')).toBe(false);
  });

  it('clicking a plant shows its pit and what it received and treated over the day', async () => {
    await openReplay(page, base, 'run/demo/replay.ndjson');
    await page.evaluate(() => window.__wastetwin.setTime(86_400 + 14 * 3600));
    const at = (await page.evaluate(() => window.__wastetwin.siteScreen('INC')))!;
    await page.mouse.click(at.x, at.y);
    await page.waitForSelector('#detail:not([hidden])');
    const text = (await page.textContent('#detail'))!;
    expect(text).toMatch(/INC · incinerator · pit [\d.]+ t/);
    expect(text).toMatch(/pit now [\d.]+ t of [\d.]+ t · arrived so far [\d.]+ t · treated today [\d.]+ t/);
    expect(await page.isVisible('#detail canvas.chart')).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('jumps to a day, and the KPI panel follows the clock', async () => {
    await openReplay(page, base, 'run/demo/replay.ndjson');
    await page.selectOption('#day', '3');
    await page.waitForFunction(() => document.querySelector('#clock')!.textContent!.includes('day 3 ·'));
    expect(await page.textContent('#clock')).toMatch(/day 3 · \w{3} \d{4}-\d\d-\d\d · 06:00:00/);
    const collected = async (t: number) => {
      await page.evaluate((at) => window.__wastetwin.setTime(at), t);
      expect(await page.textContent('#kpi .kpi-title')).toMatch(/^Day 3 · /);
      const label = (await page.getAttribute('#kpi canvas.kpi-main', 'aria-label'))!;
      const m = /Collected: ([\d.]+) t of ([\d.]+) t/.exec(label)!;
      return { soFar: Number(m[1]), day: Number(m[2]) };
    };
    const morning = await collected(3 * 86_400 + 7 * 3600);
    const evening = await collected(3 * 86_400 + 20 * 3600);
    expect(morning.day).toBe(evening.day);
    expect(morning.soFar).toBeLessThan(evening.soFar);
    expect(evening.soFar).toBeLessThanOrEqual(evening.day);
  });

  it('draws the static layer again when the camera moves, not while the clock runs', async () => {
    await openReplay(page, base, 'run/demo/replay.ndjson');
    await page.evaluate(() => window.__wastetwin.setTime(8 * 3600));
    const draws = await page.evaluate(() => window.__wastetwin.staticDraws());
    const before = await canvasLuminanceVariance(page, '#stage canvas.static-layer');
    await page.evaluate(() => window.__wastetwin.setTime(9 * 3600));
    expect(await page.evaluate(() => window.__wastetwin.staticDraws())).toBe(draws);
    await page.mouse.move(640, 400);
    await page.mouse.wheel(0, -400);
    await page.waitForFunction((n) => window.__wastetwin.staticDraws() > n, draws);
    expect(await canvasLuminanceVariance(page, '#stage canvas.static-layer')).not.toBe(before);
    expect(await canvasLuminanceVariance(page)).toBeGreaterThan(50);
  });

  it('draws a megacity\'s dots again when the clock moves, and the static layer not', async () => {
    await openReplay(page, base, 'run/many/replay.ndjson');
    const draws = () => page.evaluate(() => ({ dots: window.__wastetwin.slowDraws(), roads: window.__wastetwin.staticDraws() }));
    await page.evaluate(() => window.__wastetwin.setTime(8 * 3600));
    const before = await draws();
    const dots = await canvasLuminanceVariance(page, '#stage canvas.slow-layer');
    expect(dots).toBeGreaterThan(0);
    await page.evaluate(() => window.__wastetwin.setTime(8 * 3600));
    expect(await draws()).toEqual(before);
    await page.evaluate(() => window.__wastetwin.setTime(16 * 3600));
    expect(await draws()).toEqual({ dots: before.dots + 1, roads: before.roads });
    expect(await canvasLuminanceVariance(page, '#stage canvas.slow-layer')).not.toBe(dots);
  });

  it('leaves out the local roads of a large network while the map is dragged, and draws them again when let go', async () => {
    await openReplay(page, base, 'run/large/replay.ndjson');
    await page.evaluate(() => window.__wastetwin.setTime(8 * 3600));
    expect(await page.evaluate(() => window.__wastetwin.localRoadsShown())).toBe(true);
    await page.mouse.move(640, 400);
    await page.mouse.down();
    await page.mouse.move(700, 430, { steps: 4 });
    await page.waitForFunction(() => !window.__wastetwin.localRoadsShown());
    const whileDragged = await page.evaluate(() => window.__wastetwin.staticDraws());
    await page.mouse.up();
    await page.waitForFunction((n) => window.__wastetwin.localRoadsShown() && window.__wastetwin.staticDraws() > n, whileDragged);
  });

  it('draws the demo with markers instanced and merged, in as many calls either way and for ten times its trucks', async () => {
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    const demoCalls: number[] = [];
    for (const backend of BACKENDS) {
      const demo = await calls('run/demo/replay.ndjson', `&markers=${backend}`);
      expect(demo.markers).toBe(backend);
      expect(await canvasLuminanceVariance(page)).toBeGreaterThan(50);
      // The moving layer alone (trucks, point columns, stock columns) is drawn too.
      expect(await canvasLuminanceVariance(page, '#stage canvas:not(.static-layer):not(.slow-layer)')).toBeGreaterThan(0);
      const tenfold = await calls('run/demo-x10/replay.ndjson', `&markers=${backend}`);
      expect(tenfold.markers).toBe(backend);
      expect(demo.trucks).toBe(demoTrucks.length);
      expect(tenfold.trucks).toBe(10 * demoTrucks.length);
      expect(await page.textContent('#title')).toContain(`${10 * demoTrucks.length} trucks`);
      expect(demo.calls).toBeGreaterThan(5);
      expect(tenfold.calls).toBe(demo.calls);
      demoCalls.push(demo.calls);
    }
    expect(demoCalls[0]).toBe(demoCalls[1]);
    page.removeAllListeners('console');
    expect(errors).toEqual([]);
  });

  it('draws as many calls for a megacity\'s number of points and ten times the trucks', async () => {
    const small = await calls('run/small/replay.ndjson');
    const many = await calls('run/many/replay.ndjson');
    expect(await canvasLuminanceVariance(page)).toBeGreaterThan(50);
    expect(small).toMatchObject({ points: 81, trucks: 8 });
    expect(many.points).toBeGreaterThan(DOTS_ABOVE);
    expect(many.trucks).toBe(80);
    expect(many.calls).toBe(small.calls);
  });

  it('shows the OpenStreetMap attribution when the replay carries it', async () => {
    await openReplay(page, base, 'run/osm/replay.ndjson');
    expect(await page.textContent('#attribution')).toBe('© OpenStreetMap contributors');
    expect(await page.isVisible('#attribution')).toBe(true);
  });

  it('says in the page when a file is truncated or of another version', async () => {
    await openReplay(page, base, 'run/truncated.ndjson');
    expect(await page.textContent('#message')).toMatch(/truncated: it holds 2 of the 3 days/);
    expect(await canvasLuminanceVariance(page)).toBeGreaterThan(50);
    await openReplay(page, base, 'run/v2.ndjson');
    expect(await page.isVisible('#message')).toBe(true);
    expect(await page.textContent('#message')).toMatch(/unsupported replay version 2: this viewer reads version 1/);
  });

  it('parses days in a worker, and says in the page when a day line is broken', async () => {
    await openReplay(page, base, 'run/bad-day.ndjson');
    expect(await page.evaluate(() => window.__wastetwin.error)).toBeNull();
    expect(await page.evaluate(() => window.__wastetwin.dayParser())).toBe('worker');
    await page.evaluate(() => window.__wastetwin.setTime(86_400 + 9 * 3600).catch(() => {}));
    await page.waitForSelector('#message:not([hidden])');
    expect(await page.textContent('#message')).toMatch(/Cannot read this replay: day 1 \(line 3\) is not complete JSON \(300 bytes.*truncated/);
  });

  it('opens a file chosen with the file picker', async () => {
    await page.goto(`${base}/`);
    expect(await page.isVisible('#drop')).toBe(true);
    await page.setInputFiles('#file', join(dir, 'small', 'replay.ndjson'));
    await page.waitForFunction(() => window.__wastetwin.ready);
    expect(await page.textContent('#title')).toContain('fixture-8');
    expect(await page.isVisible('#drop')).toBe(false);
  });
});
