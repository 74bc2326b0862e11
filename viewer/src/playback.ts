/** The play clock: run time in seconds, advanced by wall time × speed while playing, kept inside the replay. */
export const SPEEDS = [1, 10, 60, 300, 600, 1800, 3600] as const;

/**
 * Most wall time one frame may move the clock by: a page left in the
 * background (no frames) does not leap ahead when it comes back, while a slow
 * renderer (software WebGL draws a megacity at 1–2 frames a second) still
 * plays at the chosen speed.
 */
const MAX_FRAME_S = 1;

export class Playback {
  playing = false;
  speed = 600;
  constructor(public t: number, public tMin: number, public tMax: number) {}

  /**
   * Advances by wallSeconds of real time, but not past `untilT` (the end of
   * the days read so far: the clock waits there for the next, as a video
   * buffers); stops at the end of the replay.
   */
  advance(wallSeconds: number, untilT = this.tMax): void {
    if (!this.playing) return;
    this.seek(Math.min(this.t + Math.min(wallSeconds, MAX_FRAME_S) * this.speed, Math.max(untilT, this.t)));
    if (this.t >= this.tMax) this.playing = false;
  }

  seek(t: number): void {
    this.t = Math.min(Math.max(t, this.tMin), this.tMax);
  }
}
