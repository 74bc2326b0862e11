import { BoxGeometry, Euler, Matrix4, MeshBasicMaterial, Quaternion, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { ShapeBatch } from '../../viewer/src/scene/batch.ts';

describe('a batch of shapes drawn as one mesh', () => {
  const template = new BoxGeometry(2, 1, 1);
  const batch = new ShapeBatch(template, 3, new MeshBasicMaterial());
  const pos = batch.mesh.geometry.getAttribute('position');
  const perShape = template.getAttribute('position').count;

  it('places a copy as the matrix of a scale, a turn about y and a move would', () => {
    batch.place(1, 10, 2, -5, 0.7, 1.5, 3, 0.5);
    const m = new Matrix4().compose(new Vector3(10, 2, -5), new Quaternion().setFromEuler(new Euler(0, 0.7, 0)), new Vector3(1.5, 3, 0.5));
    const tp = template.getAttribute('position');
    for (let k = 0; k < perShape; k++) {
      const want = new Vector3().fromBufferAttribute(tp, k).applyMatrix4(m);
      const got = new Vector3().fromBufferAttribute(pos, perShape + k);
      expect(got.distanceTo(want)).toBeLessThan(1e-5);
    }
  });

  it('colours only that copy, and draws every copy in one call', () => {
    batch.colour(2, [1, 0, 0.5]);
    const col = batch.mesh.geometry.getAttribute('color');
    expect([col.getX(2 * perShape), col.getY(2 * perShape), col.getZ(2 * perShape)]).toEqual([1, 0, 0.5]);
    expect([col.getX(perShape), col.getY(perShape), col.getZ(perShape)]).toEqual([1, 1, 1]);
    const geo = batch.mesh.geometry;
    expect(geo.drawRange.count).toBe(3 * template.getIndex()!.count);
    expect(geo.getIndex()!.getX(2 * template.getIndex()!.count)).toBe(template.getIndex()!.getX(0) + 2 * perShape);
  });

  it('marks for upload only what changed', () => {
    const geo = batch.mesh.geometry;
    const versions = () => ['position', 'normal', 'color'].map((a) => (geo.getAttribute(a) as { version: number }).version);
    batch.commit();
    const v0 = versions();
    batch.place(0, 1, 0, 1, 0, 1, 1, 1);
    batch.commit();
    expect(versions()).toEqual([v0[0] + 1, v0[1] + 1, v0[2]]);
  });
});
