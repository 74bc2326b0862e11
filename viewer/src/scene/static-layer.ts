/**
 * What does not change with the clock (the ground, roads, site shells and
 * depots) in a canvas of its own beneath the moving layers' transparent
 * canvas, drawn again only when the camera moves, the size changes or a
 * replay is opened; the browser stacks the two canvases. Software WebGL
 * (SwiftShader, no GPU) took 130 ms a frame for Guangzhou's 87,000 road
 * segments, 50 ms to blend its 79 shells and 30 ms to fill the ground plane;
 * copying a kept image back with a framebuffer blit still cost 17 ms a frame
 * at 1280×800, while stacking costs the page next to nothing. The moving
 * layers stand on the roads and are always in front of them: a stock column
 * inside its translucent shell, or a truck parked on its depot, is drawn over
 * it.
 *
 * What a megacity samples over the day (its points, as dots, the stock
 * columns and the landfill pile) is such a layer too, between the static
 * layer and the moving one: it changes with the clock but slowly, and the
 * viewer draws it again when the clock has moved a quarter of the sampling
 * interval (viewer.ts), not every frame.
 */
import { Matrix4, Scene, WebGLRenderer, type Camera, type ColorRepresentation } from 'three';

export class StaticLayer {
  readonly renderer: WebGLRenderer;
  readonly scene = new Scene();
  /** Times the layer was drawn (tests check that a camera move draws it again, and that a still one does not). */
  draws = 0;
  /** Draw calls the layer took the last time it was drawn. */
  calls = 0;
  private valid = false;
  private readonly world = new Matrix4();
  private readonly proj = new Matrix4();

  /** `background` null: transparent, over another layer. `name` is the canvas's class. */
  constructor(opts: { antialias: boolean; background: ColorRepresentation | null; name: string }) {
    this.renderer = new WebGLRenderer({ antialias: opts.antialias, alpha: opts.background === null, preserveDrawingBuffer: true });
    this.renderer.setClearColor(opts.background ?? '#000000', opts.background === null ? 0 : 1);
    const canvas = this.renderer.domElement;
    canvas.className = opts.name;
    // The pointer is for the top canvas, where the camera controls listen.
    canvas.style.pointerEvents = 'none';
  }

  /** The next frame draws the layer again (its content changed). */
  invalidate(): void {
    this.valid = false;
  }

  setSize(w: number, h: number, pixelRatio: number): void {
    this.renderer.setPixelRatio(pixelRatio);
    this.renderer.setSize(w, h);
    this.valid = false;
  }

  /** Draws the layer if the camera moved or the layer changed since it was last drawn; returns whether it drew. */
  draw(camera: Camera): boolean {
    camera.updateMatrixWorld();
    if (this.valid && this.world.equals(camera.matrixWorld) && this.proj.equals(camera.projectionMatrix)) return false;
    this.world.copy(camera.matrixWorld);
    this.proj.copy(camera.projectionMatrix);
    this.renderer.render(this.scene, camera);
    this.calls = this.renderer.info.render.calls;
    this.draws++;
    this.valid = true;
    return true;
  }
}
