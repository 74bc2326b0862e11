/**
 * The viewer: one camera and loop for the page, and three stacked canvases
 * (static layer, slow layer, moving layers: scene/static-layer.ts); `open`
 * builds the scene of a replay (replacing any previous one) and plays it.
 * Days are read from the file as the clock reaches them (today's and
 * tomorrow's are kept), so memory does not grow with the length of the run.
 * The frame loop writes into preallocated arrays (instance matrices on a GPU,
 * vertices on software WebGL: scene/markers.ts) and allocates nothing.
 */
import {
  DirectionalLight, Group, HemisphereLight, InstancedMesh, Mesh, MeshBasicMaterial, PerspectiveCamera, PlaneGeometry, Scene, Vector3, WebGLRenderer,
} from 'three';
import { MapControls } from 'three/examples/jsm/controls/MapControls.js';
import { Playback } from './playback.ts';
import { DayParser } from './replay/day-parser.ts';
import { compileDayInSlices, placesOf, type DayState } from './replay/day-state.ts';
import type { ReplaySource } from './replay/source.ts';
import { dayOf, lerpRow, sampleBracket, type Bracket } from './replay/time.ts';
import type { Places } from './replay/track.ts';
import { SECONDS_PER_DAY, type ReplayHeader } from './replay/types.ts';
import { LIGHTS } from './scene/batch.ts';
import { frameOf, type Frame } from './scene/frame.ts';
import { markerBackend, markerMaker, type MakeMarkers } from './scene/markers.ts';
import { nearestOnScreen, toScreen } from './scene/picking.ts';
import { PointsLayer } from './scene/points.ts';
import { buildRoads, LOD_SEGMENTS, showMinorRoads } from './scene/roads.ts';
import { SitesLayer, type SiteInfo } from './scene/sites.ts';
import { softwareWebGl } from './scene/software-gl.ts';
import { StaticLayer } from './scene/static-layer.ts';
import { TrucksLayer } from './scene/trucks.ts';
import { DetailPanel, type Selection } from './ui/detail-panel.ts';
import { tonnes } from './ui/format.ts';
import { KpiPanel } from './ui/kpi-panel.ts';
import { renderLegend } from './ui/legend.ts';
import { Timeline } from './ui/timeline.ts';

export interface ViewerElements {
  stage: HTMLElement;
  timeline: HTMLElement;
  kpi: HTMLElement;
  legend: HTMLElement;
  detail: HTMLElement;
  tooltip: HTMLElement;
  attribution: HTMLElement;
  title: HTMLElement;
}

interface Loaded {
  source: ReplaySource;
  h: ReplayHeader;
  frame: Frame;
  places: Places;
  content: Group;
  /** Ground, roads, site shells and depots: the static layer's content. */
  roads: Group;
  /** The road classes (buildRoads). */
  network: Group;
  points: PointsLayer;
  trucks: TrucksLayer;
  sites: SitesLayer;
  pb: Playback;
  timeline: Timeline;
  kpi: KpiPanel;
  detail: DetailPanel;
  days: Map<number, DayState>;
  loading: Map<number, Promise<DayState>>;
}

const UI_INTERVAL_MS = 250;
/**
 * Tomorrow is read from noon on. A megacity's day takes seconds to arrive when software WebGL shares the CPU
 * (read, parsed in a worker, then a slice at a time between frames): 12 h is 12 s of wall time at 3600×.
 */
const READ_AHEAD_FROM_S = 12 * 3600;

export class Viewer {
  readonly renderer: WebGLRenderer;
  readonly scene = new Scene();
  readonly camera = new PerspectiveCamera(45, 1, 1, 1e6);
  readonly controls: MapControls;
  /** Ground, roads, site shells and depots, in a canvas beneath, drawn again only when the camera moves. */
  readonly staticLayer: StaticLayer;
  /**
   * What a megacity samples over the day (points as dots, stock columns, the landfill pile), in a canvas over the
   * static layer, drawn again when the camera moved or the clock moved by a quarter sample.
   */
  readonly slowLayer: StaticLayer;
  /** Clock time and day state the slow layer was last drawn for. */
  private slowT = NaN;
  private slowState: DayState | null = null;
  loaded: Loaded | null = null;
  /** Draw calls of a frame: the moving layers', and the static and slow layers' when they were last drawn. */
  drawCalls = 0;
  /** When set, each frame waits for the GPU (a one-pixel read) so that its JS and render times can be told apart (bench/viewer.ts). */
  measure = false;
  /** Sums over measured frames: the JS update (trucks, points, sites, panels) and drawing (static layer, moving layers, GPU). */
  readonly timing = { frames: 0, jsMs: 0, renderMs: 0 };
  private readonly pixel = new Uint8Array(4);
  frames = 0;
  /** When set, the loop does not advance the clock by wall time (tests step it). */
  manualClock = false;
  onError: (message: string) => void = () => {};
  /** Parses day lines off the page's thread. */
  readonly dayParser = new DayParser();
  private lastWallMs = -1;
  /** Something changed while paused (camera, time, size, selection, a day arrived): draw the next frame. */
  private dirty = true;
  private wasPlaying = false;
  private dragging = false;
  private lastUiMs = -1;
  private following = -1;
  private state: DayState | null = null;
  private readonly bracket: Bracket = { i: 0, f: 0 };
  private readonly tmp = new Vector3();
  private readonly tmp2 = new Vector3();
  private downX = 0;
  private downY = 0;
  /** Makes markers instanced on a GPU, merged on software WebGL (scene/markers.ts). */
  private readonly makeMarkers: MakeMarkers;

  /** `markers` forces a backend for the markers ('instanced' or 'merged', from `?markers=`); otherwise the renderer decides. */
  constructor(private readonly ui: ViewerElements, opts: { markers?: string | null } = {}) {
    const software = softwareWebGl();
    const antialias = !software;
    this.makeMarkers = markerMaker(markerBackend(opts.markers ?? null, software));
    // Transparent where nothing moves: the static layer's canvas shows through.
    this.renderer = new WebGLRenderer({ antialias, alpha: true, preserveDrawingBuffer: true });
    this.renderer.setPixelRatio(Math.min(window.devicePixelRatio || 1, 2));
    this.renderer.setClearColor('#000000', 0);
    this.staticLayer = new StaticLayer({ antialias, background: '#0d1117', name: 'static-layer' });
    this.slowLayer = new StaticLayer({ antialias, background: null, name: 'slow-layer' });
    ui.stage.append(this.staticLayer.renderer.domElement, this.slowLayer.renderer.domElement, this.renderer.domElement);
    for (const scene of [this.scene, this.staticLayer.scene, this.slowLayer.scene]) {
      // The lights the merged markers work out per vertex (scene/batch.ts).
      const sun = new DirectionalLight('#ffffff', LIGHTS.sun);
      sun.position.set(...LIGHTS.sunFrom);
      scene.add(new HemisphereLight(LIGHTS.sky, LIGHTS.ground, LIGHTS.hemisphere), sun);
    }
    this.controls = new MapControls(this.camera, this.renderer.domElement);
    this.controls.maxPolarAngle = Math.PI * 0.47;
    this.controls.enableDamping = false;
    this.controls.addEventListener('change', () => { this.dirty = true; });
    // While the map is dragged a large network is drawn without its minor roads, and whole again when let go.
    this.controls.addEventListener('start', () => { this.dragging = true; });
    this.controls.addEventListener('end', () => { this.dragging = false; this.dirty = true; });
    this.resize();
    window.addEventListener('resize', () => this.resize());
    const canvas = this.renderer.domElement;
    canvas.addEventListener('pointermove', (e) => this.hover(e));
    canvas.addEventListener('pointerleave', () => { ui.tooltip.hidden = true; });
    canvas.addEventListener('pointerdown', (e) => { this.downX = e.clientX; this.downY = e.clientY; });
    canvas.addEventListener('pointerup', (e) => {
      if (Math.hypot(e.clientX - this.downX, e.clientY - this.downY) < 5) this.click(e);
    });
    window.addEventListener('keydown', (e) => {
      if (!this.loaded || (e.target as HTMLElement).tagName === 'INPUT' || (e.target as HTMLElement).tagName === 'SELECT') return;
      if (e.key === ' ') { this.loaded.pb.playing = !this.loaded.pb.playing; this.dirty = true; e.preventDefault(); }
      if (e.key === 'Escape') this.select(null);
    });
    this.renderer.setAnimationLoop((ms) => this.tick(ms));
  }

  private resize(): void {
    const w = this.ui.stage.clientWidth || window.innerWidth;
    const h = this.ui.stage.clientHeight || window.innerHeight;
    this.renderer.setSize(w, h);
    for (const layer of [this.staticLayer, this.slowLayer]) layer.setSize(w, h, this.renderer.getPixelRatio());
    this.camera.aspect = w / h;
    this.camera.updateProjectionMatrix();
    this.dirty = true;
  }

  async open(source: ReplaySource, opts: { t?: number; autoplay?: boolean; speed?: number } = {}): Promise<void> {
    this.close();
    const h = source.header;
    const frame = frameOf(h);
    const content = new Group();
    const points = new PointsLayer(h, frame, this.makeMarkers);
    const trucks = new TrucksLayer(h, frame, this.makeMarkers);
    const sites = new SitesLayer(h, frame, this.makeMarkers);
    // Unlit: the flat ground is evenly lit anyway (this is the colour the lights gave it).
    const ground = new Mesh(new PlaneGeometry(frame.extentM * 1.3, frame.extentM * 1.3), new MeshBasicMaterial({ color: '#141820' }));
    ground.rotation.x = -Math.PI / 2;
    ground.position.y = -0.5;
    const network = buildRoads(h, frame);
    const roads = new Group().add(ground, network, sites.staticGroup);
    this.staticLayer.scene.add(roads);
    this.staticLayer.invalidate();
    // A town's point columns stay with the trucks, which drive between them and must hide behind them.
    (points.dots ? this.slowLayer.scene : content).add(points.object, sites.group);
    this.slowLayer.invalidate();
    this.slowT = NaN;
    content.add(...trucks.meshes);
    this.scene.add(content);
    const tMax = source.daysAvailable * SECONDS_PER_DAY - 1;
    const pb = new Playback(0, 0, tMax);
    pb.speed = opts.speed ?? pb.speed;
    const seek = (t: number) => { pb.seek(t); this.dirty = true; void this.ensureDay(dayOf(pb.t)); };
    const detail = new DetailPanel(this.ui.detail, h, () => this.select(null));
    this.loaded = {
      source, h, frame, places: placesOf(h), content, roads, network, points, trucks, sites, pb,
      timeline: new Timeline(this.ui.timeline, h, source.daysAvailable, pb, seek), kpi: new KpiPanel(this.ui.kpi, h), detail,
      days: new Map(), loading: new Map(),
    };
    renderLegend(this.ui.legend, h);
    this.ui.title.textContent = `${h.scenario} · seed ${h.seed} · ${h.points.x.length} points · ${h.trucks.length} trucks · ${source.daysAvailable} day(s)`;
    this.ui.attribution.textContent = h.attribution ?? '';
    this.ui.attribution.hidden = !h.attribution;
    this.camera.near = frame.extentM / 2000;
    this.camera.far = frame.extentM * 20;
    this.camera.updateProjectionMatrix();
    this.camera.position.set(0, frame.extentM * 0.85, frame.extentM * 0.75);
    this.controls.target.set(0, 0, 0);
    this.controls.maxDistance = frame.extentM * 4;
    this.controls.minDistance = frame.unitM * 10;
    this.controls.update();
    const first = await this.ensureDay(0);
    pb.seek(opts.t ?? firstMoveS(first));
    await this.ensureDay(dayOf(pb.t));
    pb.playing = opts.autoplay ?? false;
    this.renderNow();
  }

  private close(): void {
    const l = this.loaded;
    if (!l) return;
    this.scene.remove(l.content);
    this.staticLayer.scene.remove(l.roads);
    this.staticLayer.invalidate();
    this.slowLayer.scene.remove(l.points.object, l.sites.group);
    this.slowLayer.invalidate();
    for (const g of [l.content, l.roads, l.points.object, l.sites.group]) {
      g.traverse((o) => {
        const m = o as Mesh;
        if ((o as InstancedMesh).isInstancedMesh) (o as InstancedMesh).dispose();
        m.geometry?.dispose();
        const mat = m.material;
        if (Array.isArray(mat)) mat.forEach((x) => x.dispose()); else mat?.dispose();
      });
    }
    l.detail.show(null);
    this.loaded = null;
    this.state = null;
    this.following = -1;
  }

  /** Loads (once) and compiles day d; keeps only days d-1…d+1 in memory. */
  ensureDay(d: number): Promise<DayState> {
    const l = this.loaded!;
    const have = l.days.get(d);
    if (have) return Promise.resolve(have);
    let p = l.loading.get(d);
    if (!p) {
      p = l.source.day(d, this.dayParser.parse).then((day) => compileDayInSlices(l.h, day, l.places)).then((st) => {
        if (this.loaded === l) {
          l.days.set(d, st);
          this.dirty = true;
          // Two days at most: today's and the one just read (tomorrow's, read ahead, or the one sought).
          for (const k of l.days.keys()) if (k !== d && k !== dayOf(l.pb.t)) l.days.delete(k);
        }
        l.loading.delete(d);
        return st;
      });
      p.catch((e: unknown) => this.onError(e instanceof Error ? e.message : String(e)));
      l.loading.set(d, p);
    }
    return p;
  }

  /** Seeks, waits for the day, and draws one frame: for tests and the day selector. */
  async setTime(t: number): Promise<void> {
    const l = this.loaded;
    if (!l) return;
    l.pb.seek(t);
    await this.ensureDay(dayOf(l.pb.t));
    this.renderNow();
  }

  renderNow(): void {
    this.update(performance.now(), 0);
  }

  /**
   * Frames are drawn while playing or after a change, not while a paused
   * replay sits still: an idle page costs nothing, and with software WebGL,
   * where a frame of a megacity blocks the page for a long while, the fetch
   * of a day is not held up behind frames nobody needs.
   */
  private tick(ms: number): void {
    const dtS = this.lastWallMs < 0 ? 0 : (ms - this.lastWallMs) / 1000;
    this.lastWallMs = ms;
    const playing = this.loaded?.pb.playing ?? false;
    // One more frame after a pause, so the panels show where the clock stopped.
    if (!this.dirty && !playing && !this.wasPlaying) return;
    this.dirty = false;
    this.wasPlaying = playing;
    this.update(ms, this.manualClock || !playing ? 0 : dtS);
  }

  private readonly pointFill = (i: number): number => (this.state ? lerpRow(this.state.day.samples.binFill, i, this.bracket) : 0);
  private readonly siteStock = (s: SiteInfo): number => {
    if (!this.state) return 0;
    const sm = this.state.day.samples;
    return lerpRow(s.kind === 'station' ? sm.stationStockKg : sm.plantPitKg, s.sample, this.bracket);
  };

  private update(ms: number, dtS: number): void {
    const t0 = performance.now();
    const l = this.loaded;
    if (l) {
      const today = dayOf(l.pb.t);
      const readUntil = !l.days.has(today) ? l.pb.t : (l.days.has(today + 1) ? today + 2 : today + 1) * SECONDS_PER_DAY - 1;
      l.pb.advance(dtS, readUntil);
      const t = l.pb.t;
      const d = dayOf(t);
      const st = l.days.get(d);
      if (st) this.state = st; else void this.ensureDay(d);
      // Read the next day ahead from noon of this one.
      if (t - d * SECONDS_PER_DAY > READ_AHEAD_FROM_S && d + 1 < l.source.daysAvailable && !l.days.has(d + 1)) void this.ensureDay(d + 1);
      const live = this.state && this.state.day.day === d ? this.state : null;
      if (live) sampleBracket(live.day.samples.t, t, this.bracket);
      l.trucks.update(live, t);
      if (live) {
        if (!l.points.dots || this.slowDue(l, live, t, dtS)) {
          l.points.update(this.pointFill);
          const lf = live.day.samples.landfillKg;
          l.sites.update(this.siteStock, lf.length ? lf[this.bracket.i] + ((lf[this.bracket.i + 1] ?? lf[this.bracket.i]) - lf[this.bracket.i]) * this.bracket.f : 0);
        }
      }
      if (this.following >= 0) this.follow(l, this.following);
      if (ms - this.lastUiMs >= UI_INTERVAL_MS || dtS === 0) {
        this.lastUiMs = ms;
        l.timeline.update();
        const lf = live?.day.samples.landfillKg;
        l.kpi.update(live, t, lf && lf.length ? lf[this.bracket.i] - lf[0] : 0);
        l.detail.update(live, t, l.trucks.poses);
      }
    }
    this.controls.update();
    const t1 = performance.now();
    if (l && showMinorRoads(l.network, !(this.dragging && l.network.userData.segments > LOD_SEGMENTS))) this.staticLayer.invalidate();
    const drewStatic = this.staticLayer.draw(this.camera);
    const drewSlow = this.slowLayer.draw(this.camera);
    this.renderer.render(this.scene, this.camera);
    this.drawCalls = this.renderer.info.render.calls + this.staticLayer.calls + this.slowLayer.calls;
    this.frames++;
    if (this.measure) {
      const drew = [this.renderer, drewStatic && this.staticLayer.renderer, drewSlow && this.slowLayer.renderer];
      for (const r of drew) {
        if (!r) continue;
        const gl = r.getContext();
        gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, this.pixel);
      }
      this.timing.frames++;
      this.timing.jsMs += t1 - t0;
      this.timing.renderMs += performance.now() - t1;
    }
  }

  /**
   * Whether the slow layer (dots, stock columns, pile) is due to be updated and drawn again: on a new day, when
   * paused and the clock moved, and while playing once the clock has moved a quarter of the sampling interval (fills
   * and stocks are sampled, and eased between samples: finer steps would not be seen, and each costs software WebGL
   * a third of a frame).
   */
  private slowDue(l: Loaded, live: DayState, t: number, dtS: number): boolean {
    const due = live !== this.slowState || (dtS === 0 ? t !== this.slowT : Math.abs(t - this.slowT) >= l.h.sampleMinutes * 15);
    if (!due) return false;
    this.slowT = t;
    this.slowState = live;
    this.slowLayer.invalidate();
    return true;
  }

  private follow(l: Loaded, i: number): void {
    this.tmp.set(l.trucks.sceneXs[i], 0, l.trucks.sceneZs[i]).sub(this.controls.target);
    this.controls.target.add(this.tmp);
    this.camera.position.add(this.tmp);
  }

  private readonly truckAt = (i: number, out: Vector3) => { out.set(this.loaded!.trucks.sceneXs[i], 0, this.loaded!.trucks.sceneZs[i]); };
  private readonly siteAt = (i: number, out: Vector3) => { const s = this.loaded!.sites.all[i]; out.set(s.x, 0, s.z); };
  private readonly pointAt = (i: number, out: Vector3) => { const [x, z] = this.loaded!.points.positionOf(i); out.set(x, 0, z); };

  /** What lies under the pointer: a truck first, then a site, then a collection point. */
  pick(clientX: number, clientY: number): Selection | null {
    const l = this.loaded;
    if (!l) return null;
    const rect = this.renderer.domElement.getBoundingClientRect();
    const px = clientX - rect.left, py = clientY - rect.top;
    const args = [this.camera, rect.width, rect.height, px, py] as const;
    const truck = nearestOnScreen(l.h.trucks.length, this.truckAt, ...args, 12);
    if (truck) return { kind: 'truck', index: truck.index };
    const site = nearestOnScreen(l.sites.all.length, this.siteAt, ...args, 20);
    if (site) return { kind: 'site', site: l.sites.all[site.index] };
    const point = nearestOnScreen(l.h.points.x.length, this.pointAt, ...args, 8);
    return point ? { kind: 'point', index: point.index } : null;
  }

  private hover(e: PointerEvent): void {
    const l = this.loaded;
    const sel = this.pick(e.clientX, e.clientY);
    const tip = this.ui.tooltip;
    if (!l || !sel) { tip.hidden = true; return; }
    if (sel.kind === 'truck') {
      const tr = l.h.trucks[sel.index];
      const p = l.trucks.poses[sel.index];
      tip.textContent = `${tr.id} · ${tr.streams.join(', ')} · ${tonnes(p.loadKg)} of ${tonnes(tr.capacityKg)} · ${p.state}`;
    } else if (sel.kind === 'site') {
      tip.textContent = `${sel.site.name} (${sel.site.id}) · ${sel.site.type} · ${tonnes(this.siteStock(sel.site))} of ${tonnes(sel.site.capacityKg)}`;
    } else {
      tip.textContent = `${l.h.points.ids[sel.index]} · ${this.pointFill(sel.index).toFixed(0)} % of ${tonnes(l.h.points.capacityKg[sel.index])}`;
    }
    tip.style.left = `${e.clientX + 14}px`;
    tip.style.top = `${e.clientY + 14}px`;
    tip.hidden = false;
  }

  private click(e: PointerEvent): void {
    this.select(this.pick(e.clientX, e.clientY));
  }

  select(sel: Selection | null): void {
    const l = this.loaded;
    if (!l) return;
    this.following = sel?.kind === 'truck' ? sel.index : -1;
    l.detail.show(sel);
    this.renderNow();
  }

  /** CSS-pixel position of truck `id` in the page (for tests and tooling). */
  truckScreen(id: string): { x: number; y: number } | null {
    const l = this.loaded;
    const i = l ? l.h.trucks.findIndex((t) => t.id === id) : -1;
    return l && i >= 0 ? this.screenOf(l.trucks.sceneXs[i], l.trucks.sceneZs[i]) : null;
  }

  /** CSS-pixel position of the foot of station or plant `id` in the page. */
  siteScreen(id: string): { x: number; y: number } | null {
    const s = this.loaded?.sites.all.find((x) => x.id === id);
    return s ? this.screenOf(s.x, s.z) : null;
  }

  private screenOf(x: number, z: number): { x: number; y: number } | null {
    this.tmp2.set(x, 0, z);
    const rect = this.renderer.domElement.getBoundingClientRect();
    const s = toScreen(this.tmp2, this.camera, rect.width, rect.height);
    return s && { x: s.x + rect.left, y: s.y + rect.top };
  }
}

/** A little before the first truck leaves on day 0, so that opening a replay shows movement soon. */
function firstMoveS(day: DayState): number {
  let first = Infinity;
  for (const tr of day.tracks) if (tr.t0.length) first = Math.min(first, tr.t0[0]);
  return Number.isFinite(first) ? Math.max(first - 300, 0) : 6 * 3600;
}
