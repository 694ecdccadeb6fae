import { grown } from './grown';
/**
 * The event queue, ordered by (key, seq), in typed arrays: queuing an event allocates nothing
 * (allocation per event is what separates a fast engine from a framework-style one). `seq` is a global
 * counter: no ties.
 *
 * key = 2·time for deliveries, start-ups and crashes, 2·time + 1 for timers, so a timer fires after
 * every delivery of its time unit (a sync round's messages all arrive before a round-end timer).
 *
 * Events of one key are a bucket: a FIFO list threaded through the slots. A run pushes with a growing
 * seq, so a bucket's list is in seq order by appending at its tail, and (key, seq) order is: the
 * bucket of the smallest key, from its head. Only the distinct keys go through a binary heap — a
 * handful at a time (a sync round has one; async LCR with delays up to 10 about twenty), where a heap
 * of every event would be as deep as log₂ of the messages in flight. Push and pop cost O(1) plus
 * O(log keys) when a key appears or empties.
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

/** A new queue's slots: it doubles from here as events pile up. */
export const QUEUE_SLOTS = 1024;

export class EventQueue {
  /** Events in the queue. */
  size = 0;
  /** The seq of the event `pop` returned last (so the event loop need not peek it first). */
  poppedSeq = -1;
  // slot arrays: the event loop reads a popped event's fields from them
  type: Uint8Array;
  node: Int32Array;
  from: Int32Array;
  sendTime: Float64Array;
  sendStep: Int32Array;
  payload: unknown[];
  private key: Float64Array;
  private seq: Float64Array;
  /** The next slot of the same bucket, −1 at its tail. */
  private next: Int32Array;
  private free: Int32Array;
  private freeTop = 0;
  private capacity: number;
  // buckets: head and tail slot of each key's list; ids reused through a free list
  private readonly bucketOf = new Map<number, number>();
  private bHead: Int32Array;
  private bTail: Int32Array;
  private bFree: Int32Array;
  private bFreeTop = 0;
  private bCapacity: number;
  // the distinct keys: a binary min-heap of (key, bucket)
  private kKey: Float64Array;
  private kBucket: Int32Array;
  private kSize = 0;
  /** The bucket a push found last (pushes often repeat a key): −1 when none. */
  private lastKey = NaN;
  private lastBucket = -1;

  constructor(capacity = QUEUE_SLOTS) {
    this.capacity = capacity;
    this.type = new Uint8Array(capacity);
    this.node = new Int32Array(capacity);
    this.from = new Int32Array(capacity);
    this.sendTime = new Float64Array(capacity);
    this.sendStep = new Int32Array(capacity);
    this.payload = new Array<unknown>(capacity).fill(null);
    this.key = new Float64Array(capacity);
    this.seq = new Float64Array(capacity);
    this.next = new Int32Array(capacity);
    this.free = freeList(new Int32Array(0), 0, 0, capacity);
    this.freeTop = capacity;
    const b = 64;
    this.bCapacity = b;
    this.bHead = new Int32Array(b);
    this.bTail = new Int32Array(b);
    this.bFree = freeList(new Int32Array(0), 0, 0, b);
    this.bFreeTop = b;
    this.kKey = new Float64Array(b);
    this.kBucket = new Int32Array(b);
  }

  /** Slots allocated: the most events queued at once so far, rounded up to a power of two. */
  get slots(): number {
    return this.capacity;
  }

  private grow(): void {
    const old = this.capacity;
    const cap = old * 2;
    this.type = grown(this.type, cap);
    this.node = grown(this.node, cap);
    this.from = grown(this.from, cap);
    this.sendTime = grown(this.sendTime, cap);
    this.sendStep = grown(this.sendStep, cap);
    this.payload.length = cap;
    this.payload.fill(null, old);
    this.key = grown(this.key, cap);
    this.seq = grown(this.seq, cap);
    this.next = grown(this.next, cap);
    this.free = freeList(this.free, this.freeTop, old, cap);
    this.freeTop += cap - old;
    this.capacity = cap;
  }

  private growBuckets(): void {
    const old = this.bCapacity;
    const cap = old * 2;
    this.bHead = grown(this.bHead, cap);
    this.bTail = grown(this.bTail, cap);
    this.kKey = grown(this.kKey, cap);
    this.kBucket = grown(this.kBucket, cap);
    this.bFree = freeList(this.bFree, this.bFreeTop, old, cap);
    this.bFreeTop += cap - old;
    this.bCapacity = cap;
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
    this.key[slot] = key;
    this.seq[slot] = seq;
    this.next[slot] = -1;
    this.size++;
    let b = key === this.lastKey ? this.lastBucket : (this.bucketOf.get(key) ?? -1);
    if (b < 0) {
      if (this.bFreeTop === 0) this.growBuckets();
      b = this.bFree[--this.bFreeTop]!;
      this.bHead[b] = slot;
      this.bTail[b] = slot;
      this.bucketOf.set(key, b);
      this.keyUp(this.kSize++, key, b);
    } else {
      const tail = this.bTail[b]!;
      if (this.seq[tail]! < seq) {
        this.next[tail] = slot;
        this.bTail[b] = slot;
      } else this.insert(b, slot, seq);
    }
    this.lastKey = key;
    this.lastBucket = b;
  }

  /**
   * A push with a seq below its bucket's tail: never a run's own push (seq grows with each), only a
   * caller that pushes out of order. It goes in its place, so the order stays (key, seq).
   */
  private insert(b: number, slot: number, seq: number): void {
    let prev = -1;
    let at = this.bHead[b]!;
    while (at >= 0 && this.seq[at]! < seq) {
      prev = at;
      at = this.next[at]!;
    }
    this.next[slot] = at;
    if (prev < 0) this.bHead[b] = slot;
    else this.next[prev] = slot;
    if (at < 0) this.bTail[b] = slot;
  }

  /** Puts (key, bucket) at the hole `i` of the key heap or above it. */
  private keyUp(i: number, key: number, b: number): void {
    const kKey = this.kKey;
    const kBucket = this.kBucket;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (kKey[p]! < key) break;
      kKey[i] = kKey[p]!;
      kBucket[i] = kBucket[p]!;
      i = p;
    }
    kKey[i] = key;
    kBucket[i] = b;
  }

  /** The key of the next event (the queue must not be empty). */
  peekKey(): number {
    return this.kKey[0]!;
  }

  /**
   * Removes the next event in (key, seq) order and returns its slot. The slot's payload stays readable
   * until the next push; call `release(slot)` once it has been read.
   */
  pop(): number {
    this.size--;
    const b = this.kBucket[0]!;
    const slot = this.bHead[b]!;
    this.poppedSeq = this.seq[slot]!;
    const nx = this.next[slot]!;
    if (nx >= 0) {
      this.bHead[b] = nx;
      return slot;
    }
    // The bucket is empty: its key leaves the heap.
    this.bucketOf.delete(this.kKey[0]!);
    this.bFree[this.bFreeTop++] = b;
    if (this.lastBucket === b) {
      this.lastBucket = -1;
      this.lastKey = NaN;
    }
    const n = --this.kSize;
    if (n > 0) {
      const kKey = this.kKey;
      const kBucket = this.kBucket;
      const key = kKey[n]!;
      const last = kBucket[n]!;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && kKey[c + 1]! < kKey[c]!) c++;
        if (key < kKey[c]!) break;
        kKey[i] = kKey[c]!;
        kBucket[i] = kBucket[c]!;
        i = c;
      }
      kKey[i] = key;
      kBucket[i] = last;
    }
    return slot;
  }

  release(slot: number): void {
    this.payload[slot] = null;
    this.free[this.freeTop++] = slot;
  }

  /** The queued events, bucket by bucket (not sorted): for the in-flight view. */
  snapshot(): QueuedEvent[] {
    const out: QueuedEvent[] = [];
    for (let k = 0; k < this.kSize; k++) {
      for (let slot = this.bHead[this.kBucket[k]!]!; slot >= 0; slot = this.next[slot]!) {
        out.push({
          key: this.key[slot]!,
          seq: this.seq[slot]!,
          type: this.type[slot]!,
          node: this.node[slot]!,
          from: this.from[slot]!,
          sendTime: this.sendTime[slot]!,
          sendStep: this.sendStep[slot]!,
          payload: this.payload[slot],
        });
      }
    }
    return out;
  }

  clear(): void {
    for (let k = 0; k < this.kSize; k++) {
      const b = this.kBucket[k]!;
      for (let slot = this.bHead[b]!; slot >= 0; slot = this.next[slot]!) this.release(slot);
      this.bFree[this.bFreeTop++] = b;
    }
    this.bucketOf.clear();
    this.kSize = 0;
    this.size = 0;
    this.lastKey = NaN;
    this.lastBucket = -1;
  }

  restore(events: readonly QueuedEvent[]): void {
    this.clear();
    // in (key, seq) order, so each bucket is built by appending
    const sorted = [...events].sort((a, b) => a.key - b.key || a.seq - b.seq);
    for (const e of sorted)
      this.push(e.key, e.seq, e.type, e.node, e.from, e.sendTime, e.sendStep, e.payload);
  }
}

/**
 * A free list of `cap` ids grown from `old`: the `top` ids still free, then the new ids old … cap − 1
 * with the lowest on top (taken first). From old = 0 it is a fresh list of every id.
 */
function freeList(free: Int32Array, top: number, old: number, cap: number): Int32Array {
  const out = new Int32Array(cap);
  out.set(free.subarray(0, top));
  for (let i = old; i < cap; i++) out[top++] = cap - 1 - (i - old);
  return out;
}
