import type { Faults, NodeId } from '../engine/types';

/**
 * What the graph and the slide draw of the network's faults (C17) beyond a cut link's dashes: the
 * side a partition cuts off, a lost message's puff and a node back from a crash. Pure geometry and
 * bookkeeping, read by the fault layer (faultLayer.ts), the SVG export and the tests.
 */

/** A partition's hue: violet, apart from a cut link's red, a recovery's green and the kinds' colours. */
export const PARTITION_HUE = { light: '#7b2fbf', dark: '#d7a6ff' } as const;
/** A node back from its crash, as the space-time diagram's recovery bar. */
export const RECOVERING_HUE = { light: '#2e7d32', dark: '#7ed67f' } as const;
/** A lost message's puff is outlined in the cut link's red. */
export const LOST_HUE = { light: '#c62828', dark: '#ff6b6b' } as const;
/** How long a puff fades once the cursor has left its step, in ms of playback. */
export const PUFF_MS = 600;

/** Whether a run has any fault at all: the others pay nothing for this drawing. */
export function hasFaults(f: Faults): boolean {
  return (
    f.crashed.length > 0 ||
    f.crashes.length > 0 ||
    !!f.recover?.length ||
    (f.loss ?? 0) > 0 ||
    !!f.down?.length ||
    !!f.part?.length ||
    !!f.drop?.length
  );
}

/** A partition holding at the time asked: the positions it cuts off and when it heals (null: never). */
export interface Cut {
  side: number[];
  from: number;
  to: number | null;
}

/** The partitions holding at `time` (from ≤ time < to), their sides as positions. */
export function cutsAt(faults: Faults, position: (id: NodeId) => number, time: number): Cut[] {
  const out: Cut[] = [];
  for (const p of faults.part ?? []) {
    if (time < p.from || (p.to !== null && time >= p.to)) continue;
    const side = p.ids.map(position).filter((i) => i >= 0);
    if (side.length) out.push({ side, from: p.from, to: p.to });
  }
  return out;
}

/** The label beside a cut: when it heals, in the run's unit. */
export function cutLabel(cut: Cut, sync: boolean): string {
  if (cut.to === null) return 'partition, never heals';
  return `partition until ${sync ? 'round ' : 't = '}${cut.to}`;
}

export interface Point {
  x: number;
  y: number;
}

/** The convex hull of the points, counter-clockwise in screen terms, without collinear points (Andrew). */
export function convexHull(points: readonly Point[]): Point[] {
  const p = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (p.length <= 2) return p.filter((q, i) => i === 0 || q.x !== p[0]!.x || q.y !== p[0]!.y);
  const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const lower: Point[] = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, q) <= 0)
      lower.pop();
    lower.push(q);
  }
  const upper: Point[] = [];
  for (let i = p.length - 1; i >= 0; i--) {
    const q = p[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, q) <= 0)
      upper.pop();
    upper.push(q);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}

/** The distance from q to the segment a–b. */
export function segmentDistance(q: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((q.x - a.x) * dx + (q.y - a.y) * dy) / len2));
  return Math.hypot(q.x - (a.x + t * dx), q.y - (a.y + t * dy));
}

/** The distance from q to a convex polygon (0 inside); a polygon of one or two points is a dot or a segment. */
export function polygonDistance(q: Point, poly: readonly Point[]): number {
  if (poly.length === 0) return Infinity;
  if (poly.length === 1) return Math.hypot(q.x - poly[0]!.x, q.y - poly[0]!.y);
  let inside = poly.length >= 3;
  let best = Infinity;
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i]!;
    const b = poly[(i + 1) % poly.length]!;
    best = Math.min(best, segmentDistance(q, a, b));
    // Left of every edge of a hull wound this way round: inside.
    if ((b.x - a.x) * (q.y - a.y) - (b.y - a.y) * (q.x - a.x) < 0) inside = false;
  }
  return inside ? 0 : best;
}

/**
 * How a cut-off side is shaded: one hull round its nodes, grown by `pad`, where that takes in no node
 * of the other side (closer than `clear` to it); otherwise a halo of radius `pad` round each of its
 * nodes (a side scattered round a ring would have a hull over the whole picture). Returns the hull's
 * corners, or null for halos.
 */
export function cutHull(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  side: readonly number[],
  pad: number,
  clear: number,
): Point[] | null {
  const on = new Set(side);
  const hull = convexHull(side.map((i) => ({ x: xs[i]!, y: ys[i]! })));
  for (let j = 0; j < xs.length; j++) {
    if (on.has(j)) continue;
    if (polygonDistance({ x: xs[j]!, y: ys[j]! }, hull) < pad + clear) return null;
  }
  return hull;
}

/** The distance from q to the box centred on (x, y) with half sizes hw, hh (0 inside). */
export function boxDistance(q: Point, x: number, y: number, hw: number, hh: number): number {
  const dx = Math.max(0, Math.abs(q.x - x) - hw);
  const dy = Math.max(0, Math.abs(q.y - y) - hh);
  return Math.hypot(dx, dy);
}

/** A rectangle the label must stay inside: left, top, right, bottom. */
export type Bounds = readonly [number, number, number, number];

/**
 * Where a cut's label (a box of half sizes hw × hh) goes: from the middle of its side's nodes, moved
 * outward (away from the picture's centre cx, cy), inward, up or down — the first way that gets it
 * `clear` of its side's nodes and leaves it `clear` of every node and inside `bounds`; where none
 * does, the one that keeps farthest from the nodes.
 */
export function cutLabelAt(
  side: readonly Point[],
  all: readonly Point[],
  cx: number,
  cy: number,
  hw: number,
  hh: number,
  clear: number,
  bounds: Bounds = [-Infinity, -Infinity, Infinity, Infinity],
): Point {
  let mx = 0;
  let my = 0;
  for (const p of side) {
    mx += p.x;
    my += p.y;
  }
  mx /= side.length;
  my /= side.length;
  const len = Math.hypot(cx - mx, cy - my);
  const [ux, uy] = len < 1e-6 ? [0, 1] : [(cx - mx) / len, (cy - my) / len];
  const stride = Math.max(1, clear / 4);
  let best: Point = { x: mx, y: my };
  let bestRoom = -Infinity;
  for (const [dx, dy] of [
    [-ux, -uy],
    [ux, uy],
    [0, -1],
    [0, 1],
  ] as const) {
    let x = mx;
    let y = my;
    for (let k = 0; k < 400 && side.some((p) => boxDistance(p, x, y, hw, hh) < clear); k++) {
      x += dx * stride;
      y += dy * stride;
    }
    const inside = x - hw >= bounds[0] && y - hh >= bounds[1] && x + hw <= bounds[2] && y + hh <= bounds[3];
    let room = Infinity;
    for (const p of all) room = Math.min(room, boxDistance(p, x, y, hw, hh));
    if (inside && room >= clear) return { x, y };
    const score = inside ? room : room - 1e6;
    if (score > bestRoom) {
      bestRoom = score;
      best = { x, y };
    }
  }
  return best;
}

/**
 * Where a lost message vanishes on its link a → b: `gap` before b's centre (just outside its rim), or
 * the link's middle if the link is shorter than twice that. C17 drops a message at its arrival time,
 * so it is lost at the receiver's end, where the overlay last drew it.
 */
export function puffPoint(ax: number, ay: number, bx: number, by: number, gap: number): Point {
  const dx = ax - bx;
  const dy = ay - by;
  const len = Math.hypot(dx, dy);
  if (len < 1e-9) return { x: bx, y: by - gap };
  const d = Math.min(gap, len / 2);
  return { x: bx + (dx / len) * d, y: by + (dy / len) * d };
}

/** Mixes #rrggbb colour `a` toward `b` by the fraction f (an opaque tint of `b` on `a`). */
export function mix(a: string, b: string, f: number): string {
  const u = parseInt(a.slice(1), 16);
  const v = parseInt(b.slice(1), 16);
  const c = (s: number) => Math.round(((u >> s) & 255) * (1 - f) + ((v >> s) & 255) * f);
  return `#${((c(16) << 16) | (c(8) << 8) | c(0)).toString(16).padStart(6, '0')}`;
}

/** A message lost by a step: its link by positions and its kind's colour index. */
export interface Loss {
  step: number;
  from: number;
  to: number;
  kind: number;
}

/** A puff on screen: the loss, when it appeared, and when the cursor left its step (null: still on it). */
export interface Puff extends Loss {
  born: number;
  left: number | null;
}

/** A puff's opacity at `now` (ms): whole while the cursor is on its step, then fading over PUFF_MS. */
export function puffAlpha(p: Puff, now: number): number {
  if (p.left === null) return 1;
  return Math.max(0, 1 - (now - p.left) / PUFF_MS);
}

/** How far a puff has grown at `now`: from 0.5 to 1 over its first 250 ms. */
export function puffGrowth(p: Puff, now: number): number {
  return 0.5 + 0.5 * Math.max(0, Math.min(1, (now - p.born) / 250));
}

/**
 * The puffs after the cursor moved from step `prev` to `cursor` with `losses` the messages lost by the
 * steps passed over (each of prev + 1 … cursor): new ones are born, those whose step the cursor left
 * start fading, faded ones go. A move back or a long jump keeps only the cursor's own.
 */
export function nextPuffs(
  puffs: readonly Puff[],
  prev: number,
  cursor: number,
  losses: readonly Loss[],
  now: number,
): Puff[] {
  const forward = cursor >= prev;
  const out: Puff[] = [];
  if (forward)
    for (const p of puffs) {
      const left = p.left ?? (p.step === cursor ? null : now);
      if (left === null || now - left < PUFF_MS) out.push({ ...p, left });
    }
  for (const l of losses) {
    if (!forward && l.step !== cursor) continue;
    if (out.some((p) => p.step === l.step && p.from === l.from && p.to === l.to)) continue;
    out.push({ ...l, born: now, left: l.step === cursor ? null : now });
  }
  return out;
}

/**
 * Recoveries in a recorded trace, indexed once (incrementally), so the nodes back from a crash within
 * the last time unit are found at any cursor by scanning back over those of the last time unit only.
 */
export class Recoveries {
  private indexed = 0;
  private readonly steps: number[] = [];
  private readonly times: number[] = [];
  private readonly nodes: number[] = [];

  constructor(private readonly position: (id: NodeId) => number) {}

  index(trace: readonly { step: number; time: number; kind: string; node: NodeId }[]): void {
    for (let k = this.indexed; k < trace.length; k++) {
      const e = trace[k]!;
      if (e.kind !== 'recover') continue;
      this.steps.push(e.step);
      this.times.push(e.time);
      this.nodes.push(this.position(e.node));
    }
    this.indexed = trace.length;
  }

  /**
   * The positions that recovered at or before `step` and no more than one time unit before `time`,
   * and are up (`crashed` by position): re-joining the run.
   */
  recoveringAt(step: number, time: number, crashed: ArrayLike<number>): number[] {
    const out: number[] = [];
    let k = this.steps.length;
    while (k > 0 && this.steps[k - 1]! > step) k--;
    while (--k >= 0 && this.times[k]! >= time - 1) {
      const at = this.nodes[k]!;
      if (!crashed[at] && !out.includes(at)) out.push(at);
    }
    return out;
  }
}
