import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { NodeId } from '../engine/types';
import { adversaryOf, chooseDelivery } from '../store/adversary';
import type { SimStore } from '../store/simStore';
import type { NodeLayer } from './nodeLayer';
import type { MessageOverlay } from './overlay';

export interface TapTargets {
  store: SimStore;
  /** A getter: the first Cytoscape instance is made before the overlay exists. */
  overlay(): MessageOverlay;
  nodeLayer: NodeLayer;
  /** The nodes are drawn on the node layer (a large graph), not as Cytoscape elements. */
  onCanvas: boolean;
  /** The ids of the shown run, by position (null before a run is shown). */
  ids(): readonly NodeId[] | null;
}

/** The ids at the ends of a Cytoscape edge (its source and target are `n<position>`). */
function linkOf(e: EdgeSingular, ids: readonly NodeId[]): { a: NodeId; b: NodeId } {
  const end = (k: 'source' | 'target') => ids[Number(String(e.data(k)).slice(1))]!;
  return { a: end('source'), b: end('target') };
}

/**
 * The live menu (src/ui/live/LiveMenu.tsx) opens where a node or link is right-clicked (or
 * long-pressed): the graph's host element gets a `graph-context` event naming it.
 */
export interface GraphContext {
  target: { kind: 'node'; id: NodeId } | { kind: 'link'; a: NodeId; b: NodeId };
  /** A message in flight under the pointer (its seq): the menu offers to drop it too (C25). */
  seq?: number;
  /** Where, in pixels from the graph box's top left. */
  x: number;
  y: number;
}
export const GRAPH_CONTEXT = 'graph-context';

/**
 * A tap selects what is under it — a message drawn on top wins over the node beneath it — or clears
 * the selection; in "you choose" mode a tap on a channel's head delivers it; a double tap toggles the node's per-node option (crashed, initiator, …).
 */
export function bindTaps(c: Core, t: TapTargets): void {
  const dotAt = (x: number, y: number) => (t.onCanvas ? t.nodeLayer.hitTest(x, y, c.zoom(), c.pan()) : -1);
  c.on('tap', (e) => {
    const p = e.renderedPosition;
    const seq = t.overlay().hitTest(p.x, p.y);
    const st = t.store.getState();
    const dot = dotAt(p.x, p.y);
    const ids = t.ids();
    const overlay = t.overlay();
    const head = seq !== null && adversaryOf(t.store).getState().choosing && overlay.isHead(seq);
    const m = head ? st.run.replay.inFlight.get(seq) : undefined;
    // In "you choose" mode a click on a channel's head delivers it (src/store/adversary.ts).
    if (m) chooseDelivery(t.store, { from: m.from, to: m.to });
    else if (seq !== null) st.select({ kind: 'message', seq });
    else if (e.target !== c && (e.target as NodeSingular).isNode?.())
      st.select({ kind: 'node', id: Number(e.target.data('nid')) });
    else if (e.target !== c && ids && (e.target as EdgeSingular).isEdge?.())
      st.select({ kind: 'link', ...linkOf(e.target as EdgeSingular, ids) });
    else if (dot >= 0 && ids) st.select({ kind: 'node', id: ids[dot]! });
    else st.select(null);
  });
  c.on('dbltap', (e) => {
    if (e.target !== c && (e.target as NodeSingular).isNode?.()) {
      t.store.getState().toggleNode(Number(e.target.data('nid')));
      return;
    }
    const p = e.renderedPosition;
    const dot = dotAt(p.x, p.y);
    const ids = t.ids();
    if (dot >= 0 && ids) t.store.getState().toggleNode(ids[dot]!);
  });
  c.on('cxttap', (e) => {
    const p = e.renderedPosition;
    const dot = dotAt(p.x, p.y);
    const ids = t.ids();
    let target: GraphContext['target'] | null = null;
    if (e.target !== c && (e.target as NodeSingular).isNode?.())
      target = { kind: 'node', id: Number(e.target.data('nid')) };
    else if (e.target !== c && ids && (e.target as EdgeSingular).isEdge?.())
      target = { kind: 'link', ...linkOf(e.target as EdgeSingular, ids) };
    else if (dot >= 0 && ids) target = { kind: 'node', id: ids[dot]! };
    // A message under the pointer: the menu of what is beneath it (or of the link it travels on)
    // gains "Drop this message" (C25), so a right-click on a busy link still cuts the link.
    const seq = t.overlay().hitTest(p.x, p.y);
    const m = seq === null ? undefined : t.store.getState().run.replay.inFlight.get(seq);
    if (!target && m) target = { kind: 'link', a: m.from, b: m.to };
    if (!target) return;
    t.store.getState().select(target);
    const detail: GraphContext = { target, x: p.x, y: p.y, ...(m ? { seq: seq! } : {}) };
    c.container()?.dispatchEvent(new CustomEvent(GRAPH_CONTEXT, { detail, bubbles: true }));
  });
}
