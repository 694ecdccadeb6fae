import type { ElementDefinition } from 'cytoscape';
import type { Graph } from '../engine/types';
import { isService, nodeName } from '../topology/services';
import type { Layout } from './layout';

/**
 * Cytoscape elements for a graph: one node per position (`n<pos>`, labelled by its id) and one edge
 * per linked pair. A pair linked both ways (bidirectional ring) is one edge with an arrow at each
 * end; undirected graphs have no arrows; weights are shown where they mean something (GHS). Large
 * graphs leave the edges out (`withEdges` false): the EdgeLayer draws them.
 */
export function graphElements(graph: Graph, layout: Layout, withEdges = true): ElementDefinition[] {
  const n = graph.ids.length;
  const out: ElementDefinition[] = [];
  for (let i = 0; i < n; i++) {
    out.push({
      group: 'nodes',
      data: { id: `n${i}`, pos: i, nid: graph.ids[i]!, label: nodeName(graph, i) },
      position: { x: layout.x[i]!, y: layout.y[i]! },
      // A service's name ("storage") is wider than the disc: style.ts writes it under the disc.
      classes: isService(graph, i) ? 'idle service' : 'idle',
    });
  }
  if (!withEdges) return out;
  // One edge per unordered pair, remembering which directions exist.
  const pairs = new Map<number, { a: number; b: number; w: number; fwd: boolean; back: boolean }>();
  for (const e of graph.edges) {
    const lo = Math.min(e.a, e.b);
    const hi = Math.max(e.a, e.b);
    const key = lo * n + hi;
    let p = pairs.get(key);
    if (!p) {
      p = { a: e.a, b: e.b, w: e.w, fwd: false, back: false };
      pairs.set(key, p);
    }
    if (!graph.directed) continue;
    if (e.a === p.a && e.b === p.b) p.fwd = true;
    else p.back = true;
  }
  let k = 0;
  for (const p of pairs.values()) {
    const classes = [
      p.fwd ? 'fwd' : '',
      p.back ? 'back' : '',
      p.a === p.b ? 'loop' : '',
      graph.weighted ? 'weighted' : '',
    ].filter(Boolean);
    out.push({
      group: 'edges',
      data: { id: `e${k++}`, source: `n${p.a}`, target: `n${p.b}`, w: formatWeight(p.w) },
      classes: classes.join(' '),
    });
  }
  return out;
}

function formatWeight(w: number): string {
  return Number.isInteger(w) ? String(w) : String(Number(w.toPrecision(4)));
}
