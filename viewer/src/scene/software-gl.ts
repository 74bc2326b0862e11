/**
 * Whether WebGL runs on a software rasteriser (SwiftShader, llvmpipe: no GPU,
 * as in headless CI). Antialiasing multiplies the pixels such a renderer
 * shades, so the viewer turns it off there and keeps it on real GPUs.
 */
export function softwareWebGl(): boolean {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return false;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return /swiftshader|llvmpipe|softpipe|software/i.test(name);
}
