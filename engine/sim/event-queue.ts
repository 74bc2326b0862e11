/**
 * The simulation kernel: a heap of events keyed (time, priority, sequence).
 * Events at the same time run by priority, then in the order they were
 * scheduled, so a run is the same on every machine — determinism by
 * construction, as in SimPy.
 */
export type Action = () => void;

/** Lower runs first among events at the same second. */
export const PRIORITY = { treat: 0, arrive: 1, release: 2, dispatch: 3, sample: 8, dayEnd: 9 } as const;

export class EventQueue {
  private times: number[] = [];
  private prios: number[] = [];
  private seqs: number[] = [];
  private actions: Action[] = [];
  private seq = 0;
  now = 0;

  get size(): number { return this.times.length; }

  at(time: number, priority: number, action: Action): void {
    if (!(time >= this.now)) throw new Error(`event scheduled in the past: ${time} < ${this.now}`);
    const i = this.times.length;
    this.times.push(time); this.prios.push(priority); this.seqs.push(this.seq++); this.actions.push(action);
    this.up(i);
  }

  after(delaySeconds: number, priority: number, action: Action): void {
    this.at(this.now + Math.max(0, delaySeconds), priority, action);
  }

  /** Run every event strictly before `until`, then set the clock to `until`. */
  runUntil(until: number): void {
    while (this.times.length > 0 && this.times[0] < until) {
      const action = this.actions[0];
      this.now = this.times[0];
      this.popTop();
      action();
    }
    this.now = until;
  }

  private less(a: number, b: number): boolean {
    const { times: t, prios: p, seqs: s } = this;
    return t[a] < t[b] || (t[a] === t[b] && (p[a] < p[b] || (p[a] === p[b] && s[a] < s[b])));
  }

  private swap(a: number, b: number): void {
    const { times: t, prios: p, seqs: s, actions: x } = this;
    [t[a], t[b]] = [t[b], t[a]]; [p[a], p[b]] = [p[b], p[a]]; [s[a], s[b]] = [s[b], s[a]]; [x[a], x[b]] = [x[b], x[a]];
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private popTop(): void {
    const last = this.times.length - 1;
    this.swap(0, last);
    this.times.pop(); this.prios.pop(); this.seqs.pop(); this.actions.pop();
    let i = 0;
    const n = this.times.length;
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < n && this.less(l, m)) m = l;
      if (r < n && this.less(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }
}

/**
 * A resource with a fixed number of slots and a FIFO queue: the tipping bays
 * of a station or a plant. `request` calls `granted(waitSeconds)` when a slot
 * is free; the holder calls `release()` when done. It keeps the longest queue
 * and the slot-seconds held since the last reset.
 */
export class Bays {
  private busy = 0;
  private waiting: { since: number; granted: (wait: number) => void }[] = [];
  peakQueue = 0;
  private heldS = 0;
  private heldSince = 0;

  constructor(private readonly q: EventQueue, readonly slots: number, private readonly openAt: (t: number) => number) {}

  get queueLength(): number { return this.waiting.length; }

  request(granted: (waitSeconds: number) => void): void {
    const since = this.q.now;
    const open = this.openAt(since);
    if (open > since) {
      // Closed: come back at opening time and join the queue then, in arrival order.
      this.q.at(open, PRIORITY.arrive, () => this.enqueue(since, granted));
      return;
    }
    this.enqueue(since, granted);
  }

  private enqueue(since: number, granted: (wait: number) => void): void {
    if (this.busy < this.slots) {
      this.accrue();
      this.busy++;
      granted(this.q.now - since);
      return;
    }
    this.waiting.push({ since, granted });
    this.peakQueue = Math.max(this.peakQueue, this.waiting.length);
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) this.q.after(0, PRIORITY.release, () => next.granted(this.q.now - next.since));
    else { this.accrue(); this.busy--; }
  }

  resetPeak(): void { this.peakQueue = this.waiting.length; }

  /** Slot-seconds held since the last call (or the start), up to now; starts counting afresh. */
  takeHeldSeconds(): number {
    this.accrue();
    const held = this.heldS;
    this.heldS = 0;
    return held;
  }

  private accrue(): void {
    this.heldS += this.busy * (this.q.now - this.heldSince);
    this.heldSince = this.q.now;
  }
}
