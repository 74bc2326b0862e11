/**
 * Collection points, coloured by fill (green → red, magenta when
 * overflowing), one draw call for any number of points. A town's points are
 * one set of markers (markers.ts), short square columns whose height also follows the fill. A
 * megacity's (more than DOTS_ABOVE) are one cloud of dots of the same
 * colours: at that scale a column is a few pixels wide and its height cannot
 * be read, while software WebGL (CI, machines without a GPU) pays for every
 * vertex and every pixel (bench/viewer.ts: 20,000 columns took most of a
 * Guangzhou frame), hence also dots two thirds of a column's width. The
 * update writes into the attribute arrays in place.
 */
import { BufferGeometry, Float32BufferAttribute, Points, PointsMaterial, type Object3D } from 'three';
import { fillColour } from '../colour.ts';
import type { ReplayHeader } from '../replay/types.ts';
import { sceneX, sceneZ, type Frame } from './frame.ts';
import type { MakeMarkers, Markers } from './markers.ts';
import { openBox } from './open-box.ts';

export const DOTS_ABOVE = 5000;

export class PointsLayer {
  readonly object: Object3D;
  /** Drawn as dots (more than DOTS_ABOVE points) rather than columns. */
  readonly dots: boolean;
  private readonly columns: Markers | null;
  private readonly colour: Float32BufferAttribute | null;
  private readonly rgb = new Float32Array(3);
  private readonly x: Float32Array;
  private readonly z: Float32Array;
  private readonly heightPerPct: number;
  private readonly minHeight: number;

  constructor(h: ReplayHeader, f: Frame, markers: MakeMarkers) {
    const n = h.points.x.length;
    this.x = new Float32Array(n);
    this.z = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      this.x[i] = sceneX(f, h.points.x[i]);
      this.z[i] = sceneZ(f, h.points.y[i]);
    }
    this.minHeight = 1 * f.unitM;
    this.heightPerPct = (8 * f.unitM) / 100;
    const width = 3 * f.unitM;
    this.dots = n > DOTS_ABOVE;
    if (this.dots) {
      const geo = new BufferGeometry();
      const xyz = new Float32Array(3 * n);
      for (let i = 0; i < n; i++) { xyz[3 * i] = this.x[i]; xyz[3 * i + 1] = this.minHeight; xyz[3 * i + 2] = this.z[i]; }
      geo.setAttribute('position', new Float32BufferAttribute(xyz, 3));
      this.colour = new Float32BufferAttribute(new Float32Array(3 * n), 3);
      geo.setAttribute('color', this.colour);
      this.object = new Points(geo, new PointsMaterial({ size: (2 / 3) * width, vertexColors: true }));
      this.columns = null;
    } else {
      this.columns = markers(openBox(width, width), n);
      this.colour = null;
      this.object = this.columns.mesh;
    }
    this.object.name = 'points';
    this.object.frustumCulled = false;
  }

  /** fillPct(i) gives point i's fill in % of capacity at the current time. */
  update(fillPct: (i: number) => number): void {
    const cols = this.columns;
    if (cols) {
      for (let i = 0; i < this.x.length; i++) {
        const p = fillPct(i);
        cols.colour(i, fillColour(p, this.rgb));
        cols.place(i, this.x[i], 0, this.z[i], 0, 1, this.minHeight + this.heightPerPct * Math.min(Math.max(p, 0), 150), 1);
      }
      cols.commit();
      return;
    }
    const c = this.colour!.array as Float32Array;
    for (let i = 0; i < this.x.length; i++) fillColour(fillPct(i), c, 3 * i);
    this.colour!.needsUpdate = true;
  }

  positionOf(i: number): [number, number] {
    return [this.x[i], this.z[i]];
  }
}
