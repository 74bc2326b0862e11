/**
 * Markers: many copies of one small shape (truck bodies and loads, point
 * columns, site columns, depots), each placed, turned, stretched and coloured
 * on its own, all drawn in one call whatever their number. Two backends do
 * it: an InstancedMesh (instanced-markers.ts), which hands each copy's matrix
 * and colour to the GPU, for WebGL on a GPU; and a merged mesh whose vertices
 * the CPU writes (batch.ts), for software WebGL, which draws instances one by
 * one (2,275 truck boxes: 114 ms instanced, 21 ms merged). `?markers=instanced`
 * or `?markers=merged` forces one.
 */
import type { BufferGeometry, Mesh, MeshBasicMaterialParameters } from 'three';
import { ShapeBatch } from './batch.ts';
import { InstancedMarkers } from './instanced-markers.ts';

export interface Markers {
  readonly mesh: Mesh;
  readonly capacity: number;
  /** Copy i: scaled by (sx, sy, sz), turned by `angle` about y (x towards −z), moved to (x, y, z). */
  place(i: number, x: number, y: number, z: number, angle: number, sx: number, sy: number, sz: number): void;
  /** Copy i not drawn (scaled to nothing) until placed again. */
  hide(i: number): void;
  /** Copy i's colour, linear 0–1 RGB from `rgb` at `offset`. */
  colour(i: number, rgb: ArrayLike<number>, offset?: number): void;
  /** Uploads what changed since the last commit. */
  commit(): void;
}

/** What the material may say besides its colour and light (the site shells are translucent). */
export type MarkerLook = Pick<MeshBasicMaterialParameters, 'transparent' | 'opacity' | 'depthWrite'>;

/** `template` is an indexed geometry with normals; `capacity` copies of it, all hidden until placed. */
export type MakeMarkers = (template: BufferGeometry, capacity: number, look?: MarkerLook) => Markers;

export type MarkerBackend = 'instanced' | 'merged';

/** The backend `?markers=` asks for, else merged on software WebGL and instanced on a GPU. */
export function markerBackend(param: string | null, software: boolean): MarkerBackend {
  if (param === 'instanced' || param === 'merged') return param;
  return software ? 'merged' : 'instanced';
}

export function markerMaker(backend: MarkerBackend): MakeMarkers {
  return backend === 'instanced'
    ? (template, capacity, look) => new InstancedMarkers(template, capacity, look)
    : (template, capacity, look) => new ShapeBatch(template, capacity, look);
}
