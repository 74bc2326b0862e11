/**
 * Markers (markers.ts) as one InstancedMesh, for WebGL on a GPU: the GPU
 * transforms and lights every copy, so moving one writes its 16 matrix floats
 * rather than all its vertices. Lit by the scene's lights through
 * MeshLambertMaterial, the light ShapeBatch works out per vertex on the CPU
 * (there a stretched copy keeps its normals; here they follow the stretch),
 * each copy's colour an instance colour. A frame allocates nothing.
 */
import { DynamicDrawUsage, InstancedBufferAttribute, InstancedMesh, MeshLambertMaterial, type BufferGeometry } from 'three';
import { startHidden } from './marker-start.ts';
import type { MarkerLook, Markers } from './markers.ts';

export class InstancedMarkers implements Markers {
  readonly mesh: InstancedMesh;
  private readonly matrices: Float32Array;
  private readonly colours: Float32Array;
  private posDirty = false;
  private colDirty = false;

  constructor(template: BufferGeometry, readonly capacity: number, look: MarkerLook = {}) {
    const n = Math.max(capacity, 1);
    this.mesh = new InstancedMesh(template, new MeshLambertMaterial(look), n);
    this.mesh.count = capacity;
    this.mesh.instanceMatrix.setUsage(DynamicDrawUsage);
    this.matrices = this.mesh.instanceMatrix.array as Float32Array;
    this.colours = new Float32Array(3 * n).fill(1);
    this.mesh.instanceColor = new InstancedBufferAttribute(this.colours, 3).setUsage(DynamicDrawUsage);
    startHidden(this);
  }

  place(i: number, x: number, y: number, z: number, angle: number, sx: number, sy: number, sz: number): void {
    const c = Math.cos(angle), s = Math.sin(angle);
    const m = this.matrices, o = 16 * i;
    // Column-major translation · rotation about y · scale.
    m[o] = c * sx; m[o + 1] = 0; m[o + 2] = -s * sx; m[o + 3] = 0;
    m[o + 4] = 0; m[o + 5] = sy; m[o + 6] = 0; m[o + 7] = 0;
    m[o + 8] = s * sz; m[o + 9] = 0; m[o + 10] = c * sz; m[o + 11] = 0;
    m[o + 12] = x; m[o + 13] = y; m[o + 14] = z; m[o + 15] = 1;
    this.posDirty = true;
  }

  hide(i: number): void {
    this.place(i, 0, 0, 0, 0, 0, 0, 0);
  }

  colour(i: number, rgb: ArrayLike<number>, offset = 0): void {
    this.colours[3 * i] = rgb[offset];
    this.colours[3 * i + 1] = rgb[offset + 1];
    this.colours[3 * i + 2] = rgb[offset + 2];
    this.colDirty = true;
  }

  commit(): void {
    if (this.posDirty) this.mesh.instanceMatrix.needsUpdate = true;
    if (this.colDirty) this.mesh.instanceColor!.needsUpdate = true;
    this.posDirty = this.colDirty = false;
  }
}
