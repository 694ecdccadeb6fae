/**
 * Paints the edge layer off the main thread. Rasterising 79,800 hairlines (a complete graph of 400)
 * took 120 ms of the page's own time on a quiet machine and up to 700 ms on a busy one — long enough
 * to miss a click — so the canvas is handed to this worker (transferControlToOffscreen) and the page
 * only posts the scene, the size and the viewport. Messages arriving while a frame paints are folded
 * into the next frame: only the newest viewport is painted.
 */
import { edgePath, paintEdges, type EdgeView } from './edgePaint';

export type EdgeWorkerMessage =
  | { type: 'canvas'; canvas: OffscreenCanvas }
  | { type: 'graph'; coords: Float32Array; nodeSize: number }
  | { type: 'resize'; width: number; height: number }
  | { type: 'draw'; view: EdgeView };

let canvas: OffscreenCanvas | null = null;
let ctx: OffscreenCanvasRenderingContext2D | null = null;
let path: Path2D | null = null;
let links = 0;
let nodeSize = 1;
let view: EdgeView | null = null;
let pending = false;

function paint() {
  pending = false;
  if (!canvas || !ctx || !view) return;
  paintEdges(ctx, canvas.width, canvas.height, path, links, nodeSize, view);
}

self.onmessage = (e: MessageEvent<EdgeWorkerMessage>) => {
  const m = e.data;
  if (m.type === 'canvas') {
    canvas = m.canvas;
    ctx = canvas.getContext('2d');
  } else if (m.type === 'graph') {
    path = m.coords.length ? edgePath(m.coords) : null;
    links = m.coords.length / 4;
    nodeSize = m.nodeSize;
  } else if (m.type === 'resize') {
    if (canvas) {
      canvas.width = m.width;
      canvas.height = m.height;
    }
  } else {
    view = m.view;
  }
  if (!pending) {
    pending = true;
    setTimeout(paint, 0);
  }
};
