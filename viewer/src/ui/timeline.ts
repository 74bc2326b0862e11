/** The timeline: play / pause, speed, jump to a day, a scrubber over the whole replay, and the day, date and clock. */
import { Playback, SPEEDS } from '../playback.ts';
import { clockText, dateText, dayOf } from '../replay/time.ts';
import { SECONDS_PER_DAY, type ReplayHeader } from '../replay/types.ts';

export class Timeline {
  private readonly play: HTMLButtonElement;
  private readonly speed: HTMLSelectElement;
  private readonly day: HTMLSelectElement;
  private readonly scrub: HTMLInputElement;
  private readonly clock: HTMLElement;

  constructor(private readonly el: HTMLElement, private readonly h: ReplayHeader, days: number, private readonly pb: Playback, seek: (t: number) => void) {
    el.innerHTML = `<button id="play" title="Play / pause (space)">▶</button>
      <label>speed <select id="speed">${SPEEDS.map((s) => `<option value="${s}">${s}×</option>`).join('')}</select></label>
      <label>day <select id="day">${Array.from({ length: days }, (_, d) => `<option value="${d}">${d} · ${dateText(h.startDate, d)}</option>`).join('')}</select></label>
      <span id="clock"></span>
      <input type="range" id="scrub" min="${pb.tMin}" max="${pb.tMax}" step="60">`;
    this.play = el.querySelector('#play')!;
    this.speed = el.querySelector('#speed')!;
    this.day = el.querySelector('#day')!;
    this.scrub = el.querySelector('#scrub')!;
    this.clock = el.querySelector('#clock')!;
    this.speed.value = String(pb.speed);
    this.play.addEventListener('click', () => { pb.playing = !pb.playing; this.update(); });
    this.speed.addEventListener('change', () => { pb.speed = Number(this.speed.value); });
    // Jumping to a day lands at 06:00, when the rounds usually begin.
    this.day.addEventListener('change', () => seek(Number(this.day.value) * SECONDS_PER_DAY + 6 * 3600));
    this.scrub.addEventListener('input', () => seek(Number(this.scrub.value)));
    el.hidden = false;
  }

  update(): void {
    const d = dayOf(this.pb.t);
    this.play.textContent = this.pb.playing ? '❚❚' : '▶';
    this.play.setAttribute('aria-pressed', String(this.pb.playing));
    this.clock.textContent = `day ${d} · ${dateText(this.h.startDate, d)} · ${clockText(this.pb.t)}`;
    if (document.activeElement !== this.day) this.day.value = String(Math.min(d, this.day.options.length - 1));
    if (document.activeElement !== this.scrub) this.scrub.value = String(this.pb.t);
  }
}
