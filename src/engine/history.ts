/**
 * The node states at every checkpoint, stored as changes: at each checkpoint, only the positions whose
 * state changed since the previous one are appended to their own list (checkpoint number, state).
 * The state at checkpoint c is the last entry numbered ≤ c (binary search), or the initial state.
 *
 * A checkpoint costs O(nodes that changed), not O(n): a step changes one node, so at most
 * min(n, steps between checkpoints) entries. States are shared with the trace (handlers are pure and
 * return new objects), so an entry is two references, never a copy.
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
      last[i] = s;
      this.entries++;
    }
  }

  /** The states at checkpoint `cp`, into `out`; later changes are compared against them. */
  restore(cp: number, out: T[]): void {
    const last = this.last;
    for (let i = 0; i < out.length; i++) {
      const cps = this.cps[i];
      let lo = 0;
      let hi = cps === undefined ? 0 : cps.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cps![mid]! <= cp) lo = mid + 1;
        else hi = mid;
      }
      const s = lo === 0 ? this.initial[i]! : this.vals[i]![lo - 1]!;
      out[i] = s;
      last[i] = s;
    }
  }

  /** Bytes held: two references per entry, and two lists per position that has entries. */
  bytes(): number {
    return this.entries * 16 + this.lists * 2 * 48;
  }

  /** A checkpoint passed again while replaying: changes are counted from here. */
  pass(states: readonly T[]): void {
    for (let i = 0; i < states.length; i++) this.last[i] = states[i]!;
  }
}
