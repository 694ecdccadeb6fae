/**
 * Where things go in the space-time diagram: one row per node (top to bottom in ring order), time
 * from left to right. Content coordinates are CSS pixels of the whole (scrollable) diagram; the
 * node labels and the time axis stay pinned at the left and top while it scrolls.
 */
export const LABEL_W = 56;
export const AXIS_H = 24;
/** Room left and right of the time range, so the first and last events are not on the edge. */
export const PAD = 14;
/** Rows never get thinner than this (more nodes scroll), nor thicker than MAX_ROW. */
export const MIN_ROW = 10;
export const MAX_ROW = 56;

export interface Scale {
  /** CSS pixels per unit of simulated time. */
  pxPerTime: number;
  rowH: number;
  /** The whole diagram's size (it scrolls where it is larger than the view). */
  width: number;
  height: number;
}

/**
 * Time is scaled so the whole run fits the view's width at zoom 1 (zoom 2 = twice as wide, and
 * scrolls); rows share the height, down to MIN_ROW, beyond which the diagram scrolls down.
 */
export function fitScale(viewW: number, viewH: number, n: number, maxTime: number, zoom = 1): Scale {
  const span = Math.max(1, maxTime);
  const usableW = Math.max(40, viewW - LABEL_W - 2 * PAD);
  const pxPerTime = (usableW / span) * Math.max(1, zoom);
  const rows = Math.max(1, n);
  const rowH = Math.min(MAX_ROW, Math.max(MIN_ROW, (viewH - AXIS_H - 4) / rows));
  return {
    pxPerTime,
    rowH,
    width: LABEL_W + 2 * PAD + span * pxPerTime,
    height: AXIS_H + rows * rowH + 4,
  };
}

export const xOfTime = (s: Scale, t: number): number => LABEL_W + PAD + t * s.pxPerTime;
export const yOfRow = (s: Scale, row: number): number => AXIS_H + (row + 0.5) * s.rowH;

/** The row under a content y, or −1 outside the rows. */
export function rowAt(s: Scale, y: number, n: number): number {
  const r = Math.floor((y - AXIS_H) / s.rowH);
  return r >= 0 && r < n ? r : -1;
}

/** A tick spacing of 1, 2 or 5 × 10^k time units, at least `minPx` apart on screen. */
export function tickStep(pxPerTime: number, minPx = 48): number {
  const raw = minPx / Math.max(pxPerTime, 1e-9);
  let step = 1;
  while (step < raw) {
    if (step * 2 >= raw) return step * 2;
    if (step * 5 >= raw) return step * 5;
    step *= 10;
  }
  return step;
}

/** Squared distance from (px, py) to the segment (ax, ay)–(bx, by). */
export function distToSegment2(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const x = ax + t * dx - px;
  const y = ay + t * dy - py;
  return x * x + y * y;
}
