import cytoscape, {
  type Core,
  type EdgeSingular,
  type ElementDefinition,
  type NodeSingular,
} from 'cytoscape';
import type { DrawingDecl } from '../algorithms/contract';
import { findAlgorithm } from '../algorithms/registry';
import type { Role } from '../engine/types';
import { adversaryOf } from '../store/adversary';
import type { RunHandle, SimState, SimStore } from '../store/simStore';
import { emptyStage, GroupColours, stageOf, TraceMarks, type Stage } from './drawing';
import { nodeName } from '../topology/services';
import { markDownLinks } from './downLinks';
import { markSelectedLink } from './selectedLink';
import { EdgeLayer, linkPairs, MAX_CY_EDGES } from './edgeLayer';
import { graphElements } from './elements';
import { fitViewport } from './fit';
import { layoutGraph, NODE_SIZE, type Layout } from './layout';
import { NodeLayer } from './nodeLayer';
import { MessageOverlay } from './overlay';
import { kindColour, kindColourOn, kindIndex, ROLE_LOOK } from './palette';
import { NO_STEP, StageLayer } from './stageLayer';
import { graphStyle } from './style';
import { snapshotOf, type SvgGraph } from './svgExport';
import { bindTaps } from './taps';
import { canvasLayer } from './canvas';
import { CUT_PAD, FaultLayer, type CutShape } from './faultLayer';
import {
  cutLabel,
  cutsAt,
  hasFaults,
  nextPuffs,
  puffAlpha,
  puffPoint,
  Recoveries,
  type Loss,
  type Puff,
} from './faults';

/**
 * Past this many nodes the graph is drawn on canvas layers (EdgeLayer, NodeLayer) and Cytoscape is
 * left empty, handling pan, zoom and taps: Cytoscape needs ~0.5 s to style and paint 1,000 nodes
 * here and ~1 s for 5,000, against first-paint goals of 0.3 s and 1.2 s (docs/architecture.md).
 */
const BIG_GRAPH = 500;
/** A node's radius in graph coordinates. */
const NODE_R = NODE_SIZE / 2;

export interface GraphView {
  /** The current Cytoscape instance (a new one per loaded run). */
  readonly cy: Core;
  readonly overlay: MessageOverlay;
  /** Role class of the node with this id, as Cytoscape has it now. */
  roleOf(id: number): string | null;
  /** What the algorithm's drawing declaration shows at the cursor (drawing.ts). */
  readonly stage: Stage;
  /** The faults drawn at the cursor (faultLayer.ts): partitions, puffs, nodes re-joining (positions). */
  readonly faults: { cuts: readonly CutShape[]; puffs: readonly Puff[]; recovering: readonly number[] };
  /** The picture of the current step for a slide: what is shown, messages included (svgExport.ts). */
  slide(caption: string): SvgGraph;
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
  const marks = canvasLayer('stage-layer');
  const cuts = canvasLayer('fault-cuts');
  const faultMarks = canvasLayer('fault-marks');
  const canvas = canvasLayer('message-overlay');
  // Bottom to top: edges and nodes of large graphs, the partitions' shading, Cytoscape (it also takes
  // the pointer), the algorithm's marks and the current step, the faults' marks, messages.
  container.append(under, dots, cuts, host, marks, faultMarks, canvas);
  const edges = new EdgeLayer(under);
  const nodeLayer = new NodeLayer(dots);
  const stageLayer = new StageLayer(marks);
  const faultLayer = new FaultLayer(cuts, faultMarks);

  let cy: Core = createCy([], false);
  const overlay = new MessageOverlay(canvas, () => cy);
  const frames: GraphView['frames'] = { count: 0, lastPaint: null, paints: [] };

  let run: RunHandle | null = null;
  let layout: Layout | null = null;
  let nodes: NodeSingular[] = [];
  let shownRole: Role[] = [];
  let shownLabel: string[] = [];
  let selectedNode: number | null = null;
  // The algorithm's drawing (small graphs): its declaration, the links in linkPairs' order with their
  // Cytoscape edges, and what each node and edge shows now (only changes reach Cytoscape).
  let decl: DrawingDecl<unknown> | undefined;
  let pairs: Int32Array | null = null;
  let pairEdges: EdgeSingular[] = [];
  let groupColours = new GroupColours();
  let traceMarks: TraceMarks | null = null;
  let stage: Stage = emptyStage(0, 0);
  let shownColour: (string | null)[] = [];
  let shownEdge: string[] = [];
  let kindOf: (kind: string) => number = () => 0;
  // The faults drawn (faults.ts): only for a small graph whose run has any.
  let recoveries: Recoveries | null = null;
  let puffs: Puff[] = [];
  let recovering: number[] = [];
  let puffCursor = 0;
  let faultsDirty = true;
  let drawnTheme: string | undefined = '';
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
  /** The stage layer's marks changed (the cursor moved). */
  let stageDirty = true;
  let pairSource = new Int32Array(0);
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
    // The message under the pointer is labelled while hovered (a crowded graph labels only a few).
    c.on('mousemove', (e) => {
      const p = e.renderedPosition;
      if (overlay.setHovered(overlay.hitTest(p.x, p.y))) messagesDirty = true;
    });
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
    const name = alg.nodeLabel ? alg.nodeLabel(r.replay.states[i] ?? null) : nodeName(r.sim.graph, i);
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
    setDrawing(next, pairs);
    const ids = next.sim.graph.ids.map(String);
    nodeLayer.setGraph(big ? layout : null, big ? ids : []);
    nodes = new Array<NodeSingular>(big ? 0 : n);
    if (!big)
      cy.nodes().forEach((node) => {
        nodes[node.data('pos') as number] = node;
      });
    shownRole = new Array<Role>(n).fill('idle');
    shownLabel = ids;
    shownColour = new Array<string | null>(n).fill(null);
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

  /** What the algorithm's drawing declaration needs for this run (small graphs only). */
  const setDrawing = (next: RunHandle, all: Int32Array) => {
    const n = next.sim.n;
    const mod = findAlgorithm(next.sim.algorithm.id);
    decl = big ? undefined : mod?.drawing;
    pairs = decl && !edgesOnCanvas ? all : null;
    pairEdges = [];
    pairSource = new Int32Array(pairs ? pairs.length / 2 : 0);
    if (pairs) {
      const index = new Map<number, number>();
      for (let k = 0; k < pairs.length; k += 2) index.set(pairs[k]! * n + pairs[k + 1]!, k / 2);
      cy.edges().forEach((e) => {
        const a = e.source().data('pos') as number;
        const b = e.target().data('pos') as number;
        const k = index.get(Math.min(a, b) * n + Math.max(a, b));
        if (k === undefined) return;
        pairEdges[k] = e;
        pairSource[k] = a;
      });
    }
    shownEdge = new Array<string>(pairEdges.length).fill('');
    groupColours = new GroupColours();
    const fd = next.sim.algorithm.failureDetector;
    traceMarks =
      !big && (decl?.waits || mod?.faults)
        ? new TraceMarks(next.sim.graph, fd ? fd.delay(next.sim.timing, next.sim.params) : null)
        : null;
    kindOf = kindIndex(next.sim.algorithm.kinds);
    stage = emptyStage(n, 0);
    stageLayer.setGraph(big ? null : layout, next.replay.roles);
    const faulty = !big && hasFaults(next.sim.faults);
    faultLayer.setGraph(faulty ? layout : null, next.replay.roles);
    recoveries = faulty ? new Recoveries((id) => next.replay.positionOf(id)) : null;
    puffs = [];
    recovering = [];
    puffCursor = 0;
    faultsDirty = true;
  };

  /**
   * The faults at the cursor: the partitions holding, the nodes back from a crash within a time unit,
   * and a puff for each message lost by the steps just passed (only the cursor's own after a jump).
   */
  const syncFaults = () => {
    if (!recoveries) return;
    const r = run!.replay;
    const sim = run!.sim;
    const sync = sim.timing.mode === 'sync';
    const now = performance.now();
    faultLayer.setCuts(
      cutsAt(sim.faults, (id) => r.positionOf(id), r.time).map((c) => ({
        side: c.side,
        label: cutLabel(c, sync),
      })),
    );
    recoveries.index(r.trace);
    recovering = recoveries.recoveringAt(r.step, r.time, r.crashed);
    faultLayer.setRecovering(recovering);
    const losses: Loss[] = [];
    const first = r.step > puffCursor && r.step - puffCursor <= 64 ? puffCursor + 1 : r.step;
    for (let k = Math.max(1, first); k <= r.step; k++) {
      const e = r.trace[k - 1];
      if (e?.kind === 'drop' && e.from !== undefined && e.msg)
        losses.push({
          step: k,
          from: r.positionOf(e.from),
          to: r.positionOf(e.node),
          kind: kindOf(e.msg.kind),
        });
    }
    puffs = nextPuffs(puffs, puffCursor, r.step, losses, now);
    puffCursor = r.step;
    faultLayer.setPuffs(puffs);
    faultsDirty = true;
  };

  /** A timer the node has reset since it was set (Raft's election timer): no ring for it. */
  const cancelled = (at: number, timer: unknown): boolean => {
    const alg = run!.sim.algorithm;
    const st = run!.replay.states[at];
    if (decl?.waitShown && st !== null && st !== undefined && !decl.waitShown(timer, st)) return true;
    return !!alg.timerCancelled && st !== null && st !== undefined && alg.timerCancelled(st, timer);
  };

  /** The drawing at the cursor: group rings, edge states and arrows (in the caller's batch), marks. */
  const syncDrawing = () => {
    const r = run!.replay;
    const n = r.n;
    if (decl) {
      const states = r.states.map((st, i) => (r.crashed[i] ? null : st));
      stage = stageOf(decl, run!.sim.graph, states, pairs, groupColours);
      for (let i = 0; i < n; i++) {
        const c = stage.colours[i]!;
        if (c === shownColour[i]) continue;
        const node = nodes[i]!;
        if (c) node.data('gc', c).addClass('grouped');
        else node.removeClass('grouped');
        shownColour[i] = c;
      }
      const looks = decl.edgeStates ?? [];
      for (let k = 0; k < pairEdges.length; k++) {
        const e = pairEdges[k];
        if (!e) continue;
        const a = pairs![2 * k]!;
        const b = pairs![2 * k + 1]!;
        const st = stage.edgeState[k]!;
        const colour = stage.edgeColour[k];
        const cls: string[] = [];
        if (st >= 0) cls.push(looks[st]!.name, `look-${looks[st]!.look}`);
        if (colour) cls.push('tinted');
        // The arrow points at the node this end's `up` went to.
        const at = stage.toward[a] === b ? b : stage.toward[b] === a ? a : -1;
        if (at >= 0) cls.push(at === pairSource[k] ? 'up-src' : 'up-tgt');
        const key = `${cls.join(' ')}|${colour ?? ''}`;
        if (key === shownEdge[k]) continue;
        const old = shownEdge[k]!.split('|')[0]!;
        if (old) e.removeClass(old);
        if (colour) e.data('ec', colour);
        if (cls.length) e.addClass(cls.join(' '));
        shownEdge[k] = key;
      }
    }
    if (traceMarks) {
      traceMarks.index(r.trace);
      for (let i = 0; i < n; i++) {
        if (!r.crashed[i]) continue;
        const lost = traceMarks.lostAt(i, r.step);
        if (lost > 0) {
          if (stage.badges.length !== n) stage = { ...stage, badges: new Array<string | null>(n).fill(null) };
          stage.badges[i] = `${lost} lost`;
        }
      }
      stageLayer.setWaits(decl?.waits ? traceMarks.waitsAt(r.step, r.time, r.crashed, cancelled) : []);
    }
    stageLayer.setStage(stage.badges, stage.names);
    const entry = r.step > 0 ? r.trace[r.step - 1] : undefined;
    stageLayer.setStep(
      entry
        ? {
            actor: r.positionOf(entry.node),
            from: entry.kind === 'deliver' && entry.from !== undefined ? r.positionOf(entry.from) : -1,
            colour: entry.msg ? kindColour(kindOf(entry.msg.kind)) : '#000000',
          }
        : NO_STEP,
      performance.now(),
    );
    overlay.setFresh(entry?.sends ?? []);
    stageDirty = true;
  };

  /**
   * The slide: Cytoscape's nodes and edges with the drawing's rings, badges, edge states and arrows,
   * the waits, the step's actor and trail, and the messages where the overlay drew them (turned from
   * screen into graph coordinates, so the picture is the one on screen).
   */
  const slideOf = (snap: SvgGraph, r: RunHandle['replay'], caption: string, clock: number): SvgGraph => {
    const zoom = cy.zoom();
    const pan = cy.pan();
    const n = r.n;
    const entry = r.step > 0 ? r.trace[r.step - 1] : undefined;
    const actor = entry ? r.positionOf(entry.node) : -1;
    const waits = decl?.waits && traceMarks ? traceMarks.waitsAt(r.step, r.time, r.crashed, cancelled) : [];
    snap.nodes.forEach((node, i) => {
      if (i >= n) return;
      node.ring = stage.colours[i] ?? null;
      node.badge = stage.badges[i] ?? null;
      node.actor = i === actor;
      const mine = waits.filter((w) => w.at === i);
      if (mine.length)
        node.waits = mine.map((w) => ({
          left: w.until > w.from ? Math.max(0, Math.min(1, (w.until - clock) / (w.until - w.from))) : 0,
          notice: w.label === 'notice',
        }));
    });
    if (pairs && decl?.edgeStates) {
      const index = new Map<number, number>();
      for (let k = 0; k < pairs.length; k += 2) index.set(pairs[k]! * n + pairs[k + 1]!, k / 2);
      for (const e of snap.edges) {
        const k = index.get(Math.min(e.source, e.target) * n + Math.max(e.source, e.target));
        if (k === undefined) continue;
        const st = stage.edgeState[k]!;
        if (st >= 0) {
          e.state = decl.edgeStates[st]!.name;
          e.look = decl.edgeStates[st]!.look;
          e.colour = stage.edgeColour[k] ?? null;
        }
        const at =
          stage.toward[e.source] === e.target
            ? e.target
            : stage.toward[e.target] === e.source
              ? e.source
              : -1;
        e.up = at < 0 ? null : at === e.target ? 'target' : 'source';
      }
    }
    const X = (i: number) => layout!.x[i]!;
    const Y = (i: number) => layout!.y[i]!;
    snap.names = stage.names;
    faultsOnSlide(snap, r);
    const from = entry?.kind === 'deliver' && entry.from !== undefined ? r.positionOf(entry.from) : -1;
    if (actor >= 0 && from >= 0 && from !== actor && entry?.msg) {
      const dx = X(from) - X(actor);
      const dy = Y(from) - Y(actor);
      const len = Math.hypot(dx, dy) || 1;
      const reach = Math.min(len * 0.5, NODE_R * 3.2);
      snap.trail = {
        x2: X(actor) + (dx / len) * NODE_R,
        y2: Y(actor) + (dy / len) * NODE_R,
        x1: X(actor) + (dx / len) * (NODE_R + reach),
        y1: Y(actor) + (dy / len) * (NODE_R + reach),
        colour: kindColour(kindOf(entry.msg.kind)),
      };
    }
    const placed = overlay.placements();
    snap.messages = placed.msgs.map((m) => ({
      x: (m.x - pan.x) / zoom,
      y: (m.y - pan.y) / zoom,
      r: placed.r / zoom,
      colour: m.colour,
      dead: m.dead,
      label: m.label,
      lx: (m.lx - pan.x) / zoom,
      ly: (m.ly - pan.y) / zoom,
      w: m.w / zoom,
      h: placed.pill / zoom,
      font: 14 / zoom,
    }));
    snap.step = r.step;
    snap.caption = caption;
    snap.theme = document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
    return snap;
  };

  /** The faults as the fault layer draws them, in graph coordinates (zoom 1). */
  const faultsOnSlide = (snap: SvgGraph, r: RunHandle['replay']) => {
    if (!recoveries || !layout) return;
    const lay = layout;
    for (const i of recovering) if (snap.nodes[i]) snap.nodes[i].recovering = true;
    snap.cuts = faultLayer.shapes.map((c) => ({
      nodes: c.side.map((i) => ({ x: lay.x[i]!, y: lay.y[i]! })),
      hull: c.hull,
      pad: CUT_PAD,
      label: c.label,
      at: c.at,
    }));
    const dark = document.documentElement.dataset.theme === 'dark';
    const now = performance.now();
    snap.puffs = puffs
      .filter((p) => puffAlpha(p, now) > 0)
      .map((p) => {
        const size = NODE_R * 0.7;
        const rb = NODE_R * ROLE_LOOK[r.roles[p.to] ?? 'idle'].scale;
        const at = puffPoint(lay.x[p.from]!, lay.y[p.from]!, lay.x[p.to]!, lay.y[p.to]!, rb + size * 1.3);
        return {
          ...at,
          size,
          colour: kindColourOn(p.kind, dark),
          from: run!.sim.graph.ids[p.from]!,
          to: run!.sim.graph.ids[p.to]!,
        };
      });
  };

  /** The selection last drawn (a selected link is marked, an unselected one cleared once). */
  let prevSelection: SimState['selection'] = null;
  const syncNodes = (s: SimState) => {
    if (!run) return;
    const r = run.replay;
    const sim = run.sim;
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
        syncDrawing();
        syncFaults();
        markDownLinks(cy, sim, r.time);
        if (s.selection?.kind === 'link' || s.selection !== prevSelection)
          markSelectedLink(cy, sim.graph.ids, s.selection);
        prevSelection = s.selection;
      });
    }
    overlay.setMessages(r);
    messagesDirty = true;
  };

  // "You choose" mode rings the heads of the channels (src/store/adversary.ts).
  const adversary = adversaryOf(store);
  overlay.setChoosing(adversary.getState().choosing);
  const unchoose = adversary.subscribe((a) => {
    overlay.setChoosing(a.choosing);
    messagesDirty = true;
  });

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.run !== run) showRun(s.run);
    // Only the cursor changes what is drawn: a background slice bumps `version` without moving it.
    else if (s.cursor !== prev.cursor || s.selection !== prev.selection) syncNodes(s);
  });

  host.addEventListener('wheel', () => (autoFit = false), { passive: true });
  host.addEventListener('mouseleave', () => {
    if (overlay.setHovered(null)) messagesDirty = true;
  });

  const resize = () => {
    const rect = container.getBoundingClientRect();
    overlay.resize(rect.width, rect.height);
    edges.resize(rect.width, rect.height);
    nodeLayer.resize(rect.width, rect.height);
    stageLayer.resize(rect.width, rect.height);
    faultLayer.resize(rect.width, rect.height);
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
    // The stage's waits empty with the clock; its pulse runs a few beats after each step.
    if (stageLayer.needsFrame(now) || dirty || stageDirty || drawnClock !== s.clock)
      stageLayer.draw(cy.zoom(), cy.pan(), s.clock, now);
    // A theme switch repaints the shading, which is drawn in opaque tints of the paper.
    const theme = document.documentElement.dataset.theme;
    if (faultLayer.needsFrame(now) || dirty || faultsDirty || theme !== drawnTheme) {
      faultLayer.draw(cy.zoom(), cy.pan(), now);
      drawnTheme = theme;
    }
    if (dirty || messagesDirty || drawnClock !== s.clock) {
      overlay.draw(s.clock, selSeq);
      drawnClock = s.clock;
    }
    dirty = nodesDirty = messagesDirty = stageDirty = faultsDirty = false;
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
    get stage() {
      return stage;
    },
    get faults() {
      const now = performance.now();
      return { cuts: faultLayer.shapes, puffs: puffs.filter((p) => puffAlpha(p, now) > 0), recovering };
    },
    slide(caption) {
      const s = store.getState();
      const r = s.run.replay;
      const title = `${s.run.sim.algorithm.name}, ${s.run.sim.n} nodes, step ${s.cursor}`;
      return slideOf(snapshotOf(cy, title), r, caption, s.clock);
    },
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
      unchoose();
      cy.destroy();
      edges.destroy();
      host.remove();
      marks.remove();
      cuts.remove();
      faultMarks.remove();
      canvas.remove();
    },
  };
}
