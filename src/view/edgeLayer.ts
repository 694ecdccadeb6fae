import type { Graph } from '../engine/types';
import type { Layout } from './layout';
import { sizeCanvas } from './canvas';
import { edgePath, MAX_CY_EDGES, paintEdges } from './edgePaint';
import type { EdgeWorkerMessage } from './edgeLayer.worker';

export { MAX_CY_EDGES };

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
 *
 * Where the browser can, the canvas is painted by a worker (edgeLayer.worker.ts): stroking 79,800
 * lines is a long task the page would otherwise spend while a click waits. Elsewhere (no
 * OffscreenCanvas) the same painting runs here.
 */
export class EdgeLayer {
  private readonly worker: Worker | null = null;
  private readonly ctx: CanvasRenderingContext2D | null = null;
  private path: Path2D | null = null;
  private count = 0;
  private nodeSize = 1;

  constructor(private readonly canvas: HTMLCanvasElement) {
    if (typeof canvas.transferControlToOffscreen === 'function' && typeof Worker === 'function') {
      const offscreen = canvas.transferControlToOffscreen();
      this.worker = new Worker(new URL('./edgeLayer.worker.ts', import.meta.url), {
        type: 'module',
      });
      this.post({ type: 'canvas', canvas: offscreen }, [offscreen]);
    } else {
      this.ctx = canvas.getContext('2d')!;
    }
  }

  private post(m: EdgeWorkerMessage, transfer: Transferable[] = []): void {
    this.worker!.postMessage(m, transfer);
  }

  /** The links to draw (from linkPairs), or none when Cytoscape draws them. */
  setGraph(pairs: Int32Array | null, layout: Layout | null): void {
    const links = pairs && layout ? pairs.length / 2 : 0;
    const coords = new Float32Array(links * 4);
    for (let k = 0; k < links; k++) {
      const a = pairs![2 * k]!;
      const b = pairs![2 * k + 1]!;
      coords[4 * k] = layout!.x[a]!;
      coords[4 * k + 1] = layout!.y[a]!;
      coords[4 * k + 2] = layout!.x[b]!;
      coords[4 * k + 3] = layout!.y[b]!;
    }
    this.count = links;
    this.nodeSize = layout?.nodeSize ?? 1;
    if (this.worker) this.post({ type: 'graph', coords, nodeSize: this.nodeSize }, [coords.buffer]);
    else this.path = links ? edgePath(coords) : null;
  }

  /** Links drawn (0 when Cytoscape draws them). */
  get links(): number {
    return this.count;
  }

  resize(width: number, height: number): void {
    if (!this.worker) {
      sizeCanvas(this.canvas, width, height);
      return;
    }
    // The canvas's bitmap belongs to the worker now: the page sets only its CSS size.
    const dpr = window.devicePixelRatio || 1;
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    this.post({
      type: 'resize',
      width: Math.max(1, Math.round(width * dpr)),
      height: Math.max(1, Math.round(height * dpr)),
    });
  }

  draw(zoom: number, pan: { x: number; y: number }): void {
    const view = { zoom, pan: { x: pan.x, y: pan.y }, dpr: window.devicePixelRatio || 1 };
    if (this.worker) {
      this.post({ type: 'draw', view });
      return;
    }
    const { width, height } = this.canvas;
    paintEdges(this.ctx!, width, height, this.path, this.count, this.nodeSize, view);
  }

  /** Stops the painting worker (the graph view is gone). */
  destroy(): void {
    this.worker?.terminate();
  }
}
