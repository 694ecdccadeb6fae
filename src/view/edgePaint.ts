/**
 * How the links of a large or dense graph are painted, shared by the edge worker (edgeLayer.worker.ts)
 * and the main-thread fallback in edgeLayer.ts: one path of segments in model coordinates, stroked
 * through the viewport's transform.
 */

/** Past this many linked pairs, links are drawn on the edge layer rather than as Cytoscape edges. */
export const MAX_CY_EDGES = 4_000;

/** The links to paint: [x1, y1, x2, y2, …] in model coordinates, and the layout's node size. */
export interface EdgeScene {
  coords: Float32Array;
  nodeSize: number;
}

/** The viewport a frame is painted through (Cytoscape's zoom and pan) and the pixel density. */
export interface EdgeView {
  zoom: number;
  pan: { x: number; y: number };
  dpr: number;
}

type Ctx2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** One Path2D for every link: built once per graph, stroked at every viewport change. */
export function edgePath(coords: Float32Array): Path2D {
  const path = new Path2D();
  for (let k = 0; k + 3 < coords.length; k += 4) {
    path.moveTo(coords[k]!, coords[k + 1]!);
    path.lineTo(coords[k + 2]!, coords[k + 3]!);
  }
  return path;
}

/** Clears the layer and strokes the links; `links` is the number of segments in `path`. */
export function paintEdges(
  ctx: Ctx2D,
  width: number,
  height: number,
  path: Path2D | null,
  links: number,
  nodeSize: number,
  view: EdgeView,
): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width, height);
  if (!path || links === 0) return;
  const { zoom, pan, dpr } = view;
  ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * pan.x, dpr * pan.y);
  // Screen widths, in model units: up to 2.5 px for sparse graphs, a hairline for dense ones.
  const dense = links > MAX_CY_EDGES;
  const px = dense ? 0.6 : Math.max(0.75, Math.min(2.5, nodeSize * zoom * 0.06));
  ctx.lineWidth = px / zoom;
  ctx.strokeStyle = '#8a8a8a';
  // Fainter as links crowd: about the same ink for 5,000 links as for 80,000.
  ctx.globalAlpha = dense ? Math.max(0.05, Math.min(1, 6_000 / links)) : 1;
  ctx.stroke(path);
  ctx.globalAlpha = 1;
}
