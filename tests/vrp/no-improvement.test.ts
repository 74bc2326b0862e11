import { describe, expect, it } from 'vitest';
import { createInstance, solve, type VrpSolution } from '../../engine/optimise/vrp/index.ts';
import { runCli } from '../helpers/cli.ts';
import { smallCvrp, smallWaste } from './fixtures.ts';

const routesOf = (s: VrpSolution) => s.routes.map((r) => [r.vehicleType, ...r.visits.map((v) => `${v.kind}${v.index}`)].join(' '));
const BIG = 1_000_000;

describe('stopping after iterations without improvement', () => {
  it('ruin and recreate stops long before a large budget, with the same result on 1 and 2 threads', async () => {
    const inst = createInstance(smallWaste(11, 40));
    const one = await solve(inst, { seed: 'k', iterations: BIG, noImprovement: 150, threads: 1 });
    const two = await solve(inst, { seed: 'k', iterations: BIG, noImprovement: 150, threads: 2 });
    expect(one.method).toBe('ruin-recreate');
    expect(one.feasible).toBe(true);
    expect(one.iterations).toBeLessThan(BIG / 100);
    expect(two.iterations).toBe(one.iterations);
    expect(two.cost).toBe(one.cost);
    expect(routesOf(two)).toEqual(routesOf(one));
    // Alone (no iteration budget), it stops too, and still whatever the threads.
    const alone = await solve(inst, { seed: 'k', noImprovement: 150, threads: 2 });
    const alone1 = await solve(inst, { seed: 'k', noImprovement: 150, threads: 1 });
    expect(alone.feasible).toBe(true);
    expect(alone.iterations).toBeLessThan(BIG / 100);
    expect(alone1.iterations).toBe(alone.iterations);
    expect(alone1.cost).toBe(alone.cost);
  });

  it('the genetic search stops long before a large budget, with the same result on 1 and 2 threads', async () => {
    const inst = smallCvrp(5, 30);
    const one = await solve(inst, { seed: 3, iterations: BIG, noImprovement: 200, threads: 1 });
    const two = await solve(inst, { seed: 3, iterations: BIG, noImprovement: 200, threads: 2 });
    expect(one.method).toBe('hgs');
    expect(one.iterations).toBeLessThan(BIG / 100);
    expect(two.iterations).toBe(one.iterations);
    expect(two.cost).toBe(one.cost);
    expect(routesOf(two)).toEqual(routesOf(one));
  });

  it('an iteration budget still stops first when it comes first', async () => {
    const inst = createInstance(smallWaste(11, 40));
    const sol = await solve(inst, { seed: 'k', iterations: 40, noImprovement: BIG, threads: 1 });
    expect(sol.iterations).toBe(40);
  });

  it('wastetwin solve --no-improvement N', async () => {
    const res = await runCli(['solve', 'data/wcvrptw/102_stop.txt', '--no-improvement', '50', '--threads', '1', '--json']);
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out.feasible).toBe(true);
    expect(out.iterations).toBeLessThan(2000); // below the default budget: the rule stopped it
    const bad = await runCli(['solve', 'data/wcvrptw/102_stop.txt', '--no-improvement', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--no-improvement');
    const help = await runCli(['solve', '--help']);
    expect(help.stdout).toMatch(/--no-improvement <n>\s+stop each island after n iterations in a row without a\s+new best/);
  });
});
