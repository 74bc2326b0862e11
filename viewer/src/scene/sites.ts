/**
 * Transfer stations and plants as columns: a translucent shell whose height
 * is the storage (station) or pit (plant) capacity and a solid column inside
 * for the stock now; the landfill as a pile growing with what was landfilled
 * since the run started; depots as low blocks. Each kind is one set of markers
 * (markers.ts), one draw call. Shells and depots never change: they go to the static layer
 * (software WebGL took 50 ms a frame to blend Guangzhou's 79 shells).
 */
import { BoxGeometry, Color, ConeGeometry, CylinderGeometry, Group, Mesh, MeshLambertMaterial } from 'three';
import { hexColour } from '../colour.ts';
import type { ReplayHeader } from '../replay/types.ts';
import { sceneX, sceneZ, type Frame } from './frame.ts';
import type { MakeMarkers, Markers } from './markers.ts';

export const SITE_COLOURS: Record<string, string> = {
  station: '#9aa7b8', incinerator: '#e07b39', 'food-waste': '#3f9b3a', recycling: '#2f6fd6', hazardous: '#d63b2f', landfill: '#8a6d3b', depot: '#c9b458',
};

export interface SiteInfo {
  id: string;
  name: string;
  kind: 'station' | 'plant';
  type: string;
  x: number;
  z: number;
  /** Stock at full height: station storage, plant pit (daily capacity when the pit is unbounded). */
  capacityKg: number;
  /** Column in samples.stationStockKg or samples.plantPitKg. */
  sample: number;
}

export class SitesLayer {
  /** What changes with the clock: stock columns and the landfill pile. */
  readonly group = new Group();
  /** What does not: shells and depots. */
  readonly staticGroup = new Group();
  /** Stations then the plants that are not landfills. */
  readonly columns: SiteInfo[] = [];
  readonly landfills: SiteInfo[] = [];
  /** Columns then landfills: everything that can be picked. */
  readonly all: SiteInfo[];
  private readonly fills: Markers;
  private readonly pile: Mesh | null;
  private readonly columnH: number;
  private readonly pileUnit: number;

  constructor(h: ReplayHeader, f: Frame, markers: MakeMarkers) {
    const u = f.unitM;
    this.columnH = 45 * u;
    this.pileUnit = 3 * u;
    h.stations.forEach((s, k) => this.columns.push({ id: s.id, name: s.name ?? s.id, kind: 'station', type: 'station', x: sceneX(f, s.x), z: sceneZ(f, s.y), capacityKg: s.storageKg, sample: k }));
    h.plants.forEach((p, k) => {
      const info: SiteInfo = { id: p.id, name: p.name ?? p.id, kind: 'plant', type: p.type, x: sceneX(f, p.x), z: sceneZ(f, p.y), capacityKg: p.pitKg ?? p.capacityKgPerDay, sample: k };
      (p.type === 'landfill' ? this.landfills : this.columns).push(info);
    });
    this.all = [...this.columns, ...this.landfills];
    const n = this.columns.length;
    // 16 sides rather than 24: software WebGL pays for every triangle, and a column is rarely wider than a few dozen pixels.
    const shellGeo = new CylinderGeometry(10 * u, 10 * u, 1, 16, 1, true);
    shellGeo.translate(0, 0.5, 0);
    const shells = markers(shellGeo, n, { transparent: true, opacity: 0.22, depthWrite: false });
    const fillGeo = new CylinderGeometry(8 * u, 8 * u, 1, 16);
    fillGeo.translate(0, 0.5, 0);
    this.fills = markers(fillGeo, n);
    const rgb = new Float32Array(3);
    this.columns.forEach((s, i) => {
      hexColour(SITE_COLOURS[s.type] ?? '#c0c0c0', rgb);
      shells.colour(i, rgb);
      this.fills.colour(i, rgb);
      shells.place(i, s.x, 0, s.z, 0, 1, this.columnH, 1);
    });
    shells.commit();
    this.fills.commit();
    shells.mesh.name = 'site-shells';
    this.fills.mesh.name = 'site-stock';

    const depotGeo = new BoxGeometry(14 * u, 3 * u, 14 * u);
    depotGeo.translate(0, 1.5 * u, 0);
    const depots = markers(depotGeo, h.depots.length);
    depots.mesh.name = 'depots';
    const gold = new Color(SITE_COLOURS.depot).toArray();
    h.depots.forEach((d, i) => {
      depots.colour(i, gold);
      depots.place(i, sceneX(f, d.x), 0, sceneZ(f, d.y), 0, 1, 1, 1);
    });
    depots.commit();

    this.staticGroup.add(shells.mesh, depots.mesh);
    this.group.add(this.fills.mesh);
    const lf = this.landfills[0];
    if (lf) {
      const pileGeo = new ConeGeometry(1, 1, 32);
      pileGeo.translate(0, 0.5, 0);
      this.pile = new Mesh(pileGeo, new MeshLambertMaterial({ color: SITE_COLOURS.landfill }));
      this.pile.name = 'landfill';
      this.pile.position.set(lf.x, 0, lf.z);
      this.group.add(this.pile);
    } else this.pile = null;
  }

  /** stockKg(i) is column i's stock now; landfilledKg the cumulative landfill. */
  update(stockKg: (site: SiteInfo) => number, landfilledKg: number): void {
    for (let i = 0; i < this.columns.length; i++) {
      const s = this.columns[i];
      const frac = s.capacityKg > 0 ? Math.min(Math.max(stockKg(s) / s.capacityKg, 0), 1.1) : 0;
      this.fills.place(i, s.x, 0, s.z, 0, 1, Math.max(frac * this.columnH, 0.01), 1);
    }
    this.fills.commit();
    if (this.pile) {
      // Volume grows with mass: radius with its cube root (1 t → 3 units, 1000 t → 30).
      const r = Math.max(this.pileUnit * Math.cbrt(Math.max(landfilledKg, 0) / 1000), this.pileUnit * 0.3);
      this.pile.scale.set(r, r * 0.5, r);
    }
  }
}
