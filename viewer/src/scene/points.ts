/**
 * Collection points: one InstancedMesh of short square columns whose colour and
 * height follow the fill (green → red, magenta when overflowing). One draw
 * call for any number of points; the update writes into the instance arrays.
 */
import { InstancedBufferAttribute, InstancedMesh, MeshLambertMaterial } from 'three';
import { fillColour } from '../colour.ts';
import type { ReplayHeader } from '../replay/types.ts';
import { sceneX, sceneZ, writeMatrix, type Frame } from './frame.ts';
import { openBox } from './open-box.ts';

export class PointsLayer {
  readonly mesh: InstancedMesh;
  private readonly x: Float32Array;
  private readonly z: Float32Array;
  private readonly heightPerPct: number;
  private readonly minHeight: number;

  constructor(h: ReplayHeader, f: Frame) {
    const n = h.points.x.length;
    // Square columns: a megacity's tens of thousands of points cost 10 triangles each.
    const geo = openBox(3 * f.unitM, 3 * f.unitM);
    this.mesh = new InstancedMesh(geo, new MeshLambertMaterial({ color: '#ffffff' }), Math.max(n, 1));
    this.mesh.count = n;
    this.mesh.name = 'points';
    this.mesh.instanceColor = new InstancedBufferAttribute(new Float32Array(Math.max(n, 1) * 3), 3);
    this.mesh.frustumCulled = false;
    this.x = new Float32Array(n);
    this.z = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      this.x[i] = sceneX(f, h.points.x[i]);
      this.z[i] = sceneZ(f, h.points.y[i]);
    }
    this.minHeight = 1 * f.unitM;
    this.heightPerPct = (8 * f.unitM) / 100;
  }

  /** fillPct(i) gives point i's fill in % of capacity at the current time. */
  update(fillPct: (i: number) => number): void {
    const m = this.mesh.instanceMatrix.array as Float32Array;
    const c = this.mesh.instanceColor!.array as Float32Array;
    for (let i = 0; i < this.mesh.count; i++) {
      const p = fillPct(i);
      fillColour(p, c, 3 * i);
      writeMatrix(m, 16 * i, this.x[i], 0, this.z[i], 0, 1, this.minHeight + this.heightPerPct * Math.min(Math.max(p, 0), 150), 1);
    }
    this.mesh.instanceMatrix.needsUpdate = true;
    this.mesh.instanceColor!.needsUpdate = true;
  }

  positionOf(i: number): [number, number] {
    return [this.x[i], this.z[i]];
  }
}
