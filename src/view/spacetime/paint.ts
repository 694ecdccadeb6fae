import type { Ink } from './colours';
import { AXIS_H, LABEL_W, PAD, tickStep, xOfTime, yOfRow, type Scale } from './geometry';
import type { Hits } from './hits';
import type { TraceIndex } from './traceIndex';

/** How a message is drawn at the cursor. */
export const DELIVERED = 0;
export const IN_FLIGHT = 1;
export const DROPPED = 2;

export const FONT = '"Segoe UI", system-ui, Roboto, sans-serif';

/** One frame's drawing context: the view is scrolled by (sl, st) over a w × h window. */
export interface Frame {
  ctx: CanvasRenderingContext2D;
  ix: TraceIndex;
  scale: Scale;
  ink: Ink;
  sl: number;
  st: number;
  w: number;
  h: number;
}

export const headSize = (f: Frame) => Math.max(5, Math.min(9, f.scale.rowH * 0.35));
export const firstRow = (f: Frame) => Math.max(0, Math.floor((f.st - 2) / f.scale.rowH));
export const lastRow = (f: Frame) => Math.min(f.ix.n - 1, Math.ceil((f.st + f.h - AXIS_H) / f.scale.rowH));
/** The time range in view. */
export const timeFrom = (f: Frame) => (f.sl - PAD) / f.scale.pxPerTime;
export const timeTo = (f: Frame) => (f.sl + f.w - LABEL_W - PAD) / f.scale.pxPerTime;

/**
 * Where message i's arrow goes at the cursor, in content coordinates, written into `out`
 * (x0, y0, x1, y1); returns its state, or −1 if it is not in view. In flight, it is drawn up to
 * "now": the fraction of its delay that has passed at the clock.
 */
export function segment(f: Frame, i: number, cursor: number, clock: number, out: Float64Array): number {
  const ix = f.ix;
  const at = ix.deliverAt[i]!;
  if (at < timeFrom(f)) return -1;
  const ay = yOfRow(f.scale, ix.from[i]!);
  const by = yOfRow(f.scale, ix.to[i]!);
  const top = f.st + AXIS_H;
  const bottom = f.st + f.h;
  if ((ay < top && by < top) || (ay > bottom && by > bottom)) return -1;
  const sendT = ix.sendTime[i]!;
  const done = ix.doneStep[i]!;
  const state = done !== 0 && done <= cursor ? (ix.dropped[i] ? DROPPED : DELIVERED) : IN_FLIGHT;
  const ax = xOfTime(f.scale, sendT);
  let bx = xOfTime(f.scale, at);
  let ey = by;
  if (state === IN_FLIGHT) {
    const span = at - sendT;
    let p = span > 0 ? (clock - sendT) / span : 1;
    p = p < 0 ? 0 : p > 1 ? 1 : p;
    bx = ax + (bx - ax) * p;
    ey = ay + (by - ay) * p;
  }
  out[0] = ax;
  out[1] = ay;
  out[2] = bx;
  out[3] = ey;
  return state;
}

/** Panel, time grid, the selected node's band and one line per node. */
export function drawBackground(f: Frame, selectedRow: number): void {
  const { ctx, ink, scale, sl, st, w, h } = f;
  ctx.fillStyle = ink.panel;
  ctx.fillRect(0, 0, w, h);
  const step = tickStep(scale.pxPerTime);
  const tFirst = Math.max(0, Math.floor(timeFrom(f) / step) * step);
  ctx.strokeStyle = ink.line;
  ctx.lineWidth = 1;
  ctx.globalAlpha = 0.5;
  ctx.beginPath();
  for (let t = tFirst; xOfTime(scale, t) - sl <= w; t += step) {
    const x = Math.round(xOfTime(scale, t) - sl) + 0.5;
    ctx.moveTo(x, AXIS_H);
    ctx.lineTo(x, h);
  }
  ctx.stroke();
  ctx.globalAlpha = 1;
  const r0 = firstRow(f);
  const r1 = lastRow(f);
  if (selectedRow >= r0 && selectedRow <= r1) {
    ctx.fillStyle = ink.now;
    ctx.globalAlpha = ink.dark ? 0.25 : 0.6;
    ctx.fillRect(LABEL_W, yOfRow(scale, selectedRow) - st - scale.rowH / 2, w - LABEL_W, scale.rowH);
    ctx.globalAlpha = 1;
  }
  const x0 = xOfTime(scale, 0) - sl;
  const x1 = xOfTime(scale, Math.max(1, f.ix.maxTime)) - sl;
  ctx.strokeStyle = ink.muted;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  for (let r = r0; r <= r1; r++) {
    if (r === selectedRow) continue;
    const y = Math.round(yOfRow(scale, r) - st) + 0.5;
    ctx.moveTo(x0, y);
    ctx.lineTo(x1, y);
  }
  ctx.stroke();
  if (selectedRow >= r0 && selectedRow <= r1) {
    ctx.strokeStyle = ink.accent;
    ctx.lineWidth = 3;
    ctx.beginPath();
    const y = Math.round(yOfRow(scale, selectedRow) - st) + 0.5;
    ctx.moveTo(x0, y);
    ctx.lineTo(x1, y);
    ctx.stroke();
  }
}

/** Arrows hits[from…count), one path per kind and state (a style change per kind, not per arrow). */
export function drawArrows(f: Frame, hits: Hits, from: number): void {
  const { ctx, ix, sl, st } = f;
  const kinds = new Set<number>();
  for (let h = from; h < hits.count; h++) kinds.add(ix.kind[hits.msg[h]!]!);
  const head = headSize(f);
  ctx.lineCap = 'butt';
  for (const k of kinds) {
    const colour = f.ink.kind(k);
    ctx.strokeStyle = colour;
    ctx.fillStyle = colour;
    for (const state of [DELIVERED, DROPPED, IN_FLIGHT]) {
      ctx.lineWidth = 2;
      ctx.setLineDash(state === IN_FLIGHT ? [6, 4] : []);
      ctx.beginPath();
      let any = false;
      for (let h = from; h < hits.count; h++) {
        if (hits.state[h] !== state || ix.kind[hits.msg[h]!] !== k) continue;
        ctx.moveTo(hits.x0[h]! - sl, hits.y0[h]! - st);
        ctx.lineTo(hits.x1[h]! - sl, hits.y1[h]! - st);
        any = true;
      }
      if (!any) continue;
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.beginPath();
      for (let h = from; h < hits.count; h++) {
        if (hits.state[h] !== state || ix.kind[hits.msg[h]!] !== k) continue;
        const bx = hits.x1[h]! - sl;
        const by = hits.y1[h]! - st;
        if (state === IN_FLIGHT) {
          ctx.moveTo(bx + 3.5, by);
          ctx.arc(bx, by, 3.5, 0, 2 * Math.PI);
        } else arrowHead(ctx, hits.x0[h]! - sl, hits.y0[h]! - st, bx, by, head);
      }
      ctx.fill();
    }
  }
  ctx.setLineDash([]);
  // A lost message ends in a cross where its drop step is: at a crashed receiver or in the network (C17).
  ctx.strokeStyle = f.ink.bad;
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  for (let h = from; h < hits.count; h++) {
    if (hits.state[h] !== DROPPED) continue;
    const x = hits.x1[h]! - sl;
    const y = hits.y1[h]! - st;
    ctx.moveTo(x - 5, y - 5);
    ctx.lineTo(x + 5, y + 5);
    ctx.moveTo(x + 5, y - 5);
    ctx.lineTo(x - 5, y + 5);
  }
  ctx.stroke();
}

/** One arrow drawn over the others with a halo (the current step's, the selected or hovered one). */
export function drawEmphasis(f: Frame, kind: number, state: number, seg: Float64Array, halo: string): void {
  const { ctx, sl, st } = f;
  const ax = seg[0]! - sl;
  const ay = seg[1]! - st;
  const bx = seg[2]! - sl;
  const by = seg[3]! - st;
  ctx.lineCap = 'round';
  ctx.strokeStyle = halo;
  ctx.lineWidth = 9;
  ctx.beginPath();
  ctx.moveTo(ax, ay);
  ctx.lineTo(bx, by);
  ctx.stroke();
  const colour = f.ink.kind(kind);
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = 4;
  ctx.setLineDash(state === IN_FLIGHT ? [6, 4] : []);
  ctx.beginPath();
  ctx.moveTo(ax, ay);
  ctx.lineTo(bx, by);
  ctx.stroke();
  ctx.setLineDash([]);
  if (state !== IN_FLIGHT) {
    ctx.beginPath();
    arrowHead(ctx, ax, ay, bx, by, headSize(f) + 3);
    ctx.fill();
  }
}

/** The time axis, pinned at the top (tick labels; "now" is drawn over it each frame). */
export function drawAxis(f: Frame, unit: string): void {
  const { ctx, ink, scale, sl, w } = f;
  ctx.fillStyle = ink.panel;
  ctx.fillRect(0, 0, w, AXIS_H);
  ctx.strokeStyle = ink.line;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, AXIS_H - 0.5);
  ctx.lineTo(w, AXIS_H - 0.5);
  ctx.stroke();
  ctx.fillStyle = ink.muted;
  ctx.font = `13px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const step = tickStep(scale.pxPerTime);
  const tFirst = Math.max(0, Math.floor(timeFrom(f) / step) * step);
  for (let t = tFirst; xOfTime(scale, t) - sl <= w + 20; t += step) {
    const x = xOfTime(scale, t) - sl;
    if (x < LABEL_W + 6) continue;
    ctx.fillText(String(t), x, AXIS_H / 2);
  }
  ctx.font = `bold 12px ${FONT}`;
  ctx.textAlign = 'left';
  ctx.fillText(unit, 4, AXIS_H / 2);
}

/** The node ids, pinned at the left; the selected one on the accent colour. */
export function drawLabels(f: Frame, selectedRow: number): void {
  const { ctx, ink, scale, st, h, ix } = f;
  ctx.fillStyle = ink.panel;
  ctx.fillRect(0, AXIS_H, LABEL_W, h - AXIS_H);
  ctx.strokeStyle = ink.line;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(LABEL_W - 0.5, 0);
  ctx.lineTo(LABEL_W - 0.5, h);
  ctx.stroke();
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, AXIS_H, LABEL_W, h - AXIS_H);
  ctx.clip();
  const fontPx = Math.max(12, Math.min(16, Math.floor(scale.rowH - 2)));
  // Rows thinner than the type: every second id (the selected one always), so none overlap.
  const every = scale.rowH < fontPx ? 2 : 1;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (let r = firstRow(f); r <= lastRow(f); r++) {
    const y = yOfRow(scale, r) - st;
    const sel = r === selectedRow;
    const nextToSelected = r + 1 === selectedRow || r - 1 === selectedRow;
    if (!sel && every > 1 && (r % 2 !== 0 || nextToSelected)) continue;
    if (sel) {
      ctx.fillStyle = ink.accent;
      ctx.fillRect(2, y - scale.rowH / 2 + 1, LABEL_W - 6, scale.rowH - 2);
    }
    ctx.font = `${sel ? 'bold ' : ''}${fontPx}px ${FONT}`;
    ctx.fillStyle = sel ? (ink.dark ? '#000000' : '#ffffff') : ink.ink;
    ctx.fillText(ix.names[r] ?? String(ix.ids[r]), LABEL_W - 8, y + 0.5);
  }
  ctx.restore();
}

/** A filled triangle at (bx, by) pointing along a → b (added to the current path). */
export function arrowHead(
  ctx: CanvasRenderingContext2D,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  size: number,
): void {
  const dx = bx - ax;
  const dy = by - ay;
  const len = Math.sqrt(dx * dx + dy * dy);
  if (len < 2) return;
  const ux = dx / len;
  const uy = dy / len;
  const s = Math.min(size, len * 0.6);
  ctx.moveTo(bx, by);
  ctx.lineTo(bx - ux * s - uy * s * 0.5, by - uy * s + ux * s * 0.5);
  ctx.lineTo(bx - ux * s + uy * s * 0.5, by - uy * s - ux * s * 0.5);
  ctx.closePath();
}
