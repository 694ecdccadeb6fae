import type { RunHandle, SimState, SimStore } from '../../store/simStore';
import { readInk, type Ink } from './colours';
import { AXIS_H, fitScale, LABEL_W, PAD, rowAt, xOfTime, yOfRow, type Scale } from './geometry';
import { Hits } from './hits';
import {
  DELIVERED,
  drawArrows,
  drawAxis,
  drawBackground,
  drawEmphasis,
  drawLabels,
  DROPPED,
  firstRow,
  FONT,
  lastRow,
  segment,
  timeFrom,
  timeTo,
  type Frame,
} from './paint';
import { TraceIndex } from './traceIndex';

/** Past this many delivered arrows in view, the rest are left out (zoom in to see them). */
export const MAX_ARROWS = 40_000;
/** How close (CSS pixels) the pointer must be to an arrow to hover or click it. */
const HIT_PX = 6;
/** A cursor move forward by more than this many steps redraws the picture instead of adding to it. */
const APPEND_LIMIT = 5_000;

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

export interface SpaceTimeView {
  readonly stats: SpaceTimeStats;
  readonly index: TraceIndex | null;
  /** The time zoom: 1 = the whole run fits the width. */
  readonly zoom: number;
  /** A point where a click reaches this message's arrow (CSS pixels relative to the container). */
  arrowPoint(seq: number): { x: number; y: number } | null;
  /** A point on a node's line (CSS pixels relative to the container), if its row is in view. */
  rowPoint(id: number): { x: number; y: number } | null;
  /** Where time t is on the time axis (CSS pixels relative to the container), if in view. */
  timePoint(t: number): { x: number; y: number } | null;
  /** The message under the pointer, if any. */
  hovered(): number | null;
  zoomBy(factor: number): void;
  fit(): void;
  /** Scales time to at least this span (two diagrams side by side share one time scale). */
  setMinSpan(span: number): void;
  destroy(): void;
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
 * on a second canvas, added to as the cursor moves forward and redrawn only on a jump back, a
 * scroll, a zoom or a theme change. Each frame copies it and draws what moves on top.
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
  const base = document.createElement('canvas');
  const baseCtx = base.getContext('2d')!;

  const stats: SpaceTimeStats = { draws: 0, drawn: 0, capped: false, rebuilds: 0, ms: 0 };
  let run: RunHandle | null = null;
  let index: TraceIndex | null = null;
  let zoom = 1;
  let minSpan = 0;
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
  /** What the base canvas shows: its key (view, scale, theme, selection) and the cursor it is at. */
  let baseKey = '';
  let baseCursor = -1;
  const delivered = new Hits();
  const live = new Hits();
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
  };

  const showRun = (next: RunHandle) => {
    run = next;
    const sim = next.sim;
    index = new TraceIndex(sim.trace, sim.graph.ids, sim.algorithm.kinds, sim.faults.crashed);
    hover = null;
    delivered.reset();
    live.reset();
    baseKey = '';
    zoom = 1;
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
    for (const c of [canvas, base]) {
      c.width = Math.max(1, Math.round(viewW * dpr));
      c.height = Math.max(1, Math.round(viewH * dpr));
    }
    canvas.style.width = `${viewW}px`;
    canvas.style.height = `${viewH}px`;
    baseKey = '';
    layout();
    invalidate();
  };

  /** Keeps "now" in view while stepping or playing, and the selected node's row. */
  const follow = (s: SimState, prev: SimState | null) => {
    if (zoom > 1 && (prev === null || s.clock !== prev.clock || s.cursor !== prev.cursor)) {
      const x = xOfTime(scale, s.clock);
      if (x < sl + LABEL_W + 8 || x > sl + viewW - 24)
        setScroll(Math.max(0, x - LABEL_W - (viewW - LABEL_W) / 3), st);
    }
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

  /** Adds message i's arrow to the base if it is delivered by the cursor and in view. */
  const addDelivered = (f: Frame, i: number, cursor: number) => {
    if (delivered.count >= MAX_ARROWS) {
      stats.capped = true;
      return;
    }
    const state = segment(f, i, cursor, Infinity, seg);
    if (state === DELIVERED || state === DROPPED)
      delivered.push(seg[0]!, seg[1]!, seg[2]!, seg[3]!, i, state);
  };

  /** Redraws the base: background, every delivered arrow in view, the axis and the labels. */
  const rebuildBase = (f: Frame, s: SimState, selectedRow: number) => {
    stats.rebuilds++;
    stats.capped = false;
    delivered.reset();
    const ix = f.ix;
    const cursor = s.cursor;
    f.ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawBackground(f, selectedRow);
    const r0 = firstRow(f);
    const r1 = lastRow(f);
    const t0 = timeFrom(f);
    const t1 = timeTo(f);
    const visit = (i: number) => addDelivered(f, i, cursor);
    if (ix.n > r1 - r0 + 1 + 24) ix.forEachNear(r0, r1, t0, t1, cursor, visit);
    else {
      const hi = Math.min(ix.sentBy(cursor), ix.firstSentAtOrAfter(t1 + 1e-9));
      for (let i = ix.firstSentAtOrAfter(t0 - ix.maxSpan - 1); i < hi && !stats.capped; i++) visit(i);
    }
    clipContent(f.ctx);
    drawArrows(f, delivered, 0);
    f.ctx.restore();
    drawAxis(f, run!.sim.timing.mode === 'sync' ? 'round' : 'time');
    drawLabels(f, selectedRow);
    baseCursor = cursor;
  };

  /** Adds to the base the arrows delivered by steps baseCursor+1 … cursor. */
  const extendBase = (f: Frame, cursor: number) => {
    const ix = f.ix;
    const trace = run!.sim.trace;
    const from = delivered.count;
    for (let k = baseCursor; k < cursor; k++) {
      const seq = trace[k]!.msgSeq;
      if (seq === undefined) continue;
      const i = ix.indexOfSeq(seq);
      if (i >= 0) addDelivered(f, i, cursor);
    }
    if (delivered.count > from) {
      f.ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      clipContent(f.ctx);
      drawArrows(f, delivered, from);
      f.ctx.restore();
    }
    baseCursor = cursor;
  };

  function clipContent(c: CanvasRenderingContext2D) {
    c.save();
    c.beginPath();
    c.rect(LABEL_W, AXIS_H, viewW - LABEL_W, viewH - AXIS_H);
    c.clip();
  }

  function draw() {
    raf = 0;
    stats.draws++;
    const started = performance.now();
    paint();
    stats.ms = performance.now() - started;
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
    const baseFrame = frameOf(baseCtx, ink);
    if (key !== baseKey || s.cursor < baseCursor || s.cursor - baseCursor > APPEND_LIMIT) {
      baseKey = key;
      rebuildBase(baseFrame, s, selectedRow);
    } else if (s.cursor > baseCursor) extendBase(baseFrame, s.cursor);
    ctx.drawImage(base, 0, 0);

    const f = frameOf(ctx, ink);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    clipContent(ctx);
    const xNow = xOfTime(scale, s.clock) - sl;
    // The future is faint: everything right of "now" under a veil of the panel colour.
    if (xNow < viewW) {
      ctx.fillStyle = ink.panel;
      ctx.globalAlpha = 0.55;
      ctx.fillRect(Math.max(LABEL_W, xNow), AXIS_H, viewW, viewH);
      ctx.globalAlpha = 1;
    }
    drawCrashes(f, s);
    // In flight at the cursor: few, and they move with the clock.
    live.reset();
    for (const m of run.replay.inFlight.values()) {
      const i = ix.indexOfSeq(m.seq);
      if (i < 0) continue;
      const state = segment(f, i, s.cursor, s.clock, seg);
      if (state >= 0) live.push(seg[0]!, seg[1]!, seg[2]!, seg[3]!, i, state);
    }
    drawArrows(f, live, 0);
    stats.drawn = delivered.count + live.count;

    // Emphasis: the current step's message (in the "now" colour), the hovered one, the selected one.
    const current = s.cursor > 0 ? run.sim.trace[s.cursor - 1] : undefined;
    const selectedSeq = s.selection?.kind === 'message' ? s.selection.seq : null;
    const emphasise = (seq: number | null | undefined, halo: string) => {
      if (seq === null || seq === undefined) return;
      const i = ix.indexOfSeq(seq);
      if (i < 0 || ix.sendStep[i]! > s.cursor) return;
      const state = segment(f, i, s.cursor, s.clock, seg);
      if (state >= 0) drawEmphasis(f, ix.kind[i]!, state, seg, halo);
    };
    emphasise(current?.msgSeq, ink.now);
    if (hover !== selectedSeq) emphasise(hover, ink.muted);
    emphasise(selectedSeq, ink.ink);

    // The current step: a dot where it happened.
    if (current) {
      const r = ix.rowOf(current.node);
      if (r >= 0) {
        ctx.fillStyle = ink.focus;
        ctx.strokeStyle = ink.ink;
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.arc(
          xOfTime(scale, current.time) - sl,
          yOfRow(scale, r) - st,
          Math.max(4, Math.min(7, scale.rowH * 0.3)),
          0,
          2 * Math.PI,
        );
        ctx.fill();
        ctx.stroke();
      }
    }
    // "Now": the playback clock.
    ctx.strokeStyle = ink.focus;
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    ctx.moveTo(Math.round(xNow) + 0.5, AXIS_H);
    ctx.lineTo(Math.round(xNow) + 0.5, viewH);
    ctx.stroke();
    if (stats.capped) {
      ctx.font = `bold 14px ${FONT}`;
      ctx.textAlign = 'right';
      ctx.textBaseline = 'bottom';
      const text = `${MAX_ARROWS.toLocaleString('en-US')} arrows shown: zoom in (+) for the rest`;
      const w = ctx.measureText(text).width + 12;
      ctx.fillStyle = ink.panel;
      ctx.fillRect(viewW - w - 4, viewH - 24, w, 22);
      ctx.fillStyle = ink.bad;
      ctx.fillText(text, viewW - 10, viewH - 5);
    }
    ctx.restore();
    if (xNow >= LABEL_W && xNow <= viewW) {
      const label = `${Number.isInteger(s.clock) ? s.clock : s.clock.toFixed(1)}`;
      ctx.font = `bold 14px ${FONT}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      const w = ctx.measureText(label).width + 10;
      ctx.fillStyle = ink.focus;
      ctx.beginPath();
      ctx.roundRect(xNow - w / 2, 2, w, AXIS_H - 4, 4);
      ctx.fill();
      ctx.fillStyle = ink.dark ? '#000000' : '#ffffff';
      ctx.fillText(label, xNow, AXIS_H / 2 + 0.5);
    }
  }

  /** A node's line turns dotted red from its crash on, once the cursor has reached the crash. */
  function drawCrashes(f: Frame, s: SimState) {
    const ix = f.ix;
    ctx.setLineDash([2, 4]);
    ctx.strokeStyle = f.ink.bad;
    ctx.lineWidth = 2;
    ctx.beginPath();
    const xNow = xOfTime(scale, s.clock) - sl;
    for (let r = firstRow(f); r <= lastRow(f); r++) {
      const crash = ix.crashAt[r]!;
      if (crash === Infinity || !run!.replay.crashed[r]) continue;
      const y = Math.round(yOfRow(scale, r) - st) + 0.5;
      ctx.moveTo(Math.max(LABEL_W, xOfTime(scale, crash) - sl), y);
      ctx.lineTo(xNow, y);
    }
    ctx.stroke();
    ctx.setLineDash([]);
  }

  /** The arrow nearest a point in view coordinates, within HIT_PX; its message index or −1. */
  const arrowAt = (vx: number, vy: number): number => {
    if (vx < LABEL_W || vy < AXIS_H) return -1;
    const cx = vx + sl;
    const cy = vy + st;
    const a = live.nearest(cx, cy, HIT_PX * HIT_PX);
    const b = delivered.nearest(cx, cy, a.d2);
    return b.i >= 0 ? b.i : a.i;
  };

  const local = (e: MouseEvent) => {
    const rect = scroller.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };

  const describe = (i: number): string => {
    const r = run!;
    const ix = index!;
    const m = r.replay.message(ix.seq[i]!);
    const label = m ? (r.sim.algorithm.label?.(m.msg) ?? m.msg.kind) : 'message';
    const unit = r.sim.timing.mode === 'sync' ? 'round' : 'time';
    const done = ix.doneStep[i]!;
    const end =
      done === 0
        ? 'not delivered yet'
        : `${ix.dropped[i] ? 'lost' : 'delivered'} at ${unit} ${ix.deliverAt[i]} (step ${done})`;
    return `${label}: ${ix.ids[ix.from[i]!]} → ${ix.ids[ix.to[i]!]}, sent at ${unit} ${ix.sendTime[i]}, ${end}. Click to go there.`;
  };

  const onMove = (e: MouseEvent) => {
    if (!index) return;
    const p = local(e);
    const i = arrowAt(p.x, p.y);
    const seq = i >= 0 ? index.seq[i]! : null;
    scroller.style.cursor = i >= 0 || p.x < LABEL_W || p.y < AXIS_H ? 'pointer' : '';
    if (seq !== hover) {
      hover = seq;
      invalidate();
    }
    if (i >= 0) {
      tip.textContent = describe(i);
      tip.hidden = false;
      tip.style.left = `${Math.min(p.x + 14, Math.max(0, container.clientWidth - tip.offsetWidth - 4))}px`;
      tip.style.top = `${p.y + 18 > container.clientHeight - 40 ? p.y - 44 : p.y + 18}px`;
    } else tip.hidden = true;
  };
  const onLeave = () => {
    tip.hidden = true;
    if (hover !== null) {
      hover = null;
      invalidate();
    }
  };
  const onClick = (e: MouseEvent) => {
    if (!index || !run) return;
    const p = local(e);
    const s = store.getState();
    const i = arrowAt(p.x, p.y);
    if (i >= 0) {
      s.select({ kind: 'message', seq: index.seq[i]! });
      const done = index.doneStep[i]!;
      if (done > 0) store.getState().seek(done);
      return;
    }
    if (p.y < AXIS_H && p.x >= LABEL_W) {
      // The axis: the last step at or before that time (times are whole numbers: snap to one).
      const t = Math.round((p.x + sl - LABEL_W - PAD) / scale.pxPerTime);
      const trace = run.sim.trace;
      let lo = 0;
      let hi = s.knownSteps;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (trace[mid]!.time <= t) lo = mid + 1;
        else hi = mid;
      }
      s.seek(lo);
      return;
    }
    const row = rowAt(scale, p.y + st, index.n);
    if (row >= 0) s.select({ kind: 'node', id: index.ids[row]! });
  };
  const onScroll = () => {
    sl = scroller.scrollLeft;
    st = scroller.scrollTop;
    invalidate();
  };
  scroller.addEventListener('mousemove', onMove);
  scroller.addEventListener('mouseleave', onLeave);
  scroller.addEventListener('click', onClick);
  scroller.addEventListener('scroll', onScroll, { passive: true });

  const observer = new ResizeObserver(resize);
  observer.observe(container);
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
    arrowPoint(seq) {
      if (!index) return null;
      const i = index.indexOfSeq(seq);
      for (const hits of [live, delivered]) {
        for (let h = 0; h < hits.count; h++) {
          if (hits.msg[h] !== i) continue;
          // The point nearest the middle where a click reaches this arrow and no other drawn over it.
          for (const f of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.15, 0.85]) {
            const x = Math.round(hits.x0[h]! + (hits.x1[h]! - hits.x0[h]!) * f - sl);
            const y = Math.round(hits.y0[h]! + (hits.y1[h]! - hits.y0[h]!) * f - st);
            if (x < LABEL_W || x > viewW || y < AXIS_H || y > viewH) continue;
            if (arrowAt(x, y) === i) return { x, y };
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
    zoomBy(factor) {
      zoom = Math.max(1, Math.min(4096, zoom * factor));
      layout();
      if (zoom > 1) follow(store.getState(), null);
      invalidate();
    },
    setMinSpan(span) {
      if (span === minSpan) return;
      minSpan = span;
      layout();
      invalidate();
    },
    fit() {
      zoom = 1;
      layout();
      setScroll(0, st);
      invalidate();
    },
    destroy() {
      cancelAnimationFrame(raf);
      observer.disconnect();
      unsubscribe();
      scroller.removeEventListener('mousemove', onMove);
      scroller.removeEventListener('mouseleave', onLeave);
      scroller.removeEventListener('click', onClick);
      scroller.removeEventListener('scroll', onScroll);
      scroller.remove();
      canvas.remove();
      tip.remove();
    },
  };
}
