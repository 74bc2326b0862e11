import { describe, expect, it } from 'vitest';
import { Bays, EventQueue } from '../../engine/sim/event-queue.ts';

describe('event queue', () => {
  it('runs by time, then priority, then the order events were scheduled', () => {
    const q = new EventQueue();
    const log: string[] = [];
    q.at(10, 5, () => log.push('t10 p5'));
    q.at(10, 1, () => log.push('t10 p1 first'));
    q.at(5, 9, () => log.push('t5'));
    q.at(10, 1, () => log.push('t10 p1 second'));
    q.at(10, 1, () => q.after(0, 0, () => log.push('scheduled at t10 while running')));
    q.runUntil(100);
    expect(log).toEqual(['t5', 't10 p1 first', 't10 p1 second', 'scheduled at t10 while running', 't10 p5']);
    expect(q.now).toBe(100);
  });

  it('refuses an event in the past', () => {
    const q = new EventQueue();
    q.runUntil(50);
    expect(() => q.at(10, 0, () => {})).toThrow(/in the past/);
  });
});

describe('bays of a station', () => {
  it('serve trucks in arrival order when all bays are busy, and report the wait and the peak queue', () => {
    const q = new EventQueue();
    const bays = new Bays(q, 1, (t) => t);
    const log: string[] = [];
    for (const [name, at] of [['A', 0], ['B', 10], ['C', 20]] as const) {
      q.at(at, 1, () => bays.request((wait) => { log.push(`${name} in at ${q.now} after ${wait}`); q.after(100, 1, () => bays.release()); }));
    }
    q.runUntil(1000);
    expect(log).toEqual(['A in at 0 after 0', 'B in at 100 after 90', 'C in at 200 after 180']);
    expect(bays.peakQueue).toBe(2);
  });

  it('count the slot-seconds held, split where the count is taken', () => {
    const q = new EventQueue();
    const bays = new Bays(q, 2, (t) => t);
    // A holds 0–300, B 100–200, C (queued behind nothing) 250–400.
    for (const [at, hold] of [[0, 300], [100, 100], [250, 150]] as const) q.at(at, 1, () => bays.request(() => q.after(hold, 1, () => bays.release())));
    q.runUntil(280);
    expect(bays.takeHeldSeconds()).toBe(280 + 100 + 30);
    q.runUntil(1000);
    expect(bays.takeHeldSeconds()).toBe(20 + 120);
    expect(bays.peakQueue).toBe(0);
  });

  it('hold trucks that arrive while the station is closed until it opens', () => {
    const q = new EventQueue();
    const bays = new Bays(q, 2, (t) => Math.max(t, 3600));
    let inAt = -1;
    q.at(60, 1, () => bays.request(() => { inAt = q.now; }));
    q.runUntil(7200);
    expect(inAt).toBe(3600);
  });
});
