import { describe, expect, it } from 'vitest';
import { Playback } from '../../viewer/src/playback.ts';

describe('the play clock', () => {
  it('moves by wall time × speed while playing, and not while paused', () => {
    const pb = new Playback(1000, 0, 86_399);
    pb.speed = 60;
    pb.advance(0.1);
    expect(pb.t).toBe(1000);
    pb.playing = true;
    pb.advance(0.1);
    expect(pb.t).toBeCloseTo(1006);
  });
  it('waits at the end of the days read so far, then goes on', () => {
    const pb = new Playback(86_300, 0, 3 * 86_400 - 1);
    pb.playing = true;
    pb.speed = 3600;
    pb.advance(0.2, 86_399);
    expect(pb.t).toBe(86_399);
    expect(pb.playing).toBe(true);
    pb.advance(0.2, 2 * 86_400 - 1);
    expect(pb.t).toBe(86_399 + 720);
  });
  it('stops at the end of the replay', () => {
    const pb = new Playback(86_000, 0, 86_399);
    pb.playing = true;
    pb.speed = 3600;
    pb.advance(0.25);
    expect(pb.t).toBe(86_399);
    expect(pb.playing).toBe(false);
  });
});
