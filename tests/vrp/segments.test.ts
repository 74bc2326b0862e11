import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assemble } from '../../engine/optimise/vrp/assemble.ts';
import { checkSolution } from '../../engine/optimise/vrp/checker.ts';
import { createInstance } from '../../engine/optimise/vrp/instance.ts';
import { LUNCH, RouteSimulator, unloadAt } from '../../engine/optimise/vrp/route-sim.ts';
import { RouteCosting } from '../../engine/optimise/vrp/rr/route-costing.ts';
import { smallWaste } from './fixtures.ts';

/** Two stations, so that an unload's facility is a real choice. */
function twoStations(seed: number, n: number) {
  const spec = smallWaste(seed, n, { capacity: [900, 6], shiftEndSeconds: 15 * 3600 });
  spec.facilities = [...spec.facilities!, { id: 'far', location: 2, openSeconds: 7 * 3600, closeSeconds: 14 * 3600, unloadSeconds: 900 }];
  return createInstance(spec);
}

/** An order of some of the stops with unloads and a lunch at arbitrary places. */
const orders = (n: number) => fc.record({
  seq: fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: 1, maxLength: n }),
  unloads: fc.array(fc.tuple(fc.nat(), fc.nat(1)), { maxLength: 4 }),
  lunch: fc.option(fc.nat()),
});

function build({ seq, unloads, lunch }: { seq: number[]; unloads: [number, number][]; lunch: number | null }): number[] {
  const st = seq.slice();
  for (const [at, f] of unloads) st.splice(at % (st.length + 1), 0, unloadAt(f));
  if (lunch !== null) st.splice(lunch % (st.length + 1), 0, LUNCH);
  return st;
}

describe('route segments', () => {
  const inst = twoStations(5, 16);
  const C = new RouteCosting(inst);

  it('an insertion or removal costed in O(1) from prefix and suffix equals costing the whole new order', () => {
    fc.assert(fc.property(orders(16), fc.nat(), fc.nat(), (o, at, which) => {
      const st = build(o);
      const free = Array.from({ length: 16 }, (_, i) => i).filter((s) => !st.includes(s));
      const r = C.build(0, st);
      // Insert an element (a stop not on the route, an unload, the lunch if there is none) before position p.
      const options = [...free, unloadAt(0), unloadAt(1), ...(st.includes(LUNCH) ? [] : [LUNCH])];
      const x = options[which % options.length];
      const p = at % (st.length + 1);
      C.load(r.prefix, p); C.push(0, x); C.pushRest(r, p); C.measureAcc(0);
      const fast = { cost: C.cost, violation: C.violation };
      const whole = C.evaluate(0, [...st.slice(0, p), x, ...st.slice(p)]);
      expect(fast.cost).toBeCloseTo(whole.cost, 6);
      expect(fast.violation).toBeCloseTo(whole.violation, 6);
      // Remove the element at q.
      const q = at % st.length;
      C.load(r.prefix, q); C.pushRest(r, q + 1); C.measureAcc(0);
      const without = C.evaluate(0, st.filter((_, i) => i !== q));
      expect(C.cost).toBeCloseTo(without.cost, 6);
      expect(C.violation).toBeCloseTo(without.violation, 6);
    }), { numRuns: 400 });
  });

  it('segments rebuilt from an earlier order after a local change equal segments built from scratch', () => {
    fc.assert(fc.property(orders(16), orders(16), fc.nat(), fc.nat(3), (o, o2, at, len) => {
      const a = build(o), b = a.slice();
      // Replace a stretch of a by a stretch of another order: a change in the middle, common head and tail.
      const p = at % (a.length + 1);
      b.splice(p, Math.min(len, a.length - p), ...build(o2).slice(0, len));
      const fresh = C.build(0, b), again = C.build(0, b, C.build(0, a));
      expect(Array.from(again.prefix)).toEqual(Array.from(fresh.prefix));
      // Suffix segments at a LUNCH are never read (the lunch joins the element before it).
      b.forEach((x, k) => { if (x !== LUNCH) expect(Array.from(again.suffix.subarray(k * C.W, (k + 1) * C.W))).toEqual(Array.from(fresh.suffix.subarray(k * C.W, (k + 1) * C.W))); });
    }), { numRuns: 300 });
  });

  it('or-opt: a string moved forward or back, costed in O(1), costs what the whole new order costs', () => {
    let tried = 0;
    fc.assert(fc.property(orders(16), fc.nat(), fc.nat(), fc.nat(2), (o, from, to, kk) => {
      const st = build(o), n = st.length, k = kk + 1;
      const i = from % n;
      if (i + k > n || st.slice(i, i + k).includes(LUNCH)) return;
      const j = to % (n + 1);
      if ((j >= i && j <= i + k) || (j < i && st[j] === LUNCH)) return;
      tried++;
      expect(C.orOptBest(C.build(0, st), i, k, 1e6, Infinity, (x) => x === j)).toBe(j);
      const fast = { cost: C.cost, violation: C.violation };
      const rest = [...st.slice(0, i), ...st.slice(i + k)], at2 = j < i ? j : j - k;
      const whole = C.evaluate(0, [...rest.slice(0, at2), ...st.slice(i, i + k), ...rest.slice(at2)]);
      expect(fast.cost).toBeCloseTo(whole.cost, 6);
      expect(fast.violation).toBeCloseTo(whole.violation, 6);
    }), { numRuns: 600 });
    expect(tried).toBeGreaterThan(150);
  });

  it('an order it calls feasible is walked by the timetable to the same distance, hours and cost, and passes the checker', () => {
    const sim = new RouteSimulator(inst);
    let feasible = 0;
    fc.assert(fc.property(orders(16), (o) => {
      const st = C.placeLunch(0, C.normalise(0, build(o)), 1e6);
      const m = C.evaluate(0, st);
      if (m.violation > 0) return;
      feasible++;
      const w = sim.evaluate(0, st);
      expect(w.violation).toBe(0);
      expect(w.distance).toBeCloseTo(m.distance, 6);
      expect(w.durationSeconds).toBeCloseTo(m.durationSeconds, 6);
      expect(w.cost).toBeCloseTo(m.cost, 6);
      const sol = assemble(inst, sim, [{ vehicleType: 0, stops: st }]);
      // Stops left off this one route are the only complaint (and so the solution is not called feasible).
      expect(checkSolution(inst, sol).filter((v) => v.kind !== 'coverage' && !v.message.startsWith('solution claims'))).toEqual([]);
    }), { numRuns: 600 });
    // The property must have been tried on feasible orders, not only passed vacuously.
    expect(feasible).toBeGreaterThan(50);
  });

  it('a stop that overfills its trip is penalised, not unloaded for: every unload is the order\'s', () => {
    const spec = smallWaste(3, 3);
    spec.stops = spec.stops.map((s) => ({ ...s, load: [600, 1], windowOpenSeconds: 0, windowCloseSeconds: 24 * 3600 }));
    const small = createInstance(spec);
    const c = new RouteCosting(small);
    const over = c.evaluate(0, c.normalise(0, [0, 1]));
    expect(over.violation).toBeCloseTo(0.2, 9); // 1,200 kg on a 1,000 kg trip
    const split = c.evaluate(0, c.normalise(0, [0, unloadAt(0), 1]));
    expect(split.violation).toBe(0);
    // The timetable, given the same order without the unload, adds it itself.
    expect(new RouteSimulator(small).evaluate(0, [0, 1]).violation).toBe(0);
  });
});
