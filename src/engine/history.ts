/**
 * The node states at every checkpoint, stored as changes: at each checkpoint, only the positions whose
 * state changed since the previous one are appended to their own list (checkpoint number, state).
 * The state at checkpoint c is the last entry numbered ≤ c (binary search), or the initial state.
 *
 * A checkpoint costs O(nodes that changed), not O(n): a step changes one node, so at most
 * min(n, steps between checkpoints) entries. An entry is two references to the state the run made,
 * never a copy. These are the only states a recorded run keeps: a recorded step's states before and
 * after are re-derived from here (recorded.ts).
 */
export class StateHistory<T> {
  private readonly initial: readonly T[];
  /** Per position, created at its first change (a headless run of 20,000 nodes creates none). */
  private readonly cps: (number[] | undefined)[];
  private readonly vals: (T[] | undefined)[];
  /** The states as of the last checkpoint saved or passed: what "changed since" compares against. */
  private readonly last: T[];
  /** Entries held and positions with a list, for the memory figures. */
  private entries = 0;
  private lists = 0;
  /** Entry e (in saving order) is entry logIndex[e] of position logPosition[e]. */
  private readonly logPosition: number[] = [];
  private readonly logIndex: number[] = [];

  /** `initial`: the states before step 1 (what a position with no entry ≤ c holds). */
  constructor(initial: readonly T[]) {
    this.initial = initial.slice();
    this.last = initial.slice();
    this.cps = new Array<number[] | undefined>(initial.length);
    this.vals = new Array<T[] | undefined>(initial.length);
  }

  /** Notes checkpoint `cp` (numbered in order, each once), appending the states changed since. */
  save(cp: number, states: readonly T[]): void {
    const last = this.last;
    for (let i = 0; i < states.length; i++) {
      const s = states[i]!;
      if (s === last[i]) continue;
      const cps = this.cps[i];
      if (cps === undefined) {
        this.cps[i] = [cp];
        this.vals[i] = [s];
        this.lists++;
      } else {
        cps.push(cp);
        this.vals[i]!.push(s);
      }
      this.logPosition.push(i);
      this.logIndex.push(this.vals[i]!.length - 1);
      last[i] = s;
      this.entries++;
    }
  }

  /** The states at checkpoint `cp`, into `out`; later changes are compared against them. */
  restore(cp: number, out: T[]): void {
    const last = this.last;
    for (let i = 0; i < out.length; i++) {
      const s = this.stateAt(cp, i);
      out[i] = s;
      last[i] = s;
    }
  }

  /** Position i's state at checkpoint `cp`: its last entry numbered ≤ cp, or its initial state. */
  stateAt(cp: number, i: number): T {
    const cps = this.cps[i];
    let lo = 0;
    let hi = cps === undefined ? 0 : cps.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cps![mid]! <= cp) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? this.initial[i]! : this.vals[i]![lo - 1]!;
  }

  /** Entries held so far: the recording meter walks those it has not counted yet (eachEntry). */
  get size(): number {
    return this.entries;
  }

  /**
   * Calls `f` with the entries from number `from` on, in the order they were saved: the state saved and
   * the one it replaced at the same position (what the meter counts as new objects).
   */
  eachEntry(from: number, f: (state: T, previous: T) => void): void {
    for (let e = from; e < this.entries; e++) {
      const i = this.logPosition[e]!;
      const at = this.logIndex[e]!;
      const vals = this.vals[i]!;
      f(vals[at]!, at === 0 ? this.initial[i]! : vals[at - 1]!);
    }
  }

  /** Bytes held: two references and two log numbers per entry, two lists per position that has entries. */
  bytes(): number {
    return this.entries * 24 + this.lists * 2 * 48;
  }

  /** A checkpoint passed again while replaying: changes are counted from here. */
  pass(states: readonly T[]): void {
    for (let i = 0; i < states.length; i++) this.last[i] = states[i]!;
  }
}
