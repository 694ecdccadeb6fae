import { buildContexts } from './context';
import { IdIndex, LinkIndex, SendTargets } from './links';
import { TraceHasher } from './hash';
import { canonicalMessage } from './messageText';
import { StateHistory } from './history';
import { fitted } from './grown';
import { EventJournal } from './journal';
import { RecordedTrace, type Derived } from './recorded';
import { Monitors } from './monitors';
import { copyDelay, duplicatedAt } from './draw';
import { LOST_BY_NAME, LOST_DOWN, LOST_PARTITION, NetworkFaults } from './network';
import { DeliveryPlan, type PlanState } from './plan';
import { Prng, type PrngState } from './prng';
import {
  EV_BARRIER,
  EV_CRASH,
  EV_DELIVER,
  EV_INIT,
  EV_LOOK,
  EV_LOSE,
  EV_RECOVER,
  EV_SUSPECT,
  EV_TIMER,
  EventQueue,
  eventKey,
  keyTime,
  QUEUE_SLOTS,
} from './queue';
import type {
  AlgorithmResult,
  AnyAlgorithm,
  Faults,
  Graph,
  InvariantViolation,
  NodeCtx,
  NodeId,
  Reaction,
  Role,
  RunMonitor,
  SentMessage,
  StepKind,
  Timing,
  TraceEntry,
} from './types';

export interface SimulationConfig {
  algorithm: AnyAlgorithm;
  params: unknown;
  graph: Graph;
  timing: Timing;
  seed: number;
  faults: Faults;
  /** Keep a TraceEntry per step (UI, tests). Off for headless speed. Default true. */
  record?: boolean;
  /** Compute the trace hash as the run goes. Default true. */
  hash?: boolean;
  /** Check the invariants after every step (tests and dev builds). Default false. */
  checkInvariants?: boolean;
  /** The run stops after this many steps with `budgetExceeded` set; nothing loops forever. */
  stepBudget?: number;
  /** Steps between checkpoints for stepping back. */
  checkpointEvery?: number;
  /** Watch the run with the monitors (one leader, agreement, termination). Default true. */
  monitor?: boolean;
}

export interface Counters {
  sent: number;
  delivered: number;
  sentByKind: Record<string, number>;
  deliveredByKind: Record<string, number>;
  /** Messages that never arrived: lost in the network or dropped at a crashed receiver (C2, C17). */
  lost: number;
  lostByKind: Record<string, number>;
  /** Second copies the network made (C26): each is delivered or lost besides its original. */
  duplicated: number;
  /** Time (round in sync mode) of the last delivery. */
  lastDeliveryTime: number;
}

export interface InFlightMessage extends SentMessage {
  sendStep: number;
}

/**
 * What a checkpoint keeps besides the journal and the state history: O(1) numbers, the counters by
 * kind and the PRNG (624 words, shared with the previous checkpoint while no delay is drawn). The
 * queue, the node states and the crashed set at the checkpoint are rebuilt from the event journal,
 * the state history and the crash steps; the FIFO horizons from the queue (see `restore`).
 */
interface Checkpoint {
  step: number;
  time: number;
  /** The seq counter: the journal's events below it had been pushed. */
  seq: number;
  /** The oldest event pushed during the run still queued: where the journal's scan starts. */
  lowLive: number;
  prng: PrngState;
  counters: Counters;
  hashA: number;
  hashB: number;
  barrierProductive: boolean;
  faultsLeft: number;
  lookedAt: number;
  plan: PlanState | null;
  /** The send counts of the links with drops (C25); null where the run has none. */
  net: Int32Array | null;
}

/** Where a delivery schedule ran out: its step `step` names a channel with nothing in flight. */
export interface Stall {
  step: number;
  from: NodeId;
  to: NodeId;
}

/** Memory held for stepping back, in bytes (docs/architecture.md, "What a recorded run costs"). */
export interface EngineMemory {
  /** The recorded steps' columns, per-node references and kept states' entries (recorded.ts). */
  trace: number;
  /** The event journal's typed arrays and payload references. */
  journal: number;
  /** Checkpoint records, PRNG copies and the state history's entries. */
  checkpoints: number;
  checkpointCount: number;
}

/** A crash step that has not happened. */
const NEVER = 0x7fffffff;

/**
 * A checkpoint record with its counters by kind, measured (heap delta over many, Node 20 without
 * pointer compression; Chromium's are smaller): the PRNG copy and the state history are counted apart.
 */
const CHECKPOINT_BYTES = 400;
/** A PRNG copy besides its 624 words: the object and the typed array's header. */
const PRNG_COPY_OVERHEAD = 160;

const cloneCounters = (c: Counters): Counters => ({
  sent: c.sent,
  delivered: c.delivered,
  sentByKind: { ...c.sentByKind },
  deliveredByKind: { ...c.deliveredByKind },
  lost: c.lost,
  lostByKind: { ...c.lostByKind },
  duplicated: c.duplicated,
  lastDeliveryTime: c.lastDeliveryTime,
});

/** The default step budget: generous against every algorithm's worst case, finite against bugs. */
export function defaultStepBudget(graph: Graph): number {
  const n = graph.ids.length;
  return 4 * n * n + 64 * graph.edges.length * (1 + Math.ceil(Math.log2(n + 1))) + 100_000;
}

/**
 * A deterministic discrete-event run of one algorithm on one graph. Steps forward one event at a time,
 * seeks to any step (checkpoints + exact replay), and records a TraceEntry per step.
 */
export class Simulation {
  readonly algorithm: AnyAlgorithm;
  readonly params: unknown;
  readonly graph: Graph;
  readonly timing: Timing;
  readonly seed: number;
  readonly faults: Faults;
  readonly ctx: NodeCtx[];
  readonly n: number;
  /**
   * The recorded steps as an array of TraceEntry, read from `recorded`'s columns (recorded.ts): a step
   * costs a few numbers; its text and its node's states are derived again when they are read.
   */
  readonly trace: TraceEntry[];
  /** The same steps as columns: the engine's fast path (length, kinds, sends) and its bytes. */
  readonly recorded: RecordedTrace;
  readonly violations: InvariantViolation[] = [];
  /** The safety and liveness monitors (monitors.ts); null where the config turned them off. */
  readonly monitors: Monitors | null;
  readonly stepBudget: number;
  budgetExceeded = false;
  /** Set when the run stopped because its delivery schedule named an empty channel. */
  stalled: Stall | null = null;
  /** The time a never-terminating protocol runs up to (Algorithm.until); Infinity for the others. */
  readonly until: number;
  /** Set when the run stopped at `until` with events still to come. */
  horizonReached = false;
  /** The algorithm's own figures (Algorithm.monitor, Raft); the safety rules are `monitors`'. */
  private readonly figuresMonitor: RunMonitor | null;

  private readonly record: boolean;
  private readonly hashing: boolean;
  private readonly checking: boolean;
  private readonly checkpointEvery: number;
  private readonly checkpoints: Checkpoint[] = [];
  /** Every event pushed (recording), or those queued before step 1 (headless: for seek(0)). */
  readonly journal: EventJournal;
  private journaling = true;
  /** Events pushed by the constructor (crashes, start-ups, notices): they may wait the whole run. */
  private startSeq = 0;
  private lowLive = 0;
  private readonly history: StateHistory<unknown>;
  /** Per position: the step that crashed it (0 = before the run, NEVER = alive). */
  private readonly crashAt: Int32Array;
  /** Per position: the step that brought it back after its crash (NEVER: none). */
  private readonly recoverAt: Int32Array;
  private readonly net: NetworkFaults;
  /** The probability of a second copy (C26); 0: the engine never asks. */
  private readonly dup: number;
  /** Event seqs of the messages dropped by name (C25): the lost step's note says so. */
  private readonly droppedByName = new Set<number>();
  /**
   * Messages may be lost or a process may come back afresh (C17): an algorithm that assumes reliable
   * channels may then meet a message it has no rule for, which is the run failing, not the program.
   */
  private readonly unreliable: boolean;
  private prngSaved: PrngState | null = null;
  private prngDraws = -1;
  /** Bytes of the PRNG copies the checkpoints hold. */
  private prngBytes = 0;
  /** Messages recorded in the trace's `sends` (the recording's size, with `trace.length`). */
  recordedSends = 0;
  private readonly position: IdIndex;
  private readonly links: LinkIndex;
  private readonly targets: SendTargets;
  /** The delivery schedule being replayed (async runs that carry one), else null. */
  private readonly plan: DeliveryPlan | null;

  private stepIndex = 0;
  private time = 0;
  private seq = 0;
  private states: unknown[];
  private crashed: Uint8Array;
  private queue = new EventQueue();
  private prng: Prng;
  private counters: Counters = {
    sent: 0,
    delivered: 0,
    sentByKind: {},
    deliveredByKind: {},
    lost: 0,
    lostByKind: {},
    duplicated: 0,
    lastDeliveryTime: 0,
  };
  /** Per link: the latest delivery time queued on it (async FIFO horizon; empty in sync). */
  private linkLast: Float64Array;
  /**
   * Per link: the seq of the last message delivered on it (FIFO invariant). Only steps beyond the
   * frontier update it (only they report violations), so it is never checkpointed: replay is exact
   * and reaches the frontier with the same deliveries.
   */
  private linkLastSeq: Int32Array | Float64Array;
  private readonly hasher: TraceHasher;
  /** Set by `seek` while replaying steps already in the trace, so they are not recorded twice. */
  private replaying = false;
  /** The furthest step ever executed: a replayed step reports no violation twice. */
  private frontier = 0;
  /** Whether the last barrier round (if any) made some node act: only then is another one held. */
  private barrierProductive = true;
  /** Crashes and recoveries still queued (see the barrier in stepForward). */
  private faultsLeft = 0;
  /** Messages sent when the failure detector last looked: it looks again only after more were sent. */
  private lookedAt = -1;

  constructor(cfg: SimulationConfig) {
    this.algorithm = cfg.algorithm;
    this.params = cfg.params;
    this.graph = cfg.graph;
    this.timing = cfg.timing;
    this.seed = cfg.seed;
    this.faults = cfg.faults;
    this.n = cfg.graph.ids.length;
    this.record = cfg.record ?? true;
    this.hashing = cfg.hash ?? true;
    this.hasher = new TraceHasher(cfg.algorithm.kinds);
    this.checking = cfg.checkInvariants ?? false;
    this.stepBudget = cfg.stepBudget ?? defaultStepBudget(cfg.graph);
    this.until = cfg.algorithm.until?.(cfg.params, cfg.faults) ?? Infinity;
    this.figuresMonitor = cfg.algorithm.monitor?.(this.n, cfg.params) ?? null;
    // A checkpoint keeps the states changed since the last one: at most n of them, each as large as
    // its node's share of the edges (GHS's edge tables), so n + m bounds what it holds. Spaced 4(n + m)
    // steps apart (256 to 2048), that is ≤ ¼ of a state per step whatever the density: on a complete
    // graph of 150, 2048 instead of 4n = 600. A seek then replays at most 2047 steps (GHS on 150:
    // median 1.5 ms, worst 14 ms in Node).
    this.checkpointEvery =
      cfg.checkpointEvery ?? Math.max(256, Math.min(2048, 4 * (this.n + cfg.graph.edges.length)));
    this.journal = new EventJournal(this.n);
    this.ctx = buildContexts(cfg.graph, cfg.timing, cfg.faults, this.record, cfg.seed);
    this.position = new IdIndex(cfg.graph.ids);
    this.links = new LinkIndex(cfg.graph);
    this.targets = new SendTargets(this.n, this.position, this.links);
    // Only async delays can overtake (a sync message arrives next round): 8 B per link spared in sync
    // (Bully on a complete graph of 200: 39,800 links).
    this.linkLast = new Float64Array(cfg.timing.mode === 'async' ? this.links.count : 0);
    // Seqs fit 32 bits in any run that ends (fitted widens the table otherwise): 4 B per link.
    this.linkLastSeq = new Int32Array(this.checking ? this.links.count : 0).fill(-1);
    const schedule = cfg.timing.schedule;
    this.plan =
      cfg.timing.mode === 'async' && schedule && schedule.length > 0
        ? new DeliveryPlan(schedule, this.position, this.links)
        : null;
    this.prng = new Prng(cfg.seed);
    this.states = new Array<unknown>(this.n).fill(null);
    this.recorded = new RecordedTrace({
      journal: this.journal,
      ids: cfg.graph.ids,
      timerLabel: (t) => this.timerLabel(t),
      detectorLabel: (p) => this.algorithm.failureDetector!.label(p as NodeId | null),
      derive: (kind, node, event, before) => this.derive(kind, node, event, before),
      checkpointState: (steps, node) => {
        const cp = Math.floor(steps / this.checkpointEvery);
        return { step: cp * this.checkpointEvery, state: this.history.stateAt(cp, node) };
      },
    });
    this.trace = this.recorded.entries;
    this.history = new StateHistory(this.states);
    this.crashed = new Uint8Array(this.n);
    this.crashAt = new Int32Array(this.n).fill(NEVER);
    this.recoverAt = new Int32Array(this.n).fill(NEVER);
    this.net = new NetworkFaults(cfg.faults, this.position, this.n, cfg.seed, this.links);
    this.dup = cfg.faults.dup ?? 0;
    // A duplicate is a message a handler may have no rule for, as a loss is (tryMessage).
    this.unreliable = this.net.active || this.dup > 0 || (cfg.faults.recover?.length ?? 0) > 0;
    this.monitors = (cfg.monitor ?? true) ? new Monitors(cfg.algorithm, cfg.params, cfg.graph.ids) : null;

    for (const id of cfg.faults.crashed) {
      this.crashed[this.position.get(id)] = 1;
      this.crashAt[this.position.get(id)] = 0;
    }
    for (const f of cfg.faults.crashes) {
      this.push(eventKey(f.at, false), EV_CRASH, this.position.get(f.id), -1, 0, 0, null);
      this.faultsLeft++;
    }
    for (const f of cfg.faults.recover ?? []) {
      this.push(eventKey(f.at, false), EV_RECOVER, this.position.get(f.id), -1, 0, 0, null);
      this.faultsLeft++;
    }
    for (let i = 0; i < this.n; i++) {
      if (!this.crashed[i]) this.push(eventKey(0, false), EV_INIT, i, -1, 0, 0, null);
    }
    this.queueNotices(cfg.faults);
    this.startSeq = this.seq;
    this.lowLive = this.seq;
    this.saveCheckpoint();
    // A headless run keeps only checkpoint 0: the journal then holds just the events queued before it.
    this.journaling = this.record;
  }

  /** Queues an event (and journals it while recording); returns its seq. */
  private push(
    key: number,
    type: number,
    node: number,
    from: number,
    sendTime: number,
    sendStep: number,
    payload: unknown,
  ): number {
    const seq = this.seq++;
    this.queue.push(key, seq, type, node, from, sendTime, sendStep, payload);
    if (this.journaling) this.journal.push(key, seq, type, node, from, sendTime, sendStep, payload);
    return seq;
  }

  /**
   * The failure detector's notices (Algorithm.failureDetector): one per crash during the run, at
   * crash time + delay, keyed like a timer. Queued now, so at equal times a notice comes before every
   * timer set during the run; notices of the same time go by crash time, then id.
   */
  private queueNotices(faults: Faults): void {
    const fd = this.algorithm.failureDetector;
    if (!fd || faults.crashes.length === 0) return;
    const delay = fd.delay(this.timing, this.params);
    const crashes = [...faults.crashes].sort((x, y) => x.at - y.at || x.id - y.id);
    for (const c of crashes) {
      const at = c.at + delay;
      this.push(eventKey(at, true), EV_SUSPECT, this.position.get(c.id), -1, at, 0, c.id);
    }
  }

  /** The process that notices a crash now, by the failure detector's rule; -1: nobody is alive. */
  private observer(): number {
    const alive: NodeId[] = [];
    for (let i = 0; i < this.n; i++) if (!this.crashed[i]) alive.push(this.graph.ids[i]!);
    alive.sort((x, y) => x - y);
    const id = this.algorithm.failureDetector!.observer(alive, this.params);
    return id === null ? -1 : this.position.get(id);
  }

  /** Number of steps executed so far (the cursor). */
  get step(): number {
    return this.stepIndex;
  }

  get now(): number {
    return this.time;
  }

  /** True when no event is left (the run has terminated) or the step budget stopped it. */
  get done(): boolean {
    return this.terminated || this.budgetExceeded || this.stalled !== null || this.horizonReached;
  }

  get terminated(): boolean {
    return (
      this.queue.size === 0 &&
      !(this.algorithm.onBarrier && this.barrierProductive) &&
      !(this.algorithm.failureDetector?.leaderOf && this.lookedAt !== this.counters.sent)
    );
  }

  /**
   * The failure detector's last look (FailureDetector.leaderOf), once the run has gone quiet: every
   * live node whose leader has crashed or never came notices it `delay` later. Held again only after
   * messages were sent since the previous look, so a run that has settled is over.
   */
  private holdLook(): boolean {
    const fd = this.algorithm.failureDetector;
    if (!fd?.leaderOf || this.lookedAt === this.counters.sent) return false;
    this.lookedAt = this.counters.sent;
    const at = this.time + fd.delay(this.timing, this.params);
    for (let i = 0; i < this.n; i++) {
      if (this.crashed[i] || this.states[i] === null) continue;
      const leader = fd.leaderOf(this.states[i]);
      if (leader !== null && !this.isCrashed(leader)) continue;
      this.push(eventKey(at, true), EV_LOOK, i, -1, this.time, this.stepIndex, leader);
    }
    return this.queue.size > 0;
  }

  /** Queues a barrier step for every live node once the run has gone quiet (see Algorithm.onBarrier). */
  private holdBarrier(): boolean {
    if (!this.algorithm.onBarrier || !this.barrierProductive) return false;
    this.barrierProductive = false;
    for (let i = 0; i < this.n; i++) {
      if (!this.crashed[i])
        this.push(eventKey(this.time, true), EV_BARRIER, i, -1, this.time, this.stepIndex, null);
    }
    return this.queue.size > 0;
  }

  /** Total steps of the run, once it has been run to the end; otherwise the steps known so far. */
  get knownSteps(): number {
    return Math.max(this.recorded.length, this.stepIndex);
  }

  nodeStates(): readonly unknown[] {
    return this.states;
  }

  isCrashed(id: NodeId): boolean {
    return this.crashed[this.position.get(id)] === 1;
  }

  positionOf(id: NodeId): number {
    return this.position.get(id);
  }

  roleOf(i: number): Role {
    if (this.crashed[i]) return 'crashed';
    const s = this.states[i];
    return s === null ? 'idle' : this.algorithm.role(s);
  }

  getCounters(): Counters {
    return cloneCounters(this.counters);
  }

  /** `rounds` in sync mode, `time` in async mode: when the last message arrived. */
  get lastDeliveryTime(): number {
    return this.counters.lastDeliveryTime;
  }

  result(): AlgorithmResult {
    if (this.algorithm.result) {
      const states = this.states.map((s, i) => (s === null || this.crashed[i] ? null : s));
      return this.algorithm.result(states, this.graph.ids, this.graph, this.params);
    }
    for (let i = 0; i < this.n; i++) if (this.roleOf(i) === 'leader') return { leader: this.graph.ids[i]! };
    return { leader: null };
  }

  /**
   * The algorithm monitor's figures (RunMonitor.figures) for the run so far: up to `until` once the
   * run has reached it, or has nothing left to do before it. Empty without a monitor.
   */
  figures(): Record<string, number> {
    const over = this.horizonReached || (this.terminated && this.until !== Infinity);
    return this.figuresMonitor?.figures(over ? this.until : this.time) ?? {};
  }

  /**
   * What the algorithm monitor's own safety rule found so far (RunMonitor.violations: a lease's split
   * brain), each at the step where it began. Empty without one.
   */
  runViolations(): InvariantViolation[] {
    const over = this.horizonReached || (this.terminated && this.until !== Infinity);
    return this.figuresMonitor?.violations?.(over ? this.until : this.time) ?? [];
  }

  /** The candidates: every node but the service nodes (Graph.services). */
  get candidates(): number {
    return this.n - (this.graph.services?.length ?? 0);
  }

  /** A stable identifier of the run so far (hash.ts: numbers of every step, version HASH_VERSION). */
  traceHash(): string {
    return this.hasher.hex();
  }

  /** Messages sent and not yet delivered (or dropped) at the cursor. */
  inFlight(): InFlightMessage[] {
    const out: InFlightMessage[] = [];
    for (const e of this.queue.snapshot()) {
      if (e.type !== EV_DELIVER && e.type !== EV_LOSE) continue;
      out.push({
        ...(e.type === EV_LOSE ? { lost: true as const } : {}),
        seq: e.seq,
        from: this.graph.ids[e.from]!,
        to: this.graph.ids[e.node]!,
        msg: e.payload as { kind: string },
        sendTime: e.sendTime,
        deliverAt: keyTime(e.key),
        sendStep: e.sendStep,
      });
    }
    return out.sort((x, y) => x.seq - y.seq);
  }

  /** Runs one event. Returns false when there is nothing left to do. */
  stepForward(): boolean {
    const q = this.queue;
    let key: number;
    let seq: number;
    let type: number;
    let node: number;
    let from: number;
    let payload: unknown;
    let barrier: Reaction<unknown, { kind: string }, unknown> | null = null;
    for (;;) {
      if (this.stalled) return false;
      // Crashes and recoveries still to come are not activity: the barrier is offered once only they
      // are left, at the current time, before them. A fault added live (src/scenario/live.ts) must not
      // move a barrier already taken.
      if (q.size > 0 && q.size === this.faultsLeft) this.holdBarrier();
      if (q.size === 0 && !this.holdLook() && !this.holdBarrier()) {
        if (this.plan) this.checkPlan(Infinity);
        if (!this.stalled) this.finishMonitors();
        // The run is over and its queue empty, but the queue's arrays stay as large as its busiest
        // moment (Bully on a complete graph of 200: 32,768 slots, ~40 B per recorded step): a recording
        // stays on screen for the rest of the lecture, so give them back. A seek makes a new one grow.
        if (q.slots > QUEUE_SLOTS) this.queue = new EventQueue();
        return false;
      }
      const nextKey = q.peekKey();
      if (this.plan && this.checkPlan(nextKey)) return false;
      if (this.until !== Infinity && keyTime(nextKey) > this.until) {
        this.horizonReached = true;
        return false;
      }
      if (this.stepIndex >= this.stepBudget) {
        this.budgetExceeded = true;
        this.finishMonitors();
        return false;
      }
      key = nextKey;
      const slot = q.pop();
      seq = q.poppedSeq;
      type = q.type[slot]!;
      node = q.node[slot]!;
      from = q.from[slot]!;
      payload = q.payload[slot];
      const sendStep = q.sendStep[slot]!;
      q.release(slot);
      this.journal.popped(seq, this.stepIndex + 1);
      if (type === EV_CRASH || type === EV_RECOVER) this.faultsLeft--;
      if (type === EV_SUSPECT) {
        // The crashed node is in `payload`; the step is the observer's, chosen among the living now.
        node = this.observer();
        if (node < 0) continue;
        break;
      }
      if (type === EV_RECOVER) {
        if (this.crashed[node]) break;
        continue;
      }
      // A crashed node neither wakes nor hears its timers; a second crash is no news.
      if (this.crashed[node] && type !== EV_DELIVER && type !== EV_LOSE) continue;
      // A recovered process does not hear the timers it set before its crash: they died with it.
      if (type === EV_TIMER && this.crashAt[node]! <= this.stepIndex && sendStep <= this.crashAt[node]!)
        continue;
      // A timer the node has reset since is no step (Algorithm.timerCancelled).
      if (type === EV_TIMER && this.algorithm.timerCancelled?.(this.states[node], payload)) continue;
      if (type !== EV_BARRIER) break;
      // A barrier call that finds nothing to do is not a step.
      barrier = this.algorithm.onBarrier!(this.states[node], this.ctx[node]!, this.params);
      if (barrier !== null) {
        this.barrierProductive = true;
        break;
      }
    }
    this.time = keyTime(key);
    this.stepIndex++;
    const alg = this.algorithm;
    const ctx = this.ctx[node]!;
    const before = this.states[node];
    let r: Reaction<unknown, { kind: string }, unknown> | null = null;
    let kind: StepKind;
    if (type === EV_DELIVER || type === EV_LOSE) {
      const msg = payload as { kind: string };
      if (this.checking && this.stepIndex > this.frontier) this.checkFifo(from, node, seq);
      if (this.plan) this.plan.delivered(this.time);
      if (type === EV_LOSE || this.crashed[node]) {
        kind = 'drop';
        const c = this.counters;
        c.lost++;
        c.lostByKind[msg.kind] = (c.lostByKind[msg.kind] ?? 0) + 1;
      } else {
        kind = 'deliver';
        const c = this.counters;
        c.delivered++;
        c.deliveredByKind[msg.kind] = (c.deliveredByKind[msg.kind] ?? 0) + 1;
        c.lastDeliveryTime = this.time;
        r = this.unreliable
          ? this.tryMessage(node, from, msg)
          : alg.onMessage(before, this.graph.ids[from]!, msg, ctx, this.params);
      }
    } else if (type === EV_INIT) {
      kind = 'init';
      r = alg.init(ctx, this.params);
    } else if (type === EV_RECOVER) {
      kind = 'recover';
      // Keeps nothing unless the algorithm names what is stable (a process down from the start had nothing).
      r = alg.recover && before !== null ? alg.recover(before, ctx, this.params) : alg.init(ctx, this.params);
    } else if (type === EV_BARRIER) {
      kind = 'barrier';
      r = barrier;
    } else if (type === EV_TIMER) {
      kind = 'timer';
      r = alg.onTimer ? alg.onTimer(before, payload, ctx, this.params) : null;
    } else if (type === EV_SUSPECT || type === EV_LOOK) {
      // Shown as a timer of the observer: its failure detector is a local timeout that fires.
      kind = 'timer';
      r = alg.onSuspect ? alg.onSuspect(before, payload as NodeId | null, ctx, this.params) : null;
    } else {
      kind = 'crash';
    }

    if (this.hashing) this.hashHead(kind, node, from, seq, payload);
    const roles = this.record || this.checking || this.monitors !== null;
    const roleBefore: Role = roles ? this.roleOf(node) : 'idle';
    // The step's sends and timers are the events it pushes, journaled with its step number
    // (recorded.ts reads them back).
    const sentBefore = this.counters.sent + this.counters.duplicated;
    if (r !== null) {
      this.states[node] = r.state;
      if (r.send) this.performSends(node, r.send);
      if (r.timers) {
        for (const t of r.timers)
          this.push(
            eventKey(this.time + t.after, true),
            EV_TIMER,
            node,
            node,
            this.time,
            this.stepIndex,
            t.timer,
          );
      }
    }
    if (kind === 'crash') {
      this.crashed[node] = 1;
      this.crashAt[node] = this.stepIndex;
    } else if (kind === 'recover') {
      this.crashed[node] = 0;
      this.recoverAt[node] = this.stepIndex;
    }

    const roleAfter: Role = roles ? this.roleOf(node) : 'idle';
    // Like the FIFO check, the monitors follow the frontier only (see linkLastSeq).
    if (this.stepIndex > this.frontier) {
      // A node crashed before it started has no state to watch.
      if (this.figuresMonitor && this.states[node] !== null)
        this.figuresMonitor.step(
          this.time,
          this.graph.ids[node]!,
          this.states[node],
          !this.crashed[node],
          this.stepIndex,
        );
      this.monitors?.step(this.stepIndex, node, roleBefore, roleAfter, this.states[node]);
    }
    if (this.record && !this.replaying && this.stepIndex > this.recorded.length) {
      this.recorded.push(kind, node, seq, this.states[node], roleBefore, roleAfter);
      this.recordedSends += this.counters.sent + this.counters.duplicated - sentBefore;
    }
    if (this.stepIndex > this.frontier) this.frontier = this.stepIndex;
    if (this.record && this.stepIndex % this.checkpointEvery === 0) this.saveCheckpoint();
    // A caller that stops at `done` never makes the call that finds nothing left: look now.
    if (q.size === 0 && this.monitors && this.terminated) this.finishMonitors();
    return true;
  }

  private performSends(
    node: number,
    send: Reaction<unknown, { kind: string }, unknown>['send'] & object,
  ): void {
    // Nothing is kept per send: the hash reads the numbers as they go by, and a recorded run's trace
    // reads its sends back from the journal (recorded.ts).
    const h = this.hashing ? this.hasher : null;
    const c = this.counters;
    const sync = this.timing.mode === 'sync';
    const fromId = this.graph.ids[node]!;
    for (let k = 0; k < send.length; k++) {
      const s = send[k]!;
      const to = this.targets.resolve(node, s.to);
      const link = this.targets.link;
      if (to < 0) {
        this.report(`${fromId} sent ${s.msg.kind} to unknown node ${s.to}`);
        continue;
      }
      // The context's weights have one key per out-neighbour: no second per-node set (on a complete
      // graph that set cost 25–34 B per recorded step).
      if (this.checking && !this.ctx[node]!.weights.has(s.to)) {
        this.report(`${fromId} sent ${s.msg.kind} to ${s.to}, which is not a neighbour`);
      }
      c.sent++;
      c.sentByKind[s.msg.kind] = (c.sentByKind[s.msg.kind] ?? 0) + 1;
      let deliverAt: number;
      if (sync) {
        deliverAt = this.time + 1;
      } else if (this.plan) {
        // A replayed schedule fixes the time; the seed's delays are not drawn.
        deliverAt = this.plan.deliverAt(link, this.time);
      } else {
        deliverAt = this.time + this.prng.int(1, this.timing.maxDelay);
        if (link >= 0) {
          // FIFO: never overtake an earlier message on the same channel; seq breaks the tie.
          const last = this.linkLast[link]!;
          if (last > deliverAt) deliverAt = last;
          this.linkLast[link] = deliverAt;
        }
      }
      // The network decides a message's fate when it is sent (C17); it still travels until deliverAt.
      // The draw reads the send counter, not the event seq: a crash or recovery added to the scenario
      // (the live controls) queues one more event at the start, and must not move the draws before it.
      // Drops by name (C25) count the sends per channel: the fate reads the link.
      const fate = this.net.active ? this.net.fate(node, to, this.time, c.sent - 1, link) : 0;
      const lost = fate !== 0;
      const seq = this.push(
        eventKey(deliverAt, false),
        lost ? EV_LOSE : EV_DELIVER,
        to,
        node,
        this.time,
        this.stepIndex,
        s.msg,
      );
      if (fate === LOST_BY_NAME && this.record) this.droppedByName.add(seq);
      if (h) h.send(s.to, deliverAt, s.msg);
      // A message may arrive twice (C26). One the network loses (a link down, a partition, by chance)
      // is lost with its copy; a drop by name (C25) takes that one message only, so adding it live
      // leaves the copy, and every step before the cursor, as they were.
      if (
        this.dup > 0 &&
        (fate === 0 || fate === LOST_BY_NAME) &&
        duplicatedAt(this.seed, c.sent - 1, this.dup)
      )
        this.sendCopy(node, to, link, s.msg, deliverAt, c.sent - 1);
    }
  }

  /**
   * The network's second copy of a message that arrives at `original` (C26): on the same channel, after
   * it and FIFO kept. Sync: in the same round, right after the original (the next seq). A schedule:
   * the channel's next scheduled step, as for any message on it. Async: `copyDelay` after the
   * original or the channel's last queued delivery, whichever is later, and later sends wait for it.
   */
  private sendCopy(
    node: number,
    to: number,
    link: number,
    msg: { kind: string },
    original: number,
    sent: number,
  ): void {
    let deliverAt = original;
    if (this.timing.mode === 'async') {
      if (this.plan) deliverAt = this.plan.deliverAt(link, this.time);
      else {
        const last = link >= 0 ? this.linkLast[link]! : original;
        deliverAt = Math.max(original, last) + copyDelay(this.seed, sent, this.timing.maxDelay);
        if (link >= 0) this.linkLast[link] = deliverAt;
      }
    }
    this.counters.duplicated++;
    const seq = this.push(eventKey(deliverAt, false), EV_DELIVER, to, node, this.time, this.stepIndex, msg);
    if (this.record) this.recorded.markCopy(seq);
    const toId = this.graph.ids[to]!;
    if (this.hashing) this.hasher.send(toId, deliverAt, msg);
  }

  /**
   * Opens the step in the trace hash (hash.ts): its kind, time and node; a delivery or drop names its
   * sender and its message's seq (the message's fields went into the hash when it was sent).
   */
  private hashHead(kind: StepKind, node: number, from: number, seq: number, payload: unknown): void {
    const h = this.hasher;
    h.step(kind, this.time, this.graph.ids[node]!);
    if (kind === 'deliver' || kind === 'drop') {
      h.num(this.graph.ids[from]!);
      h.num(seq);
    } else if (kind === 'timer') {
      // A timer's payload is plain data (a failure detector's notice: the crashed id, or null).
      h.value(payload);
    }
  }

  /** Stops the run if the schedule's next step is due and its channel is empty. */
  private checkPlan(nextKey: number): boolean {
    const k = this.plan!.missing(nextKey);
    if (k === 0) return false;
    const d = this.plan!.schedule[k - 1]!;
    this.stalled = { step: k, from: d.from, to: d.to };
    return true;
  }

  private report(message: string): void {
    if (this.stepIndex > this.frontier) this.violations.push({ step: this.stepIndex, message });
  }

  private checkFifo(from: number, to: number, seq: number): void {
    const link = this.links.id(from, to);
    if (link < 0) return;
    const last = this.linkLastSeq[link]!;
    if (last > seq) {
      this.report(`FIFO broken on ${this.graph.ids[from]}→${this.graph.ids[to]}`);
    }
    this.linkLastSeq = fitted(this.linkLastSeq, seq);
    this.linkLastSeq[link] = seq;
  }

  private defaultNote(kind: StepKind, node: number, from: number, payload: unknown): string {
    const id = this.graph.ids[node];
    switch (kind) {
      case 'drop':
        return `${canonicalMessage(payload as { kind: string })} from ${this.graph.ids[from]} is lost: ${id} has crashed`;
      case 'crash':
        return `${id} crashes`;
      case 'recover':
        return this.algorithm.recover
          ? `${id} recovers with its stable state`
          : `${id} recovers with nothing kept and starts afresh`;
      case 'init':
        return `${id} wakes up`;
      case 'timer':
        return `${id}: timer ${payload === null || typeof payload === 'number' ? this.algorithm.failureDetector!.label(payload) : this.timerLabel(payload)} fires`;
      case 'barrier':
        return `${id} passes the global barrier`;
      default:
        return `${id} receives ${canonicalMessage(payload as { kind: string })}`;
    }
  }

  /**
   * A delivery in a run with C17 faults: a handler that refuses the message (it throws, as Peterson
   * does on a message its phase cannot receive) leaves the process as it was, and the refusal is a
   * violation at this step — the algorithm's assumption of reliable channels broke.
   */
  private tryMessage(
    node: number,
    from: number,
    msg: { kind: string },
  ): Reaction<unknown, { kind: string }, unknown> | null {
    try {
      return this.algorithm.onMessage(
        this.states[node],
        this.graph.ids[from]!,
        msg,
        this.ctx[node]!,
        this.params,
      );
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      if (this.monitors && this.stepIndex > this.frontier)
        this.monitors.violations.push({
          step: this.stepIndex,
          message: `${this.graph.ids[node]} cannot handle ${canonicalMessage(msg)} (${why}): the algorithm assumes reliable channels`,
        });
      return null;
    }
  }

  /**
   * A recorded step's pseudo-code lines, note and state after (recorded.ts), from the algorithm's
   * handler called again on the state before the step: handlers are pure, so it reacts as it did when
   * the step ran, and the state after is what stepForward set. The note is written as stepForward
   * would have written it.
   */
  private derive(kind: StepKind, node: number, event: number, before: unknown): Derived {
    const j = this.journal;
    const type = j.typeOf(event);
    const from = j.fromOf(event);
    const payload = j.payloadOf(event);
    if (type === EV_LOSE)
      return {
        lines: [],
        note: this.lossNote(node, from, payload, j.sendTimeOf(event), event),
        after: before,
      };
    const alg = this.algorithm;
    const ctx = this.ctx[node]!;
    const p = this.params;
    let r: Reaction<unknown, { kind: string }, unknown> | null = null;
    if (kind === 'deliver') {
      try {
        r = alg.onMessage(before, this.graph.ids[from]!, payload as { kind: string }, ctx, p);
      } catch (e) {
        // The run met this refusal too (tryMessage): the step changed nothing and has no lines.
        if (!this.unreliable) throw e;
      }
    } else if (kind === 'init') r = alg.init(ctx, p);
    else if (kind === 'recover')
      r = alg.recover && before !== null ? alg.recover(before, ctx, p) : alg.init(ctx, p);
    else if (kind === 'barrier') r = alg.onBarrier!(before, ctx, p);
    else if (kind === 'timer' && type === EV_TIMER)
      r = alg.onTimer ? alg.onTimer(before, payload, ctx, p) : null;
    else if (kind === 'timer')
      r = alg.onSuspect ? alg.onSuspect(before, payload as NodeId | null, ctx, p) : null;
    const note =
      kind === 'recover' && r?.note
        ? `${this.defaultNote(kind, node, from, payload)}: ${r.note}`
        : r?.note || this.defaultNote(kind, node, from, payload);
    return { lines: r?.lines ?? [], note, after: r === null ? before : r.state };
  }

  /** Why the network lost this message (C17), in one sentence. */
  private lossNote(node: number, from: number, payload: unknown, sendTime: number, seq: number): string {
    const a = this.graph.ids[from]!;
    const b = this.graph.ids[node]!;
    const what = `${canonicalMessage(payload as { kind: string })} from ${a} to ${b} is lost`;
    const why = this.net.cut(from, node, sendTime);
    if (why === 0 && this.droppedByName.has(seq))
      return `${what}: the scenario drops it by name (drop ${a}-${b}#${this.nameOf(from, node, seq)})`;
    if (why === LOST_DOWN) return `${what}: the link ${a}–${b} was down when it was sent (t = ${sendTime})`;
    if (why === LOST_PARTITION) return `${what}: a partition separated ${a} and ${b} when it was sent`;
    return `${what} (each message is lost with probability ${this.net.loss})`;
  }

  /**
   * The number k of the message with event seq `seq` on its channel (C25), from the recorded trace:
   * the sends from→to up to it, copies aside. Only a lost step's note asks, once per drop.
   */
  private nameOf(from: number, to: number, seq: number): number {
    const a = this.graph.ids[from]!;
    const b = this.graph.ids[to]!;
    let k = 0;
    for (let i = 0; i < this.recorded.length; i++)
      for (const m of this.recorded.sendsAt(i)) {
        if (m.from !== a || m.to !== b || m.copy) continue;
        k++;
        if (m.seq === seq) return k;
      }
    return k;
  }

  /** Runs the end-of-run monitors once, when the run reaches its end at the frontier. */
  private finishMonitors(): void {
    if (!this.monitors || this.stepIndex < this.frontier || this.replaying) return;
    this.monitors.finish({
      step: this.stepIndex,
      budgetExceeded: this.budgetExceeded,
      stepBudget: this.stepBudget,
      leader: this.result().leader,
      ids: this.graph.ids,
      states: this.states,
      crashed: (i) => this.crashed[i] === 1,
    });
  }

  private timerLabel(timer: unknown): string {
    const alg = this.algorithm;
    return alg.timerLabel ? alg.timerLabel(timer) : (timer as { kind: string }).kind;
  }

  /** Runs until no event is left or the step budget is spent. */
  runToEnd(): this {
    while (this.stepForward()) {
      /* each call runs one event */
    }
    return this;
  }

  /** Moves the cursor to step k (0 ≤ k), replaying from the nearest checkpoint when going back. */
  seek(k: number): void {
    const target = Math.max(0, Math.floor(k));
    let idx = Math.floor(target / this.checkpointEvery);
    while (!this.checkpoints[idx]) idx--; // a headless run keeps only step 0
    const cp = this.checkpoints[idx]!;
    // Back, or forward past a checkpoint: start from the nearest checkpoint, not from the cursor.
    if (target < this.stepIndex || cp.step > this.stepIndex) this.restore(cp);
    this.replaying = true;
    try {
      while (this.stepIndex < target && this.stepIndex < this.recorded.length && this.stepForward()) {
        /* replay */
      }
    } finally {
      this.replaying = false;
    }
    while (this.stepIndex < target && this.stepForward()) {
      /* new steps */
    }
  }

  stepBack(): void {
    if (this.stepIndex > 0) this.seek(this.stepIndex - 1);
  }

  private saveCheckpoint(): void {
    const idx = this.stepIndex / this.checkpointEvery;
    this.lowLive = this.journal.firstLive(this.lowLive, this.seq, this.stepIndex);
    if (this.checkpoints[idx]) {
      this.history.pass(this.states);
      return;
    }
    this.history.save(idx, this.states);
    // No delay drawn since the previous checkpoint (every sync run): share its PRNG copy.
    const draws = this.prng.draws;
    if (this.prngSaved === null || draws !== this.prngDraws) {
      this.prngSaved = this.prng.save();
      this.prngDraws = draws;
      this.prngBytes += this.prngSaved.mt.byteLength + PRNG_COPY_OVERHEAD;
    }
    this.checkpoints[idx] = {
      step: this.stepIndex,
      time: this.time,
      seq: this.seq,
      lowLive: this.lowLive,
      prng: this.prngSaved,
      counters: cloneCounters(this.counters),
      hashA: this.hasher.a,
      hashB: this.hasher.b,
      barrierProductive: this.barrierProductive,
      faultsLeft: this.faultsLeft,
      lookedAt: this.lookedAt,
      plan: this.plan ? this.plan.save() : null,
      net: this.net.save(),
    };
  }

  /**
   * Back to a checkpoint. The queue: the journal's events pushed before it and not yet popped (the
   * events queued at the start, then from the oldest one queued during the run still waiting). The FIFO
   * horizons: only a link with a message still in flight has one that matters — a later send at time
   * `now` ≥ the checkpoint's time draws `now + delay` with delay ≥ 1, past every delivery already
   * made — so each link's horizon is its last queued delivery, and 0 elsewhere.
   */
  private restore(cp: Checkpoint): void {
    this.stepIndex = cp.step;
    this.time = cp.time;
    this.seq = cp.seq;
    this.lowLive = cp.lowLive;
    this.history.restore(cp.step / this.checkpointEvery, this.states);
    for (let i = 0; i < this.n; i++)
      this.crashed[i] = this.crashAt[i]! <= cp.step && !(this.recoverAt[i]! <= cp.step) ? 1 : 0;
    const linkLast = this.linkLast;
    linkLast.fill(0);
    const async = this.timing.mode === 'async';
    const horizon = (key: number, type: number, node: number, from: number) => {
      if (!async || (type !== EV_DELIVER && type !== EV_LOSE)) return;
      const link = this.links.id(from, node);
      if (link >= 0) linkLast[link] = Math.max(linkLast[link]!, keyTime(key));
    };
    this.queue.clear();
    this.journal.refill(this.queue, 0, Math.min(this.startSeq, cp.seq), cp.step, horizon);
    this.journal.refill(this.queue, cp.lowLive, cp.seq, cp.step, horizon);
    this.prng.restore(cp.prng);
    this.prngSaved = cp.prng;
    this.prngDraws = this.prng.draws;
    this.counters = cloneCounters(cp.counters);
    this.hasher.a = cp.hashA;
    this.hasher.b = cp.hashB;
    this.barrierProductive = cp.barrierProductive;
    this.faultsLeft = cp.faultsLeft;
    this.lookedAt = cp.lookedAt;
    if (cp.plan) this.plan!.restore(cp.plan);
    this.net.restore(cp.net);
    this.stalled = null;
    this.budgetExceeded = false;
    this.horizonReached = false;
  }

  /**
   * The node states the checkpoints keep (the only states a recording holds, recorded.ts), from entry
   * number `from` on in the order they were saved, each with the state it replaced; returns the number
   * of entries. The recording meter counts their objects as they come.
   */
  eachCheckpointState(from: number, f: (state: unknown, previous: unknown) => void): number {
    this.history.eachEntry(from, f);
    return this.history.size;
  }

  /** Bytes held by the recording and for stepping back (the states and payloads aside), in O(1). */
  memory(): EngineMemory {
    return {
      trace: this.recorded.bytes(),
      journal: this.journal.bytes(),
      checkpoints: this.checkpoints.length * CHECKPOINT_BYTES + this.prngBytes + this.history.bytes(),
      checkpointCount: this.checkpoints.length,
    };
  }
}
