import { nodeName } from '../../topology/services';
import type { RunHandle, SimState, SimStore } from '../../store/simStore';
import { BaseLayer } from './baseLayer';
import { readInk, type Ink } from './colours';
import { AXIS_H, fitScale, LABEL_W, PAD, xOfTime, yOfRow, type Scale } from './geometry';
import { Hits } from './hits';
import { paintNow } from './nowLayer';
import type { Frame } from './paint';
import { arrowAt, attachPointer } from './pointer';
import { TraceIndex } from './traceIndex';

export interface SpaceTimeStats {
  draws: number;
  /** Arrows in view in the last frame, and whether some were left out (MAX_ARROWS). */
  drawn: number;
  capped: boolean;
  /** Full redraws of the delivered arrows (the rest of the frames add to them or reuse them). */
  rebuilds: number;
  /** Milliseconds the last frame took to draw. */
  ms: number;
}

export interface TimeAxis {
  pxPerTime: number;
  /** Horizontal scroll (CSS pixels): content x = view x + sl. */
  sl: number;
  /** The latest time the diagram spans. */
  maxTime: number;
}

export interface SpaceTimeView {
  readonly stats: SpaceTimeStats;
  readonly index: TraceIndex | null;
  /** The time zoom: 1 = the whole run fits the width. */
  readonly zoom: number;
  /** The whole run fits the width (Fit), rather than a window that follows the cursor. */
  readonly fitted: boolean;
  /** The span of time in view (the time axis's left and right ends), and the playback clock. */
  timeWindow(): { from: number; to: number; clock: number };
  /** A point where a click reaches this message's arrow (CSS pixels relative to the container). */
  arrowPoint(seq: number): { x: number; y: number } | null;
  /** A point on a node's line (CSS pixels relative to the container), if its row is in view. */
  rowPoint(id: number): { x: number; y: number } | null;
  /** Where time t is on the time axis (CSS pixels relative to the container), if in view. */
  timePoint(t: number): { x: number; y: number } | null;
  /** The message under the pointer, if any. */
  hovered(): number | null;
  /** Narrows (factor > 1) or widens the window round the cursor; wide enough, it is the whole run. */
  zoomBy(factor: number): void;
  /** The whole run in the width. */
  fit(): void;
  /**
   * The time axis as drawn in the last frame: pixels per time unit, the horizontal scroll and the
   * run's span; the leadership timeline under the diagram draws on it, so the two stay aligned.
   */
  axis(): TimeAxis;
  /** Calls `f` after every frame the diagram draws; returns the function that stops it. */
  onPaint(f: () => void): () => void;
  /** Back to a window round the cursor that scrolls with it while playing. */
  follow(): void;
  /** Scales time to at least this span (two diagrams side by side share one time scale). */
  setMinSpan(span: number): void;
  destroy(): void;
}

/**
 * How much time the window round the cursor shows: a dozen rounds, or a few of the longest delays —
 * enough to see the messages in flight arrive, few enough that each step has room (mid-run on HS-16
 * the whole run left all activity a 20-pixel sliver).
 */
export function windowSpan(timing: { mode: string; maxDelay: number }): number {
  return timing.mode === 'sync' ? 12 : Math.max(12, 4 * timing.maxDelay);
}

/**
 * The space-time diagram (Lamport's picture of a run): one horizontal line per node, one arrow per
 * message from (send time, sender) to (delivery time, receiver), coloured by kind. Drawn on a canvas
 * outside React and driven by the store like the graph view: only what has been sent by the cursor
 * is drawn, messages in flight up to "now" (the playback clock), the current step's arrow emphasised.
 * Clicking an arrow selects it and seeks to its delivery step; clicking a row selects its node;
 * clicking the time axis seeks to that time.
 *
 * The delivered arrows change only when the cursor moves, and then mostly by a few: they are kept
 * on a second canvas (baseLayer.ts) and each frame copies it and draws what moves on top
 * (nowLayer.ts); pointer.ts handles hover and clicks.
 */
export function mountSpaceTime(container: HTMLElement, store: SimStore): SpaceTimeView {
  const scroller = document.createElement('div');
  scroller.className = 'st-scroller';
  scroller.style.cssText = 'position:absolute;inset:0;overflow:auto';
  const spacer = document.createElement('div');
  spacer.className = 'st-spacer';
  scroller.append(spacer);
  const canvas = document.createElement('canvas');
  canvas.className = 'st-canvas';
  canvas.setAttribute('aria-hidden', 'true');
  canvas.style.cssText = 'position:absolute;left:0;top:0;pointer-events:none';
  const tip = document.createElement('div');
  tip.className = 'st-tip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  container.append(scroller, canvas, tip);
  const ctx = canvas.getContext('2d')!;
  // The delivered arrows, grid and node lines: redrawn rarely, copied every frame.
  const base = new BaseLayer();

  const stats: SpaceTimeStats = { draws: 0, drawn: 0, capped: false, rebuilds: 0, ms: 0 };
  let run: RunHandle | null = null;
  let index: TraceIndex | null = null;
  let zoom = 1;
  let minSpan = 0;
  // A window of `span` time units round the cursor (the default), or the whole run (`fitted`).
  let fitted = false;
  let span = 0;
  let viewW = 0;
  let viewH = 0;
  let dpr = 1;
  // Scroll offsets, kept from scroll events (reading them in a frame would force a layout).
  let sl = 0;
  let st = 0;
  let scale: Scale = fitScale(1, 1, 1, 1);
  let laidFor = { maxTime: -1, n: -1, w: -1, h: -1, zoom: -1 };
  let hover: number | null = null;
  let raf = 0;
  const live = new Hits();
  const painted = new Set<() => void>();
  const seg = new Float64Array(4);

  const invalidate = () => {
    if (!raf) raf = requestAnimationFrame(draw);
  };

  const setScroll = (left: number, top: number) => {
    scroller.scrollLeft = left;
    scroller.scrollTop = top;
    sl = scroller.scrollLeft;
    st = scroller.scrollTop;
  };

  /** Recomputes the scale and the scroll area when the view, the run's length or the zoom change. */
  const layout = () => {
    if (!index) return;
    const maxTime = Math.max(index.maxTime, minSpan);
    const n = index.n;
    zoom = fitted ? 1 : Math.max(1, maxTime / span);
    if (
      laidFor.maxTime === maxTime &&
      laidFor.n === n &&
      laidFor.w === viewW &&
      laidFor.h === viewH &&
      laidFor.zoom === zoom
    )
      return;
    // Keep the time under the middle of the view where it is while zooming.
    const midT = (sl + viewW / 2 - LABEL_W - PAD) / scale.pxPerTime;
    const zoomed = laidFor.zoom !== zoom && laidFor.zoom > 0;
    scale = fitScale(viewW, viewH, n, maxTime, zoom);
    spacer.style.width = `${Math.ceil(scale.width)}px`;
    spacer.style.height = `${Math.ceil(scale.height)}px`;
    if (zoomed) setScroll(Math.max(0, xOfTime(scale, midT) - viewW / 2), st);
    else setScroll(sl, st);
    laidFor = { maxTime, n, w: viewW, h: viewH, zoom };
    if (!fitted) centre(store.getState().clock);
  };

  /**
   * Scrolls the window so "now" stands at 60% of its width: what just happened on the left, what
   * is on its way on the right. While playing it scrolls with the clock.
   */
  const centre = (clock: number) => {
    const plot = viewW - LABEL_W;
    const left = Math.max(0, Math.min(scale.width - viewW, xOfTime(scale, clock) - LABEL_W - 0.6 * plot));
    if (Math.abs(left - sl) >= 0.5) setScroll(left, st);
  };

  const showRun = (next: RunHandle) => {
    run = next;
    const sim = next.sim;
    index = new TraceIndex(
      sim.trace,
      sim.graph.ids,
      sim.algorithm.kinds,
      sim.faults.crashed,
      sim.graph.ids.map((_, i) => nodeName(sim.graph, i)),
    );
    hover = null;
    base.reset();
    live.reset();
    zoom = 1;
    fitted = false;
    span = windowSpan(sim.timing);
    laidFor = { maxTime: -1, n: -1, w: -1, h: -1, zoom: -1 };
    setScroll(0, 0);
    tip.hidden = true;
    layout();
    invalidate();
  };

  const resize = () => {
    viewW = scroller.clientWidth;
    viewH = scroller.clientHeight;
    dpr = window.devicePixelRatio || 1;
    for (const c of [canvas, base.canvas]) {
      c.width = Math.max(1, Math.round(viewW * dpr));
      c.height = Math.max(1, Math.round(viewH * dpr));
    }
    canvas.style.width = `${viewW}px`;
    canvas.style.height = `${viewH}px`;
    base.invalidate();
    layout();
    invalidate();
  };

  /** Keeps "now" in the window while stepping or playing, and the selected node's row in view. */
  const follow = (s: SimState, prev: SimState | null) => {
    if (!fitted && (prev === null || s.clock !== prev.clock || s.cursor !== prev.cursor)) centre(s.clock);
    if (prev && s.selection !== prev.selection && s.selection?.kind === 'node' && index) {
      const row = index.rowOf(s.selection.id);
      if (row >= 0) {
        const y = yOfRow(scale, row);
        if (y - scale.rowH < st + AXIS_H || y + scale.rowH > st + viewH)
          setScroll(sl, Math.max(0, y - viewH / 2));
      }
    }
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.run !== run) showRun(s.run);
    else if (s.version !== prev.version && index!.update()) layout();
    if (s.version !== prev.version || s.selection !== prev.selection || s.clock !== prev.clock) {
      follow(s, prev);
      invalidate();
    }
  });

  const frameOf = (c: CanvasRenderingContext2D, ink: Ink): Frame => ({
    ctx: c,
    ix: index!,
    scale,
    ink,
    sl,
    st,
    w: viewW,
    h: viewH,
  });

  function draw() {
    raf = 0;
    stats.draws++;
    const started = performance.now();
    paint();
    stats.ms = performance.now() - started;
    for (const f of painted) f();
  }

  function paint() {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    if (!index || !run || viewW <= 0 || viewH <= 0) return;
    layout();
    const s = store.getState();
    const ink = readInk(container);
    const ix = index;
    const selectedRow = s.selection?.kind === 'node' ? ix.rowOf(s.selection.id) : -1;
    const key = [
      sl,
      st,
      viewW,
      viewH,
      dpr,
      scale.pxPerTime,
      scale.rowH,
      ink.panel,
      ink.ink,
      selectedRow,
    ].join(' ');
    base.update(frameOf(base.ctx, ink), s, run, key, selectedRow, dpr);
    stats.rebuilds = base.rebuilds;
    stats.capped = base.capped;
    ctx.drawImage(base.canvas, 0, 0);
    paintNow(frameOf(ctx, ink), { s, run, live, hover, capped: base.capped, dpr }, seg);
    stats.drawn = base.delivered.count + live.count;
  }

  const pointer = {
    store,
    container,
    scroller,
    tip,
    run: () => run,
    index: () => index,
    scale: () => scale,
    sl: () => sl,
    st: () => st,
    live,
    delivered: base.delivered,
    hover: () => hover,
    setHover(seq: number | null) {
      hover = seq;
      invalidate();
    },
  };
  const detachPointer = attachPointer(pointer);
  const onScroll = () => {
    sl = scroller.scrollLeft;
    st = scroller.scrollTop;
    invalidate();
  };
  scroller.addEventListener('scroll', onScroll, { passive: true });

  const observer = new ResizeObserver(resize);
  observer.observe(container);
  // The colours come from the theme's CSS variables, read at each draw: a theme switched while
  // paused must draw again, or the panel stays in the old theme until the next step.
  const themes = new MutationObserver(invalidate);
  themes.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  showRun(store.getState().run);
  resize();

  return {
    stats,
    get index() {
      return index;
    },
    get zoom() {
      return zoom;
    },
    get fitted() {
      return fitted;
    },
    timeWindow() {
      const t = (x: number) => (x - LABEL_W - PAD) / scale.pxPerTime;
      return { from: t(sl + LABEL_W), to: t(sl + viewW), clock: store.getState().clock };
    },
    arrowPoint(seq) {
      if (!index) return null;
      const i = index.indexOfSeq(seq);
      for (const hits of [live, base.delivered]) {
        for (let h = 0; h < hits.count; h++) {
          if (hits.msg[h] !== i) continue;
          // The point nearest the middle where a click reaches this arrow and no other drawn over it.
          for (const f of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.15, 0.85]) {
            const x = Math.round(hits.x0[h]! + (hits.x1[h]! - hits.x0[h]!) * f - sl);
            const y = Math.round(hits.y0[h]! + (hits.y1[h]! - hits.y0[h]!) * f - st);
            if (x < LABEL_W || x > viewW || y < AXIS_H || y > viewH) continue;
            if (arrowAt(pointer, x, y) === i) return { x, y };
          }
          return null;
        }
      }
      return null;
    },
    rowPoint(id) {
      const row = index?.rowOf(id) ?? -1;
      if (row < 0) return null;
      const y = yOfRow(scale, row) - st;
      return y < AXIS_H || y > viewH ? null : { x: LABEL_W / 2, y };
    },
    timePoint(t) {
      const x = xOfTime(scale, t) - sl;
      return x < LABEL_W || x > viewW ? null : { x, y: AXIS_H / 2 };
    },
    hovered: () => hover,
    axis: () => ({
      pxPerTime: scale.pxPerTime,
      sl,
      maxTime: Math.max(index?.maxTime ?? 0, minSpan),
    }),
    onPaint(f) {
      painted.add(f);
      return () => painted.delete(f);
    },
    zoomBy(factor) {
      if (!index) return;
      const whole = Math.max(1, index.maxTime, minSpan);
      span = Math.max(whole / 4096, Math.min(whole, (fitted ? whole : span) / factor));
      // Widened to the whole run: that is Fit.
      fitted = span >= whole;
      layout();
      invalidate();
    },
    setMinSpan(span) {
      if (span === minSpan) return;
      minSpan = span;
      layout();
      invalidate();
    },
    fit() {
      fitted = true;
      layout();
      setScroll(0, st);
      invalidate();
    },
    follow() {
      if (!run) return;
      fitted = false;
      span = windowSpan(run.sim.timing);
      layout();
      invalidate();
    },
    destroy() {
      cancelAnimationFrame(raf);
      observer.disconnect();
      themes.disconnect();
      unsubscribe();
      detachPointer();
      scroller.removeEventListener('scroll', onScroll);
      scroller.remove();
      canvas.remove();
      tip.remove();
    },
  };
}
