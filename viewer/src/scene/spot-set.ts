/**
 * The spots (position to the metre, heading to a tenth of a radian) taken
 * so far in a frame: a hash set over preallocated arrays, emptied in O(1) by
 * moving to the next frame's stamp, so that a frame allocates nothing.
 */
export class SpotSet {
  private readonly stamp: Int32Array;
  private readonly kx: Int32Array;
  private readonly kz: Int32Array;
  private readonly kh: Int32Array;
  private readonly mask: number;
  private now = 1;

  /** Room for `capacity` spots a frame (taking more would never end). */
  constructor(capacity: number) {
    let size = 16;
    while (size < 2 * capacity) size *= 2;
    this.mask = size - 1;
    this.stamp = new Int32Array(size);
    this.kx = new Int32Array(size);
    this.kz = new Int32Array(size);
    this.kh = new Int32Array(size);
  }

  /** Forgets every spot. */
  clear(): void {
    this.now++;
  }

  /** Takes the spot; false when it was already taken this frame. */
  take(x: number, z: number, heading: number): boolean {
    const rx = Math.round(x), rz = Math.round(z), rh = Math.round(heading * 10);
    let i = (Math.imul(rx, 73856093) ^ Math.imul(rz, 19349663) ^ Math.imul(rh, 83492791)) & this.mask;
    while (this.stamp[i] === this.now) {
      if (this.kx[i] === rx && this.kz[i] === rz && this.kh[i] === rh) return false;
      i = (i + 1) & this.mask;
    }
    this.stamp[i] = this.now;
    this.kx[i] = rx;
    this.kz[i] = rz;
    this.kh[i] = rh;
    return true;
  }
}
