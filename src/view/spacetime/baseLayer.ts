import type { RunHandle, SimState } from '../../store/simStore';
import { AXIS_H, LABEL_W } from './geometry';
import { drawFaultBands } from './faultBands';
import { Hits } from './hits';
import {
  DELIVERED,
  drawArrows,
  drawAxis,
  drawBackground,
  drawLabels,
  DROPPED,
  firstRow,
  lastRow,
  segment,
  timeFrom,
  timeTo,
  type Frame,
} from './paint';

/**
 * Past this many delivered arrows in view, the rest are left out (zoom in to see them). As many as the
 * arrows in flight (MAX_LIVE): 40,000 arrows took 5–7 s to rasterise on the busy 2-core machine (a
 * broadcast on a 400-node complete graph), a frozen tab; 4,000 already fill a panel with ink.
 */
export const MAX_ARROWS = 4_000;
/** A cursor move forward by more than this many steps redraws the picture instead of adding to it. */
const APPEND_LIMIT = 5_000;

/** Saves the context and clips it to the diagram's content (right of the labels, below the axis). */
export function clipContent(c: CanvasRenderingContext2D, w: number, h: number): void {
  c.save();
  c.beginPath();
  c.rect(LABEL_W, AXIS_H, w - LABEL_W, h - AXIS_H);
  c.clip();
}

/**
 * The part of the space-time diagram that changes only when the cursor moves: the background, the
 * axis, the labels and every delivered arrow in view. It lives on its own canvas, is added to as the
 * cursor moves forward and is redrawn only on a jump back, a long jump, a scroll, a zoom or a theme
 * change (its `key`); every frame copies it and draws what moves on top.
 */
export class BaseLayer {
  readonly canvas = document.createElement('canvas');
  readonly ctx = this.canvas.getContext('2d')!;
  /** The delivered arrows drawn, for hit tests. */
  readonly delivered = new Hits();
  /** Full redraws so far, and whether the last one left arrows out (MAX_ARROWS). */
  rebuilds = 0;
  capped = false;
  private key = '';
  private cursor = -1;
  private readonly seg = new Float64Array(4);

  /** Forces a full redraw on the next frame (a resize). */
  invalidate(): void {
    this.key = '';
  }

  /** Forgets everything drawn (a new run: its arrows are not the old run's). */
  reset(): void {
    this.key = '';
    this.delivered.reset();
  }

  /** Brings the layer to the cursor: a full redraw if `key` changed or the cursor moved back. */
  update(f: Frame, s: SimState, run: RunHandle, key: string, selectedRow: number, dpr: number): void {
    if (key !== this.key || s.cursor < this.cursor || s.cursor - this.cursor > APPEND_LIMIT) {
      this.key = key;
      this.rebuild(f, s, run, selectedRow, dpr);
    } else if (s.cursor > this.cursor) this.extend(f, s.cursor, run, dpr);
  }

  /** Adds message i's arrow if it is delivered by the cursor and in view. */
  private add(f: Frame, i: number, cursor: number): void {
    if (this.delivered.count >= MAX_ARROWS) {
      this.capped = true;
      return;
    }
    const seg = this.seg;
    const state = segment(f, i, cursor, Infinity, seg);
    if (state === DELIVERED || state === DROPPED)
      this.delivered.push(seg[0]!, seg[1]!, seg[2]!, seg[3]!, i, state);
  }

  private rebuild(f: Frame, s: SimState, run: RunHandle, selectedRow: number, dpr: number): void {
    this.rebuilds++;
    this.capped = false;
    this.delivered.reset();
    const ix = f.ix;
    const cursor = s.cursor;
    f.ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawBackground(f, selectedRow);
    drawFaultBands(f, run.sim.faults);
    const r0 = firstRow(f);
    const r1 = lastRow(f);
    const t0 = timeFrom(f);
    const t1 = timeTo(f);
    const visit = (i: number) => this.add(f, i, cursor);
    // Many rows out of view: walk the index by row; otherwise by send time.
    if (ix.n > r1 - r0 + 1 + 24) ix.forEachNear(r0, r1, t0, t1, cursor, visit);
    else {
      const hi = Math.min(ix.sentBy(cursor), ix.firstSentAtOrAfter(t1 + 1e-9));
      for (let i = ix.firstSentAtOrAfter(t0 - ix.maxSpan - 1); i < hi && !this.capped; i++) visit(i);
    }
    clipContent(f.ctx, f.w, f.h);
    drawArrows(f, this.delivered, 0);
    f.ctx.restore();
    drawAxis(f, run.sim.timing.mode === 'sync' ? 'round' : 'time');
    drawLabels(f, selectedRow);
    this.cursor = cursor;
  }

  /** Adds the arrows delivered by the steps after the layer's cursor, up to `cursor`. */
  private extend(f: Frame, cursor: number, run: RunHandle, dpr: number): void {
    const ix = f.ix;
    const trace = run.sim.trace;
    const from = this.delivered.count;
    for (let k = this.cursor; k < cursor; k++) {
      const seq = trace[k]!.msgSeq;
      if (seq === undefined) continue;
      const i = ix.indexOfSeq(seq);
      if (i >= 0) this.add(f, i, cursor);
    }
    if (this.delivered.count > from) {
      f.ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      clipContent(f.ctx, f.w, f.h);
      drawArrows(f, this.delivered, from);
      f.ctx.restore();
    }
    this.cursor = cursor;
  }
}
