import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assemble } from '../../engine/optimise/vrp/assemble.ts';
import { checkSolution, type ViolationKind } from '../../engine/optimise/vrp/checker.ts';
import { createInstance, type InstanceSpec } from '../../engine/optimise/vrp/instance.ts';
import { RouteSimulator } from '../../engine/optimise/vrp/route-sim.ts';
import type { RoutePlan, Visit, VrpSolution } from '../../engine/optimise/vrp/solution.ts';
import { smallWaste } from './fixtures.ts';

/** A waste day with loose rules, so that any split of the stops into routes is a valid plan. */
function looseSpec(seed: number, n: number): InstanceSpec {
  const spec = smallWaste(seed, n, { capacity: [1e5, 1e3], shiftEndSeconds: 48 * 3600, lunch: null });
  for (const s of spec.stops) { s.windowOpenSeconds = 0; s.windowCloseSeconds = 48 * 3600; }
  spec.facilities![0].closeSeconds = 48 * 3600;
  return spec;
}

type Plan = { spec: InstanceSpec; sol: VrpSolution };
type Breaker = (p: Plan) => Plan | null;

const routeMax = (sol: VrpSolution, f: (r: RoutePlan) => number) => Math.max(...sol.routes.map(f));
const withRoute = (sol: VrpSolution, i: number, visits: Visit[]): VrpSolution =>
  ({ ...sol, routes: sol.routes.map((r, k) => (k === i ? { ...r, visits } : r)) });
const firstStop = (r: RoutePlan) => r.visits.findIndex((v) => v.kind === 'stop');

/** One way to break a valid plan per kind of violation: change the plan, or tighten the instance under it. */
const breakers: Record<ViolationKind, Breaker> = {
  coverage: ({ spec, sol }) => {
    const r = sol.routes[0];
    const i = firstStop(r);
    return { spec, sol: withRoute(sol, 0, [...r.visits.slice(0, i), ...r.visits.slice(i + 1)]) };
  },
  vehicle: ({ spec, sol }) => (sol.routes.length < 2 ? null : { spec, sol: { ...sol, routes: sol.routes.map((r) => ({ ...r, vehicle: 0 })) } }),
  endpoints: ({ spec, sol }) => ({ spec, sol: withRoute(sol, 0, sol.routes[0].visits.slice(1)) }),
  stream: ({ spec, sol }) => {
    const s2 = structuredClone(spec);
    s2.vehicleTypes = [{ ...s2.vehicleTypes[0], streams: ['residual'] }, { ...s2.vehicleTypes[0], id: 'any', streams: [] }];
    s2.stops.forEach((s) => { s.stream = 'residual'; });
    s2.stops[sol.routes[0].visits[firstStop(sol.routes[0])].index].stream = 'food';
    return { spec: s2, sol };
  },
  timing: ({ spec, sol }) => {
    const r = sol.routes[0];
    const i = firstStop(r);
    const v = r.visits[i];
    const early = { ...v, arrivalSeconds: v.arrivalSeconds - 100, startSeconds: v.startSeconds - 100, departureSeconds: v.departureSeconds - 100 };
    return { spec, sol: withRoute(sol, 0, r.visits.map((x, k) => (k === i ? early : x))) };
  },
  window: ({ spec, sol }) => {
    const v = sol.routes[0].visits[firstStop(sol.routes[0])];
    const s2 = structuredClone(spec);
    s2.stops[v.index].windowCloseSeconds = v.startSeconds - 60;
    s2.stops[v.index].windowOpenSeconds = 0;
    return { spec: s2, sol };
  },
  'facility-hours': ({ spec, sol }) => {
    const f = sol.routes[0].visits.find((v) => v.kind === 'facility')!;
    const s2 = structuredClone(spec);
    s2.facilities![0].closeSeconds = f.startSeconds - 60;
    return { spec: s2, sol };
  },
  shift: ({ spec, sol }) => {
    const s2 = structuredClone(spec);
    s2.vehicleTypes[0].shiftEndSeconds = routeMax(sol, (r) => r.visits[r.visits.length - 1].arrivalSeconds) - 60;
    return { spec: s2, sol };
  },
  duration: ({ spec, sol }) => {
    const s2 = structuredClone(spec);
    s2.vehicleTypes[0].maxDurationSeconds = routeMax(sol, (r) => r.durationSeconds) - 60;
    return { spec: s2, sol };
  },
  distance: ({ spec, sol }) => {
    const s2 = structuredClone(spec);
    s2.vehicleTypes[0].maxDistance = routeMax(sol, (r) => r.distance) - 1;
    return { spec: s2, sol };
  },
  capacity: ({ spec, sol }) => {
    const cap = routeMax(sol, (r) => Math.max(...r.visits.map((v) => v.load[0]))) - 1;
    if (cap < Math.max(...spec.stops.map((s) => s.load[0]))) return null;
    const s2 = structuredClone(spec);
    s2.vehicleTypes[0].capacity = [cap, 1e3];
    return { spec: s2, sol };
  },
  'load-record': ({ spec, sol }) => {
    const r = sol.routes[0];
    const i = firstStop(r);
    return { spec, sol: withRoute(sol, 0, r.visits.map((x, k) => (k === i ? { ...x, load: [x.load[0] + 1, x.load[1]] } : x))) };
  },
  'shift-load': ({ spec, sol }) => {
    const s2 = structuredClone(spec);
    const most = routeMax(sol, (r) => r.visits.reduce((a, v) => a + (v.kind === 'stop' ? spec.stops[v.index].load[0] : 0), 0));
    s2.vehicleTypes[0].shiftLoadLimit = [most - 1, Infinity];
    return { spec: s2, sol };
  },
  'max-stops': ({ spec, sol }) => {
    const s2 = structuredClone(spec);
    s2.vehicleTypes[0].maxStops = routeMax(sol, (r) => r.visits.filter((v) => v.kind === 'stop').length) - 1;
    return { spec: s2, sol };
  },
  lunch: ({ spec, sol }) => {
    const s2 = structuredClone(spec);
    const leave = sol.routes[0].visits[0].departureSeconds, back = sol.routes[0].visits.at(-1)!.arrivalSeconds;
    s2.vehicleTypes[0].lunch = { earliestStartSeconds: (leave + back) / 2, latestStartSeconds: back, durationSeconds: 1800 };
    return { spec: s2, sol };
  },
  'not-empty': ({ spec, sol }) => {
    const r = sol.routes[0];
    const last = r.visits.length - 2; // the final unload before going home
    return { spec, sol: withRoute(sol, 0, [...r.visits.slice(0, last), r.visits[last + 1]]) };
  },
  cost: ({ spec, sol }) => ({ spec, sol: { ...sol, cost: sol.cost + 1 } }),
};

const planArb = fc.record({
  seed: fc.integer({ min: 1, max: 10_000 }),
  n: fc.integer({ min: 3, max: 12 }),
  routes: fc.integer({ min: 1, max: 3 }),
  shuffle: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
});

function validPlan({ seed, n, routes, shuffle }: { seed: number; n: number; routes: number; shuffle: number[] }): Plan {
  const spec = looseSpec(seed, n);
  const inst = createInstance(spec);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (shuffle[a] % 97) - (shuffle[b] % 97) || a - b);
  const parts = Array.from({ length: Math.min(routes, n) }, (_, k) => ({ vehicleType: 0, stops: order.filter((_, i) => i % Math.min(routes, n) === k) }));
  return { spec, sol: assemble(inst, new RouteSimulator(inst), parts) };
}

describe('the solution checker', () => {
  it('accepts every valid plan', () => {
    fc.assert(fc.property(planArb, (p) => {
      const { spec, sol } = validPlan(p);
      expect(sol.feasible).toBe(true);
      expect(checkSolution(createInstance(spec), sol)).toEqual([]);
    }), { numRuns: 60 });
  });

  for (const kind of Object.keys(breakers) as ViolationKind[]) {
    it(`rejects a plan that breaks the rule: ${kind}`, () => {
      fc.assert(fc.property(planArb, (p) => {
        const broken = breakers[kind](validPlan(p));
        fc.pre(broken !== null);
        const kinds = checkSolution(createInstance(broken!.spec), broken!.sol).map((v) => v.kind);
        expect(kinds).toContain(kind);
      }), { numRuns: 40 });
    });
  }
});
