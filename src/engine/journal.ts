import type { EventQueue } from './queue';
import { fitted, grown, positionColumn } from './grown';

/** `popStep` of an event still queued (or never popped in the steps seen so far). */
export const NOT_POPPED = 0x7fffffff;

/**
 * Every event a recorded run has queued, once, indexed by its `seq`, with the step that took it out
 * of the queue. `seq` is a global counter that every push increments, so the journal is append-only:
 * a checkpoint keeps the queue as two numbers (the seq counter and the step) instead of a copy of
 * every queued event, and the queue at a checkpoint is rebuilt on seek as the events pushed before it
 * and not popped by its step. Replaying a step after a seek writes the same values again.
 *
 * A few typed arrays (~25 B per event, the payload shared with the trace), so memory grows with the
 * events pushed, not with the queue's size at every checkpoint.
 */
export class EventJournal {
  /** Events journaled: seqs 0 … length − 1. */
  length = 0;
  // Keys and send times are whole numbers that nearly always fit 32 bits: Int32Arrays (8 B per event
  // less), each widened to a Float64Array the first time a value does not fit (`fitted`).
  private key: Int32Array | Float64Array = new Int32Array(1024);
  private type = new Uint8Array(1024);
  /** Node positions: 2 B each below 32,768 nodes (positionColumn). */
  private node: Int16Array | Int32Array;
  private from: Int16Array | Int32Array;
  private sendTime: Int32Array | Float64Array = new Int32Array(1024);
  private sendStep = new Int32Array(1024);
  /** The step whose computation popped the event (NOT_POPPED while it waits). */
  private popStep = new Int32Array(1024).fill(NOT_POPPED);
  private payload: unknown[] = [];

  /** For a run of `n` nodes. */
  constructor(n: number) {
    this.node = positionColumn(n, 1024);
    this.from = positionColumn(n, 1024);
  }

  private grow(min: number): void {
    // Grown by half (not doubled): its ~25 B per event count against issue 11's 150 B per recorded step.
    const cap = Math.max(min, Math.ceil(this.key.length * 1.5));
    const pop = new Int32Array(cap).fill(NOT_POPPED);
    pop.set(this.popStep);
    const type = new Uint8Array(cap);
    type.set(this.type);
    this.key = grown(this.key, cap);
    this.sendTime = grown(this.sendTime, cap);
    this.node = grown(this.node, cap);
    this.from = grown(this.from, cap);
    this.sendStep = grown(this.sendStep, cap);
    this.popStep = pop;
    this.type = type;
  }

  /** Notes an event as it is pushed (the same arguments as EventQueue.push). */
  push(
    key: number,
    seq: number,
    type: number,
    node: number,
    from: number,
    sendTime: number,
    sendStep: number,
    payload: unknown,
  ): void {
    // Replayed after a seek: the same event, and its pop step (perhaps not replayed yet) stands.
    if (seq < this.length) return;
    if (seq >= this.key.length) this.grow(seq + 1);
    this.key = fitted(this.key, key);
    this.sendTime = fitted(this.sendTime, sendTime);
    this.key[seq] = key;
    this.type[seq] = type;
    this.node[seq] = node;
    this.from[seq] = from;
    this.sendTime[seq] = sendTime;
    this.sendStep[seq] = sendStep;
    this.popStep[seq] = NOT_POPPED;
    this.payload[seq] = payload;
    this.length = seq + 1;
  }

  /** Notes that the event `seq` was taken out of the queue while computing step `step`. */
  popped(seq: number, step: number): void {
    if (seq < this.length) this.popStep[seq] = step;
  }

  /**
   * The queue at a checkpoint: pushes back into `queue` the events of seq in [from, end) not popped
   * by step `step`, in (key, seq) order. Calls `each` with every event put back.
   */
  refill(
    queue: EventQueue,
    from: number,
    end: number,
    step: number,
    each: (key: number, type: number, node: number, from: number) => void,
  ): void {
    const live: number[] = [];
    const pop = this.popStep;
    for (let s = from; s < end; s++) if (pop[s]! > step) live.push(s);
    const key = this.key;
    // Events go back in (key, seq) order, so each key's bucket in the queue is rebuilt by appending.
    live.sort((a, b) => key[a]! - key[b]! || a - b);
    for (const s of live) {
      queue.push(
        key[s]!,
        s,
        this.type[s]!,
        this.node[s]!,
        this.from[s]!,
        this.sendTime[s]!,
        this.sendStep[s]!,
        this.payload[s],
      );
      each(key[s]!, this.type[s]!, this.node[s]!, this.from[s]!);
    }
  }

  /** The smallest seq ≥ `from` (below `end`) not popped by step `step`: where a later refill may start. */
  firstLive(from: number, end: number, step: number): number {
    const pop = this.popStep;
    let s = from;
    while (s < end && pop[s]! <= step) s++;
    return s;
  }

  /**
   * The first seq pushed by step `step` or a later one (`length` if none): a step pushes events
   * numbered from there on, and every event pushed before step 1 has step 0, so the steps are
   * non-decreasing by seq and a binary search finds where one starts (the recorded trace keeps no
   * column of its own for it).
   */
  firstPushedBy(step: number): number {
    const a = this.sendStep;
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (a[mid]! < step) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The recorded trace reads an event back by its seq (recorded.ts): a step's message and its sends. */
  typeOf(seq: number): number {
    return this.type[seq]!;
  }
  nodeOf(seq: number): number {
    return this.node[seq]!;
  }
  fromOf(seq: number): number {
    return this.from[seq]!;
  }
  keyOf(seq: number): number {
    return this.key[seq]!;
  }
  sendTimeOf(seq: number): number {
    return this.sendTime[seq]!;
  }
  sendStepOf(seq: number): number {
    return this.sendStep[seq]!;
  }
  payloadOf(seq: number): unknown {
    return this.payload[seq];
  }

  /** Bytes held: the typed arrays at their capacity and the payload references (8 B each). */
  bytes(): number {
    const wide =
      this.key.BYTES_PER_ELEMENT +
      this.sendTime.BYTES_PER_ELEMENT +
      this.node.BYTES_PER_ELEMENT +
      this.from.BYTES_PER_ELEMENT;
    return this.key.length * (wide + 1 + 4 + 4) + this.payload.length * 8;
  }
}
