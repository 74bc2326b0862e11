import { BoxGeometry, InstancedMesh, MeshLambertMaterial, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { shadeOf } from '../../viewer/src/scene/batch.ts';
import { markerBackend, markerMaker, type Markers } from '../../viewer/src/scene/markers.ts';
import { openBox } from '../../viewer/src/scene/open-box.ts';
import { copyColour, copyShown, copyVertices } from './marker-copy.ts';

const SUN = new Vector3(0.5, 1, 0.3).normalize();

describe('markers drawn instanced or merged', () => {
  const template = openBox(2, 1);
  const make = (backend: 'instanced' | 'merged', n = 3): Markers => markerMaker(backend)(template.clone(), n);

  it('instanced on a GPU, merged on software WebGL, either when asked for', () => {
    expect(markerBackend(null, false)).toBe('instanced');
    expect(markerBackend(null, true)).toBe('merged');
    expect(markerBackend('instanced', true)).toBe('instanced');
    expect(markerBackend('merged', false)).toBe('merged');
    expect(markerBackend('nonsense', true)).toBe('merged');
    expect(make('instanced').mesh).toBeInstanceOf(InstancedMesh);
    expect(make('instanced').mesh.material).toBeInstanceOf(MeshLambertMaterial);
    expect(make('merged').mesh).not.toBeInstanceOf(InstancedMesh);
  });

  it('place a copy at the same vertices and give it the same colour, lit as the merged batch lights it', () => {
    const inst = make('instanced'), merged = make('merged');
    for (const m of [inst, merged]) {
      m.place(1, 10, 2, -5, 0.7, 1.5, 3, 0.5);
      m.colour(1, [0.9, 0.2, 0.5, 1, 0, 0.5], 3);
      m.commit();
    }
    const a = copyVertices(inst.mesh, 1, 3), b = copyVertices(merged.mesh, 1, 3);
    expect(a.length).toBe(b.length);
    a.forEach((p, k) => expect(p.distanceTo(b[k])).toBeLessThan(1e-5));
    // The instance carries the colour; the merged vertex the colour times the light the GPU gives the instance.
    const normal = template.getAttribute('normal');
    const c = Math.cos(0.7), s = Math.sin(0.7);
    expect(copyColour(inst.mesh, 1, 3).toArray()).toEqual([1, 0, 0.5]);
    for (let k = 0; k < normal.count; k++) {
      const nx = c * normal.getX(k) + s * normal.getZ(k), nz = -s * normal.getX(k) + c * normal.getZ(k);
      const light = shadeOf(normal.getY(k), nx * SUN.x + normal.getY(k) * SUN.y + nz * SUN.z);
      const got = copyColour(merged.mesh, 1, 3, k);
      expect(got.r).toBeCloseTo(light, 6);
      expect(got.g).toBe(0);
      expect(got.b).toBeCloseTo(0.5 * light, 6);
    }
  });

  it('hide a copy and show it again, leaving the others as they were', () => {
    for (const backend of ['instanced', 'merged'] as const) {
      const m = make(backend);
      expect([0, 1, 2].map((i) => copyShown(m.mesh, i, 3))).toEqual([false, false, false]);
      for (let i = 0; i < 3; i++) m.place(i, i, 0, 0, 0, 1, 1, 1);
      m.hide(1);
      m.commit();
      expect([0, 1, 2].map((i) => copyShown(m.mesh, i, 3))).toEqual([true, false, true]);
      m.place(1, 4, 0, 4, 0.3, 1, 2, 1);
      m.commit();
      expect([0, 1, 2].map((i) => copyShown(m.mesh, i, 3))).toEqual([true, true, true]);
    }
  });

  it('are one mesh, drawn in one call for any number of copies, and none for no copies', () => {
    for (const backend of ['instanced', 'merged'] as const) {
      expect(make(backend, 1000).mesh.visible).toBe(true);
      expect(make(backend, 0).mesh.visible).toBe(false);
    }
    const inst = make('instanced', 1000).mesh as InstancedMesh;
    expect(inst.count).toBe(1000);
    expect(inst.frustumCulled).toBe(false);
  });

  it.each([
    // The merged batch lights each vertex, so moving a copy rewrites its colours too.
    ['instanced', 1], ['merged', 2],
  ] as const)('mark for upload only what changed (%s)', (backend, colourUploadsAfterPlace) => {
    const m = make(backend);
    const mesh = m.mesh as InstancedMesh;
    const attrs = mesh.isInstancedMesh ? [mesh.instanceMatrix, mesh.instanceColor!] : [mesh.geometry.getAttribute('position'), mesh.geometry.getAttribute('color')];
    const versions = () => attrs.map((a) => (a as { version: number }).version);
    m.commit();
    const v0 = versions();
    m.colour(0, [0.2, 0.3, 0.4]);
    m.commit();
    expect(versions()).toEqual([v0[0], v0[1] + 1]);
    m.place(0, 1, 0, 1, 0, 1, 1, 1);
    m.commit();
    expect(versions()).toEqual([v0[0] + 1, v0[1] + colourUploadsAfterPlace]);
  });
});
