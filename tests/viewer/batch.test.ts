import { BoxGeometry, Euler, Matrix4, Quaternion, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { shadeOf, ShapeBatch } from '../../viewer/src/scene/batch.ts';

describe('a batch of shapes drawn as one mesh', () => {
  const template = new BoxGeometry(2, 1, 1);
  const batch = new ShapeBatch(template, 3);
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

  it('colours only that copy, lit per vertex as Lambert would light it, and draws every copy in one call', () => {
    batch.place(2, 0, 0, 0, 0, 1, 1, 1);
    batch.colour(2, [1, 0, 0.5]);
    const col = batch.mesh.geometry.getAttribute('color');
    const normal = template.getAttribute('normal');
    for (let k = 0; k < perShape; k++) {
      const n = new Vector3().fromBufferAttribute(normal, k);
      const light = shadeOf(n.y, n.dot(new Vector3(0.5, 1, 0.3).normalize()));
      expect(col.getX(2 * perShape + k)).toBeCloseTo(light, 6);
      expect(col.getY(2 * perShape + k)).toBe(0);
      expect(col.getZ(2 * perShape + k)).toBeCloseTo(0.5 * light, 6);
    }
    // Lit from above: a roof is brighter than a wall, and the sunny wall brighter than the shaded one.
    expect(shadeOf(1, 0.86)).toBeGreaterThan(shadeOf(0, 0.43));
    expect(shadeOf(0, 0.43)).toBeGreaterThan(shadeOf(0, -0.43));
    // Copy 1 keeps its own (default white) colour: grey light, not copy 2's red.
    for (let k = 0; k < perShape; k++) {
      expect(col.getX(perShape + k)).toBeGreaterThan(0);
      expect(col.getY(perShape + k)).toBeCloseTo(col.getX(perShape + k), 6);
      expect(col.getZ(perShape + k)).toBeCloseTo(col.getX(perShape + k), 6);
    }
    const geo = batch.mesh.geometry;
    expect(geo.drawRange.count).toBe(3 * template.getIndex()!.count);
    expect(geo.getIndex()!.getX(2 * template.getIndex()!.count)).toBe(template.getIndex()!.getX(0) + 2 * perShape);
  });
});
