/**
 * A box standing on y = 0, one unit high, without its bottom face (the map is
 * only ever seen from above the ground), its 8 corners shared by the faces.
 * Software WebGL (CI, machines without a GPU) is bound by vertices when it
 * draws tens of thousands of instances: 8 vertices and 10 triangles per
 * instance instead of BoxGeometry's 24 and 12 (the 8-sided cylinders the
 * points used before had 50 and 32). Shared corners have averaged normals, so
 * the shading is soft rather than faceted, which markers this small hide.
 */
import { BufferGeometry, Float32BufferAttribute } from 'three';

export function openBox(width: number, depth: number): BufferGeometry {
  const w = width / 2, d = depth / 2;
  // Bottom ring 0–3, top ring 4–7, counter-clockwise seen from above.
  const corners = [[-w, d], [w, d], [w, -d], [-w, -d]];
  const position = [...corners.flatMap(([x, z]) => [x, 0, z]), ...corners.flatMap(([x, z]) => [x, 1, z])];
  const geo = new BufferGeometry();
  geo.setAttribute('position', new Float32BufferAttribute(position, 3));
  const sides = [0, 1, 2, 3].flatMap((i) => {
    const j = (i + 1) % 4;
    return [i, j, j + 4, i, j + 4, i + 4];
  });
  geo.setIndex([...sides, 4, 5, 6, 4, 6, 7]);
  geo.computeVertexNormals();
  return geo;
}
