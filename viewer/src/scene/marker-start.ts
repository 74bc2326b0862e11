/** How both backends of markers (markers.ts) start: every copy hidden until placed. */
import type { Markers } from './markers.ts';

/** Never culled (copies move: a bounds worked out once would cull them where they were), no draw call when empty, every copy hidden. */
export function startHidden(m: Markers): void {
  m.mesh.frustumCulled = false;
  m.mesh.visible = m.capacity > 0;
  for (let i = 0; i < m.capacity; i++) m.hide(i);
  m.commit();
}
