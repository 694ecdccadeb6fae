import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import type { Role } from '../engine/types';
import type { RunHandle, SimState, SimStore } from '../store/simStore';
import { EdgeLayer, linkPairs, MAX_CY_EDGES } from './edgeLayer';
import { graphElements } from './elements';
import { fitViewport } from './fit';
import { layoutGraph, type Layout } from './layout';
import { NodeLayer } from './nodeLayer';
import { MessageOverlay } from './overlay';
import { ROLE_LOOK } from './palette';
import { graphStyle } from './style';
import { bindTaps } from './taps';

/** A canvas stacked over the graph panel, drawn on by one layer, transparent to the pointer. */
function canvasLayer(className: string): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.className = className;
  c.setAttribute('aria-hidden', 'true');
  c.style.cssText = 'position:absolute;left:0;top:0;pointer-events:none';
  return c;
}

/**
 * Past this many nodes the graph is drawn on canvas layers (EdgeLayer, NodeLayer) and Cytoscape is
 * left empty, handling pan, zoom and taps: Cytoscape needs ~0.5 s to style and paint 1,000 nodes
 * here and ~1 s for 5,000, against first-paint goals of 0.3 s and 1.2 s (docs/architecture.md).
 */
const BIG_GRAPH = 500;

export interface GraphView {
  /** The current Cytoscape instance (a new one per loaded run). */
  readonly cy: Core;
  readonly overlay: MessageOverlay;
  /** Role class of the node with this id, as Cytoscape has it now. */
  roleOf(id: number): string | null;
  /** The node's centre in CSS pixels relative to the panel (tests click it). */
  nodePoint(id: number): { x: number; y: number } | null;
  /** Animation frames run so far, and when the last graph for a load was first painted. */
  readonly frames: {
    count: number;
    lastPaint: number | null;
    paints: { n: number; at: number; sinceLoad: number }[];
  };
  fit(): void;
  /**
   * Calls `attach` with the current Cytoscape instance and with each new one (there is one per run),
   * running the cleanup it returns when that instance goes. Returns a function that stops it.
   */
  onCy(attach: (cy: Core) => (() => void) | void): () => void;
  destroy(): void;
}

export interface GraphViewOptions {
  /** This view runs the store's playback clock (one view per store should). Default true. */
  drive?: boolean;
}

/**
 * The graph panel, driven from the store outside React: Cytoscape for the nodes and links (role
 * classes changed in one batch per cursor move; large graphs on canvas layers instead), a canvas
 * overlay for the messages in flight, and one animation loop that advances the playback clock and
 * redraws what moved.
 */
export function mountGraphView(
  container: HTMLElement,
  store: SimStore,
  options: GraphViewOptions = {},
): GraphView {
  const drive = options.drive ?? true;
  const host = document.createElement('div');
  host.className = 'cy-host';
  host.style.cssText = 'position:absolute;inset:0';
  const under = canvasLayer('edge-layer');
  const dots = canvasLayer('node-layer');
  const canvas = canvasLayer('message-overlay');
  // Bottom to top: edges and nodes of large graphs, Cytoscape (it also takes the pointer), messages.
  container.append(under, dots, host, canvas);
  const edges = new EdgeLayer(under);
  const nodeLayer = new NodeLayer(dots);

  let cy: Core = createCy([], false);
  const overlay = new MessageOverlay(canvas, () => cy);
  const frames: GraphView['frames'] = { count: 0, lastPaint: null, paints: [] };

  let run: RunHandle | null = null;
  let layout: Layout | null = null;
  let nodes: NodeSingular[] = [];
  let shownRole: Role[] = [];
  let shownLabel: string[] = [];
  let selectedNode: number | null = null;
  /** A large graph: nodes and edges on the canvas layers, Cytoscape empty (pan, zoom, taps). */
  let big = false;
  /** Links on the canvas layer: every large graph, and dense ones (a complete graph of 400 nodes). */
  let edgesOnCanvas = false;
  /** Set when a run is shown; cleared once its first frame has been painted. */
  let pendingPaint: { n: number } | null = null;
  let autoFit = true;
  /**
   * What needs drawing next frame. The viewport moved: everything. Roles changed: the node layer.
   * The cursor moved: the messages. A complete graph's 79,800 links are redrawn only when the
   * viewport moves, never because a step was taken.
   */
  let dirty = true;
  let nodesDirty = true;
  let messagesDirty = true;
  let drawnClock = NaN;
  let loadStarted = 0;
  const attached = new Set<{
    attach: (cy: Core) => (() => void) | void;
    cleanup: (() => void) | undefined;
  }>();

  /**
   * A Cytoscape instance per run: building one with its elements is cheaper than removing thousands
   * and adding thousands. For a large graph it stays empty (`onCanvas`): it pans, zooms and taps.
   */
  function createCy(elements: ElementDefinition[], onCanvas: boolean, noEdges = onCanvas): Core {
    const c = cytoscape({
      container: host,
      elements,
      style: graphStyle(noEdges),
      // Positions come with the elements; our own fit() frames them without measuring every element.
      layout: { name: 'preset', fit: false },
      autoungrabify: true,
      autounselectify: true,
      boxSelectionEnabled: false,
      minZoom: 0.005,
      maxZoom: 6,
    });
    bindTaps(c, {
      store,
      overlay: () => overlay,
      nodeLayer,
      onCanvas,
      ids: () => run?.sim.graph.ids ?? null,
    });
    c.on('mouseover', 'node', () => (host.style.cursor = 'pointer'));
    c.on('mouseout', 'node', () => (host.style.cursor = ''));
    c.on('viewport', () => (dirty = true));
    return c;
  }

  /** Frames the whole layout (fit.ts). */
  const fit = () => {
    const v = layout && fitViewport(layout, host.clientWidth, host.clientHeight, !!run?.sim.graph.ring);
    if (!v) return;
    cy.viewport(v);
    dirty = true;
  };

  const labelOf = (i: number, role: Role): string => {
    const r = run!;
    const alg = r.sim.algorithm;
    // An anonymous algorithm names its nodes itself (Itai–Rodeh: the round's random identity).
    const name = alg.nodeLabel ? alg.nodeLabel(r.replay.states[i] ?? null) : String(r.sim.graph.ids[i]!);
    const marker = ROLE_LOOK[role].marker;
    return `${marker ? `${marker} ` : ''}${name}`;
  };

  const showRun = (next: RunHandle) => {
    run = next;
    loadStarted = performance.now();
    layout = layoutGraph(next.sim.graph);
    const n = next.sim.n;
    const pairs = linkPairs(next.sim.graph);
    edgesOnCanvas = n > BIG_GRAPH || pairs.length / 2 > MAX_CY_EDGES;
    // A dense graph's nodes too: Cytoscape redrew its whole scene at every role change of playback.
    big = edgesOnCanvas;
    for (const a of attached) a.cleanup?.();
    cy.destroy();
    cy = createCy(big ? [] : graphElements(next.sim.graph, layout, !edgesOnCanvas), big, edgesOnCanvas);
    for (const a of attached) a.cleanup = a.attach(cy) ?? undefined;
    edges.setGraph(edgesOnCanvas ? pairs : null, layout);
    const ids = next.sim.graph.ids.map(String);
    nodeLayer.setGraph(big ? layout : null, big ? ids : []);
    nodes = new Array<NodeSingular>(big ? 0 : n);
    if (!big)
      cy.nodes().forEach((node) => {
        nodes[node.data('pos') as number] = node;
      });
    shownRole = new Array<Role>(n).fill('idle');
    shownLabel = ids;
    selectedNode = null;
    overlay.setGraph(
      next.sim.graph,
      layout,
      next.sim.algorithm.label?.bind(next.sim.algorithm),
      next.sim.algorithm.kinds,
    );
    autoFit = true;
    fit();
    // First paint: Cytoscape's first render of the elements (small graphs), or the node layer's first
    // draw (large ones), then the frame after it.
    pendingPaint = null;
    if (big) pendingPaint = { n };
    else cy.one('render', () => (pendingPaint = { n }));
    syncNodes(store.getState());
  };

  const syncNodes = (s: SimState) => {
    if (!run) return;
    const r = run.replay;
    const sel = s.selection?.kind === 'node' ? run.replay.positionOf(s.selection.id) : null;
    if (big) {
      for (let i = 0; i < shownRole.length; i++) {
        const role = r.roles[i]!;
        const label = labelOf(i, role);
        if (role !== shownRole[i] || label !== shownLabel[i]) {
          shownRole[i] = role;
          shownLabel[i] = label;
          nodeLayer.setRole(i, role, label);
        }
      }
      nodeLayer.setSelected(sel !== null && sel >= 0 ? sel : null);
      selectedNode = sel;
      nodesDirty = true;
    } else {
      // One batch per change: Cytoscape restyles and redraws once.
      cy.batch(() => {
        for (let i = 0; i < nodes.length; i++) {
          const role = r.roles[i]!;
          const node = nodes[i]!;
          if (role !== shownRole[i]) {
            node.removeClass(shownRole[i]!).addClass(role);
            shownRole[i] = role;
          }
          const label = labelOf(i, role);
          if (label !== shownLabel[i]) {
            node.data('label', label);
            shownLabel[i] = label;
          }
        }
        if (sel !== selectedNode) {
          if (selectedNode !== null) nodes[selectedNode]?.removeClass('sel');
          if (sel !== null && sel >= 0) nodes[sel]?.addClass('sel');
          selectedNode = sel;
        }
      });
    }
    overlay.setMessages(r);
    messagesDirty = true;
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.run !== run) showRun(s.run);
    // Only the cursor changes what is drawn: a background slice bumps `version` without moving it.
    else if (s.cursor !== prev.cursor || s.selection !== prev.selection) syncNodes(s);
  });

  host.addEventListener('wheel', () => (autoFit = false), { passive: true });

  const resize = () => {
    const rect = container.getBoundingClientRect();
    overlay.resize(rect.width, rect.height);
    edges.resize(rect.width, rect.height);
    nodeLayer.resize(rect.width, rect.height);
    cy.resize();
    if (autoFit) fit();
    dirty = true;
  };
  const observer = new ResizeObserver(resize);
  observer.observe(container);
  resize();
  showRun(store.getState().run);

  let raf = 0;
  let last = 0;
  const loop = (now: number) => {
    const dt = last ? (now - last) / 1000 : 0;
    last = now;
    frames.count++;
    let s = store.getState();
    // A long pause (hidden tab) must not jump the clock: at most 0.1 s per frame.
    if (drive && s.playing) {
      s.tick(Math.min(dt, 0.1));
      s = store.getState();
    }
    const selSeq = s.selection?.kind === 'message' ? s.selection.seq : null;
    if (dirty) edges.draw(cy.zoom(), cy.pan());
    if (dirty || nodesDirty) nodeLayer.draw(cy.zoom(), cy.pan());
    if (dirty || messagesDirty || drawnClock !== s.clock) {
      overlay.draw(s.clock, selSeq);
      drawnClock = s.clock;
    }
    dirty = nodesDirty = messagesDirty = false;
    if (pendingPaint) {
      const { n } = pendingPaint;
      pendingPaint = null;
      requestAnimationFrame(() => {
        const at = performance.now();
        frames.lastPaint = at;
        frames.paints.push({ n, at, sinceLoad: at - loadStarted });
      });
    }
    raf = requestAnimationFrame(loop);
  };
  raf = requestAnimationFrame(loop);

  return {
    get cy() {
      return cy;
    },
    overlay,
    frames,
    roleOf(id) {
      const i = run?.replay.positionOf(id) ?? -1;
      return i >= 0 ? (shownRole[i] ?? null) : null;
    },
    nodePoint(id) {
      const i = run?.replay.positionOf(id) ?? -1;
      if (i < 0 || !layout) return null;
      if (!big) {
        const p = nodes[i]!.renderedPosition();
        return { x: p.x, y: p.y };
      }
      const zoom = cy.zoom();
      const pan = cy.pan();
      return { x: layout.x[i]! * zoom + pan.x, y: layout.y[i]! * zoom + pan.y };
    },
    fit() {
      autoFit = true;
      fit();
    },
    onCy(attach) {
      const a = { attach, cleanup: attach(cy) ?? undefined };
      attached.add(a);
      return () => {
        a.cleanup?.();
        attached.delete(a);
      };
    },
    destroy() {
      for (const a of attached) a.cleanup?.();
      attached.clear();
      cancelAnimationFrame(raf);
      observer.disconnect();
      unsubscribe();
      cy.destroy();
      host.remove();
      canvas.remove();
    },
  };
}
