/** Reads back one copy of a set of markers (scene/markers.ts) from its mesh, whichever backend drew it. */
import { Color, Matrix4, Vector3, type InstancedMesh, type Mesh } from 'three';

/** Scene positions of copy i's vertices: the template through the instance matrix, or the merged mesh's own. */
export function copyVertices(mesh: Mesh, i: number, copies: number): Vector3[] {
  const pos = mesh.geometry.getAttribute('position');
  if ((mesh as InstancedMesh).isInstancedMesh) {
    const m = new Matrix4();
    (mesh as InstancedMesh).getMatrixAt(i, m);
    return Array.from({ length: pos.count }, (_, k) => new Vector3().fromBufferAttribute(pos, k).applyMatrix4(m));
  }
  const per = pos.count / copies;
  return Array.from({ length: per }, (_, k) => new Vector3().fromBufferAttribute(pos, i * per + k));
}

/** Whether copy i is drawn: not scaled to a single point. */
export function copyShown(mesh: Mesh, i: number, copies: number): boolean {
  const v = copyVertices(mesh, i, copies);
  return v.some((p) => p.distanceTo(v[0]) > 1e-9);
}

/** Copy i's instance colour (instanced) or the colour of its vertex k (merged: already lit). */
export function copyColour(mesh: Mesh, i: number, copies: number, k = 0): Color {
  if ((mesh as InstancedMesh).isInstancedMesh) {
    const c = new Color();
    (mesh as InstancedMesh).getColorAt(i, c);
    return c;
  }
  const col = mesh.geometry.getAttribute('color');
  const v = i * (col.count / copies) + k;
  return new Color(col.getX(v), col.getY(v), col.getZ(v));
}
