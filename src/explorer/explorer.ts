import type { NodeId } from '../engine/types';
import { formatSchedule } from '../scenario/schedule';
import { Interner, NotPlainData } from './canonical';
import {
  BARRIER,
  ExploreRefusal,
  Model,
  type ExploreInput,
  type Global,
  type Move,
  type Msg,
} from '../scenario/model';
import { Monitors, type Finding, type ViolationKind } from './monitors';
import { IntVec } from './vec';

/**
 * Breadth-first search over every reachable global state (docs/explorer.md). States are merged by
 * equality of their canonical form; the transitions are kept as a graph (typed arrays) for the
 * counts over it (analysis.ts). A pure class with no clock and no Node API: a Web Worker runs it in
 * slices (`run(k)`) between messages, the CLI in one go, and both stop it through `shouldStop`.
 */

export interface ExploreOptions {
  /** No more distinct states than this are stored; finding one more stops the search. */
  maxStates: number;
  /** Asked before each expansion: true stops the search (a time budget, a Cancel button). */
  shouldStop?: () => boolean;
  /** Called every `progressEvery` expansions. */
  onProgress?: (p: Progress) => void;
  progressEvery?: number;
}

export interface Progress {
  states: number;
  transitions: number;
  /** States whose successors have all been found. */
  expanded: number;
}

export type StopReason = 'max-states' | 'stopped';

/** The first (shortest) state found failing one check. */
export interface FoundViolation extends Finding {
  state: number;
  /** How many states fail this check (each counted once). */
  states: number;
  /** A handler that threw: the step from `state` that did (a channel, or BARRIER). */
  then?: number;
}

const NONE = -1;

/** A number as one UTF-16 unit below 2^15, two above (the first with its top bit set). */
function unit(x: number): string {
  return x < 0x8000 ? String.fromCharCode(x) : String.fromCharCode(0x8000 | (x >>> 15), x & 0x7fff);
}
const EMPTY = unit(0);

export class Explorer {
  readonly model: Model;
  readonly monitors: Monitors;
  private readonly opts: ExploreOptions;
  // Node states are compared with the parent's by identity first (key()), so no identity cache here.
  private readonly nodeStates = new Interner<unknown>(false);
  private readonly messages = new Interner<Msg>();
  /** Message kinds, numbered as met: alg.kinds first, so per-kind figures list in the UI's order. */
  readonly kinds: string[];
  private readonly kindIndex = new Map<string, number>();
  /** Per-kind send vectors of transitions, interned: a transition stores one number. */
  readonly sendVectors: Int32Array[] = [];
  private readonly sendVectorIndex = new Map<string, number>();
  private readonly oneSend = new Map<string, number>();
  private readonly noSends: number;

  private readonly index = new Map<string, number>();
  /** A channel's part of the key, by the (never changed) array that holds its messages. */
  private readonly channelKeys = new WeakMap<readonly Msg[], string>();
  /** Node-state numbers of each state, n per state (what the monitors and leaders read). */
  readonly nodeIds: IntVec;
  /** Full states not yet expanded (cleared once expanded: only the frontier is kept whole). */
  private readonly pending: (Global | undefined)[] = [];
  /** BFS tree: the state each was first reached from, and through which channel (BARRIER: the barrier). */
  readonly parent = new IntVec();
  readonly parentChannel = new IntVec();
  /** Transitions of state i: edges edgeStart[i] … edgeStart[i + 1] − 1 (set as it is expanded). */
  readonly edgeStart = new IntVec();
  readonly edgeFrom = new IntVec(4096);
  readonly edgeTo = new IntVec(4096);
  readonly edgeChannel = new IntVec(4096);
  readonly edgeSent = new IntVec(4096);
  readonly edgeKinds = new IntVec(4096);
  /** 1 for a state with nothing left to happen (a terminal state), once expanded. */
  readonly terminal = new IntVec();
  /** The leader at each terminal state, by terminal state. */
  readonly leaderAt = new Map<number, NodeId | null>();
  readonly violations = new Map<ViolationKind, FoundViolation>();

  /** Messages and send vector of the start-up steps, counted in every schedule. */
  readonly initialSent: number;
  readonly initialKinds: number;
  private expanded = 0;
  private stop: StopReason | null = null;

  constructor(input: ExploreInput, opts: ExploreOptions) {
    this.model = new Model(input);
    this.opts = opts;
    this.kinds = [...input.algorithm.kinds];
    this.kinds.forEach((k, i) => this.kindIndex.set(k, i));
    this.nodeIds = new IntVec(1024 * Math.max(1, this.model.n));
    this.noSends = this.buildSendVector([]);
    this.monitors = new Monitors(this.model, (id) => this.nodeStates.values[id]);
    const start = this.model.initial();
    this.initialSent = start.sent.length;
    this.initialKinds = this.sendVector(start.sent);
    this.add(start.next, NONE, NONE);
  }

  get states(): number {
    return this.parent.length;
  }

  get transitions(): number {
    return this.edgeTo.length;
  }

  get done(): boolean {
    return this.stop !== null || this.expanded === this.states;
  }

  get complete(): boolean {
    return this.stop === null && this.expanded === this.states;
  }

  get stoppedBy(): StopReason | null {
    return this.stop;
  }

  get progress(): Progress {
    return { states: this.states, transitions: this.transitions, expanded: this.expanded };
  }

  /** Expands up to `slice` states; returns true once the search is over (complete or stopped). */
  run(slice = Infinity): boolean {
    const every = this.opts.progressEvery ?? 4096;
    for (let k = 0; k < slice && !this.done; k++) {
      if (this.opts.shouldStop?.()) {
        this.stop = 'stopped';
        break;
      }
      this.expand(this.expanded);
      if (this.stop === null) this.expanded++;
      if (this.opts.onProgress && this.expanded % every === 0) this.opts.onProgress(this.progress);
    }
    return this.done;
  }

  /** The kind counts of a transition's sends, as an interned vector number. */
  private sendVector(sent: readonly Msg[]): number {
    // Most transitions send nothing or one message: those vectors are looked up, not built.
    if (sent.length === 0) return this.noSends;
    if (sent.length === 1) {
      const v = this.oneSend.get(sent[0]!.kind);
      if (v !== undefined) return v;
      const made = this.buildSendVector(sent);
      this.oneSend.set(sent[0]!.kind, made);
      return made;
    }
    return this.buildSendVector(sent);
  }

  private buildSendVector(sent: readonly Msg[]): number {
    const counts = new Array<number>(this.kinds.length).fill(0);
    for (const m of sent) {
      let k = this.kindIndex.get(m.kind);
      if (k === undefined) {
        // A kind the module did not declare still counts (as in a run's messagesByKind).
        k = this.kinds.length;
        this.kinds.push(m.kind);
        this.kindIndex.set(m.kind, k);
        counts.push(0);
      }
      counts[k]!++;
    }
    while (counts.length > 0 && counts[counts.length - 1] === 0) counts.pop();
    const key = counts.join(',');
    let v = this.sendVectorIndex.get(key);
    if (v === undefined) {
      v = this.sendVectors.length;
      this.sendVectors.push(Int32Array.from(counts));
      this.sendVectorIndex.set(key, v);
    }
    return v;
  }

  /**
   * The state's key: each node's state number, then each channel's length and message numbers, as
   * UTF-16 units (one below 2^15, two above: exact for any count of distinct values). A successor
   * shares every node state but the receiver's with its parent (the same object), and every channel
   * it did not touch: those parts are read from the parent's numbers and from a cache per channel.
   */
  private key(g: Global, ids: number[], parent: number): string {
    let k = '';
    const n = g.nodes.length;
    const before = parent === NONE ? null : this.pending[parent]!.nodes;
    for (let i = 0; i < n; i++) {
      const v = g.nodes[i];
      const id =
        before !== null && v === before[i] ? this.nodeIds.get(parent * n + i) : this.nodeStates.id(v);
      ids.push(id);
      k += unit(id);
    }
    for (const q of g.chans) k += this.channelKey(q);
    return k;
  }

  private channelKey(q: readonly Msg[]): string {
    if (q.length === 0) return EMPTY;
    let k = this.channelKeys.get(q);
    if (k === undefined) {
      k = unit(q.length);
      for (const m of q) k += unit(this.messages.id(m));
      this.channelKeys.set(q, k);
    }
    return k;
  }

  /** Adds a state reached from `from` through `channel` (or finds it); -1 when the budget is spent. */
  private add(g: Global, from: number, channel: number): number {
    const ids: number[] = [];
    const k = this.key(g, ids, from);
    const known = this.index.get(k);
    if (known !== undefined) return known;
    if (this.states >= this.opts.maxStates) {
      this.stop = 'max-states';
      return NONE;
    }
    const s = this.parent.push(from);
    this.parentChannel.push(channel);
    this.index.set(k, s);
    for (const id of ids) this.nodeIds.push(id);
    this.pending[s] = g;
    this.terminal.push(0);
    this.record(this.monitors.onState(g, ids), s);
    return s;
  }

  private record(found: Finding[], s: number): void {
    for (const f of found) {
      const v = this.violations.get(f.kind);
      if (v) v.states++;
      else this.violations.set(f.kind, { ...f, state: s, states: 1 });
    }
  }

  private expand(s: number): void {
    const g = this.pending[s]!;
    // States are expanded in the order they were found, so state s's edges start here.
    this.edgeStart.push(this.edgeTo.length);
    let moved = false;
    for (let c = 0; c < g.chans.length; c++) {
      if (g.chans[c]!.length === 0) continue;
      moved = true;
      const move = this.attempt(s, c, () => this.model.deliver(g, c));
      if (move !== null && !this.follow(s, c, move)) return;
    }
    if (!moved) {
      let threw = false;
      const b = this.attempt(
        s,
        BARRIER,
        () => this.model.barrier(g),
        () => (threw = true),
      );
      if (b !== null) {
        if (!this.follow(s, BARRIER, b)) return;
      } else if (!threw) {
        this.terminal.set(s, 1);
        const n = this.model.n;
        const ids = Array.from(this.nodeIds.view().subarray(s * n, s * n + n));
        const { leader } = this.monitors.result(g);
        this.leaderAt.set(s, leader);
        this.record(this.monitors.onTerminal(g, ids, leader), s);
      }
    }
    this.pending[s] = undefined;
  }

  /**
   * Runs one step's handlers. A handler that throws is a bug of the algorithm, not of the explorer:
   * it is reported (the first found is one of the fewest steps deep) and the step leads nowhere.
   * A refusal (a timer, a send off the graph) still stops the whole search.
   */
  private attempt(s: number, channel: number, step: () => Move | null, onThrow?: () => void): Move | null {
    try {
      return step();
    } catch (e) {
      if (e instanceof ExploreRefusal || e instanceof NotPlainData) throw e;
      onThrow?.();
      const what = e instanceof Error ? e.message : String(e);
      const at =
        channel === BARRIER
          ? 'the barrier'
          : `the delivery ${formatSchedule([this.model.delivery(channel)])}`;
      const v = this.violations.get('handler-error');
      if (v) v.states++;
      else
        this.violations.set('handler-error', {
          kind: 'handler-error',
          message: `a handler throws at ${at}: ${what.slice(0, 120)}`,
          state: s,
          states: 1,
          then: channel,
        });
      return null;
    }
  }

  /** Records the transition s → move.next; false when the state budget stopped the search. */
  private follow(s: number, channel: number, move: Move): boolean {
    const t = this.add(move.next, s, channel);
    if (t === NONE) return false;
    this.edgeFrom.push(s);
    this.edgeTo.push(t);
    this.edgeChannel.push(channel);
    this.edgeSent.push(move.sent.length);
    this.edgeKinds.push(this.sendVector(move.sent));
    return true;
  }

  /** The transitions of state s (all of them once s is expanded). */
  edgesOf(s: number): [start: number, end: number] {
    if (s >= this.edgeStart.length) return [0, 0];
    const start = this.edgeStart.get(s);
    const end = s + 1 < this.edgeStart.length ? this.edgeStart.get(s + 1) : this.edgeTo.length;
    return [start, end];
  }

  /** The channels of the BFS-tree path to s (a shortest path), barrier steps included. */
  pathTo(s: number): number[] {
    const out: number[] = [];
    for (let x = s; this.parent.get(x) !== NONE; x = this.parent.get(x)) out.push(this.parentChannel.get(x));
    return out.reverse();
  }

  /** The node state behind an interned number. */
  nodeState(id: number): unknown {
    return this.nodeStates.values[id];
  }
}
