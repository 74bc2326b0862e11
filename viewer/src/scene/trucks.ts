/**
 * Trucks: one set of markers (markers.ts) for the bodies, coloured by stream, and one for the loads stacked on
 * them (height ∝ load / capacity, white), oriented along the road being
 * driven. Two draw calls for any fleet; poses are computed into preallocated
 * arrays, so a frame allocates nothing. Stopped trucks on the very same spot
 * (a depot's fleet before it leaves, a queue at a station) are drawn once:
 * the others could not be seen, flickered against it (coplanar faces), and
 * cost software WebGL as much as visible ones (Guangzhou at 09:00: 1,618
 * stopped trucks on 589 spots).
 */
import { Color, type Mesh } from 'three';
import { hexColour } from '../colour.ts';
import type { DayState } from '../replay/day-state.ts';
import { newPose, poseAt, type Pose } from '../replay/track.ts';
import type { ReplayHeader } from '../replay/types.ts';
import { SpotSet } from './spot-set.ts';
import { sceneX, sceneZ, type Frame } from './frame.ts';
import type { MakeMarkers, Markers } from './markers.ts';
import { openBox } from './open-box.ts';

export class TrucksLayer {
  private readonly bodies: Markers;
  private readonly loads: Markers;
  /** Latest poses, by header truck index. */
  readonly poses: Pose[];
  readonly sceneXs: Float32Array;
  readonly sceneZs: Float32Array;
  private readonly lengthScale: Float32Array;
  private readonly capacityKg: Float32Array;
  private readonly bodyH: number;
  private readonly loadMaxH: number;
  private readonly spots: SpotSet;

  constructor(private readonly h: ReplayHeader, private readonly f: Frame, markers: MakeMarkers) {
    const n = h.trucks.length;
    // Markers follow the size of the city; a large fleet gets smaller trucks (down to 0.4×) so depots and main roads do not clot.
    const u = f.unitM * Math.min(1, Math.max(0.4, Math.sqrt(200 / Math.max(n, 1))));
    this.bodyH = 3.5 * u;
    this.loadMaxH = 6 * u;
    const body = openBox(13 * u, 5.5 * u).scale(1, this.bodyH, 1);
    // The load block is narrower than the body, so the stream colour stays visible around it.
    const load = openBox(8 * u, 3 * u).translate(-1.5 * u, 0, 0);
    this.bodies = markers(body, n);
    this.loads = markers(load, n);
    this.bodies.mesh.name = 'trucks';
    this.loads.mesh.name = 'truck-loads';
    const rgb = new Float32Array(3);
    const streamColour = new Map(h.streams.map((s) => [s.id, s.colour]));
    const white = new Color('#f4f1e8').toArray();
    h.trucks.forEach((t, i) => {
      this.bodies.colour(i, hexColour(streamColour.get(t.streams[0]) ?? '#cccccc', rgb));
      this.loads.colour(i, white);
    });
    this.bodies.commit();
    this.loads.commit();
    this.poses = h.trucks.map(() => newPose());
    this.sceneXs = new Float32Array(n);
    this.sceneZs = new Float32Array(n);
    this.lengthScale = Float32Array.from(h.trucks, (t) => (t.kind === 'haul' ? 1.5 : 1));
    this.capacityKg = Float32Array.from(h.trucks, (t) => t.capacityKg || 1);
    this.spots = new SpotSet(n);
  }

  get meshes(): Mesh[] {
    return [this.bodies.mesh, this.loads.mesh];
  }

  update(state: DayState | null, t: number): void {
    this.spots.clear();
    for (let i = 0; i < this.poses.length; i++) {
      const p = this.poses[i];
      if (state) poseAt(state.tracks[i], t, p);
      const x = sceneX(this.f, p.x), z = sceneZ(this.f, p.y);
      this.sceneXs[i] = x;
      this.sceneZs[i] = z;
      if (p.state !== 'drive' && !this.spots.take(x, z, p.heading)) {
        this.bodies.hide(i);
        this.loads.hide(i);
        continue;
      }
      const len = this.lengthScale[i];
      this.bodies.place(i, x, 0, z, p.heading, len, 1, 1);
      const frac = Math.min(Math.max(p.loadKg / this.capacityKg[i], 0), 1.2);
      if (frac > 0) this.loads.place(i, x, this.bodyH, z, p.heading, len, frac * this.loadMaxH, 1);
      else this.loads.hide(i);
    }
    this.bodies.commit();
    this.loads.commit();
  }
}
