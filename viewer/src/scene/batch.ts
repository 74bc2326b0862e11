/**
 * Many copies of one small shape drawn as a single merged mesh whose vertices
 * are written on the CPU, in place of an InstancedMesh. Software WebGL
 * (SwiftShader in CI and on machines without a GPU) draws instances one by
 * one, at a fixed cost per instance: 2,275 truck boxes took 114 ms instanced
 * and 21 ms merged (bench/viewer.ts, Guangzhou). Still one draw call for any
 * number of copies; moving a copy rewrites its few vertices, and a frame
 * allocates nothing.
 */
import { BufferAttribute, BufferGeometry, Mesh, type Material } from 'three';

export class ShapeBatch {
  readonly mesh: Mesh;
  private readonly tp: Float32Array;
  private readonly tn: Float32Array;
  private readonly pos: Float32Array;
  private readonly nor: Float32Array;
  private readonly col: Float32Array;
  private readonly vertsPer: number;
  private readonly indexPer: number;
  private posDirty = false;
  private colDirty = false;

  /** `template` is an indexed geometry with normals; `capacity` copies of it, all drawn (hide one by scaling it to 0). */
  constructor(template: BufferGeometry, readonly capacity: number, material: Material) {
    const index = template.getIndex();
    if (!index || !template.getAttribute('normal')) throw new Error('ShapeBatch needs an indexed template with normals');
    this.tp = Float32Array.from(template.getAttribute('position').array);
    this.tn = Float32Array.from(template.getAttribute('normal').array);
    this.vertsPer = this.tp.length / 3;
    this.indexPer = index.count;
    const n = Math.max(capacity, 1);
    this.pos = new Float32Array(n * this.vertsPer * 3);
    this.nor = new Float32Array(n * this.vertsPer * 3);
    this.col = new Float32Array(n * this.vertsPer * 3).fill(1);
    const big = n * this.vertsPer > 65535;
    const idx = big ? new Uint32Array(n * this.indexPer) : new Uint16Array(n * this.indexPer);
    for (let i = 0; i < n; i++) for (let k = 0; k < this.indexPer; k++) idx[i * this.indexPer + k] = index.getX(k) + i * this.vertsPer;
    const geo = new BufferGeometry();
    geo.setAttribute('position', new BufferAttribute(this.pos, 3));
    geo.setAttribute('normal', new BufferAttribute(this.nor, 3));
    geo.setAttribute('color', new BufferAttribute(this.col, 3));
    geo.setIndex(new BufferAttribute(idx, 1));
    geo.setDrawRange(0, capacity * this.indexPer);
    this.mesh = new Mesh(geo, material);
    this.mesh.frustumCulled = false;
    for (let i = 0; i < capacity; i++) this.place(i, 0, 0, 0, 0, 0, 0, 0);
    this.commit();
  }

  /** Copy i: scaled by (sx, sy, sz), turned by `angle` about y (x towards −z), moved to (x, y, z). */
  place(i: number, x: number, y: number, z: number, angle: number, sx: number, sy: number, sz: number): void {
    const c = Math.cos(angle), s = Math.sin(angle);
    const tp = this.tp, tn = this.tn, pos = this.pos, nor = this.nor;
    let o = i * this.vertsPer * 3;
    for (let k = 0; k < tp.length; k += 3, o += 3) {
      const px = tp[k] * sx, pz = tp[k + 2] * sz;
      pos[o] = c * px + s * pz + x;
      pos[o + 1] = tp[k + 1] * sy + y;
      pos[o + 2] = -s * px + c * pz + z;
      // Normals only turn: the markers' shading need not follow their stretch.
      nor[o] = c * tn[k] + s * tn[k + 2];
      nor[o + 1] = tn[k + 1];
      nor[o + 2] = -s * tn[k] + c * tn[k + 2];
    }
    this.posDirty = true;
  }

  /** Copy i's colour, 0–1 RGB from `rgb` at `offset`. */
  colour(i: number, rgb: ArrayLike<number>, offset = 0): void {
    const r = rgb[offset], g = rgb[offset + 1], b = rgb[offset + 2];
    const col = this.col;
    for (let o = i * this.vertsPer * 3, end = o + this.vertsPer * 3; o < end; o += 3) { col[o] = r; col[o + 1] = g; col[o + 2] = b; }
    this.colDirty = true;
  }

  /** Uploads what changed since the last commit. */
  commit(): void {
    const geo = this.mesh.geometry;
    if (this.posDirty) { geo.getAttribute('position').needsUpdate = true; geo.getAttribute('normal').needsUpdate = true; }
    if (this.colDirty) geo.getAttribute('color').needsUpdate = true;
    this.posDirty = this.colDirty = false;
  }
}
