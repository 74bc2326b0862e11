/**
 * An indexed binary min-heap over node ids 0..n-1 with decrease-key, kept in
 * typed arrays and reusable across queries (clear() is O(size), not O(n)).
 */
export class IndexedMinHeap {
  private heap: Int32Array;
  private pos: Int32Array;
  private key: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.heap = new Int32Array(capacity);
    this.pos = new Int32Array(capacity).fill(-1);
    this.key = new Float64Array(capacity);
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.pos[this.heap[i]] = -1;
    this.size = 0;
  }

  has(v: number): boolean { return this.pos[v] >= 0; }

  /** Insert v with key k, or lower its key to k. */
  push(v: number, k: number): void {
    let i = this.pos[v];
    if (i < 0) {
      i = this.size++;
      this.heap[i] = v;
      this.pos[v] = i;
    } else if (k >= this.key[v]) return;
    this.key[v] = k;
    this.up(i);
  }

  /** Insert v with key k, or move it to key k whether higher or lower. */
  set(v: number, k: number): void {
    const i = this.pos[v];
    if (i < 0) return this.push(v, k);
    const old = this.key[v];
    this.key[v] = k;
    if (k < old) this.up(i); else this.down(i);
  }

  peekKey(): number { return this.key[this.heap[0]]; }

  pop(): number {
    const top = this.heap[0];
    this.pos[top] = -1;
    const last = this.heap[--this.size];
    if (this.size > 0) {
      this.heap[0] = last;
      this.pos[last] = 0;
      this.down(0);
    }
    return top;
  }

  private up(i: number): void {
    const { heap, pos, key } = this;
    const v = heap[i], k = key[v];
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pv = heap[p];
      if (key[pv] < k || (key[pv] === k && pv < v)) break;
      heap[i] = pv; pos[pv] = i; i = p;
    }
    heap[i] = v; pos[v] = i;
  }

  private down(i: number): void {
    const { heap, pos, key } = this;
    const n = this.size, v = heap[i], k = key[v];
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n && (key[heap[r]] < key[heap[c]] || (key[heap[r]] === key[heap[c]] && heap[r] < heap[c]))) c = r;
      const cv = heap[c];
      if (k < key[cv] || (k === key[cv] && v < cv)) break;
      heap[i] = cv; pos[cv] = i; i = c;
    }
    heap[i] = v; pos[v] = i;
  }
}
