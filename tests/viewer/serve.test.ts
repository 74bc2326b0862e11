/**
 * `wastetwin view`'s server and the page's URL source: the run folder is
 * served with byte ranges and line indexes, and a replay opened by URL is
 * read a day at a time (memory bounded by a day, whatever the length of the
 * run), without downloading the file to find its days.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ReplaySource } from '../../viewer/src/replay/source.ts';
import { byteRange, startViewServer, type ViewServer } from '../../viewer/src/serve/server.ts';
import { makeReplay } from './fixtures/make-replay.ts';

const text = makeReplay({ trucks: 3, gridSide: 4, days: 3 });
const lineStart = (i: number) => { let at = 0; for (let k = 0; k < i; k++) at = text.indexOf('\n', at) + 1; return at; };

describe('serving a run folder', () => {
  let dir: string;
  let server: ViewServer;
  let root: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wastetwin-serve-'));
    writeFileSync(join(dir, 'replay.ndjson'), text);
    writeFileSync(join(dir, 'other.ndjson'), text);
    server = await startViewServer({ runDir: dir, port: 0, distDir: dir });
    root = server.url.replace(/\/\?.*$/, '');
  });
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers a range request with those bytes only', async () => {
    const res = await fetch(`${root}/run/replay.ndjson`, { headers: { range: 'bytes=10-19' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 10-19/${Buffer.byteLength(text)}`);
    expect(await res.text()).toBe(text.slice(10, 20));
  });

  it('gives where the lines of a file start and end, found again when the file changes', async () => {
    const index = async () => (await fetch(`${root}/run/lines.ndjson.lines`)).json();
    writeFileSync(join(dir, 'lines.ndjson'), 'ab\ncd\n');
    expect(await index()).toMatchObject({ starts: [0, 3], ends: [2, 5], endsWithNewline: true });
    writeFileSync(join(dir, 'lines.ndjson'), 'ab\ncdef\ngh');
    expect(await index()).toMatchObject({ starts: [0, 3, 8], ends: [2, 7, 10], endsWithNewline: false });
    expect((await fetch(`${root}/run/none.ndjson.lines`)).status).toBe(404);
  });

  it('opens a replay by URL without downloading it: the line index, then the header and each day alone', async () => {
    const spy = vi.spyOn(globalThis, 'fetch');
    try {
      const url = `${root}/run/replay.ndjson`;
      const r = await ReplaySource.fetch(url);
      expect(r.header.scenario).toBe('fixture-3');
      expect(r.daysAvailable).toBe(3);
      const d = await r.day(1);
      expect(d.day).toBe(1);
      const asked = spy.mock.calls.map(([u, init]) => ({ url: String(u), range: (init as { headers?: Record<string, string> } | undefined)?.headers?.range }));
      expect(asked).toEqual([
        { url: `${url}.lines`, range: undefined },
        { url, range: `bytes=0-${lineStart(1) - 2}` },
        { url, range: `bytes=${lineStart(2)}-${lineStart(3) - 2}` },
      ]);
      expect(d).toEqual(await (await ReplaySource.open(new Blob([text]))).day(1));
    } finally {
      spy.mockRestore();
    }
  });

  it('streams the file once to index it when the server keeps no line index', async () => {
    const realFetch = globalThis.fetch;
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation((u, init) => (String(u).endsWith('.lines') ? Promise.resolve(new Response('', { status: 404 })) : realFetch(u, init)));
    try {
      const r = await ReplaySource.fetch(`${root}/run/replay.ndjson`);
      expect((await r.day(2)).day).toBe(2);
      expect(spy.mock.calls.filter(([, init]) => !(init as { headers?: object } | undefined)?.headers)).toHaveLength(2);
    } finally {
      spy.mockRestore();
    }
  });

  it('says so when the file changed on the server after it was opened', async () => {
    const r = await ReplaySource.fetch(`${root}/run/other.ndjson`);
    writeFileSync(join(dir, 'other.ndjson'), makeReplay({ trucks: 5, gridSide: 4, days: 3 }));
    await expect(r.day(2)).rejects.toThrow(/changed on the server since it was opened.*reload/);
  });

  it('names the HTTP failure when the replay is missing', async () => {
    await expect(ReplaySource.fetch(`${root}/run/none.ndjson`)).rejects.toThrow(/HTTP 404/);
  });

  it('serves nothing outside the run folder', async () => {
    expect((await fetch(`${root}/run/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });
});

describe('byte ranges', () => {
  it('reads closed, open-ended and suffix ranges, clamped to the file', () => {
    expect(byteRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(byteRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(byteRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(byteRange('bytes=95-200', 100)).toEqual({ start: 95, end: 99 });
  });
  it('refuses ranges past the end and ignores what it does not understand', () => {
    expect(byteRange('bytes=100-120', 100)).toBe('unsatisfiable');
    expect(byteRange('bytes=0-5,10-20', 100)).toBeNull();
    expect(byteRange('items=0-5', 100)).toBeNull();
  });
});
