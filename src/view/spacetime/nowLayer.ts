import type { RunHandle, SimState } from '../../store/simStore';
import { clipContent, MAX_ARROWS } from './baseLayer';
import { AXIS_H, LABEL_W, xOfTime, yOfRow } from './geometry';
import type { Hits } from './hits';
import { drawArrows, drawEmphasis, firstRow, FONT, lastRow, segment, type Frame } from './paint';

/** Most arrows in flight drawn in one frame (each frame draws them anew). */
export const MAX_LIVE = 4_000;
/**
 * Arrows in flight are left out past this much line per frame: 2-pixel lines this long cover the
 * view once (its area / 2 CSS pixels), so more adds nothing to see, and the frame's raster work is
 * bounded by the view, not by how many messages a broadcast put in flight.
 */
const liveLengthBudget = (f: Frame) => ((f.w - LABEL_W) * (f.h - AXIS_H)) / 2;
/**
 * How far outside the view an arrow is cut (CSS pixels): more than the in-flight tip's radius, so a
 * tip drawn at a cut end is off screen.
 */
const CUT_MARGIN = 12;

/** What the frame draws over the base layer besides the frame itself. */
export interface NowInputs {
  s: SimState;
  run: RunHandle;
  /** Filled with the arrows in flight at the cursor (for hit tests). */
  live: Hits;
  /** The message under the pointer. */
  hover: number | null;
  /** The base layer left arrows out: say so. */
  capped: boolean;
  dpr: number;
}

/**
 * What moves with the playback clock, drawn over the copied base layer every frame: the veil over
 * the future, crashed nodes' lines, the messages in flight (few), the current step's, hovered and
 * selected arrows, a dot where the current step happened, the "now" line and its label.
 */
export function paintNow(f: Frame, inp: NowInputs, seg: Float64Array): void {
  const { ctx, ix, ink, scale, sl, st, w, h } = f;
  const { s, run, live } = inp;
  ctx.setTransform(inp.dpr, 0, 0, inp.dpr, 0, 0);
  clipContent(ctx, w, h);
  const xNow = xOfTime(scale, s.clock) - sl;
  // The future is faint: everything right of "now" under a veil of the panel colour.
  if (xNow < w) {
    ctx.fillStyle = ink.panel;
    ctx.globalAlpha = 0.55;
    ctx.fillRect(Math.max(LABEL_W, xNow), AXIS_H, w, h);
    ctx.globalAlpha = 1;
  }
  drawCrashes(f, run, xNow);
  // In flight at the cursor: usually few, and they move with the clock. A broadcast on a big complete
  // graph puts tens of thousands in flight: past MAX_LIVE the rest are left out of the frame.
  live.reset();
  // Each arrow is cut to the view (plus a margin) first: an arrow in flight is dashed, and the
  // rasteriser lays out every dash of the whole line, on screen or not. Uncut, 4,000 arrows across
  // a 400-row diagram were ~800,000 dashes and 2–3 s of raster work per frame.
  const box = viewBox(f);
  const budget = liveLengthBudget(f);
  let length = 0;
  for (const m of run.replay.inFlight.values()) {
    if (live.count >= MAX_LIVE || length >= budget) break;
    const i = ix.indexOfSeq(m.seq);
    if (i < 0) continue;
    const state = segment(f, i, s.cursor, s.clock, seg);
    if (state < 0 || !clipToBox(seg, box)) continue;
    live.push(seg[0]!, seg[1]!, seg[2]!, seg[3]!, i, state);
    length += Math.abs(seg[2]! - seg[0]!) + Math.abs(seg[3]! - seg[1]!);
  }
  drawArrows(f, live, 0);

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
  if (inp.hover !== selectedSeq) emphasise(inp.hover, ink.muted);
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
  ctx.lineTo(Math.round(xNow) + 0.5, h);
  ctx.stroke();
  if (inp.capped) drawCapNotice(f);
  ctx.restore();
  if (xNow >= LABEL_W && xNow <= w)
    drawClockLabel(f, clockText(s.clock, run.sim.timing.mode === 'sync'), xNow);
}

function drawCapNotice({ ctx, ink, w, h }: Frame): void {
  ctx.font = `bold 14px ${FONT}`;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'bottom';
  const text = `${MAX_ARROWS.toLocaleString('en-US')} arrows shown: zoom in (+) for the rest`;
  const tw = ctx.measureText(text).width + 12;
  ctx.fillStyle = ink.panel;
  ctx.fillRect(w - tw - 4, h - 24, tw, 22);
  ctx.fillStyle = ink.bad;
  ctx.fillText(text, w - 10, h - 5);
}

/**
 * The clock as the axis tab reads it. Sync mode counts whole rounds: between rounds r − 1 and r the
 * messages of round r are on their way, so the tab says r (never "4.8").
 */
export function clockText(clock: number, sync: boolean): string {
  if (sync) return String(Math.ceil(clock));
  return Number.isInteger(clock) ? String(clock) : clock.toFixed(1);
}

/** The clock's value in a tab on the axis, above the "now" line. */
function drawClockLabel({ ctx, ink }: Frame, label: string, xNow: number): void {
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

/** Green: a process back after its crash (C17), like the graph's recovering ring. */
const RECOVERED = '#2e7d32';

/**
 * A node's line turns dotted red from its crash on, once the cursor has reached the crash, up to its
 * recovery if the cursor has reached that too; the recovery is a green bar across the line.
 */
function drawCrashes(f: Frame, run: RunHandle, xNow: number): void {
  const { ctx, ix, scale, sl, st } = f;
  const now = run.replay.time;
  const back: number[] = [];
  ctx.setLineDash([2, 4]);
  ctx.strokeStyle = f.ink.bad;
  ctx.lineWidth = 2;
  ctx.beginPath();
  for (let r = firstRow(f); r <= lastRow(f); r++) {
    const crash = ix.crashAt[r]!;
    if (crash === Infinity) continue;
    const recovered = !run.replay.crashed[r] && ix.recoverAt[r]! <= now;
    if (!run.replay.crashed[r] && !recovered) continue;
    const y = Math.round(yOfRow(scale, r) - st) + 0.5;
    const end = recovered ? xOfTime(scale, ix.recoverAt[r]!) - sl : xNow;
    ctx.moveTo(Math.max(LABEL_W, xOfTime(scale, crash) - sl), y);
    ctx.lineTo(Math.max(LABEL_W, end), y);
    if (recovered) back.push(end, y);
  }
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.strokeStyle = RECOVERED;
  ctx.lineWidth = 6;
  ctx.beginPath();
  for (let i = 0; i < back.length; i += 2) {
    if (back[i]! < LABEL_W) continue;
    // Left of the recovery time: the messages it sends from there start at its right edge.
    ctx.moveTo(back[i]! - 3, back[i + 1]! - 11);
    ctx.lineTo(back[i]! - 3, back[i + 1]! + 11);
  }
  ctx.stroke();
}

/** The content rectangle in view, in content coordinates, with CUT_MARGIN around it. */
function viewBox(f: Frame): [number, number, number, number] {
  return [
    f.sl + LABEL_W - CUT_MARGIN,
    f.st + AXIS_H - CUT_MARGIN,
    f.sl + f.w + CUT_MARGIN,
    f.st + f.h + CUT_MARGIN,
  ];
}

/**
 * Cuts the segment seg = (x0, y0, x1, y1) to the box [left, top, right, bottom] in place
 * (Liang–Barsky); false if no part of it is inside. The direction is kept, so a cut arrow still
 * points the way its message travels.
 */
export function clipToBox(seg: Float64Array, box: readonly [number, number, number, number]): boolean {
  const x0 = seg[0]!;
  const y0 = seg[1]!;
  const dx = seg[2]! - x0;
  const dy = seg[3]! - y0;
  let t0 = 0;
  let t1 = 1;
  // Each side: p·t ≤ q keeps the point inside (left, right, top, bottom).
  for (let side = 0; side < 4; side++) {
    const p = side === 0 ? -dx : side === 1 ? dx : side === 2 ? -dy : dy;
    const q = side === 0 ? x0 - box[0] : side === 1 ? box[2] - x0 : side === 2 ? y0 - box[1] : box[3] - y0;
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
  }
  seg[0] = x0 + t0 * dx;
  seg[1] = y0 + t0 * dy;
  seg[2] = x0 + t1 * dx;
  seg[3] = y0 + t1 * dy;
  return true;
}
