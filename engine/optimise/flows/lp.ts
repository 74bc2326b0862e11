/**
 * A linear (or mixed-integer) program in the column-compressed form HiGHS
 * takes directly: minimise c·x subject to rowLower ≤ A x ≤ rowUpper and
 * colLower ≤ x ≤ colUpper. Models are built column by column into growable
 * typed arrays, so a megacity model never becomes an object per coefficient.
 */

export interface LinearProgram {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** CSC: column j holds entries starts[j] … starts[j+1]-1 of indices (rows) and values. */
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  /** 1 where the column is integer; absent for a pure LP. */
  integrality?: Int32Array;
}

/** A typed array that doubles as it fills. */
class Grow<A extends Float64Array | Int32Array> {
  n = 0;
  constructor(private a: A, private readonly make: (n: number) => A) {}
  push(v: number): void {
    if (this.n === this.a.length) { const b = this.make(this.a.length * 2); b.set(this.a); this.a = b; }
    this.a[this.n++] = v;
  }
  at(i: number, v: number): void { this.a[i] = v; }
  done(): A { return this.a.slice(0, this.n) as A; }
}
const f64 = () => new Grow(new Float64Array(64), (n) => new Float64Array(n));
const i32 = () => new Grow(new Int32Array(64), (n) => new Int32Array(n));

export class LpBuilder {
  private cost = f64();
  private lower = f64();
  private upper = f64();
  private integer = i32();
  private anyInteger = false;
  private starts = i32();
  private indices = i32();
  private values = f64();
  private rLower = f64();
  private rUpper = f64();

  constructor() { this.starts.push(0); }

  get numCols(): number { return this.cost.n; }
  get numRows(): number { return this.rLower.n; }

  /** A new row lower ≤ a·x ≤ upper; returns its index. */
  row(lower: number, upper: number): number {
    this.rLower.push(lower);
    this.rUpper.push(upper);
    return this.rLower.n - 1;
  }

  /** A new column with its coefficients (rows must be distinct); returns its index. */
  col(cost: number, lower: number, upper: number, rows: ArrayLike<number>, coefs: ArrayLike<number>, integer = false): number {
    for (let k = 0; k < rows.length; k++) {
      if (coefs[k] === 0) continue;
      this.indices.push(rows[k]);
      this.values.push(coefs[k]);
    }
    this.starts.push(this.indices.n);
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer ? 1 : 0);
    if (integer) this.anyInteger = true;
    return this.cost.n - 1;
  }

  setRowBounds(row: number, lower: number, upper: number): void {
    this.rLower.at(row, lower);
    this.rUpper.at(row, upper);
  }

  build(): LinearProgram {
    return {
      numCols: this.numCols, numRows: this.numRows,
      colCost: this.cost.done(), colLower: this.lower.done(), colUpper: this.upper.done(),
      rowLower: this.rLower.done(), rowUpper: this.rUpper.done(),
      starts: this.starts.done(), indices: this.indices.done(), values: this.values.done(),
      integrality: this.anyInteger ? this.integer.done() : undefined,
    };
  }
}

/** A·x for every row. */
export function rowActivity(lp: LinearProgram, x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(lp.numRows);
  for (let j = 0; j < lp.numCols; j++) {
    const v = x[j];
    if (v === 0) continue;
    for (let k = lp.starts[j]; k < lp.starts[j + 1]; k++) out[lp.indices[k]] += lp.values[k] * v;
  }
  return out;
}

export function objectiveOf(lp: LinearProgram, x: ArrayLike<number>): number {
  let z = 0;
  for (let j = 0; j < lp.numCols; j++) z += lp.colCost[j] * x[j];
  return z;
}
