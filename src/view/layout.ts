import type { Graph } from '../engine/types';
import { gridShape } from '../topology/grid';

/** Node positions in model coordinates (Cytoscape's), by graph position, and the node diameter. */
export interface Layout {
  x: Float64Array;
  y: Float64Array;
  nodeSize: number;
  /** Room the fit leaves round the nodes where badges stand out (service nodes); absent: fit.ts's own. */
  margin?: number;
}

/** Model diameter of a node; Cytoscape's fit scales the whole picture to the panel. */
export const NODE_SIZE = 44;
/** Ideal edge length of the general layouts: about two node widths, so nodes stay big when fitted. */
const L = 80;

/**
 * A stable layout for a graph: the same graph always gets the same picture (no randomness).
 * Rings are circles in ring order with clockwise = screen clockwise (C1); complete graphs circles in
 * position order; grids grids; paths lines (snaking when long); trees radial from their centre;
 * anything else a deterministic force layout started from a spiral in breadth-first order.
 */
export function layoutGraph(graph: Graph): Layout {
  if (graph.services?.length) return withServices(graph, graph.services.length);
  const n = graph.ids.length;
  if (graph.ring || graph.kind === 'complete') return circle(n);
  if (graph.kind === 'grid') return gridLayout(n);
  const adj = adjacency(graph);
  if (graph.kind === 'path') return pathLayout(n, adj);
  if (isTree(n, adj)) return radialTree(n, adj);
  return force(n, adj);
}

/**
 * Service nodes (a lease's store and storage: Graph.services) stand in a column to the right of the
 * candidates' circle, apart from it, so they never read as members of the election; the picture stays
 * wider than tall, as the graph panel is on a projector and on a phone.
 */
function withServices(graph: Graph, k: number): Layout {
  const n = graph.ids.length;
  const { services: _, ...candidates } = graph;
  const inner = layoutGraph({ ...candidates, ids: graph.ids.slice(0, n - k), edges: [] });
  const out = make(n);
  out.x.set(inner.x);
  out.y.set(inner.y);
  let right = 0;
  let reach = NODE_SIZE;
  for (let i = 0; i < n - k; i++) {
    right = Math.max(right, inner.x[i]!);
    reach = Math.max(reach, Math.abs(inner.y[i]!));
  }
  // Spread over the circle's full height, so that no link from a candidate to a service runs
  // through another candidate (three candidates: one on top, two level at the bottom).
  for (let j = 0; j < k; j++) {
    out.x[n - k + j] = right + 3 * NODE_SIZE;
    out.y[n - k + j] = k === 1 ? 0 : -reach + (2 * reach * j) / (k - 1);
  }
  // Their badges (the store's holder, the storage's last write) stand out to the right.
  out.margin = 3 * NODE_SIZE;
  return out;
}

function make(n: number): Layout {
  return { x: new Float64Array(n), y: new Float64Array(n), nodeSize: NODE_SIZE };
}

function circle(n: number): Layout {
  const out = make(n);
  if (n === 1) return out;
  // Room for each node on the circumference; at least a comfortable circle for small rings.
  const r = Math.max(110, (n * NODE_SIZE * 1.7) / (2 * Math.PI));
  for (let i = 0; i < n; i++) {
    // Screen y points down, so increasing angles from the top go clockwise on screen.
    const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
    out.x[i] = r * Math.cos(a);
    out.y[i] = r * Math.sin(a);
  }
  return out;
}

function gridLayout(n: number): Layout {
  const out = make(n);
  const { cols } = gridShape(n);
  for (let p = 0; p < n; p++) {
    out.x[p] = (p % cols) * L;
    out.y[p] = Math.floor(p / cols) * L;
  }
  return out;
}

function adjacency(graph: Graph): number[][] {
  const n = graph.ids.length;
  const adj: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  for (const e of graph.edges) {
    if (e.a === e.b) continue;
    adj[e.a]!.add(e.b);
    adj[e.b]!.add(e.a);
  }
  return adj.map((s) => [...s].sort((a, b) => a - b));
}

function edgeCount(adj: number[][]): number {
  let m = 0;
  for (const a of adj) m += a.length;
  return m / 2;
}

function bfsOrder(
  n: number,
  adj: number[][],
  start: number,
): { order: number[]; parent: Int32Array; depth: Int32Array } {
  const parent = new Int32Array(n).fill(-1);
  const depth = new Int32Array(n).fill(-1);
  const order: number[] = [];
  for (let s0 = 0; s0 < n; s0++) {
    const s = s0 === 0 ? start : s0 === start ? 0 : s0;
    if (depth[s]! >= 0) continue;
    depth[s] = 0;
    order.push(s);
    for (let h = order.length - 1; h < order.length; h++) {
      const u = order[h]!;
      for (const v of adj[u]!) {
        if (depth[v]! >= 0) continue;
        depth[v] = depth[u]! + 1;
        parent[v] = u;
        order.push(v);
      }
    }
  }
  return { order, parent, depth };
}

function isTree(n: number, adj: number[][]): boolean {
  if (n < 2 || edgeCount(adj) !== n - 1) return false;
  const { depth } = bfsOrder(n, adj, 0);
  let reached = 0;
  for (let i = 0; i < n; i++) if (depth[i]! >= 0) reached++;
  return reached === n;
}

function pathLayout(n: number, adj: number[][]): Layout {
  const out = make(n);
  const end = adj.findIndex((a) => a.length <= 1);
  const { order } = bfsOrder(n, adj, end < 0 ? 0 : end);
  // Short paths in one line; long ones snake in rows so the picture stays near 16:9.
  const perRow = n <= 16 ? n : Math.ceil(Math.sqrt(n * 2));
  order.forEach((p, k) => {
    const row = Math.floor(k / perRow);
    const col = k % perRow;
    out.x[p] = (row % 2 === 0 ? col : perRow - 1 - col) * L;
    out.y[p] = row * L;
  });
  return out;
}

/** The tree's centre: strip leaves layer by layer; the last one (or the lower of two) remains. */
function centre(n: number, adj: number[][]): number {
  const degree = adj.map((a) => a.length);
  let layer = degree.flatMap((d, i) => (d <= 1 ? [i] : []));
  let left = n;
  while (left > 2) {
    left -= layer.length;
    const next: number[] = [];
    for (const u of layer) for (const v of adj[u]!) if (--degree[v]! === 1) next.push(v);
    layer = next;
  }
  return Math.min(...layer);
}

function radialTree(n: number, adj: number[][]): Layout {
  const out = make(n);
  const root = centre(n, adj);
  const { order, parent, depth } = bfsOrder(n, adj, root);
  const leaves = new Float64Array(n);
  for (let k = order.length - 1; k >= 0; k--) {
    const u = order[k]!;
    if (leaves[u] === 0) leaves[u] = 1;
    const up = parent[u]!;
    if (up >= 0) leaves[up] = leaves[up]! + leaves[u]!;
  }
  let maxDepth = 0;
  for (let i = 0; i < n; i++) maxDepth = Math.max(maxDepth, depth[i]!);
  // The outer ring must hold every leaf with room to spare.
  const ring = Math.max(L, (leaves[root]! * NODE_SIZE * 1.6) / (2 * Math.PI * Math.max(1, maxDepth)));
  const from = new Float64Array(n);
  const span = new Float64Array(n);
  from[root] = -Math.PI / 2;
  span[root] = 2 * Math.PI;
  for (const u of order) {
    const a = from[u]! + span[u]! / 2;
    const r = depth[u]! * ring;
    out.x[u] = r * Math.cos(a);
    out.y[u] = r * Math.sin(a);
    let start = from[u]!;
    for (const v of adj[u]!) {
      if (parent[v] !== u) continue;
      from[v] = start;
      span[v] = (span[u]! * leaves[v]!) / leaves[u]!;
      start += span[v]!;
    }
  }
  return out;
}

/**
 * Fruchterman–Reingold with a fixed start (a sunflower spiral in breadth-first order, so neighbours
 * start near each other) and a fixed cooling schedule: deterministic, and O(n) per iteration by
 * binning repulsion into cells of the cut-off radius.
 */
function force(n: number, adj: number[][]): Layout {
  const out = make(n);
  const { order } = bfsOrder(n, adj, 0);
  const golden = Math.PI * (3 - Math.sqrt(5));
  order.forEach((p, k) => {
    const r = L * 0.6 * Math.sqrt(k + 0.5);
    out.x[p] = r * Math.cos(k * golden);
    out.y[p] = r * Math.sin(k * golden);
  });
  if (n < 3) return out;
  const iterations = n <= 200 ? 300 : n <= 1000 ? 150 : 60;
  const k2 = L * L;
  const cut = 3 * L;
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const cells = new Map<number, number[]>();
  const key = (cx: number, cy: number) => cx * 1_000_003 + cy;
  for (let it = 0; it < iterations; it++) {
    const temp = L * 1.5 * (1 - it / iterations) + 1;
    dx.fill(0);
    dy.fill(0);
    cells.clear();
    for (let i = 0; i < n; i++) {
      const c = key(Math.floor(out.x[i]! / cut), Math.floor(out.y[i]! / cut));
      const list = cells.get(c);
      if (list) list.push(i);
      else cells.set(c, [i]);
    }
    for (let i = 0; i < n; i++) {
      const cx = Math.floor(out.x[i]! / cut);
      const cy = Math.floor(out.y[i]! / cut);
      for (let ox = -1; ox <= 1; ox++)
        for (let oy = -1; oy <= 1; oy++) {
          const list = cells.get(key(cx + ox, cy + oy));
          if (!list) continue;
          for (const j of list) {
            if (j === i) continue;
            let ddx = out.x[i]! - out.x[j]!;
            let ddy = out.y[i]! - out.y[j]!;
            let d2 = ddx * ddx + ddy * ddy;
            if (d2 < 1e-6) {
              // Coincident nodes: separate them by index, deterministically.
              ddx = i < j ? 1 : -1;
              ddy = 0;
              d2 = 1;
            }
            if (d2 > cut * cut) continue;
            const f = k2 / d2;
            dx[i] = dx[i]! + ddx * f;
            dy[i] = dy[i]! + ddy * f;
          }
        }
    }
    for (let u = 0; u < n; u++)
      for (const v of adj[u]!) {
        if (v < u) continue;
        const ddx = out.x[u]! - out.x[v]!;
        const ddy = out.y[u]! - out.y[v]!;
        const d = Math.sqrt(ddx * ddx + ddy * ddy) + 1e-9;
        const f = d / L;
        dx[u] = dx[u]! - ddx * f;
        dy[u] = dy[u]! - ddy * f;
        dx[v] = dx[v]! + ddx * f;
        dy[v] = dy[v]! + ddy * f;
      }
    for (let i = 0; i < n; i++) {
      const d = Math.sqrt(dx[i]! * dx[i]! + dy[i]! * dy[i]!);
      if (d === 0) continue;
      const step = Math.min(d, temp) / d;
      out.x[i] = out.x[i]! + dx[i]! * step;
      out.y[i] = out.y[i]! + dy[i]! * step;
    }
  }
  return out;
}
