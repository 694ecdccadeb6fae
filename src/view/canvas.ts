/**
 * The canvas layers stacked over the graph (EdgeLayer, NodeLayer, StageLayer, MessageOverlay) share
 * how they are made, sized and cleared.
 */

/** A canvas stacked over the graph panel, drawn on by one layer, transparent to the pointer. */
export function canvasLayer(className: string): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.className = className;
  c.setAttribute('aria-hidden', 'true');
  c.style.cssText = 'position:absolute;left:0;top:0;pointer-events:none';
  return c;
}

/** Sizes a layer to `width`×`height` CSS pixels, at the screen's pixel density (sharp on HiDPI). */
export function sizeCanvas(canvas: HTMLCanvasElement, width: number, height: number): void {
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.max(1, Math.round(width * dpr));
  canvas.height = Math.max(1, Math.round(height * dpr));
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
}

/** Clears a layer for a new frame; returns the pixel density it draws at. */
export function clearCanvas(ctx: CanvasRenderingContext2D, canvas: HTMLCanvasElement): number {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  return window.devicePixelRatio || 1;
}
