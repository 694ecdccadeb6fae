/**
 * Greedy placement of the message labels (pills) beside their dots. Each label, in priority order,
 * takes the first of a fixed list of positions round its dot that leaves it inside the panel, clear
 * of the labels already placed and of the obstacles (node ids, other messages' dots); a label with no
 * free position is left out (its dot stays). Nearest first: beside the dot on the preferred side
 * (outside the ring), then the other side, then round the dot, then the same a little further out —
 * a label that had to move away is joined to its dot by a leader line (`leaderLine`).
 *
 * Cost: labels × positions × (labels + obstacles near the dot); the overlay places at most
 * LABEL_LIMIT labels, or only the current and hovered messages' on a crowded graph.
 */

/** Directions tried round a dot, as angles from the preferred side (radians), nearest first. */
const TURNS = [
  0,
  Math.PI,
  Math.PI / 4,
  -Math.PI / 4,
  (3 * Math.PI) / 4,
  (-3 * Math.PI) / 4,
  Math.PI / 2,
  -Math.PI / 2,
];
/** Extra distance (CSS pixels) between the dot and the label for each ring of positions. */
export const RINGS = [0, 16, 34] as const;
/** Space kept between a label and its dot, and between two labels (CSS pixels). */
export const CLEAR = 3;

export interface LabelJob {
  /** How many labels to place, and the index of each, in priority order. */
  count: number;
  order: Int32Array;
  /** The dots (centres), the side each label prefers (a unit vector), the labels' widths. */
  x: Float64Array;
  y: Float64Array;
  nx: Float64Array;
  ny: Float64Array;
  w: Float64Array;
  /** The dots' radius and the labels' height (the same for all). */
  r: number;
  h: number;
  /** The panel: labels stay inside it. */
  width: number;
  height: number;
  /** Rectangles labels must not cover, as (centre x, centre y, half width, half height) quadruples. */
  obstacles: Float64Array;
  obstacleCount: number;
}

export interface LabelResult {
  /** Indexed like the job's arrays: whether the label is shown, and its centre. */
  shown: Uint8Array;
  lx: Float64Array;
  ly: Float64Array;
}

export class LabelPlacer {
  private placed = new Float64Array(0);
  private near = new Int32Array(0);
  private cos = new Float64Array(TURNS.length);
  private sin = new Float64Array(TURNS.length);

  constructor() {
    for (let t = 0; t < TURNS.length; t++) {
      this.cos[t] = Math.cos(TURNS[t]!);
      this.sin[t] = Math.sin(TURNS[t]!);
    }
  }

  /** Places the job's labels into `out` (`shown` is set for the ordered ones only). */
  place(job: LabelJob, out: LabelResult): void {
    const { count, order, x, y, nx, ny, w, r, h, width, height, obstacles, obstacleCount } = job;
    if (this.placed.length < count * 3) this.placed = new Float64Array(count * 3);
    if (this.near.length < obstacleCount) this.near = new Int32Array(obstacleCount);
    const placed = this.placed;
    const near = this.near;
    let nPlaced = 0;
    const reach = r + CLEAR + RINGS[RINGS.length - 1]!;
    for (let t = 0; t < count; t++) {
      const i = order[t]!;
      const wi = w[i]!;
      const dx0 = x[i]!;
      const dy0 = y[i]!;
      // The obstacles a label round this dot could touch at all.
      const fx = reach + wi + CLEAR;
      const fy = reach + h + CLEAR;
      let nNear = 0;
      for (let o = 0; o < obstacleCount; o++) {
        const q = 4 * o;
        if (
          Math.abs(obstacles[q]! - dx0) < fx + obstacles[q + 2]! &&
          Math.abs(obstacles[q + 1]! - dy0) < fy + obstacles[q + 3]!
        )
          near[nNear++] = q;
      }
      out.shown[i] = 0;
      search: for (const ring of RINGS) {
        for (let d = 0; d < TURNS.length; d++) {
          // The preferred side turned by TURNS[d].
          const ux = nx[i]! * this.cos[d]! - ny[i]! * this.sin[d]!;
          const uy = nx[i]! * this.sin[d]! + ny[i]! * this.cos[d]!;
          const dist = reachAlong(ux, uy, wi, h, r + CLEAR + ring);
          const cx = dx0 + ux * dist;
          const cy = dy0 + uy * dist;
          if (cx - wi / 2 < 2 || cx + wi / 2 > width - 2 || cy - h / 2 < 2 || cy + h / 2 > height - 2)
            continue;
          let free = true;
          for (let q = 0; q < nPlaced && free; q += 3)
            free = !(
              Math.abs(cx - placed[q]!) < (wi + placed[q + 2]!) / 2 + CLEAR &&
              Math.abs(cy - placed[q + 1]!) < h + CLEAR
            );
          for (let o = 0; o < nNear && free; o++) {
            const q = near[o]!;
            // The label's own dot is an obstacle too when it is one (the search starts clear of it).
            free = !(
              Math.abs(cx - obstacles[q]!) < wi / 2 + obstacles[q + 2]! &&
              Math.abs(cy - obstacles[q + 1]!) < h / 2 + obstacles[q + 3]!
            );
          }
          if (!free) continue;
          out.shown[i] = 1;
          out.lx[i] = cx;
          out.ly[i] = cy;
          placed[nPlaced] = cx;
          placed[nPlaced + 1] = cy;
          placed[nPlaced + 2] = wi;
          nPlaced += 3;
          break search;
        }
      }
    }
  }
}

/**
 * How far along the unit vector (ux, uy) a w × h box's centre goes for the box's nearest point to be
 * `d` from the start: beside the box's side when the direction meets one, else at its corner.
 */
export function reachAlong(ux: number, uy: number, w: number, h: number, d: number): number {
  const ax = Math.abs(ux);
  const ay = Math.abs(uy);
  const side = ax > 0 ? (d + w / 2) / ax : Infinity;
  if (side * ay <= h / 2) return side;
  const top = ay > 0 ? (d + h / 2) / ay : Infinity;
  if (top * ax <= w / 2) return top;
  // The corner (w/2, h/2) from the centre is d away: (t·ax − w/2)² + (t·ay − h/2)² = d².
  const b = w * ax + h * ay;
  const c = (w * w + h * h) / 4 - d * d;
  return (b + Math.sqrt(Math.max(0, b * b - 4 * c))) / 2;
}

/**
 * The leader line from a dot (x, y, radius r) to its label (centre lx, ly, w × h), or null when the
 * label sits against its dot: from the dot's rim towards the nearest point of the label's box.
 */
export function leaderLine(
  x: number,
  y: number,
  r: number,
  lx: number,
  ly: number,
  w: number,
  h: number,
): { x1: number; y1: number; x2: number; y2: number } | null {
  const bx = Math.max(lx - w / 2, Math.min(x, lx + w / 2));
  const by = Math.max(ly - h / 2, Math.min(y, ly + h / 2));
  const dx = bx - x;
  const dy = by - y;
  const len = Math.sqrt(dx * dx + dy * dy);
  if (len <= r + CLEAR + 2) return null;
  return { x1: x + (dx / len) * r, y1: y + (dy / len) * r, x2: bx, y2: by };
}
