import type { Graph } from '../engine/types';
import type { Layout } from './layout';
import { clearCanvas, sizeCanvas } from './canvas';

/** Past this many linked pairs, links are drawn here rather than as Cytoscape edges. */
export const MAX_CY_EDGES = 4_000;

/**
 * Each linked unordered pair once, as [lo, hi, lo, hi, …] positions (self-loops left out). A bitmap
 * over n² pairs up to a few million (a Set of 80,000 numbers cost a second on a busy machine).
 */
export function linkPairs(graph: Graph): Int32Array {
  const n = graph.ids.length;
  const out = new Int32Array(graph.edges.length * 2);
  let len = 0;
  const bitmap = n * n <= 16_000_000 ? new Uint8Array(n * n) : null;
  const seen = bitmap ? null : new Set<number>();
  for (const e of graph.edges) {
    const lo = Math.min(e.a, e.b);
    const hi = Math.max(e.a, e.b);
    if (lo === hi) continue;
    const key = lo * n + hi;
    if (bitmap) {
      if (bitmap[key]) continue;
      bitmap[key] = 1;
    } else {
      if (seen!.has(key)) continue;
      seen!.add(key);
    }
    out[len++] = lo;
    out[len++] = hi;
  }
  return out.subarray(0, len);
}

/**
 * The links of a large or dense graph, drawn on a canvas beneath Cytoscape instead of as Cytoscape
 * edges: a complete graph of 400 nodes has 79,800 links, and as Cytoscape elements they froze the tab
 * for over 20 s; at that scale a link is a hairline with no arrow or weight to read. One path, built
 * once per graph in model coordinates and redrawn (through the viewport's transform) only when the
 * viewport moves. Dense graphs get thinner, fainter lines, so the picture shows the structure
 * (nodes on their circle, the messages above) instead of a grey disc.
 */
export class EdgeLayer {
  private readonly ctx: CanvasRenderingContext2D;
  private path: Path2D | null = null;
  private count = 0;
  private layout: Layout | null = null;

  constructor(private readonly canvas: HTMLCanvasElement) {
    this.ctx = canvas.getContext('2d')!;
  }

  /** The links to draw (from linkPairs), or none when Cytoscape draws them. */
  setGraph(pairs: Int32Array | null, layout: Layout | null): void {
    this.path = null;
    this.count = 0;
    this.layout = layout;
    if (!pairs || !layout) return;
    const p = pairs;
    const path = new Path2D();
    for (let k = 0; k < p.length; k += 2) {
      path.moveTo(layout.x[p[k]!]!, layout.y[p[k]!]!);
      path.lineTo(layout.x[p[k + 1]!]!, layout.y[p[k + 1]!]!);
    }
    this.path = path;
    this.count = p.length / 2;
  }

  /** Links drawn (0 when Cytoscape draws them). */
  get links(): number {
    return this.count;
  }

  resize(width: number, height: number): void {
    sizeCanvas(this.canvas, width, height);
  }

  draw(zoom: number, pan: { x: number; y: number }): void {
    const ctx = this.ctx;
    const dpr = clearCanvas(ctx, this.canvas);
    const layout = this.layout;
    if (!layout || !this.path) return;
    ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * pan.x, dpr * pan.y);
    // Screen widths, in model units: up to 2.5 px for sparse graphs, a hairline for dense ones.
    const dense = this.count > MAX_CY_EDGES;
    const px = dense ? 0.6 : Math.max(0.75, Math.min(2.5, layout.nodeSize * zoom * 0.06));
    ctx.lineWidth = px / zoom;
    ctx.strokeStyle = '#8a8a8a';
    // Fainter as links crowd: about the same ink for 5,000 links as for 80,000.
    ctx.globalAlpha = dense ? Math.max(0.05, Math.min(1, 6_000 / this.count)) : 1;
    ctx.stroke(this.path);
    ctx.globalAlpha = 1;
  }
}
