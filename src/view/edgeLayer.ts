import type { Graph } from '../engine/types';
import type { Layout } from './layout';

/**
 * The links of a large graph, drawn on a canvas beneath Cytoscape instead of as Cytoscape edges:
 * thousands of edge elements cost Cytoscape over a second to style and draw, and at that scale an
 * edge is a hairline with no arrow or weight to read. One path, redrawn when the viewport moves.
 */
export class EdgeLayer {
  private readonly ctx: CanvasRenderingContext2D;
  private pairs = new Int32Array(0);

  constructor(private readonly canvas: HTMLCanvasElement) {
    this.ctx = canvas.getContext('2d')!;
  }

  /** The pairs to draw (each unordered pair once), or none when Cytoscape draws the edges. */
  setGraph(graph: Graph | null): void {
    if (!graph) {
      this.pairs = new Int32Array(0);
      return;
    }
    const n = graph.ids.length;
    const seen = new Set<number>();
    const out: number[] = [];
    for (const e of graph.edges) {
      const lo = Math.min(e.a, e.b);
      const hi = Math.max(e.a, e.b);
      if (lo === hi || seen.has(lo * n + hi)) continue;
      seen.add(lo * n + hi);
      out.push(lo, hi);
    }
    this.pairs = Int32Array.from(out);
  }

  resize(width: number, height: number): void {
    const dpr = window.devicePixelRatio || 1;
    this.canvas.width = Math.max(1, Math.round(width * dpr));
    this.canvas.height = Math.max(1, Math.round(height * dpr));
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
  }

  draw(layout: Layout | null, zoom: number, pan: { x: number; y: number }): void {
    const ctx = this.ctx;
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    if (!layout || this.pairs.length === 0) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.beginPath();
    const p = this.pairs;
    for (let k = 0; k < p.length; k += 2) {
      ctx.moveTo(layout.x[p[k]!]! * zoom + pan.x, layout.y[p[k]!]! * zoom + pan.y);
      ctx.lineTo(layout.x[p[k + 1]!]! * zoom + pan.x, layout.y[p[k + 1]!]! * zoom + pan.y);
    }
    ctx.strokeStyle = '#8a8a8a';
    ctx.lineWidth = Math.max(0.75, Math.min(2.5, layout.nodeSize * zoom * 0.06));
    ctx.stroke();
  }
}
