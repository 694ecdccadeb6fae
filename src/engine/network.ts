import { lostAt } from './draw';
import type { IdIndex } from './links';
import type { Faults } from './types';

/** Why a message is lost in the network (C17); 0: it is not. */
export const NOT_LOST = 0;
export const LOST_DOWN = 1;
export const LOST_PARTITION = 2;
export const LOST_AT_RANDOM = 3;

interface Interval {
  from: number;
  /** Infinity: never over. */
  to: number;
}

/**
 * The network's faults of one run (C17): links down and partitions during intervals, and loss with
 * probability p. A message's fate is fixed when it is sent, by the time it is sent: a link that comes
 * back later does not bring back a message sent while it was down.
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

  constructor(faults: Faults, position: IdIndex, n: number, seed: number) {
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
    this.active = this.loss > 0 || this.down.size > 0 || this.parts.length > 0;
  }

  /** Why the `sent`-th message (0-based) sent at `time` from position a to b is lost, or NOT_LOST. */
  fate(a: number, b: number, time: number, sent: number): number {
    const why = this.cut(a, b, time);
    if (why !== NOT_LOST) return why;
    return this.loss > 0 && lostAt(this.seed, sent, this.loss) ? LOST_AT_RANDOM : NOT_LOST;
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
