/**
 * report.html and compare.html in headless Chromium: they load with no
 * console error and no request beyond the file itself, every section holds a
 * drawn chart with data marks, and nothing runs off a 1280-px screen or the
 * printed page.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, launchBrowser, type Browser } from '../viewer/browser.ts';
import { runCli } from '../helpers/cli.ts';
import { smallScenario, writeTemp } from '../helpers/scenarios.ts';
import { edits, runSmall } from './run-fixtures.ts';

const missing = browserMissing();
if (missing) console.warn(missing);

interface Opened { errors: string[]; requests: string[] }

async function open(page: Page, file: string): Promise<Opened> {
  const errors: string[] = [], requests: string[] = [];
  page.removeAllListeners();
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { errors, requests };
}

/** Per section: its id, and the number of data marks in each of its charts and the width each is drawn at. */
function sectionCharts(page: Page) {
  return page.$$eval('section', (sections) => sections.map((s) => ({
    id: s.id,
    charts: [...s.querySelectorAll('svg.chart')].map((svg) => ({ marks: svg.querySelectorAll('.mark').length, width: svg.getBoundingClientRect().width })),
  })));
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe.skipIf(missing !== null)('the HTML reports in headless Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser({ width: 1280, height: 900 });
    page = await browser.context.newPage();
  });
  afterAll(async () => { await browser?.close(); });

  it('report.html of a run with an outage: no console errors, a chart with data marks in every section, fits 1280 px and print', async () => {
    const { dir } = await runSmall(edits.lineOutage);
    const file = join(dir, 'report.html');
    const { errors, requests } = await open(page, file);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
    const sections = await sectionCharts(page);
    expect(sections.map((s) => s.id)).toEqual(['targets', 'outages', 'plants', 'landfill', 'recycling', 'stations', 'plant-bays', 'clearance', 'fleet']);
    for (const s of sections) {
      expect(s.charts.length, s.id).toBeGreaterThan(0);
      for (const c of s.charts) {
        expect(c.marks, s.id).toBeGreaterThan(0);
        expect(c.width, s.id).toBeGreaterThan(400);
      }
    }
    expect(await overflow(page)).toBe(0);
    await page.emulateMedia({ media: 'print' });
    expect(await overflow(page)).toBe(0);
    await page.emulateMedia({ media: 'screen' });
  });

  it('report.html of a run with too little incineration shows landfill bars above the axis', async () => {
    const { dir, report } = await runSmall(edits.tooLittleIncineration);
    const { errors } = await open(page, join(dir, 'report.html'));
    expect(errors).toEqual([]);
    const heights = await page.$$eval('#landfill rect.mark', (rects) => rects.map((r) => r.getBoundingClientRect().height));
    expect(heights).toHaveLength(report.kpis.days.length);
    report.kpis.days.forEach((d, i) => {
      if (d.landfilledKg > 0) expect(heights[i]).toBeGreaterThan(0);
      else expect(heights[i]).toBe(0);
    });
    expect(await page.textContent('#targets table')).toContain('MISSED');
  });

  it('compare.html opens without errors and charts every target and differing KPI', async () => {
    const dir = writeTemp(smallScenario()).dir;
    const a = join(dir, 'scenario.json');
    const b = writeTemp(smallScenario((s) => edits.tooLittleIncineration(s)), 'small-incinerator.json').file;
    const out = join(mkdtempSync(join(tmpdir(), 'wastetwin-cmp-')), 'cmp');
    expect((await runCli(['compare', a, b, '--seeds', '1,2', '--days', '2', '--out', out])).code).toBe(0);
    const { errors, requests } = await open(page, join(out, 'compare.html'));
    expect(errors).toEqual([]);
    expect(requests).toHaveLength(1);
    const sections = await sectionCharts(page);
    for (const s of sections.filter((x) => x.id !== 'runs')) {
      expect(s.charts.length, s.id).toBeGreaterThan(0);
      for (const c of s.charts) expect(c.marks, s.id).toBeGreaterThan(0);
    }
    // Two runs of two seeds: each bar of the landfill KPI has a min–max whisker.
    expect(await page.locator('#kpis svg[aria-label="landfilled (t)"] .whisker').count()).toBe(2);
    expect(await overflow(page)).toBe(0);
  });
});
