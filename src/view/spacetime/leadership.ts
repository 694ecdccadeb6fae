import type { NodeId, TraceEntry } from '../../engine/types';

/**
 * Who believed they led, and when: the leadership timeline's data, read from a recorded run's steps.
 * A node believes it leads while its role is `leader` and it is up (a crashed leader's state still
 * says leader, but it acts no more). Where the module declares a `term` (Raft), a reign is one term:
 * leading a newer term starts a new reign. Times where two or more nodes believe they lead at once
 * are split brain (an old leader cut off in an older term, or a broken algorithm): the timeline draws
 * them in red. Built once per run and extended as the run is computed (`update`), like TraceIndex.
 */

export interface Reign {
  node: NodeId;
  /** The time it became leader. */
  from: number;
  /** The time it stopped believing it leads; null: it still leads at the last step read. */
  to: number | null;
  /** The term it leads (modules that declare `term`), else null. */
  term: number | null;
}

/** A time interval [from, to); `to` null: still going at the last step read. */
export interface Span {
  from: number;
  to: number | null;
}

export class LeadershipIndex {
  readonly reigns: Reign[] = [];
  /** When two or more nodes believed they lead at once, in time order (never of length 0). */
  readonly overlaps: Span[] = [];
  /** Trace entries read so far. */
  indexed = 0;
  /** Per node, the index of its reign in progress. */
  private readonly open = new Map<NodeId, number>();
  private readonly down = new Set<NodeId>();
  private overlapFrom: number | null = null;

  constructor(
    private readonly trace: readonly TraceEntry[],
    private readonly termOf?: (state: unknown) => number,
  ) {}

  /** Reads the steps recorded since the last call; true if a reign or overlap changed. */
  update(): boolean {
    let changed = false;
    for (; this.indexed < this.trace.length; this.indexed++) {
      const e = this.trace[this.indexed]!;
      if (e.kind === 'crash') this.down.add(e.node);
      else if (e.kind === 'recover') this.down.delete(e.node);
      const leads = e.roleAfter === 'leader' && !this.down.has(e.node);
      const term = leads && this.termOf ? this.termOf(e.after) : null;
      const at = this.open.get(e.node);
      const reign = at === undefined ? null : this.reigns[at]!;
      if (reign !== null && (!leads || reign.term !== term)) {
        reign.to = e.time;
        this.open.delete(e.node);
        this.overlap(e.time);
        changed = true;
      }
      if (leads && !this.open.has(e.node)) {
        this.open.set(e.node, this.reigns.length);
        this.reigns.push({ node: e.node, from: e.time, to: null, term });
        this.overlap(e.time);
        changed = true;
      }
    }
    return changed;
  }

  /** The reigns in progress at time t (the end of a reign is not in it). */
  leadersAt(t: number): Reign[] {
    return this.reigns.filter((r) => r.from <= t && (r.to === null || t < r.to));
  }

  /** Opens or closes the split-brain span when the number of believers crosses two. */
  private overlap(time: number): void {
    const many = this.open.size >= 2;
    if (many && this.overlapFrom === null) this.overlapFrom = time;
    else if (!many && this.overlapFrom !== null) {
      // Two reigns that meet within one time unit (one ends as the other begins) are no split brain.
      if (time > this.overlapFrom) this.overlaps.push({ from: this.overlapFrom, to: time });
      this.overlapFrom = null;
    }
  }

  /** The overlaps, the one in progress included (to = null). */
  allOverlaps(): Span[] {
    return this.overlapFrom === null
      ? this.overlaps
      : [...this.overlaps, { from: this.overlapFrom, to: null }];
  }
}
