import { describe, expect, it } from 'vitest';
import { ReplaySource } from '../../viewer/src/replay/source.ts';
import { ReplayError } from '../../viewer/src/replay/parse.ts';
import { LineIndexer } from '../../viewer/src/replay/line-index.ts';
import { makeReplay } from './fixtures/make-replay.ts';

const text = makeReplay({ trucks: 3, gridSide: 4, days: 3 });
const open = (s: string) => ReplaySource.open(new Blob([s]));
const failure = async (s: string) => {
  const e = await open(s).then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(ReplayError);
  return (e as Error).message;
};

describe('replay parsing', () => {
  it('reads the header at once and each day on demand', async () => {
    const r = await open(text);
    expect(r.header.scenario).toBe('fixture-3');
    expect(r.daysAvailable).toBe(3);
    expect(r.warning).toBeNull();
    const d = await r.day(2);
    expect(d.day).toBe(2);
    expect(d.trucks.map((t) => t.id)).toEqual(['T1', 'T2', 'T3']);
  });
  it('refuses another version, saying which it found', async () => {
    expect(await failure(text.replace('"version":1', '"version":2'))).toMatch(/unsupported replay version 2.*version 1/);
  });
  it('refuses a file that is not a replay, saying what it found', async () => {
    expect(await failure(text.replace('"wastetwin-replay"', '"geojson"'))).toMatch(/not a wastetwin replay.*"geojson"/);
    expect(await failure('id,kg\nM1,3\n')).toMatch(/line 1 \(the header\) is not complete JSON/);
    expect(await failure('')).toMatch(/empty/);
  });
  it('plays the complete days of a file cut mid-day and says what is missing', async () => {
    const cut = text.slice(0, text.lastIndexOf('\n', text.length - 2) + 200);
    const r = await open(cut);
    expect(r.daysAvailable).toBe(2);
    expect(r.warning).toMatch(/truncated: it holds 2 of the 3 days/);
    await expect(r.day(2)).rejects.toThrow(/not in this replay/);
  });
  it('says the file is truncated when not even one day is complete', async () => {
    expect(await failure(text.slice(0, text.indexOf('\n') + 50))).toMatch(/truncated: it holds the header but no complete day of the 3/);
    expect(await failure(text.slice(0, 300))).toMatch(/header.*not complete JSON.*truncated/);
  });
  it('checks that days follow in order', async () => {
    const r = await open(text.replace('"day":1', '"day":7'));
    await expect(r.day(1)).rejects.toThrow(/holds day 7; days must follow in order/);
  });
  it('finds lines across chunk boundaries', () => {
    const ix = new LineIndexer();
    const bytes = new TextEncoder().encode('ab\ncd\n\nef');
    for (let i = 0; i < bytes.length; i += 2) ix.push(bytes.subarray(i, i + 2));
    expect(ix.finish()).toEqual({ starts: [0, 3, 6, 7], ends: [2, 5, 6, 9], endsWithNewline: false });
  });
});
