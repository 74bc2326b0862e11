/**
 * Two LP back ends behind one interface. javascript-lp-solver reads like the
 * problem and starts instantly, so it takes small LPs; HiGHS (WASM) takes
 * every MIP and anything past about a thousand rows or six thousand columns,
 * is fed the CSC arrays directly, proves optimality and gives row duals
 * (shadow prices). Measured in bench/flows.ts.
 */
import * as jsl from 'javascript-lp-solver';
import type { LinearProgram } from './lp.ts';

export type SolverName = 'jsl' | 'highs';
export type SolverChoice = SolverName | 'auto';

export interface LpResult {
  status: 'optimal' | 'infeasible' | 'unbounded' | 'error';
  /** Status in the back end's own words, for messages. */
  detail: string;
  objective: number;
  x: Float64Array;
  /** Row duals (d objective / d row bound), where the back end gives them. */
  rowDual?: Float64Array;
  solver: SolverName;
  /** True when the back end proved optimality (HiGHS); javascript-lp-solver reports feasibility only. */
  proven: boolean;
}

export interface LpOptions {
  /** Seconds; HiGHS only. */
  timeLimitSeconds?: number;
  /** Relative MIP gap; HiGHS only. */
  mipGap?: number;
  /** HiGHS's LP method; `auto` takes the interior-point method from HIGHS_IPM_MIN_COLS columns. */
  method?: 'auto' | 'simplex' | 'ipm';
}

/** Past these sizes (or for any MIP) HiGHS is used when the choice is automatic. */
export const JSL_MAX_ROWS = 1000;
export const JSL_MAX_COLS = 6000;
/**
 * Past this many columns an LP goes to HiGHS's interior-point method (with
 * crossover, so the answer is still a proven optimal vertex with duals): on
 * the megacity over 30 days (259,000 columns) it takes a third of the CPU
 * time of the dual simplex; at 82,000 columns the two are even.
 */
export const HIGHS_IPM_MIN_COLS = 100_000;

export function pickSolver(lp: LinearProgram, choice: SolverChoice = 'auto'): SolverName {
  if (choice !== 'auto') return choice;
  if (lp.integrality) return 'highs';
  return lp.numRows > JSL_MAX_ROWS || lp.numCols > JSL_MAX_COLS ? 'highs' : 'jsl';
}

// Both packages ship CommonJS type declarations for ES modules: the runtime
// default export is the declarations' `default.default`.
type HighsLoader = typeof import('highs').default;
type Highs = Awaited<ReturnType<HighsLoader>>;
const solver = (jsl as unknown as { default: typeof jsl.default.default }).default;
let highsInstance: Promise<Highs> | undefined;

/** One WASM instance per process, loaded on first use; models are disposed after each solve. */
export function loadHighs(): Promise<Highs> {
  highsInstance ??= import('highs').then((m) => (m.default as unknown as HighsLoader)());
  return highsInstance;
}

export async function solveLp(lp: LinearProgram, choice: SolverChoice = 'auto', opts: LpOptions = {}): Promise<LpResult> {
  const name = pickSolver(lp, choice);
  return name === 'highs' ? solveWithHighs(await loadHighs(), lp, opts) : solveWithJsl(lp);
}

export function solveWithHighs(highs: Highs, lp: LinearProgram, opts: LpOptions = {}): LpResult {
  const model = highs.createModel({
    numCols: lp.numCols, numRows: lp.numRows,
    colCost: lp.colCost, colLower: lp.colLower, colUpper: lp.colUpper,
    rowLower: lp.rowLower, rowUpper: lp.rowUpper,
    matrix: { format: 'csc', numRows: lp.numRows, numCols: lp.numCols, starts: lp.starts, indices: lp.indices, values: lp.values },
    integrality: lp.integrality as Int32Array | undefined,
  });
  try {
    model.options.set({ output_flag: false });
    const method = opts.method ?? 'auto';
    if (!lp.integrality && (method === 'ipm' || (method === 'auto' && lp.numCols >= HIGHS_IPM_MIN_COLS))) model.options.set({ solver: 'ipm' });
    if (opts.timeLimitSeconds) model.options.set({ time_limit: opts.timeLimitSeconds });
    if (opts.mipGap !== undefined) model.options.set({ mip_rel_gap: opts.mipGap });
    model.run();
    const code = model.getModelStatus();
    const S = highs.constants.modelStatus;
    const names: Record<number, string> = Object.fromEntries(Object.entries(S).map(([k, v]) => [v, k]));
    const status: LpResult['status'] = code === S.optimal ? 'optimal'
      : code === S.infeasible ? 'infeasible'
      : code === S.unbounded || code === S.unboundedOrInfeasible ? 'unbounded' : 'error';
    if (status !== 'optimal') return { status, detail: names[code] ?? String(code), objective: NaN, x: new Float64Array(lp.numCols), solver: 'highs', proven: false };
    const sol = model.getSolution();
    return {
      status, detail: 'optimal', objective: model.getObjectiveValue(), x: sol.colValue,
      rowDual: lp.integrality ? undefined : sol.rowDual, solver: 'highs', proven: true,
    };
  } finally {
    model.dispose();
  }
}

/** javascript-lp-solver's JSON model: one constraint per row, one more per finite column bound. */
export function solveWithJsl(lp: LinearProgram): LpResult {
  const constraints: Record<string, { min?: number; max?: number; equal?: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  const ints: Record<string, 1> = {};
  for (let i = 0; i < lp.numRows; i++) {
    const lo = lp.rowLower[i], hi = lp.rowUpper[i];
    constraints[`r${i}`] = lo === hi ? { equal: lo } : { ...(lo > -Infinity ? { min: lo } : {}), ...(hi < Infinity ? { max: hi } : {}) };
  }
  for (let j = 0; j < lp.numCols; j++) {
    const v: Record<string, number> = { cost: lp.colCost[j] };
    for (let k = lp.starts[j]; k < lp.starts[j + 1]; k++) v[`r${lp.indices[k]}`] = lp.values[k];
    if (lp.colUpper[j] < Infinity || lp.colLower[j] > 0) {
      constraints[`u${j}`] = { ...(lp.colLower[j] > 0 ? { min: lp.colLower[j] } : {}), ...(lp.colUpper[j] < Infinity ? { max: lp.colUpper[j] } : {}) };
      v[`u${j}`] = 1;
    }
    variables[`c${j}`] = v;
    if (lp.integrality?.[j]) ints[`c${j}`] = 1;
  }
  const r = solver.Solve({ optimize: 'cost', opType: 'min', constraints, variables, ints }) as Record<string, number | boolean | undefined>;
  const x = new Float64Array(lp.numCols);
  if (!r.feasible) return { status: 'infeasible', detail: 'infeasible', objective: NaN, x, solver: 'jsl', proven: false };
  if (r.bounded === false) return { status: 'unbounded', detail: 'unbounded', objective: NaN, x, solver: 'jsl', proven: false };
  for (let j = 0; j < lp.numCols; j++) x[j] = (r[`c${j}`] as number | undefined) ?? 0;
  let objective = 0;
  for (let j = 0; j < lp.numCols; j++) objective += lp.colCost[j] * x[j];
  return { status: 'optimal', detail: 'feasible (javascript-lp-solver)', objective, x, solver: 'jsl', proven: false };
}
