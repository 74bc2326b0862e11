/**
 * CVRPLIB / VRPLIB `.vrp` reading and `.sol` reading/writing.
 *
 * Supported: EUC_2D coordinates and EXPLICIT matrices (FULL_MATRIX,
 * LOWER_ROW, LOWER_DIAG_ROW, UPPER_ROW, UPPER_DIAG_ROW), DEMAND_SECTION,
 * DEPOT_SECTION, CAPACITY, VEHICLES, DISTANCE (route limit on travel plus
 * service, as in the CMT set) and SERVICE_TIME (a header value or a section).
 * Node `k` of the file is location `k - 1`; in `.sol` files customers are
 * numbered `node − 1`, the depot being node 1.
 *
 * Rounding of EUC_2D distances follows the benchmark: `nint` (TSPLIB, X set)
 * for every file except the Christofides–Mingozzi–Toth (NAME CMT…) and
 * Golden (NAME Golden…) sets, which use unrounded distances.
 */
import { InputError } from '../../errors.ts';
import { createInstance, type VrpInstance } from './instance.ts';
import { euclideanMatrix, type Rounding } from './matrix.ts';
import type { VrpSolution } from './solution.ts';

export function defaultRounding(name: string): Rounding {
  return /^(CMT|Golden)/i.test(name) ? 'none' : 'nint';
}

export function parseVrplib(text: string, file = 'input', rounding?: Rounding): VrpInstance {
  const fail = (message: string) => new InputError([{ path: file, message }]);
  const header = new Map<string, string>();
  const sections = new Map<string, string[][]>();
  let current: string[][] | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' ) continue;
    if (line === 'EOF') break;
    const kv = /^([A-Z_]+)\s*:\s*(.*)$/.exec(line);
    if (kv && !kv[1].endsWith('_SECTION')) { header.set(kv[1], kv[2].trim().replace(/^"|"$/g, '')); current = null; continue; }
    const sec = /^([A-Z_]+_SECTION|SERVICE_TIME_SECTION)\b/.exec(line);
    if (sec) { current = []; sections.set(sec[1], current); continue; }
    if (!current) throw fail(`unexpected line "${line.slice(0, 40)}"`);
    current.push(line.split(/\s+/));
  }
  const name = header.get('NAME') ?? file;
  const n = Number(header.get('DIMENSION'));
  if (!Number.isInteger(n) || n < 2) throw fail('DIMENSION missing or not a whole number ≥ 2');
  const capacity = Number(header.get('CAPACITY'));
  if (!(capacity > 0)) throw fail('CAPACITY missing or not > 0');
  const type = header.get('EDGE_WEIGHT_TYPE');
  let distance: Float64Array;
  let coordinates: { x: Float64Array; y: Float64Array } | null = null;
  const round = rounding ?? defaultRounding(name);
  if (type === 'EUC_2D') {
    const rows = sections.get('NODE_COORD_SECTION');
    if (!rows || rows.length < n) throw fail(`NODE_COORD_SECTION has ${rows?.length ?? 0} of ${n} nodes (truncated file?)`);
    const xs = new Float64Array(n), ys = new Float64Array(n);
    for (const r of rows.slice(0, n)) {
      const k = Number(r[0]) - 1;
      if (!(k >= 0 && k < n) || r.length < 3) throw fail(`bad NODE_COORD_SECTION row "${r.join(' ')}"`);
      xs[k] = Number(r[1]); ys[k] = Number(r[2]);
    }
    distance = euclideanMatrix(xs, ys, round);
    coordinates = { x: xs, y: ys };
  } else if (type === 'EXPLICIT') {
    distance = explicitMatrix(sections.get('EDGE_WEIGHT_SECTION'), n, header.get('EDGE_WEIGHT_FORMAT') ?? 'FULL_MATRIX', fail);
  } else throw fail(`EDGE_WEIGHT_TYPE ${type ?? '(missing)'} is not supported (EUC_2D or EXPLICIT)`);

  const demands = sections.get('DEMAND_SECTION');
  if (!demands || demands.length < n) throw fail(`DEMAND_SECTION has ${demands?.length ?? 0} of ${n} nodes (truncated file?)`);
  const demand = new Float64Array(n);
  for (const r of demands.slice(0, n)) {
    const k = Number(r[0]) - 1;
    if (!(k >= 0 && k < n) || r.length < 2 || !Number.isFinite(Number(r[1]))) throw fail(`bad DEMAND_SECTION row "${r.join(' ')}"`);
    demand[k] = Number(r[1]);
  }
  const depotRows = sections.get('DEPOT_SECTION')?.map((r) => Number(r[0])).filter((k) => k > 0) ?? [1];
  if (depotRows.length !== 1) throw fail('exactly one depot is supported');
  const depot = depotRows[0] - 1;
  const service = new Float64Array(n).fill(Number(header.get('SERVICE_TIME') ?? 0));
  for (const r of sections.get('SERVICE_TIME_SECTION') ?? []) service[Number(r[0]) - 1] = Number(r[1]);
  const limit = header.has('DISTANCE') ? Number(header.get('DISTANCE')) : Infinity;
  const vehicles = header.has('VEHICLES') ? Number(header.get('VEHICLES')) : null;
  const stops = [];
  for (let k = 0; k < n; k++) {
    if (k === depot) continue;
    stops.push({ id: String(k), location: k, load: [demand[k]], serviceSeconds: service[k] });
  }
  return createInstance({
    name, dimensions: ['demand'], locationCount: n, distance, depots: [{ id: String(depot + 1), location: depot }], stops,
    vehicleTypes: [{ id: 'vehicle', count: vehicles, capacity: [capacity], maxDurationSeconds: limit, costPerDistance: 1 }],
    unloadAtDepot: true, coordinates,
  });
}

function explicitMatrix(rows: string[][] | undefined, n: number, format: string, fail: (m: string) => Error): Float64Array {
  const values = (rows ?? []).flat().map(Number);
  const m = new Float64Array(n * n);
  const cells: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (format === 'FULL_MATRIX') cells.push([i, j]);
      else if (format === 'LOWER_ROW' && j < i) cells.push([i, j]);
      else if (format === 'LOWER_DIAG_ROW' && j <= i) cells.push([i, j]);
      else if (format === 'UPPER_ROW' && j > i) cells.push([i, j]);
      else if (format === 'UPPER_DIAG_ROW' && j >= i) cells.push([i, j]);
    }
  }
  if (cells.length === 0) throw fail(`EDGE_WEIGHT_FORMAT ${format} is not supported`);
  if (values.length < cells.length) throw fail(`EDGE_WEIGHT_SECTION has ${values.length} of ${cells.length} values (truncated file?)`);
  cells.forEach(([i, j], k) => { m[i * n + j] = values[k]; if (format !== 'FULL_MATRIX') m[j * n + i] = values[k]; });
  return m;
}

/** Routes of a `.sol` file as customer numbers (node − 1), with the stated cost. */
export function parseSol(text: string, file = 'solution'): { routes: number[][]; cost: number | null } {
  const routes: number[][] = [];
  let cost: number | null = null;
  for (const line of text.split(/\r?\n/)) {
    const r = /^Route\s*#\d+\s*:(.*)$/i.exec(line.trim());
    if (r) { routes.push(r[1].trim().split(/\s+/).filter(Boolean).map(Number)); continue; }
    const c = /^Cost\s+([-+0-9.eE]+)/i.exec(line.trim());
    if (c) cost = Number(c[1]);
  }
  if (routes.some((r) => r.some((k) => !Number.isInteger(k)))) throw InputError.one(file, 'route lines must list whole customer numbers');
  return { routes, cost };
}

/** A `.sol` file for a CVRPLIB instance: customers numbered by their stop ids. */
export function formatSol(inst: VrpInstance, sol: VrpSolution): string {
  const lines = sol.routes
    .map((r) => r.visits.filter((v) => v.kind === 'stop').map((v) => inst.stops[v.index].id))
    .filter((ids) => ids.length > 0)
    .map((ids, i) => `Route #${i + 1}: ${ids.join(' ')}`);
  const cost = Number.isInteger(sol.cost) ? String(sol.cost) : String(Math.round(sol.cost * 1e6) / 1e6);
  return `${lines.join('\n')}\nCost ${cost}\n`;
}
