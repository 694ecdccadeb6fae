import { grown } from './grown';
/**
 * The event queue: a binary min-heap on (key, seq) kept in typed arrays, with the event's payload in
 * parallel slot arrays, so queuing an event allocates nothing (allocation per event is what separates
 * a fast engine from a framework-style one). `seq` is a global counter: no ties.
 *
 * key = 2·time for deliveries, start-ups and crashes, 2·time + 1 for timers, so a timer fires after
 * every delivery of its time unit (a sync round's messages all arrive before a round-end timer).
 *
 * Events pushed in (key, seq) order — every message of a synchronous run — go to a plain FIFO lane
 * instead of the heap: O(1) instead of O(log n), and pop takes the smaller of the two heads.
 */
/**
 * The queue's order key of an event at `time`: `2·time` for deliveries, start-ups and crashes,
 * `2·time + 1` for what must come after them (timers, the failure detector's notices, barrier calls).
 */
export function eventKey(time: number, afterDeliveries: boolean): number {
  return afterDeliveries ? 2 * time + 1 : 2 * time;
}

/** The time an order key stands for (the inverse of `eventKey`). */
export function keyTime(key: number): number {
  return (key - (key & 1)) / 2;
}

export const EV_INIT = 0;
export const EV_DELIVER = 1;
export const EV_TIMER = 2;
export const EV_CRASH = 3;
export const EV_BARRIER = 4;
/** A failure detector's notice of a crash (Algorithm.failureDetector); key as a timer's. */
export const EV_SUSPECT = 5;
/** The failure detector's last look at one node (FailureDetector.leaderOf); key as a timer's. */
export const EV_LOOK = 6;
/** A message the network loses (C17): queued like a delivery, dropped when its time comes. */
export const EV_LOSE = 7;
/** A crashed process comes back (Faults.recover); key as a crash's. */
export const EV_RECOVER = 8;

export interface QueuedEvent {
  key: number;
  seq: number;
  type: number;
  node: number;
  from: number;
  sendTime: number;
  sendStep: number;
  payload: unknown;
}

export class EventQueue {
  /** Events in the queue (heap + FIFO lane). */
  size = 0;
  /** The seq of the event `pop` returned last (so the event loop need not peek it first). */
  poppedSeq = -1;
  private heapSize = 0;
  // FIFO lane: a growable ring buffer of (key, seq, slot), sorted by construction
  private fKey: Float64Array;
  private fSeq: Float64Array;
  private fSlot: Int32Array;
  private fHead = 0;
  private fLen = 0;
  private hKey: Float64Array;
  private hSeq: Float64Array;
  private hSlot: Int32Array;
  // slot arrays
  type: Uint8Array;
  node: Int32Array;
  from: Int32Array;
  sendTime: Float64Array;
  sendStep: Int32Array;
  payload: unknown[];
  private free: Int32Array;
  private freeTop = 0;
  private capacity: number;

  constructor(capacity = 1024) {
    this.capacity = capacity;
    this.fKey = new Float64Array(capacity);
    this.fSeq = new Float64Array(capacity);
    this.fSlot = new Int32Array(capacity);
    this.hKey = new Float64Array(capacity);
    this.hSeq = new Float64Array(capacity);
    this.hSlot = new Int32Array(capacity);
    this.type = new Uint8Array(capacity);
    this.node = new Int32Array(capacity);
    this.from = new Int32Array(capacity);
    this.sendTime = new Float64Array(capacity);
    this.sendStep = new Int32Array(capacity);
    this.payload = new Array<unknown>(capacity).fill(null);
    this.free = new Int32Array(capacity);
    for (let i = 0; i < capacity; i++) this.free[i] = capacity - 1 - i;
    this.freeTop = capacity;
  }

  private grow(): void {
    const old = this.capacity;
    const cap = old * 2;
    this.hKey = grown(this.hKey, cap);
    this.hSeq = grown(this.hSeq, cap);
    this.hSlot = grown(this.hSlot, cap);
    const fKey = new Float64Array(cap);
    const fSeq = new Float64Array(cap);
    const fSlot = new Int32Array(cap);
    for (let i = 0; i < this.fLen; i++) {
      const j = (this.fHead + i) % old;
      fKey[i] = this.fKey[j]!;
      fSeq[i] = this.fSeq[j]!;
      fSlot[i] = this.fSlot[j]!;
    }
    this.fKey = fKey;
    this.fSeq = fSeq;
    this.fSlot = fSlot;
    this.fHead = 0;
    const t = new Uint8Array(cap);
    t.set(this.type);
    this.type = t;
    this.node = grown(this.node, cap);
    this.from = grown(this.from, cap);
    this.sendTime = grown(this.sendTime, cap);
    this.sendStep = grown(this.sendStep, cap);
    this.payload.length = cap;
    this.payload.fill(null, old);
    const free = new Int32Array(cap);
    free.set(this.free.subarray(0, this.freeTop));
    for (let i = old; i < cap; i++) free[this.freeTop++] = cap - 1 - (i - old);
    this.free = free;
    this.capacity = cap;
  }

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
    if (this.freeTop === 0) this.grow();
    const slot = this.free[--this.freeTop]!;
    this.type[slot] = type;
    this.node[slot] = node;
    this.from[slot] = from;
    this.sendTime[slot] = sendTime;
    this.sendStep[slot] = sendStep;
    this.payload[slot] = payload;
    this.size++;
    // in order with the lane's tail (or the lane is empty and the heap has nothing smaller)?
    const cap = this.capacity;
    if (this.fLen > 0) {
      const t = (this.fHead + this.fLen - 1) % cap;
      const tk = this.fKey[t]!;
      if (tk < key || (tk === key && this.fSeq[t]! < seq)) {
        this.appendLane(key, seq, slot);
        return;
      }
    } else if (this.heapSize === 0 || this.hKey[0]! < key || (this.hKey[0] === key && this.hSeq[0]! < seq)) {
      this.appendLane(key, seq, slot);
      return;
    }
    this.siftUp(this.heapSize++, key, seq, slot);
  }

  /** Puts (key, seq, slot) at the hole `i` or above it, moving larger parents down. */
  private siftUp(i: number, key: number, seq: number, slot: number): void {
    const hKey = this.hKey;
    const hSeq = this.hSeq;
    const hSlot = this.hSlot;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = hKey[p]!;
      if (pk < key || (pk === key && hSeq[p]! < seq)) break;
      hKey[i] = pk;
      hSeq[i] = hSeq[p]!;
      hSlot[i] = hSlot[p]!;
      i = p;
    }
    hKey[i] = key;
    hSeq[i] = seq;
    hSlot[i] = slot;
  }

  private appendLane(key: number, seq: number, slot: number): void {
    const j = (this.fHead + this.fLen) % this.capacity;
    this.fKey[j] = key;
    this.fSeq[j] = seq;
    this.fSlot[j] = slot;
    this.fLen++;
  }

  /** True when the next event is the lane's head rather than the heap's top. */
  private laneFirst(): boolean {
    if (this.fLen === 0) return false;
    if (this.heapSize === 0) return true;
    const k = this.fKey[this.fHead]!;
    const h = this.hKey[0]!;
    return k < h || (k === h && this.fSeq[this.fHead]! < this.hSeq[0]!);
  }

  peekKey(): number {
    return this.laneFirst() ? this.fKey[this.fHead]! : this.hKey[0]!;
  }

  /**
   * Removes the minimum and returns its slot. The slot's payload stays readable until the next
   * push; call `release(slot)` once it has been read.
   */
  pop(): number {
    this.size--;
    if (this.laneFirst()) {
      this.poppedSeq = this.fSeq[this.fHead]!;
      const slot = this.fSlot[this.fHead]!;
      this.fHead = (this.fHead + 1) % this.capacity;
      this.fLen--;
      return slot;
    }
    const hKey = this.hKey;
    const hSeq = this.hSeq;
    const hSlot = this.hSlot;
    const top = hSlot[0]!;
    this.poppedSeq = hSeq[0]!;
    const n = --this.heapSize;
    if (n > 0) {
      // Bottom-up (Floyd): the hole at the root goes down to a leaf along the smaller children — one
      // comparison a level instead of two — and the last event climbs back from there. It came from the
      // bottom, so it rarely climbs far: about half the comparisons of the textbook sift-down.
      const key = hKey[n]!;
      const seq = hSeq[n]!;
      const slot = hSlot[n]!;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        const r = c + 1;
        if (r < n && (hKey[r]! < hKey[c]! || (hKey[r] === hKey[c] && hSeq[r]! < hSeq[c]!))) c = r;
        hKey[i] = hKey[c]!;
        hSeq[i] = hSeq[c]!;
        hSlot[i] = hSlot[c]!;
        i = c;
      }
      this.siftUp(i, key, seq, slot);
    }
    return top;
  }

  release(slot: number): void {
    this.payload[slot] = null;
    this.free[this.freeTop++] = slot;
  }

  /** The queued events, in heap order (not sorted): for the in-flight view. */
  snapshot(): QueuedEvent[] {
    const out: QueuedEvent[] = [];
    for (let i = 0; i < this.heapSize + this.fLen; i++) {
      const inHeap = i < this.heapSize;
      const j = inHeap ? i : (this.fHead + i - this.heapSize) % this.capacity;
      const slot = inHeap ? this.hSlot[j]! : this.fSlot[j]!;
      out.push({
        key: inHeap ? this.hKey[j]! : this.fKey[j]!,
        seq: inHeap ? this.hSeq[j]! : this.fSeq[j]!,
        type: this.type[slot]!,
        node: this.node[slot]!,
        from: this.from[slot]!,
        sendTime: this.sendTime[slot]!,
        sendStep: this.sendStep[slot]!,
        payload: this.payload[slot],
      });
    }
    return out;
  }

  clear(): void {
    for (let i = 0; i < this.heapSize; i++) this.release(this.hSlot[i]!);
    for (let i = 0; i < this.fLen; i++) this.release(this.fSlot[(this.fHead + i) % this.capacity]!);
    this.size = 0;
    this.heapSize = 0;
    this.fHead = 0;
    this.fLen = 0;
  }

  restore(events: readonly QueuedEvent[]): void {
    this.clear();
    // in (key, seq) order, so whatever was in the lane goes back to the lane
    const sorted = [...events].sort((a, b) => a.key - b.key || a.seq - b.seq);
    for (const e of sorted)
      this.push(e.key, e.seq, e.type, e.node, e.from, e.sendTime, e.sendStep, e.payload);
  }
}
