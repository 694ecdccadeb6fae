import { grown } from '../engine/grown';
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
  /**
   * The counts after every BLOCK-th step, TALLIES numbers per block (sent, delivered, lost, copies,
   * last delivering step): the counts at the cursor start from the block it is in (or from the last
   * tally, when the cursor moved forward within the block) and walk the trace's columns from there.
   * Per recorded step that is 0.6 B instead of the 28 B that a prefix array per count took (issue 11:
   * ≤ 150 B per recorded step in the browser).
   */
  private blocks = new Float64Array(TALLIES * 64);
  /** The counts after the last step indexed (the running totals the next block starts from). */
  private readonly totals = new Float64Array(TALLIES);
  /** The counts after step `talliedAt` (the cursor's, read several times per frame). */
  private readonly tally = new Float64Array(TALLIES);
  private talliedAt = 0;
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

  /** Extends the block counts over trace entries recorded since the last call. */
  index(): void {
    const len = this.sim.recorded.length;
    for (let k = this.indexed; k < len; k++) {
      tallyStep(this.sim.recorded, k, this.totals);
      if ((k + 1) % BLOCK === 0) {
        const at = ((k + 1) / BLOCK) * TALLIES;
        if (at + TALLIES > this.blocks.length)
          this.blocks = grown(this.blocks, Math.max(at + TALLIES, this.blocks.length * 2));
        this.blocks.set(this.totals, at);
      }
    }
    this.indexed = len;
  }

  /** The counts after the cursor's step: its block's, then the steps since (fewer than BLOCK). */
  private counts(): Float64Array {
    const step = this.step;
    if (this.talliedAt === step) return this.tally;
    const t = this.tally;
    let from = step - (step % BLOCK);
    // Playing forward inside a block goes on from the last tally (one step per frame, not up to 63).
    if (this.talliedAt >= from && this.talliedAt < step) from = this.talliedAt;
    else t.set(this.blocks.subarray((from / BLOCK) * TALLIES, (from / BLOCK + 1) * TALLIES));
    for (let k = from; k < step; k++) tallyStep(this.sim.recorded, k, t);
    this.talliedAt = step;
    return t;
  }

  /** Total messages sent up to the cursor (the CLI's `messages` once the run is over). */
  get sent(): number {
    return this.counts()[SENT]!;
  }

  get delivered(): number {
    return this.counts()[DELIVERED]!;
  }

  /** Messages lost up to the cursor (the CLI's `lost` once the run is over). */
  get lost(): number {
    return this.counts()[LOST]!;
  }

  /** Second copies made up to the cursor (the CLI's `duplicated` once the run is over, C26). */
  get duplicated(): number {
    return this.counts()[COPIES]!;
  }

  /** `rounds` (sync) or `time` (async) at the cursor: when the last message so far arrived. */
  get lastDeliveryTime(): number {
    const k = this.counts()[LAST_DELIVER]!;
    return k === 0 ? 0 : this.sim.recorded.timeAt(k - 1);
  }

  /** Simulated time of the cursor's step (0 before the first). */
  get time(): number {
    return this.step === 0 ? 0 : this.sim.recorded.timeAt(this.step - 1);
  }

  /** The step that sent the message with this seq (0 = not recorded). */
  sendStepOf(seq: number): number {
    const step = this.sim.recorded.sendStepOf(seq);
    return step > this.sim.trace.length ? 0 : step;
  }

  private sentMessage(seq: number, step = this.sendStepOf(seq)): SentMessage | null {
    return step === 0 ? null : (this.sim.trace[step - 1]!.sends.find((s) => s.seq === seq) ?? null);
  }

  /** The message with this seq as it was sent, whether or not it is still in flight. */
  message(seq: number): (SentMessage & { sendStep: number }) | null {
    const sendStep = this.sendStepOf(seq);
    const m = this.sentMessage(seq, sendStep);
    return m ? { ...m, sendStep } : null;
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

/** Steps per stored block of counts: reading the counts at the cursor walks fewer steps than this. */
const BLOCK = 64;
/** The counts a block holds, at these offsets. */
const SENT = 0;
const DELIVERED = 1;
const LOST = 2;
const COPIES = 3;
/** The last step so far that delivered a message (0 = none): `rounds` or `time` reads its time. */
const LAST_DELIVER = 4;
const TALLIES = 5;

/** Adds step k + 1 to the counts in `t`: its sends (a network's second copy counted apart, C26), its kind. */
function tallyStep(trace: Simulation['recorded'], k: number, t: Float64Array): void {
  let sends = 0;
  let copies = 0;
  trace.eachSend(k, (_seq, _msg, copy) => {
    if (copy) copies++;
    else sends++;
  });
  t[SENT] = t[SENT]! + sends;
  t[COPIES] = t[COPIES]! + copies;
  const kind = trace.kindAt(k);
  if (kind === 'deliver') {
    t[DELIVERED] = t[DELIVERED]! + 1;
    t[LAST_DELIVER] = k + 1;
  } else if (kind === 'drop') t[LOST] = t[LOST]! + 1;
}

function bump(counts: Record<string, number>, kind: string, by: number): void {
  const v = (counts[kind] ?? 0) + by;
  if (v === 0) delete counts[kind];
  else counts[kind] = v;
}
