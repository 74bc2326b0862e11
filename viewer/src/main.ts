/**
 * Page entry: opens the replay named by `?replay=URL` (what `wastetwin view`
 * links to; read a day at a time by range requests), or one chosen with the
 * file picker or dropped on the page; `?markers=instanced|merged` forces how
 * markers are drawn.
 * Any failure is shown as a message in the page. `window.__wastetwin` exposes
 * the state tests and the benchmark read (draw calls, clock, truck positions).
 */
import type { InstancedMesh } from 'three';
import { ReplayError } from './replay/parse.ts';
import { ReplaySource } from './replay/source.ts';
import { Viewer } from './viewer.ts';

const $ = (id: string) => document.getElementById(id)!;
const message = $('message');
const drop = $('drop');

function showMessage(kind: 'error' | 'warning' | 'info', text: string): void {
  message.className = kind;
  message.textContent = text;
  message.hidden = false;
  hook.error = kind === 'error' ? text : hook.error;
  hook.warning = kind === 'warning' ? text : hook.warning;
}

const params = new URLSearchParams(location.search);
// `?markers=instanced|merged` forces how markers are drawn (scene/markers.ts), e.g. to test both in headless Chromium.
const viewer = new Viewer({
  stage: $('stage'), timeline: $('timeline'), kpi: $('kpi'), legend: $('legend'), detail: $('detail'),
  tooltip: $('tooltip'), attribution: $('attribution'), title: $('title'),
}, { markers: params.get('markers') });
viewer.onError = (text) => showMessage('error', `Cannot read this replay: ${text}`);

const hook = {
  ready: false,
  error: null as string | null,
  warning: null as string | null,
  viewer,
  drawCalls: () => viewer.drawCalls,
  triangles: () => viewer.renderer.info.render.triangles,
  /** Times the static layer (roads, shells, depots) was drawn: again only when the camera moves. */
  staticDraws: () => viewer.staticLayer.draws,
  /** Times a megacity's slow layer (dots, stock columns) was drawn: again when the camera or the clock moved (a quarter sample while playing). */
  slowDraws: () => viewer.slowLayer.draws,
  /** Whether the local roads are drawn (a large network leaves them out while the map is dragged). */
  localRoadsShown: () => viewer.loaded?.network.getObjectByName('roads:local')?.visible ?? false,
  /** Days parsed and held in memory (today's and at most one more: tomorrow's, or the one sought). */
  daysHeld: () => viewer.loaded?.days.size ?? 0,
  daysAvailable: () => viewer.loaded?.source.daysAvailable ?? 0,
  /** Where day lines are parsed: 'worker', or 'page' where no worker could start. */
  dayParser: () => viewer.dayParser.where,
  /** How the markers are drawn, read off the trucks' mesh: 'instanced' or 'merged'. */
  markers: () => {
    const trucks = viewer.loaded?.trucks.meshes[0];
    return trucks ? ((trucks as InstancedMesh).isInstancedMesh ? 'instanced' : 'merged') : null;
  },
  counts: () => ({ points: viewer.loaded?.h.points.x.length ?? 0, trucks: viewer.loaded?.h.trucks.length ?? 0 }),
  frames: () => viewer.frames,
  time: () => viewer.loaded?.pb.t ?? null,
  playing: () => viewer.loaded?.pb.playing ?? false,
  setTime: (t: number) => viewer.setTime(t),
  /**
   * Starts (true) or stops (false) timing frames with the GPU waited for; stopping returns the mean JS and drawing
   * milliseconds per frame since the start (bench/viewer.ts).
   */
  measure: (on: boolean) => {
    const t = viewer.timing;
    viewer.measure = on;
    const mean = { frames: t.frames, jsMs: t.jsMs / Math.max(t.frames, 1), renderMs: t.renderMs / Math.max(t.frames, 1) };
    if (on) t.frames = t.jsMs = t.renderMs = 0;
    return mean;
  },
  /** Stops the wall clock: the time then moves only by setTime (deterministic frames for tests). */
  freeze: () => { viewer.manualClock = true; },
  truckScreen: (id: string) => viewer.truckScreen(id),
  siteScreen: (id: string) => viewer.siteScreen(id),
  /** Opens the panel of the first site of that type (or id). */
  selectSite: (typeOrId: string) => {
    const site = viewer.loaded?.sites.all.find((s) => s.type === typeOrId || s.id === typeOrId);
    if (site) viewer.select({ kind: 'site', site });
  },
  truckPose: (id: string) => {
    const l = viewer.loaded;
    const i = l ? l.h.trucks.findIndex((t) => t.id === id) : -1;
    return l && i >= 0 ? { ...l.trucks.poses[i] } : null;
  },
};
(window as unknown as { __wastetwin: typeof hook }).__wastetwin = hook;

/** Opens what `open` returns (from a file or a URL) and plays it; any failure becomes a message in the page. */
async function openReplay(open: () => Promise<ReplaySource>, name: string, params = new URLSearchParams()): Promise<void> {
  hook.ready = false;
  hook.error = hook.warning = null;
  drop.hidden = true;
  try {
    const source = await open();
    message.hidden = true;
    const t = params.get('t');
    await viewer.open(source, {
      t: t === null ? undefined : Number(t),
      autoplay: params.get('autoplay') !== '0',
      speed: params.has('speed') ? Number(params.get('speed')) : undefined,
    });
    if (source.warning) showMessage('warning', `${name}: ${source.warning}`);
    hook.ready = true;
  } catch (e) {
    const text = e instanceof ReplayError ? e.message : e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    showMessage('error', `Cannot open ${name}: ${text}`);
    drop.hidden = false;
  }
}

const openFile = (f: File) => openReplay(() => ReplaySource.open(f), f.name);

const input = $('file') as HTMLInputElement;
input.addEventListener('change', () => {
  const f = input.files?.[0];
  if (f) void openFile(f);
  input.value = '';
});
window.addEventListener('dragover', (e) => { e.preventDefault(); document.body.classList.add('dragging'); });
window.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
window.addEventListener('drop', (e) => {
  e.preventDefault();
  document.body.classList.remove('dragging');
  const f = e.dataTransfer?.files[0];
  if (f) void openFile(f);
});

const replayUrl = params.get('replay');
if (replayUrl) {
  showMessage('info', `Loading ${replayUrl}…`);
  void openReplay(() => ReplaySource.fetch(replayUrl), replayUrl, params);
}
else drop.hidden = false;
