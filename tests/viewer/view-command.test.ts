/**
 * `wastetwin view RUN_DIR` end to end: it builds the viewer if needed, serves
 * the app and the run folder on localhost, prints the URL, and refuses a
 * folder without a replay.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { writeReplay } from './fixtures/make-replay.ts';

const dir = mkdtempSync(join(tmpdir(), 'wastetwin-view-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts `wastetwin view`, resolves with the URL it prints, and stops it after `use`. */
async function withView(runDir: string, use: (url: string) => Promise<void>): Promise<void> {
  const child = spawn(process.execPath, ['bin/wastetwin.js', 'view', runDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((ok, fail) => {
      let out = '';
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /viewer: (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
        if (m) ok(m[1]);
      });
      child.on('exit', (code) => fail(new Error(`wastetwin view exited with ${code} before printing a URL`)));
    });
    await use(url);
  } finally {
    child.kill();
  }
}

describe('wastetwin view', () => {
  it('serves the viewer and the run folder and prints the URL of the replay', async () => {
    const run = join(dir, 'run');
    writeReplay(run, { trucks: 2, days: 1 });
    await withView(run, async (url) => {
      expect(url).toMatch(/\/\?replay=run\/replay\.ndjson$/);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>wastetwin viewer</title>');
      const replay = await fetch(new URL('run/replay.ndjson', url));
      expect((await replay.text()).split('\n', 1)[0]).toContain('"scenario":"fixture-2"');
    });
  });

  it('refuses a folder without replay.ndjson, saying how to make one', async () => {
    const r = await runCli(['view', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no replay\.ndjson in this folder.*wastetwin simulate/);
  });
});
