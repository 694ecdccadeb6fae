import type { DrawingDecl, EdgeLook } from '../algorithms/contract';
import type { Graph } from '../engine/types';
import { groupColour, GROUP_COLOURS } from './palette';

/**
 * What an algorithm's drawing declaration (DrawingDecl) says about the run at the cursor, by graph
 * position: the badges beside the ids, the groups' colours and names, each link's state and the
 * tree's direction. Pure: the graph view applies it, the SVG export writes it, the tests read it.
 */
export interface Stage {
  /** Text beside each node's id, or null. */
  badges: (string | null)[];
  /** Each node's group colour (outline), or null. */
  colours: (string | null)[];
  /** Each named group once, for the legend: its name, colour and number of nodes, highest level first. */
  names: GroupName[];
  /** Per linked pair (linkPairs' order): the index of its state in `edgeStates`, −1 for none. */
  edgeState: Int8Array;
  /** Per linked pair: the colour of a thick edge (its group's, where both ends share one), else null. */
  edgeColour: (string | null)[];
  /** Per node: the position it points to (`toward`), or −1. */
  toward: Int32Array;
}

export interface GroupName {
  text: string;
  colour: string;
  size: number;
}

export interface EdgeStateLook {
  name: string;
  look: EdgeLook;
}

/**
 * Group keys keep the colour they were first given for as long as the view shows the run, so a
 * fragment does not change colour when another one merges; two groups shown at once never share one
 * (while there are colours left).
 */
export class GroupColours {
  private readonly remembered = new Map<string, number>();

  /** Colour indices for the keys shown now, in the order given. */
  assign(keys: readonly string[]): Map<string, number> {
    const out = new Map<string, number>();
    const taken = new Set<number>();
    const later: string[] = [];
    for (const k of keys) {
      if (out.has(k)) continue;
      const c = this.remembered.get(k);
      if (c !== undefined && !taken.has(c)) {
        out.set(k, c);
        taken.add(c);
      } else later.push(k);
    }
    for (const k of later) {
      if (out.has(k)) continue;
      let c = 0;
      while (taken.has(c) && c < GROUP_COLOURS.length) c++;
      if (c === GROUP_COLOURS.length) c = out.size % GROUP_COLOURS.length;
      out.set(k, c);
      taken.add(c);
      this.remembered.set(k, c);
    }
    return out;
  }
}

/** Nothing declared: the stage every algorithm without a drawing declaration has. */
export function emptyStage(n: number, links: number): Stage {
  return {
    badges: new Array<string | null>(n).fill(null),
    colours: new Array<string | null>(n).fill(null),
    names: [],
    edgeState: new Int8Array(links).fill(-1),
    edgeColour: new Array<string | null>(links).fill(null),
    toward: new Int32Array(n).fill(-1),
  };
}

/**
 * The stage at the cursor. `states` by position (null: not started, or crashed — nothing drawn);
 * `pairs` from linkPairs, or null to leave the links out (a graph whose links are drawn on canvas).
 */
export function stageOf(
  decl: DrawingDecl<unknown> | undefined,
  graph: Graph,
  states: readonly unknown[],
  pairs: Int32Array | null,
  colours: GroupColours,
): Stage {
  const n = graph.ids.length;
  const links = pairs ? pairs.length / 2 : 0;
  const out = emptyStage(n, links);
  if (!decl) return out;
  const pos = new Map<number, number>();
  graph.ids.forEach((id, i) => pos.set(id, i));
  if (decl.badge)
    for (let i = 0; i < n; i++) {
      const s = states[i];
      if (s !== null && s !== undefined) out.badges[i] = decl.badge(s);
    }
  const group = new Array<string | null>(n).fill(null);
  if (decl.group) {
    const marks = states.map((s) => (s === null || s === undefined ? null : decl.group!(s)));
    const keys: string[] = [];
    for (const m of marks) if (m) keys.push(m.key);
    const index = colours.assign(keys);
    const named = new Map<string, GroupName>();
    marks.forEach((m, i) => {
      if (!m) return;
      const colour = groupColour(index.get(m.key)!);
      out.colours[i] = colour;
      group[i] = m.key;
      const g = named.get(m.key);
      if (g) g.size++;
      else if (m.label) named.set(m.key, { text: m.label, colour, size: 1 });
    });
    // The largest groups first, then by name.
    out.names = [...named.values()].sort((p, q) => q.size - p.size || p.text.localeCompare(q.text));
  }
  if (decl.toward)
    for (let i = 0; i < n; i++) {
      const s = states[i];
      const t = s === null || s === undefined ? null : decl.toward(s);
      out.toward[i] = t === null ? -1 : (pos.get(t) ?? -1);
    }
  if (pairs && decl.edgeState && decl.edgeStates) {
    const rank = new Map(decl.edgeStates.map((e, k) => [e.name, k]));
    const look = decl.edgeStates.map((e) => e.look);
    for (let k = 0; k < links; k++) {
      const a = pairs[2 * k]!;
      const b = pairs[2 * k + 1]!;
      const sa = states[a];
      const sb = states[b];
      const ea = sa === null || sa === undefined ? null : decl.edgeState(sa, graph.ids[b]!);
      const eb = sb === null || sb === undefined ? null : decl.edgeState(sb, graph.ids[a]!);
      const ra = ea === null ? Infinity : (rank.get(ea) ?? Infinity);
      const rb = eb === null ? Infinity : (rank.get(eb) ?? Infinity);
      const r = Math.min(ra, rb);
      if (r === Infinity) continue;
      out.edgeState[k] = r;
      if (look[r] === 'thick')
        out.edgeColour[k] = group[a] !== null && group[a] === group[b] ? out.colours[a]! : null;
    }
  }
  return out;
}

/** A wait running out at the cursor: a node's timer, or the failure detector's notice of a crash. */
export interface Wait {
  /** Position of the node the ring is drawn on. */
  at: number;
  from: number;
  until: number;
  label: string;
}

/**
 * The timers set and the crashes in a recorded trace, indexed once (incrementally, as the trace
 * grows), so the waits pending at any cursor are found by scanning back only over the steps whose
 * wait can still be running, and the messages lost at a crashed node are counted by binary search.
 */
export class TraceMarks {
  private indexed = 0;
  /** Timers and notices in step order: step, node position, set at, fires at, label. */
  private readonly steps: number[] = [];
  private readonly nodes: number[] = [];
  private readonly from: number[] = [];
  private readonly until: number[] = [];
  private readonly labels: string[] = [];
  private readonly timers: unknown[] = [];
  /** The longest wait seen: how far back a running one can have started. */
  private longest = 0;
  /** Per node position: the steps at which a message to it was lost (dropped, it had crashed). */
  private readonly lost: number[][];

  constructor(
    private readonly graph: Graph,
    /** Time from a crash to the failure detector's notice; null where nobody notices. */
    private readonly noticeDelay: number | null,
  ) {
    this.lost = graph.ids.map(() => []);
  }

  index(
    trace: readonly {
      step: number;
      time: number;
      kind: string;
      node: number;
      timers?: { label: string; at: number; timer: unknown }[] | undefined;
    }[],
  ): void {
    if (this.indexed === 0) this.pos = new Map(this.graph.ids.map((id, i) => [id, i]));
    for (let k = this.indexed; k < trace.length; k++) {
      const e = trace[k]!;
      const at = this.pos!.get(e.node) ?? 0;
      if (e.timers)
        for (const t of e.timers) if (t.at > e.time) this.add(e.step, at, e.time, t.at, t.label, t.timer);
      if (e.kind === 'crash' && this.noticeDelay !== null && this.noticeDelay > 0)
        this.add(e.step, at, e.time, e.time + this.noticeDelay, 'notice', null);
      if (e.kind === 'drop') this.lost[at]!.push(e.step);
    }
    this.indexed = trace.length;
  }

  private pos: Map<number, number> | null = null;

  private add(step: number, node: number, from: number, until: number, label: string, timer: unknown): void {
    this.timers.push(timer);
    this.steps.push(step);
    this.nodes.push(node);
    this.from.push(from);
    this.until.push(until);
    this.labels.push(label);
    this.longest = Math.max(this.longest, until - from);
  }

  /**
   * The waits set at or before `step` still running at `clock`; `cancelled` leaves out a timer the
   * node has since reset (Algorithm.timerCancelled, read on the node's state at the cursor).
   */
  waitsAt(
    step: number,
    clock: number,
    crashed: ArrayLike<number>,
    cancelled?: (at: number, timer: unknown) => boolean,
  ): Wait[] {
    const out: Wait[] = [];
    let hi = upperBound(this.steps, step);
    while (--hi >= 0) {
      if (this.from[hi]! < clock - this.longest) break;
      if (this.until[hi]! <= clock) continue;
      const at = this.nodes[hi]!;
      // A crashed node hears no timer; the ring on it is the detector's notice.
      if (crashed[at] && this.labels[hi] !== 'notice') continue;
      if (cancelled && this.labels[hi] !== 'notice' && cancelled(at, this.timers[hi])) continue;
      out.push({ at, from: this.from[hi]!, until: this.until[hi]!, label: this.labels[hi]! });
    }
    return out;
  }

  /** Messages lost at the node (sent to it after it crashed) by this step. */
  lostAt(position: number, step: number): number {
    return upperBound(this.lost[position]!, step);
  }
}

/** The number of values ≤ v in an ascending array. */
function upperBound(a: readonly number[], v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Where a badge of w × h goes beside a node of radius r at (x, y): just outside it, on the side away
 * from the picture's centre (cx, cy), so on a ring badges sit outside the ring. Returns its centre.
 */
export function badgeCentre(
  x: number,
  y: number,
  r: number,
  w: number,
  h: number,
  cx: number,
  cy: number,
): { x: number; y: number } {
  let ux = x - cx;
  let uy = y - cy;
  const len = Math.hypot(ux, uy);
  if (len < 1e-6) [ux, uy] = [0.6, -0.8];
  else [ux, uy] = [ux / len, uy / len];
  const reach = r + 4 + Math.abs(ux) * (w / 2) + Math.abs(uy) * (h / 2);
  return { x: x + ux * reach, y: y + uy * reach };
}

/** The middle of a layout's bounding box (badges point away from it). */
export function centreOf(xs: ArrayLike<number>, ys: ArrayLike<number>): { x: number; y: number } {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    x0 = Math.min(x0, xs[i]!);
    x1 = Math.max(x1, xs[i]!);
    y0 = Math.min(y0, ys[i]!);
    y1 = Math.max(y1, ys[i]!);
  }
  return xs.length ? { x: (x0 + x1) / 2, y: (y0 + y1) / 2 } : { x: 0, y: 0 };
}
