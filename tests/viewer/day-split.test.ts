import { describe, expect, it } from 'vitest';
import { compileDay, compileDayInSlices, placesOf } from '../../viewer/src/replay/day-state.ts';
import { joinDay, splitDay } from '../../viewer/src/replay/day-split.ts';
import { reply } from '../../viewer/src/replay/day-worker.ts';
import { parseDay, parseHeader, ReplayError } from '../../viewer/src/replay/parse.ts';
import { makeReplay } from './fixtures/make-replay.ts';

// Non-ASCII names and ids, so that byte offsets and character offsets differ.
const lines = makeReplay({ trucks: 5, gridSide: 5, days: 2 }).replaceAll('"T1"', '"T1-黄埔"').split('\n');
const header = parseHeader(lines[0]);

describe('day lines parsed in a worker and joined in slices', () => {
  it('gives the same day as parsing the line on the page', async () => {
    const parts = splitDay(lines[2], 1);
    expect(parts.trucks).toBe(5);
    const joined = await joinDay(parts);
    expect(joined).toEqual(parseDay(lines[2], 1));
    expect(joined.trucks[0].id).toBe('T1-黄埔');
  });

  it('gives the same day state when the tracks are compiled a slice at a time', async () => {
    const day = parseDay(lines[1], 0);
    const places = placesOf(header);
    expect(await compileDayInSlices(header, day, places)).toEqual(compileDay(header, day, places));
  });

  it('answers the page with what is wrong with a broken line, as a replay error', () => {
    const cut = reply({ id: 7, bytes: new TextEncoder().encode(lines[2].slice(0, 400)), day: 1 });
    expect(cut).toMatchObject({ id: 7, replayError: true, error: expect.stringMatching(/day 1 \(line 3\) is not complete JSON.*truncated/) });
    expect(() => splitDay(lines[2], 0)).toThrow(ReplayError);
    expect(() => splitDay(lines[2], 0)).toThrow(/holds day 1; days must follow in order/);
  });
});
