import type { Simulation } from '../engine/simulation';
import type { AlgorithmResult, NodeId, Role, SentMessage, TraceEntry } from '../engine/types';

/**
 * The run as seen at the cursor, derived from the recorded trace.
 *
 * The Simulation runs forward only (in background chunks, to the end); the viewer's cursor moves
 * freely over what it recorded. Moving the Simulation itself back and forth would make it replay
 * every step between the cursor and its frontier each time it computes more (seek forward replays),
 * so the cursor's view is kept here instead: each trace entry gives the node's state and role
 * before and after, and the messages it sent, so a step is applied or undone in O(1 + sends) plus the
 * handler calls that re-derive its states (at most 32, one when the cursor moves step by step:
 * src/engine/recorded.ts).
 * Once the run is no longer computing, a long jump asks the Simulation (checkpoints + replay) and
 * rebuilds from it (`syncFromSim`); a unit test checks both ways agree with `sim.seek(k)`.
 */
export class Replay {
  readonly sim: Simulation;
  readonly n: number;
  /** The cursor: the number of steps applied (0 = the initial state). */
  step = 0;
  readonly states: unknown[];
  readonly roles: Role[];
  readonly crashed: Uint8Array;
  /** Messages sent and not yet delivered or dropped at the cursor, by seq. */
  readonly inFlight = new Map<number, SentMessage>();
  sentByKind: Record<string, number> = {};
  deliveredByKind: Record<string, number> = {};

  private readonly position = new Map<NodeId, number>();
  /** seq → step that sent the message (0 = not a message seen yet). */
  private sentAt = new Int32Array(1024);
  /** Prefix counts over the trace: [k] = after step k. */
  private sentPrefix = new Float64Array(1024);
  /** Deliveries and drops are steps: their counts stay below the step count, so 4 B each. */
  private deliveredPrefix = new Int32Array(1024);
  /** Messages that never arrived (drop steps: lost in the network or at a crashed receiver, C17). */
  private lostPrefix = new Int32Array(1024);
  /** The network's second copies (C26): in a step's sends, counted here and not as sent. */
  private copyPrefix = new Float64Array(1024);
  /** [k] = the last step ≤ k that delivered a message (0 = none). */
  private lastDeliver = new Int32Array(1024);
  private indexed = 0;

  constructor(sim: Simulation) {
    this.sim = sim;
    this.n = sim.n;
    sim.graph.ids.forEach((id, i) => this.position.set(id, i));
    this.states = new Array<unknown>(this.n).fill(null);
    this.crashed = new Uint8Array(this.n);
    for (const id of sim.faults.crashed) this.crashed[this.position.get(id)!] = 1;
    this.roles = Array.from({ length: this.n }, (_, i) => (this.crashed[i] ? 'crashed' : 'idle'));
    this.index();
  }

  get trace(): readonly TraceEntry[] {
    return this.sim.trace;
  }

  positionOf(id: NodeId): number {
    return this.position.get(id) ?? -1;
  }

  /** Extends the indexes over trace entries recorded since the last call. */
  index(): void {
    // The columns, not the array view: an entry's objects are built only for what is read.
    const trace = this.sim.recorded;
    const len = trace.length;
    if (len + 1 > this.sentPrefix.length) {
      // Grown by half (not doubled): a recorded step's bytes count against issue 11's 150 B.
      const size = Math.max(len + 1, Math.ceil(this.sentPrefix.length * 1.5));
      this.sentPrefix = grow(this.sentPrefix, size);
      this.deliveredPrefix = grow(this.deliveredPrefix, size);
      this.lostPrefix = grow(this.lostPrefix, size);
      this.copyPrefix = grow(this.copyPrefix, size);
      this.lastDeliver = grow(this.lastDeliver, size);
    }
    for (let k = this.indexed; k < len; k++) {
      const step = k + 1;
      let sends = 0;
      let copies = 0;
      trace.eachSend(k, (seq, _msg, copy) => {
        sends++;
        if (copy) copies++;
        if (seq >= this.sentAt.length)
          this.sentAt = grow(this.sentAt, Math.max(seq + 1, Math.ceil(this.sentAt.length * 1.5)));
        this.sentAt[seq] = step;
      });
      const e = { kind: trace.kindAt(k) };
      this.sentPrefix[step] = this.sentPrefix[k]! + sends - copies;
      this.copyPrefix[step] = this.copyPrefix[k]! + copies;
      const delivers = e.kind === 'deliver';
      this.deliveredPrefix[step] = this.deliveredPrefix[k]! + (delivers ? 1 : 0);
      this.lostPrefix[step] = this.lostPrefix[k]! + (e.kind === 'drop' ? 1 : 0);
      this.lastDeliver[step] = delivers ? step : this.lastDeliver[k]!;
    }
    this.indexed = len;
  }

  /** Total messages sent up to the cursor (the CLI's `messages` once the run is over). */
  get sent(): number {
    return this.sentPrefix[this.step]!;
  }

  get delivered(): number {
    return this.deliveredPrefix[this.step]!;
  }

  /** Messages lost up to the cursor (the CLI's `lost` once the run is over). */
  get lost(): number {
    return this.lostPrefix[this.step]!;
  }

  /** Second copies made up to the cursor (the CLI's `duplicated` once the run is over, C26). */
  get duplicated(): number {
    return this.copyPrefix[this.step]!;
  }

  /** `rounds` (sync) or `time` (async) at the cursor: when the last message so far arrived. */
  get lastDeliveryTime(): number {
    const k = this.lastDeliver[this.step]!;
    return k === 0 ? 0 : this.sim.recorded.timeAt(k - 1);
  }

  /** Simulated time of the cursor's step (0 before the first). */
  get time(): number {
    return this.step === 0 ? 0 : this.sim.recorded.timeAt(this.step - 1);
  }

  /** The step that sent the message with this seq (0 = not recorded). */
  sendStepOf(seq: number): number {
    const step = seq >= 0 && seq < this.sentAt.length ? this.sentAt[seq]! : 0;
    return step > this.sim.trace.length ? 0 : step;
  }

  private sentMessage(seq: number): SentMessage | null {
    const step = this.sendStepOf(seq);
    return step === 0 ? null : (this.sim.trace[step - 1]!.sends.find((s) => s.seq === seq) ?? null);
  }

  /** The message with this seq as it was sent, whether or not it is still in flight. */
  message(seq: number): (SentMessage & { sendStep: number }) | null {
    const m = this.sentMessage(seq);
    return m ? { ...m, sendStep: this.sentAt[seq]! } : null;
  }

  /** The step at which a message was delivered or dropped, if it was within the recorded trace. */
  deliveryStep(seq: number): number | null {
    const m = this.message(seq);
    if (!m) return null;
    const trace = this.sim.trace;
    // Deliveries are in (time, seq) order: search from the first step at its delivery time.
    let lo = m.sendStep;
    let hi = trace.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (trace[mid]!.time < m.deliverAt) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < trace.length && trace[k]!.time <= m.deliverAt; k++)
      if (trace[k]!.msgSeq === seq) return k + 1;
    return null;
  }

  private forward(): void {
    const e = this.sim.trace[this.step]!;
    const pos = this.position.get(e.node)!;
    this.states[pos] = e.after;
    this.roles[pos] = e.roleAfter;
    if (e.kind === 'crash') this.crashed[pos] = 1;
    if (e.kind === 'recover') this.crashed[pos] = 0;
    if (e.msgSeq !== undefined) this.inFlight.delete(e.msgSeq);
    if (e.kind === 'deliver') bump(this.deliveredByKind, e.msg!.kind, 1);
    for (const s of e.sends) {
      this.inFlight.set(s.seq, s);
      if (!s.copy) bump(this.sentByKind, s.msg.kind, 1);
    }
    this.step++;
  }

  private backward(): void {
    const e = this.sim.trace[this.step - 1]!;
    const pos = this.position.get(e.node)!;
    for (const s of e.sends) {
      this.inFlight.delete(s.seq);
      if (!s.copy) bump(this.sentByKind, s.msg.kind, -1);
    }
    if (e.kind === 'deliver') bump(this.deliveredByKind, e.msg!.kind, -1);
    if (e.msgSeq !== undefined) {
      const m = this.sentMessage(e.msgSeq);
      if (m) this.inFlight.set(e.msgSeq, m);
    }
    if (e.kind === 'crash') this.crashed[pos] = 0;
    if (e.kind === 'recover') this.crashed[pos] = 1;
    this.states[pos] = e.before;
    this.roles[pos] = e.roleBefore;
    this.step--;
  }

  /** Moves the cursor to step k (clamped to the recorded trace), one entry at a time. */
  moveTo(k: number): void {
    this.index();
    const target = Math.max(0, Math.min(Math.floor(k), this.sim.trace.length));
    while (this.step < target) this.forward();
    while (this.step > target) this.backward();
  }

  /**
   * Moves the cursor toward step k like moveTo, but asks `enough` after every WORK_CHECK units of
   * work (a step and each message it sent) whether to stop short there; returns the step reached.
   */
  moveToward(k: number, enough: () => boolean): number {
    this.index();
    const trace = this.sim.trace;
    const target = Math.max(0, Math.min(Math.floor(k), trace.length));
    let work = 0;
    while (this.step !== target) {
      if (this.step < target) {
        work += 1 + trace[this.step]!.sends.length;
        this.forward();
      } else {
        work += 1 + trace[this.step - 1]!.sends.length;
        this.backward();
      }
      if (work >= WORK_CHECK) {
        work = 0;
        if (enough()) break;
      }
    }
    return this.step;
  }

  /**
   * Moves the cursor to step k through the Simulation (nearest checkpoint + replay) and rebuilds
   * from its state. Only while nothing else drives the Simulation (the run is no longer computing).
   */
  syncFromSim(k: number): void {
    this.index();
    const sim = this.sim;
    const target = Math.max(0, Math.min(Math.floor(k), sim.trace.length));
    sim.seek(target);
    const states = sim.nodeStates();
    for (let i = 0; i < this.n; i++) {
      this.states[i] = states[i];
      this.roles[i] = sim.roleOf(i);
      this.crashed[i] = sim.isCrashed(sim.graph.ids[i]!) ? 1 : 0;
    }
    this.inFlight.clear();
    for (const m of sim.inFlight()) this.inFlight.set(m.seq, this.sentMessage(m.seq) ?? m);
    const c = sim.getCounters();
    this.sentByKind = c.sentByKind;
    this.deliveredByKind = c.deliveredByKind;
    this.step = sim.step;
  }

  /** The node's state and role at the cursor. */
  stateOf(id: NodeId): unknown {
    return this.states[this.position.get(id)!];
  }

  /** What Simulation.result() returns at the cursor (the algorithm's reading of the states). */
  result(): AlgorithmResult {
    const sim = this.sim;
    const alg = sim.algorithm;
    if (alg.result) {
      const states = this.states.map((s, i) => (s === null || this.crashed[i] ? null : s));
      return alg.result(states, sim.graph.ids, sim.graph, sim.params);
    }
    for (let i = 0; i < this.n; i++) if (this.roles[i] === 'leader') return { leader: sim.graph.ids[i]! };
    return { leader: null };
  }

  /** The last recorded step ≤ the cursor matching `pred`, scanning back at most `limit` steps. */
  findBack(pred: (e: TraceEntry) => boolean, limit = 200_000): TraceEntry | null {
    const trace = this.sim.trace;
    for (let k = this.step - 1, seen = 0; k >= 0 && seen < limit; k--, seen++) {
      const e = trace[k]!;
      if (pred(e)) return e;
    }
    return null;
  }
}

/** Units of cursor work (a step, a message) between two looks at the clock in moveToward. */
const WORK_CHECK = 512;

function bump(counts: Record<string, number>, kind: string, by: number): void {
  const v = (counts[kind] ?? 0) + by;
  if (v === 0) delete counts[kind];
  else counts[kind] = v;
}

function grow<T extends Int32Array | Float64Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
