/** An arc of polar angles in [0, 65536) around the depot, grown to cover a route's customers (SWAP* pruning). */
const mod = (i: number) => ((i % 65536) + 65536) % 65536;

export class CircleSector {
  start = 0;
  end = 0;

  initialize(point: number): void { this.start = point; this.end = point; }

  isEnclosed(point: number): boolean { return mod(point - this.start) <= mod(this.end - this.start); }

  extend(point: number): void {
    if (this.isEnclosed(point)) return;
    if (mod(point - this.end) <= mod(this.start - point)) this.end = point;
    else this.start = point;
  }

  static overlap(a: CircleSector, b: CircleSector): boolean {
    return mod(b.start - a.start) <= mod(a.end - a.start) || mod(a.start - b.start) <= mod(b.end - b.start);
  }
}
