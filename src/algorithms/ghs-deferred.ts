import { PVec } from './pvec';
import type { Deferred } from './ghs-types';

/**
 * What a deferred message's condition reads — the paper's "place received message on end of queue"
 * in procedures (3), (6) and (10). A message is retried only when one of these has changed since it
 * last failed, instead of after every step: a hub with 20,000 waiting connects would otherwise retry
 * (and copy) all of them at each of its 20,000 steps.
 */
export const WAITS_LEVEL = 1; // LN: connect(L) waits while L ≥ LN, test(L) while L > LN
export const WAITS_CORE = 2; // SN and in-branch: report from j waits while j = in-branch and SN = Find
export const WAITS_EDGE = 4; // SE(j): connect from j waits while SE(j) = Basic

const NONE = PVec.empty<number>(-1);

/**
 * A node's queue of deferred messages, persistent: every message keeps its arrival number k (the
 * paper's queue order), and the numbers are parked by what the message waits for. A number may sit in
 * two lists (a connect waits on LN and on its edge) or stay behind after its message was taken out;
 * the reader skips those, so each list is emptied whole when what it waits for changes.
 */
export class DeferredQueue {
  private constructor(
    /** Every message ever deferred here, by arrival number; null once taken out. */
    private readonly items: PVec<Deferred | null>,
    /** Messages still waiting. */
    readonly size: number,
    private readonly onLevel: PVec<number>,
    private readonly onCore: PVec<number>,
    /** By neighbour position: connects from that neighbour. */
    private readonly onEdge: PVec<PVec<number> | null>,
  ) {}

  static empty(degree: number): DeferredQueue {
    return new DeferredQueue(PVec.empty(null), 0, NONE, NONE, PVec.filled(degree, null));
  }

  item(k: number): Deferred | null {
    return this.items.get(k);
  }

  /** Puts a new message at the end of the queue, parked on what it waits for (`edge`: its position). */
  add(d: Deferred, waits: number, edge: number): DeferredQueue {
    const k = this.items.size;
    const q = new DeferredQueue(this.items.push(d), this.size + 1, this.onLevel, this.onCore, this.onEdge);
    return q.park(k, waits, edge);
  }

  /** Parks message k (still in the queue, in its place) until something it reads changes. */
  park(k: number, waits: number, edge: number): DeferredQueue {
    const onLevel = waits & WAITS_LEVEL ? this.onLevel.push(k) : this.onLevel;
    const onCore = waits & WAITS_CORE ? this.onCore.push(k) : this.onCore;
    const onEdge =
      waits & WAITS_EDGE ? this.onEdge.set(edge, (this.onEdge.get(edge) ?? NONE).push(k)) : this.onEdge;
    return new DeferredQueue(this.items, this.size, onLevel, onCore, onEdge);
  }

  /** Takes message k out of the queue. */
  take(k: number): DeferredQueue {
    // The last message out: start afresh. Every number still parked (or due for a retry) is a message
    // taken out already, which readers skip, so dropping them changes nothing, and new arrivals keep
    // their order from 0. Without this, a node's queue kept a slot for every message it ever deferred
    // (on a complete graph of 150, up to 149 per node, in every state a recording keeps).
    if (this.size === 1) return DeferredQueue.empty(this.onEdge.size);
    return new DeferredQueue(this.items.set(k, null), this.size - 1, this.onLevel, this.onCore, this.onEdge);
  }

  /**
   * Hands `out` the number of every message parked on something that changed (LN, the core, or the
   * edges at positions `edges`) and empties those lists. `out` may see a number twice, or one whose
   * message was taken out already.
   */
  release(
    level: boolean,
    core: boolean,
    edges: readonly number[],
    out: { push(k: number): void },
  ): DeferredQueue {
    let { onLevel, onCore, onEdge } = this;
    if (level && onLevel.size > 0) {
      for (let i = 0; i < onLevel.size; i++) out.push(onLevel.get(i));
      onLevel = NONE;
    }
    if (core && onCore.size > 0) {
      for (let i = 0; i < onCore.size; i++) out.push(onCore.get(i));
      onCore = NONE;
    }
    for (const p of edges) {
      const parked = onEdge.get(p);
      if (parked === null) continue;
      for (let i = 0; i < parked.size; i++) out.push(parked.get(i));
      onEdge = onEdge.set(p, null);
    }
    if (onLevel === this.onLevel && onCore === this.onCore && onEdge === this.onEdge) return this;
    return new DeferredQueue(this.items, this.size, onLevel, onCore, onEdge);
  }

  /** The waiting messages, oldest first (inspector, trace export). */
  list(): Deferred[] {
    const out: Deferred[] = [];
    if (this.size) this.items.forEach((d) => d && out.push(d));
    return out;
  }

  toJSON(): Deferred[] {
    return this.list();
  }
}
