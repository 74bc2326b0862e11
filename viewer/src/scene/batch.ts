/**
 * Markers (markers.ts) as a single merged mesh whose vertices are written on
 * the CPU, in place of an InstancedMesh, for software WebGL. Software WebGL
 * (SwiftShader in CI and on machines without a GPU) draws instances one by
 * one, at a fixed cost per instance: 2,275 truck boxes took 114 ms instanced
 * and 21 ms merged (bench/viewer.ts, Guangzhou). Still one draw call for any
 * number of copies; moving a copy rewrites its few vertices, and a frame
 * allocates nothing.
 *
 * The light is worked out per vertex here (the scene's sky, ground and sun,
 * as MeshLambertMaterial would per pixel) and the mesh is drawn unlit: per
 * pixel lighting tripled what software WebGL took to fill Guangzhou's stock
 * columns (24 → 8 ms), and markers this small show no difference.
 */
import { BufferAttribute, BufferGeometry, Mesh, MeshBasicMaterial, Vector3 } from 'three';
import { startHidden } from './marker-start.ts';
import type { MarkerLook, Markers } from './markers.ts';

/** The scene's lights, which viewer.ts sets up from these: hemisphere sky white / ground #30363d, and a sun. */
export const LIGHTS = { sky: '#ffffff', ground: '#30363d', hemisphere: 1.6, sun: 1.4, sunFrom: [0.5, 1, 0.3] } as const;
const SUN = new Vector3(...LIGHTS.sunFrom).normalize();
const SUN_I = LIGHTS.sun;
const SKY_I = LIGHTS.hemisphere;
/** LIGHTS.ground in linear light. */
const GROUND_LINEAR = 0.037;

/** Lambert's light for a unit normal (ny up, nl = n · sun), as three.js sums it (irradiance / π). */
export function shadeOf(ny: number, nl: number): number {
  const hemi = SKY_I * (GROUND_LINEAR + (1 - GROUND_LINEAR) * (0.5 * ny + 0.5));
  return (hemi + SUN_I * Math.max(nl, 0)) / Math.PI;
}

export class ShapeBatch implements Markers {
  readonly mesh: Mesh;
  private readonly tp: Float32Array;
  private readonly tn: Float32Array;
  private readonly pos: Float32Array;
  private readonly col: Float32Array;
  /** Light at each vertex, and each copy's own colour: the vertex colour is their product. */
  private readonly shade: Float32Array;
  private readonly base: Float32Array;
  private readonly vertsPer: number;
  private posDirty = false;
  private colDirty = false;

  /** `template` is an indexed geometry with normals; `capacity` copies of it, hidden until placed (scaled to 0). */
  constructor(template: BufferGeometry, readonly capacity: number, material: MarkerLook = {}) {
    const index = template.getIndex();
    if (!index || !template.getAttribute('normal')) throw new Error('ShapeBatch needs an indexed template with normals');
    this.tp = Float32Array.from(template.getAttribute('position').array);
    this.tn = Float32Array.from(template.getAttribute('normal').array);
    this.vertsPer = this.tp.length / 3;
    const indexPer = index.count;
    const n = Math.max(capacity, 1);
    this.pos = new Float32Array(n * this.vertsPer * 3);
    this.col = new Float32Array(n * this.vertsPer * 3);
    this.shade = new Float32Array(n * this.vertsPer);
    this.base = new Float32Array(n * 3).fill(1);
    const idx = n * this.vertsPer > 65535 ? new Uint32Array(n * indexPer) : new Uint16Array(n * indexPer);
    for (let i = 0; i < n; i++) for (let k = 0; k < indexPer; k++) idx[i * indexPer + k] = index.getX(k) + i * this.vertsPer;
    const geo = new BufferGeometry();
    geo.setAttribute('position', new BufferAttribute(this.pos, 3));
    geo.setAttribute('color', new BufferAttribute(this.col, 3));
    geo.setIndex(new BufferAttribute(idx, 1));
    geo.setDrawRange(0, capacity * indexPer);
    this.mesh = new Mesh(geo, new MeshBasicMaterial({ ...material, vertexColors: true }));
    // An empty draw range would still count a draw call: startHidden hides an empty batch.
    startHidden(this);
  }

  /** Copy i: scaled by (sx, sy, sz), turned by `angle` about y (x towards −z), moved to (x, y, z). */
  place(i: number, x: number, y: number, z: number, angle: number, sx: number, sy: number, sz: number): void {
    const c = Math.cos(angle), s = Math.sin(angle);
    const tp = this.tp, tn = this.tn, pos = this.pos, col = this.col, shade = this.shade;
    const r = this.base[3 * i], g = this.base[3 * i + 1], b = this.base[3 * i + 2];
    let o = i * this.vertsPer * 3, v = i * this.vertsPer;
    for (let k = 0; k < tp.length; k += 3, o += 3, v++) {
      const px = tp[k] * sx, pz = tp[k + 2] * sz;
      pos[o] = c * px + s * pz + x;
      pos[o + 1] = tp[k + 1] * sy + y;
      pos[o + 2] = -s * px + c * pz + z;
      // Normals only turn: the markers' shading need not follow their stretch.
      const nx = c * tn[k] + s * tn[k + 2], nz = -s * tn[k] + c * tn[k + 2];
      const l = shadeOf(tn[k + 1], nx * SUN.x + tn[k + 1] * SUN.y + nz * SUN.z);
      shade[v] = l;
      col[o] = r * l; col[o + 1] = g * l; col[o + 2] = b * l;
    }
    this.posDirty = this.colDirty = true;
  }

  hide(i: number): void {
    this.place(i, 0, 0, 0, 0, 0, 0, 0);
  }

  /** Copy i's colour, linear 0–1 RGB from `rgb` at `offset`. */
  colour(i: number, rgb: ArrayLike<number>, offset = 0): void {
    const r = rgb[offset], g = rgb[offset + 1], b = rgb[offset + 2];
    this.base[3 * i] = r; this.base[3 * i + 1] = g; this.base[3 * i + 2] = b;
    const col = this.col, shade = this.shade;
    for (let v = i * this.vertsPer, o = 3 * v, end = v + this.vertsPer; v < end; v++, o += 3) {
      const l = shade[v];
      col[o] = r * l; col[o + 1] = g * l; col[o + 2] = b * l;
    }
    this.colDirty = true;
  }

  /** Uploads what changed since the last commit. */
  commit(): void {
    const geo = this.mesh.geometry;
    if (this.posDirty) geo.getAttribute('position').needsUpdate = true;
    if (this.colDirty) geo.getAttribute('color').needsUpdate = true;
    this.posDirty = this.colDirty = false;
  }
}
