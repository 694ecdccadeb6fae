import { lostAt } from './draw';
import type { IdIndex, LinkIndex } from './links';
import type { Faults } from './types';

/** Why a message is lost in the network (C17); 0: it is not. */
export const NOT_LOST = 0;
export const LOST_DOWN = 1;
export const LOST_PARTITION = 2;
export const LOST_AT_RANDOM = 3;
export const LOST_BY_NAME = 4;

interface Interval {
  from: number;
  /** Infinity: never over. */
  to: number;
}

/**
 * The network's faults of one run (C17): links down and partitions during intervals, loss with
 * probability p, and chosen messages dropped by name (C25). A message's fate is fixed when it is sent,
 * by the time it is sent: a link that comes back later does not bring back a message sent while it
 * was down.
 */
export class NetworkFaults {
  /** False where the run has none of these faults: the engine then never asks. */
  readonly active: boolean;
  readonly loss: number;
  private readonly seed: number;
  private readonly n: number;
  /** Down intervals by unordered pair of positions (a·n + b, a < b). */
  private readonly down = new Map<number, Interval[]>();
  /** Per partition: which positions are on the cut-off side. */
  private readonly parts: { side: Uint8Array; at: Interval }[];
  /**
   * The drops (C25): per directed link that has one, its slot in `sentOn`, and the numbers k of the
   * messages on it to drop. Only those links are counted, so a run without drops counts nothing.
   */
  private readonly dropSlot = new Map<number, number>();
  private readonly dropK: Set<number>[] = [];
  /** Per slot: messages sent on its link so far (checkpointed: `save`, `restore`). */
  private sentOn: Int32Array;

  constructor(faults: Faults, position: IdIndex, n: number, seed: number, links?: LinkIndex) {
    this.seed = seed;
    this.n = n;
    this.loss = faults.loss ?? 0;
    for (const d of faults.down ?? []) {
      const a = position.get(d.a);
      const b = position.get(d.b);
      const key = Math.min(a, b) * n + Math.max(a, b);
      const list = this.down.get(key) ?? [];
      list.push({ from: d.from, to: d.to ?? Infinity });
      this.down.set(key, list);
    }
    this.parts = (faults.part ?? []).map((p) => {
      const side = new Uint8Array(n);
      for (const id of p.ids) side[position.get(id)] = 1;
      return { side, at: { from: p.from, to: p.to ?? Infinity } };
    });
    for (const d of faults.drop ?? []) {
      const link = links ? links.id(position.get(d.from), position.get(d.to)) : -1;
      if (link < 0) continue; // the scenario's validator refuses a drop on no link
      let slot = this.dropSlot.get(link);
      if (slot === undefined) {
        slot = this.dropK.length;
        this.dropSlot.set(link, slot);
        this.dropK.push(new Set());
      }
      this.dropK[slot]!.add(d.k);
    }
    this.sentOn = new Int32Array(this.dropK.length);
    this.active = this.loss > 0 || this.down.size > 0 || this.parts.length > 0 || this.dropK.length > 0;
  }

  /**
   * Why the `sent`-th message (0-based) sent at `time` from position a to b over `link` is lost, or
   * NOT_LOST. Called once per send, in send order: it counts the sends on a link with drops.
   */
  fate(a: number, b: number, time: number, sent: number, link = -1): number {
    const named = this.dropK.length > 0 && this.named(link);
    const why = this.cut(a, b, time);
    if (why !== NOT_LOST) return why;
    if (named) return LOST_BY_NAME;
    return this.loss > 0 && lostAt(this.seed, sent, this.loss) ? LOST_AT_RANDOM : NOT_LOST;
  }

  /** Counts one more send on `link`; whether the scenario drops it by name (C25). */
  private named(link: number): boolean {
    const slot = link < 0 ? undefined : this.dropSlot.get(link);
    if (slot === undefined) return false;
    const k = ++this.sentOn[slot]!;
    return this.dropK[slot]!.has(k);
  }

  /** The send counts of the links with drops, for a checkpoint (null: nothing to keep). */
  save(): Int32Array | null {
    return this.sentOn.length > 0 ? this.sentOn.slice() : null;
  }

  restore(saved: Int32Array | null): void {
    if (saved) this.sentOn.set(saved);
  }

  /** Whether a link down or a partition separates positions a and b at `time` (no random draw). */
  cut(a: number, b: number, time: number): number {
    const list = this.down.get(Math.min(a, b) * this.n + Math.max(a, b));
    if (list) for (const d of list) if (d.from <= time && time < d.to) return LOST_DOWN;
    for (const p of this.parts)
      if (p.at.from <= time && time < p.at.to && p.side[a] !== p.side[b]) return LOST_PARTITION;
    return NOT_LOST;
  }
}
