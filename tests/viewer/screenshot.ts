/**
 * Regenerates the README's picture of the viewer, docs/img/demo-replay.png:
 * the demo run (runs/demo, from `npm start`) on Tuesday at 08:00, trucks out on their rounds, with the
 * incinerator's panel open, in headless Chromium.
 * `npx tsx tests/viewer/screenshot.ts [RUN_DIR] [OUT_PNG]`
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensureViewerBuilt } from '../../viewer/src/serve/build.ts';
import { startViewServer } from '../../viewer/src/serve/server.ts';
import { launchBrowser } from './browser.ts';
import { openReplay } from './e2e/page.ts';

const runDir = process.argv[2] ?? 'runs/demo';
const out = process.argv[3] ?? 'docs/img/demo-replay.png';

await ensureViewerBuilt();
const server = await startViewServer({ runDir, port: 0 });
const browser = await launchBrowser({ width: 1400, height: 860 });
try {
  const page = await browser.context.newPage();
  await openReplay(page, server.url.replace(/\/\?.*$/, ''), 'run/replay.ndjson');
  const error = await page.evaluate(() => window.__wastetwin.error);
  if (error) throw new Error(error);
  await page.evaluate(async () => {
    const w = window.__wastetwin;
    await w.setTime(86_400 + 8 * 3600);
    w.selectSite('incinerator');
  });
  await page.waitForSelector('#detail canvas.chart');
  // The panels redraw on the next frames; let them settle before the picture.
  await page.waitForTimeout(1500);
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
