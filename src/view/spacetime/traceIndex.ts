import type { NodeId, TraceEntry } from '../../engine/types';
import { kindIndex } from '../palette';

/** Rows further apart than this make a message "long": listed apart, checked wherever one looks. */
const LONG = 8;

/**
 * Every message of a recorded run, in send order, as columns the space-time diagram draws from:
 * sender and receiver rows, send and delivery times, kind, the step that sent it and the step that
 * delivered (or dropped) it. Built once per run and extended as the run is computed (`update`),
 * never rebuilt per frame.
 */
export class TraceIndex {
  /** Messages indexed so far. */
  count = 0;
  seq = new Int32Array(256);
  from = new Int32Array(256);
  to = new Int32Array(256);
  sendTime = new Float64Array(256);
  deliverAt = new Float64Array(256);
  kind = new Int32Array(256);
  sendStep = new Int32Array(256);
  /** The step that delivered or dropped it; 0 while that step is not recorded. */
  doneStep = new Int32Array(256);
  dropped = new Uint8Array(256);
  /** Per row (position): when the node crashed (0 = before the run), Infinity if it never did. */
  readonly crashAt: Float64Array;
  /** Per row: when the node came back after its crash (C17), Infinity if it never did. */
  readonly recoverAt: Float64Array;
  /** The longest delay seen: a message sent before t − maxSpan cannot reach past t. */
  maxSpan = 0;
  /** The latest time any step or delivery reaches. */
  maxTime = 0;
  /** Trace entries read so far. */
  indexed = 0;

  private readonly row = new Map<NodeId, number>();
  /** Per row, the messages it sent and received (message indices, in send order). */
  private readonly out: Int32Array[];
  private readonly outLen: Int32Array;
  private readonly inb: Int32Array[];
  private readonly inLen: Int32Array;
  /** Messages whose rows are more than LONG apart (a ring's wrap-around link, a complete graph). */
  private long = new Int32Array(64);
  private longLen = 0;
  private readonly kindOf: (kind: string) => number;
  /** seq → message index + 1 (0 = unknown). */
  private bySeq = new Int32Array(256);

  constructor(
    private readonly trace: readonly TraceEntry[],
    readonly ids: readonly NodeId[],
    kinds: readonly string[],
    crashedAtStart: readonly NodeId[] = [],
    /** Each row's label: its id, or a service node's name (C19). */
    readonly names: readonly string[] = ids.map(String),
  ) {
    ids.forEach((id, i) => this.row.set(id, i));
    const n = ids.length;
    this.out = Array.from({ length: n }, () => new Int32Array(4));
    this.inb = Array.from({ length: n }, () => new Int32Array(4));
    this.outLen = new Int32Array(n);
    this.inLen = new Int32Array(n);
    this.kindOf = kindIndex(kinds);
    this.crashAt = new Float64Array(ids.length).fill(Infinity);
    this.recoverAt = new Float64Array(ids.length).fill(Infinity);
    for (const id of crashedAtStart) {
      const r = this.row.get(id);
      if (r !== undefined) this.crashAt[r] = 0;
    }
    this.update();
  }

  get n(): number {
    return this.ids.length;
  }

  rowOf(id: NodeId): number {
    return this.row.get(id) ?? -1;
  }

  /** The colour index of a kind, in the algorithm's order (as the graph overlay numbers them). */
  kindIndexOf(kind: string): number {
    return this.kindOf(kind);
  }

  /** Message index of a seq, or −1. */
  indexOfSeq(seq: number): number {
    return seq >= 0 && seq < this.bySeq.length ? this.bySeq[seq]! - 1 : -1;
  }

  /** Reads the trace entries recorded since the last call; returns whether anything was added. */
  update(): boolean {
    const trace = this.trace;
    const len = trace.length;
    if (this.indexed >= len) return false;
    for (let k = this.indexed; k < len; k++) {
      const e = trace[k]!;
      const step = k + 1;
      if (e.time > this.maxTime) this.maxTime = e.time;
      if (e.msgSeq !== undefined) {
        const i = this.indexOfSeq(e.msgSeq);
        if (i >= 0) {
          this.doneStep[i] = step;
          this.dropped[i] = e.kind === 'drop' ? 1 : 0;
        }
      }
      if (e.kind === 'crash') {
        const r = this.row.get(e.node);
        if (r !== undefined && this.crashAt[r] === Infinity) this.crashAt[r] = e.time;
      } else if (e.kind === 'recover') {
        const r = this.row.get(e.node);
        if (r !== undefined && this.recoverAt[r] === Infinity) this.recoverAt[r] = e.time;
      }
      for (const m of e.sends) this.add(m.seq, m.from, m.to, m.sendTime, m.deliverAt, m.msg.kind, step);
    }
    this.indexed = len;
    return true;
  }

  /** The first message index whose send time is ≥ t (send times never decrease in send order). */
  firstSentAtOrAfter(t: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sendTime[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The first message index sent after step k (the messages sent by step k are 0 … result − 1). */
  sentBy(k: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sendStep[mid]! <= k) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Calls `visit` once for every message sent by step `cursor` that may be seen in rows
   * rowLo…rowHi between times tFrom…tTo: those sent or received within LONG rows of them, and the
   * long ones. Without a scan of the whole run: per-row lists, in send order, searched by time.
   */
  forEachNear(
    rowLo: number,
    rowHi: number,
    tFrom: number,
    tTo: number,
    cursor: number,
    visit: (i: number) => void,
  ): void {
    const n = this.n;
    const lo = Math.max(0, rowLo - LONG);
    const hi = Math.min(n - 1, rowHi + LONG);
    const since = tFrom - this.maxSpan - 1;
    const inRange = (r: number) => r >= lo && r <= hi;
    const walk = (list: Int32Array, len: number, keep: (i: number) => boolean) => {
      let a = 0;
      let b = len;
      while (a < b) {
        const mid = (a + b) >> 1;
        if (this.sendTime[list[mid]!]! < since) a = mid + 1;
        else b = mid;
      }
      for (let k = a; k < len; k++) {
        const i = list[k]!;
        if (this.sendStep[i]! > cursor || this.sendTime[i]! > tTo) break;
        if (keep(i)) visit(i);
      }
    };
    const all = () => true;
    const senderOutside = (i: number) => !inRange(this.from[i]!);
    for (let r = lo; r <= hi; r++) {
      walk(this.out[r]!, this.outLen[r]!, all);
      walk(this.inb[r]!, this.inLen[r]!, senderOutside);
    }
    walk(this.long, this.longLen, (i) => !inRange(this.from[i]!) && !inRange(this.to[i]!));
  }

  private push(lists: Int32Array[], lens: Int32Array, r: number, i: number): void {
    let list = lists[r]!;
    const len = lens[r]!;
    if (len >= list.length) {
      list = grow(list, list.length * 2);
      lists[r] = list;
    }
    list[len] = i;
    lens[r] = len + 1;
  }

  private add(
    seq: number,
    from: NodeId,
    to: NodeId,
    sendTime: number,
    deliverAt: number,
    kind: string,
    step: number,
  ): void {
    const i = this.count;
    if (i >= this.seq.length) this.growMessages(this.seq.length * 2);
    if (seq >= this.bySeq.length) this.bySeq = grow(this.bySeq, Math.max(seq + 1, this.bySeq.length * 2));
    this.seq[i] = seq;
    this.from[i] = this.row.get(from) ?? 0;
    this.to[i] = this.row.get(to) ?? 0;
    this.sendTime[i] = sendTime;
    this.deliverAt[i] = deliverAt;
    this.kind[i] = this.kindOf(kind);
    this.sendStep[i] = step;
    this.doneStep[i] = 0;
    this.dropped[i] = 0;
    this.bySeq[seq] = i + 1;
    const a = this.from[i]!;
    const b = this.to[i]!;
    this.push(this.out, this.outLen, a, i);
    this.push(this.inb, this.inLen, b, i);
    if (Math.abs(a - b) > LONG) {
      if (this.longLen >= this.long.length) this.long = grow(this.long, this.long.length * 2);
      this.long[this.longLen++] = i;
    }
    if (deliverAt - sendTime > this.maxSpan) this.maxSpan = deliverAt - sendTime;
    if (deliverAt > this.maxTime) this.maxTime = deliverAt;
    this.count++;
  }

  private growMessages(size: number): void {
    this.seq = grow(this.seq, size);
    this.from = grow(this.from, size);
    this.to = grow(this.to, size);
    this.sendTime = grow(this.sendTime, size);
    this.deliverAt = grow(this.deliverAt, size);
    this.kind = grow(this.kind, size);
    this.sendStep = grow(this.sendStep, size);
    this.doneStep = grow(this.doneStep, size);
    this.dropped = grow(this.dropped, size);
  }
}

function grow<T extends Int32Array | Float64Array | Uint8Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
