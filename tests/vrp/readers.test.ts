import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { assemble } from '../../engine/optimise/vrp/assemble.ts';
import { checkSolution } from '../../engine/optimise/vrp/checker.ts';
import { detectFormat, readInstanceFile } from '../../engine/optimise/vrp/read-file.ts';
import { RouteSimulator } from '../../engine/optimise/vrp/route-sim.ts';
import { formatSol, parseSol, parseVrplib } from '../../engine/optimise/vrp/vrplib.ts';
import { hhmmToSeconds, parseKim } from '../../engine/optimise/vrp/wcvrptw.ts';
import type { VrpInstance } from '../../engine/optimise/vrp/instance.ts';

const CVRP = 'data/cvrplib';
const KIM = 'data/wcvrptw';
const bks = JSON.parse(readFileSync(`${CVRP}/bks.json`, 'utf8')) as Record<string, { bks: number; customers: number }>;

/** Routes of a .sol file as a checked solution of `inst` (customer k is the stop with id k). */
function solutionOf(inst: VrpInstance, routes: number[][]) {
  const index = new Map(inst.stops.map((s, i) => [s.id, i]));
  return assemble(inst, new RouteSimulator(inst), routes.map((r) => ({ vehicleType: 0, stops: r.map((c) => index.get(String(c))!) })));
}

describe('CVRPLIB files', () => {
  const vrps = readdirSync(CVRP).filter((f) => f.endsWith('.vrp'));

  it('reads every shipped instance with its customer count', () => {
    expect(vrps.length).toBe(18);
    for (const f of vrps) {
      const { inst, format } = readInstanceFile(`${CVRP}/${f}`);
      expect(format).toBe('vrplib');
      expect(inst.stops.length).toBe(bks[f.replace('.vrp', '')].customers);
    }
  });

  it('the X set rounds to the nearest integer and reproduces each BKS from its .sol exactly', () => {
    const sols = readdirSync(CVRP).filter((f) => f.endsWith('.sol'));
    expect(sols.length).toBe(12);
    for (const f of sols) {
      const name = f.replace('.sol', '');
      const { inst, rounding } = readInstanceFile(`${CVRP}/${name}.vrp`);
      expect(rounding).toBe('nint');
      const sol = parseSol(readFileSync(`${CVRP}/${f}`, 'utf8'));
      const plan = solutionOf(inst, sol.routes);
      expect(checkSolution(inst, plan), name).toEqual([]);
      expect(plan.cost, name).toBe(bks[name].bks);
      expect(sol.cost).toBe(bks[name].bks);
      // Unrounded distances give another cost: the rounding rule is what makes the BKS.
      const raw = parseVrplib(readFileSync(`${CVRP}/${name}.vrp`, 'utf8'), name, 'none');
      expect(solutionOf(raw, sol.routes).cost).not.toBe(bks[name].bks);
    }
  });

  it('CMT files default to unrounded distances, the others to nint', () => {
    expect(readInstanceFile(`${CVRP}/CMT1.vrp`).rounding).toBe('none');
    expect(readInstanceFile(`${CVRP}/A-n32-k5.vrp`).rounding).toBe('nint');
    expect(readInstanceFile(`${CVRP}/CMT1.vrp`, 'nint').rounding).toBe('nint');
    const cmt1 = readInstanceFile(`${CVRP}/CMT1.vrp`).inst;
    expect(Number.isInteger(cmt1.distance[1])).toBe(false);
  });

  it('a written .sol reads back to the same routes and cost', () => {
    const { inst } = readInstanceFile(`${CVRP}/X-n101-k25.vrp`);
    const sol = parseSol(readFileSync(`${CVRP}/X-n101-k25.sol`, 'utf8'));
    const text = formatSol(inst, solutionOf(inst, sol.routes));
    expect(parseSol(text)).toEqual(sol);
  });
});

describe('Kim et al. 2006 files', () => {
  const files = readdirSync(KIM).filter((f) => f.endsWith('_stop.txt'));
  const cache = new Map<string, VrpInstance>();
  const kim = (f: string) => cache.get(f) ?? cache.set(f, readInstanceFile(`${KIM}/${f}`).inst).get(f)!;
  // From the data README's table: stops (type 1), disposal sites (type 2), vehicle capacity, route capacity.
  const table: Record<string, [number, number, number, number]> = {
    '102': [99, 2, 280, 400], '277': [275, 1, 200, 2200], '335': [330, 4, 243, 400], '444': [442, 1, 200, 400],
    '804': [784, 19, 280, 10000], '1051': [1048, 2, 200, 800], '1351': [1347, 3, 255, 800], '1599': [1596, 2, 280, 800],
    '1932': [1927, 4, 462, 2000], '2100': [2092, 7, 462, 2000],
  };

  it('reads all ten files with the counts and limits of the data README', () => {
    expect(files.length).toBe(10);
    for (const f of files) {
      const inst = kim(f);
      const [stops, sites, cap, routeCap] = table[f.replace('_stop.txt', '')];
      expect([inst.stops.length, inst.facilities.length, inst.vehicleTypes[0].capacity[0], inst.vehicleTypes[0].shiftLoadLimit[0]], f).toEqual([stops, sites, cap, routeCap]);
      expect(inst.vehicleTypes[0].maxStops).toBe(500);
      expect(inst.vehicleTypes[0].lunch).toEqual({ earliestStartSeconds: 11 * 3600, latestStartSeconds: 12 * 3600, durationSeconds: 3600 });
    }
  });

  it('is recognised by its content, not its name', () => {
    expect(detectFormat(readFileSync(`${KIM}/335_stop.txt`, 'utf8'))).toBe('kim');
    expect(detectFormat(readFileSync(`${CVRP}/CMT1.vrp`, 'utf8'))).toBe('vrplib');
  });

  it('the worked example holds: stop 0 to stop 1 of 102_stop.txt takes 262.3 s at 40 mph (Manhattan, feet)', () => {
    const inst = parseKim(readFileSync(`${KIM}/102_stop.txt`, 'utf8'), '102_stop.txt');
    expect(inst.distance[1]).toBeCloseTo(15387 / 5280, 9);
    expect(inst.durationSeconds[1]).toBeCloseTo(262.3, 1);
  });

  it('times with dropped leading zeros read as HHMM; 1675 reads as 16:75 = 17:15', () => {
    expect(hhmmToSeconds('600')).toBe(6 * 3600);
    expect(hhmmToSeconds('0')).toBe(0);
    expect(hhmmToSeconds('0400')).toBe(4 * 3600);
    expect(hhmmToSeconds('2400')).toBe(24 * 3600);
    expect(hhmmToSeconds('1675')).toBe(17 * 3600 + 15 * 60);
    const i1599 = kim('1599_stop.txt');
    expect(i1599.vehicleTypes[0].shiftStartSeconds).toBe(4 * 3600); // written "400"
    const i2100 = kim('2100_stop.txt');
    expect(i2100.facilities.map((f) => f.closeSeconds)).toContain(17 * 3600 + 15 * 60);
  });

  it('keeps non-sequential ids and finds disposal rows wherever they are', () => {
    const i1351 = kim('1351_stop.txt');
    expect(i1351.depots[0].id).toBe('75632');
    expect(i1351.facilities[0].id).toBe('1001407');
    const text = readFileSync(`${KIM}/1599_stop.txt`, 'utf8');
    const i1599 = kim('1599_stop.txt');
    const rows = text.trim().split(/\r?\n/).slice(6);
    const lastTwo = rows.slice(-2).map((r) => r.trim().split(/\s+/)[0]);
    expect(i1599.facilities.map((f) => f.id)).toEqual(lastTwo);
    expect(i1599.facilities.map((f) => f.location)).toEqual([rows.length - 2, rows.length - 1]);
    expect(new Set(i1599.stops.map((s) => s.id)).size).toBe(1596);
  });
});
