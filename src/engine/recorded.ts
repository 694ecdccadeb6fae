import type { EventJournal } from './journal';
import { EV_DELIVER, EV_LOOK, EV_LOSE, EV_SUSPECT, EV_TIMER, keyTime } from './queue';
import type { NodeId, Role, SentMessage, StepKind, TraceEntry } from './types';
import { grown, positionColumn } from './grown';

const KINDS: readonly StepKind[] = ['init', 'deliver', 'timer', 'crash', 'recover', 'drop', 'barrier'];
const KIND_CODE = new Map(KINDS.map((k, i) => [k, i]));
const ROLES: readonly Role[] = ['candidate', 'relay', 'leader', 'nonLeader', 'crashed', 'idle'];
const ROLE_CODE = new Map(ROLES.map((r, i) => [r, i]));
/** Entries read back recently, by step (direct-mapped): the same step read twice is the same object. */
const CACHE = 1024;
/** States remembered by step (RecordedTrace.memo): two checkpoint windows at the widest spacing. */
const MEMO = 4096;
/**
 * Every KEEP-th step of a node keeps the state the run left it in (RecordedTrace.kept), so re-deriving
 * a state calls at most KEEP handlers even for a hub that makes most of a checkpoint window's steps
 * (GHS on a complete graph: one read could otherwise call ~1,600 handlers of ~0.1 ms each).
 */
const KEEP = 32;

/** What the recording asks of the run to rebuild a step's text (Simulation implements it). */
export interface StepSource {
  readonly journal: EventJournal;
  readonly ids: readonly NodeId[];
  timerLabel(timer: unknown): string;
  detectorLabel(payload: unknown): string;
  /**
   * The step's pseudo-code lines, note and the node's state after it, by calling the algorithm's
   * handler again on the state before it (handlers are pure: the same inputs give the same reaction).
   */
  derive(kind: StepKind, node: number, event: number, before: unknown): Derived;
  /**
   * Node `node`'s state at the last checkpoint at or before `steps` steps, and that checkpoint's step:
   * where re-deriving a state starts (Simulation's StateHistory).
   */
  checkpointState(steps: number, node: number): { step: number; state: unknown };
}

export interface Derived {
  lines: readonly number[];
  note: string;
  /** The node's state after the step (the state before where the step changed nothing). */
  after: unknown;
}

/**
 * One recorded step read back from the columns: its kind, time, node, roles and message are filled
 * when it is read; its sends and timers come from the journal, and its states, lines and note are
 * derived on first use, so a loop over the trace that reads kinds, times or sends never re-runs a
 * handler.
 */
class RecordedStep implements TraceEntry {
  step: number;
  time: number;
  kind: StepKind;
  node: NodeId;
  declare from?: NodeId;
  declare msg?: { kind: string };
  declare msgSeq?: number;
  declare timer?: string;
  declare timerData?: unknown;

  declare readonly before: unknown;
  declare readonly after: unknown;
  roleBefore: Role;
  roleAfter: Role;
  declare readonly sends: SentMessage[];
  declare readonly timers?: { label: string; at: number; timer: unknown }[] | undefined;
  declare readonly lines: readonly number[];
  declare readonly note: string;
  #derived: Derived | null = null;
  #states: readonly [unknown, unknown] | null = null;
  readonly #src: RecordedTrace;
  readonly #k: number;
  #sends: SentMessage[] | null = null;
  #timers: { label: string; at: number; timer: unknown }[] | null = null;

  constructor(
    step: number,
    time: number,
    kind: StepKind,
    node: NodeId,
    src: RecordedTrace,
    k: number,
    roleBefore: Role,
    roleAfter: Role,
  ) {
    this.step = step;
    this.time = time;
    this.kind = kind;
    this.node = node;
    this.#src = src;
    this.#k = k;
    this.roleBefore = roleBefore;
    this.roleAfter = roleAfter;
    Object.defineProperties(this, RecordedStep.LAZY);
  }

  #statesOf(): readonly [unknown, unknown] {
    if (this.#states === null) {
      const s = this.#src.statesAt(this.#k);
      this.#states = [s.before, s.after];
      // Deriving the state after made the text too: keep it for a read of the note.
      this.#derived ??= s.derived;
    }
    return this.#states;
  }

  /**
   * The step's lines and note. The states come first: deriving the state after (any step but its node's
   * latest) makes the text too, so `??=` must not test #derived before #statesOf has had its say.
   */
  #text(): Derived {
    const [before] = this.#statesOf();
    return (this.#derived ??= this.#src.deriveAt(this.#k, before));
  }

  /**
   * The fields built when read, as own enumerable accessors (so a spread or JSON.stringify of an entry
   * sees them as it saw the plain object the trace held): a scan over kinds or roles allocates no
   * message and re-runs no handler.
   */
  static readonly LAZY: PropertyDescriptorMap = {
    sends: {
      enumerable: true,
      configurable: true,
      get(this: RecordedStep): SentMessage[] {
        return (this.#sends ??= this.#src.sendsAt(this.#k));
      },
    },
    timers: {
      enumerable: true,
      configurable: true,
      get(this: RecordedStep): { label: string; at: number; timer: unknown }[] | undefined {
        const t = (this.#timers ??= this.#src.timersAt(this.#k));
        return t.length ? t : undefined;
      },
    },
    before: {
      enumerable: true,
      configurable: true,
      get(this: RecordedStep): unknown {
        return this.#statesOf()[0];
      },
    },
    after: {
      enumerable: true,
      configurable: true,
      get(this: RecordedStep): unknown {
        return this.#statesOf()[1];
      },
    },
    lines: {
      enumerable: true,
      configurable: true,
      get(this: RecordedStep): readonly number[] {
        return this.#text().lines;
      },
    },
    note: {
      enumerable: true,
      configurable: true,
      get(this: RecordedStep): string {
        return this.#text().note;
      },
    },
  };
}

/**
 * The recorded trace as columns (issue 11: ≤ 150 B per recorded step in the browser). Per step: its
 * kind and both roles (1 B each), its node (2 B below 32,768 nodes), the seq of the event it took
 * from the queue and the previous step of the same node (4 B each). Everything else a TraceEntry
 * shows comes
 * back from the event journal (the message, its sender, the time, the sends and timers the step
 * queued) or from the algorithm: the note, the pseudo-code lines and **the node's states before and
 * after**. No step keeps a state: a state is re-derived from the node's state at the checkpoint
 * before it (the history keeps those) by calling its handler again on each of the node's steps since
 * (handlers are pure), or from the state kept for one of its recent steps: every KEEP-th step of a
 * node keeps the run's state, so a read calls at most KEEP handlers. Per node, the last state derived
 * is remembered, so reading the trace in order costs one handler call per step, and the states a walk
 * derived are remembered for a while (backwards reads ask for them next).
 */
export class RecordedTrace {
  length = 0;
  private kind = new Uint8Array(1024);
  private roles = new Uint8Array(1024);
  /** Node positions: 2 B each below 32,768 nodes (positionColumn). */
  private node: Int16Array | Int32Array;
  private event = new Int32Array(1024);
  /** The previous step (0-based) of the same node, −1 for its first. */
  private prev = new Int32Array(1024);
  /** Per node: its latest step and the state the run left it in. */
  private readonly lastOf: Int32Array;
  private readonly lastState: unknown[];
  /** Per node: its steps since the last one whose state is kept. */
  private readonly sinceKept: Int32Array;
  /** Step → the run's state after it, for every KEEP-th step of each node. */
  private readonly kept = new Map<number, unknown>();
  /** Per node: the step whose state after was derived last, and that state. */
  private readonly derivedAt: Int32Array;
  private readonly derivedState: unknown[];
  /**
   * The states after the steps derived lately (step → state), whatever their node: a walk from a
   * checkpoint derives every state of its node's steps in between, and reading the trace backwards
   * (the Replay stepping back) asks for them next. Bounded: emptied when it reaches MEMO entries.
   */
  private readonly memo = new Map<number, unknown>();
  /** The node's steps between a checkpoint and the step asked for, newest first (reused). */
  private readonly chain: number[] = [];
  /** Seqs of the network's second copies (C26): a copy is an ordinary delivery in the journal. */
  private readonly copies = new Set<number>();
  private readonly cacheStep = new Int32Array(CACHE).fill(-1);
  private readonly cacheEntry: (RecordedStep | undefined)[] = new Array<RecordedStep | undefined>(CACHE);
  /** The same trace as a read-only array of TraceEntry (a Proxy): what the rest of the app reads. */
  readonly entries: TraceEntry[];

  constructor(private readonly src: StepSource) {
    const n = src.ids.length;
    this.node = positionColumn(n, 1024);
    this.lastOf = new Int32Array(n).fill(-1);
    this.lastState = new Array<unknown>(n).fill(null);
    this.sinceKept = new Int32Array(n);
    this.derivedAt = new Int32Array(n).fill(-1);
    this.derivedState = new Array<unknown>(n).fill(null);
    this.entries = arrayView(this);
  }

  private grow(): void {
    const cap = Math.ceil(this.kind.length * 1.5);
    this.kind = grown(this.kind, cap);
    this.roles = grown(this.roles, cap);
    this.node = grown(this.node, cap);
    this.event = grown(this.event, cap);
    this.prev = grown(this.prev, cap);
  }

  /**
   * Records step `length + 1`: `event` is the seq it popped, `after` the node's state after it (kept
   * only until the node's next step). The events it pushed are the journal's with its step number.
   */
  push(kind: StepKind, node: number, event: number, after: unknown, roleBefore: Role, roleAfter: Role): void {
    const k = this.length;
    if (k === this.kind.length) this.grow();
    this.kind[k] = KIND_CODE.get(kind)!;
    this.roles[k] = ROLE_CODE.get(roleBefore)! * 8 + ROLE_CODE.get(roleAfter)!;
    this.node[k] = node;
    this.event[k] = event;
    this.prev[k] = this.lastOf[node]!;
    this.lastOf[node] = k;
    this.lastState[node] = after;
    if (++this.sinceKept[node]! === KEEP) {
      this.sinceKept[node] = 0;
      this.kept.set(k, after);
    }
    this.length = k + 1;
  }

  markCopy(seq: number): void {
    this.copies.add(seq);
  }

  /** Step k + 1's text and its node's state after it, from the state before it. */
  deriveAt(k: number, before: unknown): Derived {
    return this.src.derive(KINDS[this.kind[k]!]!, this.node[k]!, this.event[k]!, before);
  }

  /**
   * Step k + 1's node: its state before the step and after it, re-derived (see the class), with the
   * step's text when deriving the state after made it.
   */
  statesAt(k: number): { before: unknown; after: unknown; derived: Derived | null } {
    const v = this.node[k]!;
    const before = this.stateBefore(k, v);
    const derived = k === this.lastOf[v] ? null : this.deriveAt(k, before);
    const after = derived === null ? this.lastState[v] : derived.after;
    this.derivedAt[v] = k;
    this.derivedState[v] = after;
    this.remember(k, after);
    return { before, after, derived };
  }

  private remember(k: number, state: unknown): void {
    if (this.memo.size >= MEMO) this.memo.clear();
    this.memo.set(k, state);
  }

  /**
   * Node v's state before step k + 1: from the state remembered for one of its earlier steps after the
   * checkpoint, else from its state at the checkpoint, through its steps in between.
   */
  private stateBefore(k: number, v: number): unknown {
    const cp = this.src.checkpointState(k, v);
    const chain = this.chain;
    chain.length = 0;
    let state = cp.state;
    // Step j + 1 comes after the checkpoint (made after step cp.step) when j ≥ cp.step.
    for (let j = this.prev[k]!; j >= cp.step; j = this.prev[j]!) {
      if (j === this.derivedAt[v]) {
        state = this.derivedState[v];
        break;
      }
      const known = this.kept.has(j) ? this.kept : this.memo.has(j) ? this.memo : null;
      if (known !== null) {
        state = known.get(j);
        break;
      }
      chain.push(j);
    }
    for (let c = chain.length - 1; c >= 0; c--) {
      state = this.deriveAt(chain[c]!, state).after;
      this.remember(chain[c]!, state);
    }
    return state;
  }

  kindAt(k: number): StepKind {
    return KINDS[this.kind[k]!]!;
  }

  timeAt(k: number): number {
    return keyTime(this.src.journal.keyOf(this.event[k]!));
  }

  /**
   * Calls `f` with each message step k + 1 sent (seq, payload, whether it is a network copy), without
   * building its SentMessage: the Replay's index and the recording meter read every step this way.
   */
  eachSend(k: number, f: (seq: number, msg: unknown, copy: boolean) => void): void {
    const j = this.src.journal;
    const end = j.firstPushedBy(k + 2);
    for (let s = j.firstPushedBy(k + 1); s < end; s++) {
      const type = j.typeOf(s);
      if (type !== EV_DELIVER && type !== EV_LOSE) continue;
      f(s, j.payloadOf(s), this.copies.has(s));
    }
  }

  /** The step (1-based) that sent the message with this seq; 0 where the seq is no message journaled. */
  sendStepOf(seq: number): number {
    const j = this.src.journal;
    if (!(seq >= 0 && seq < j.length)) return 0;
    const type = j.typeOf(seq);
    return type === EV_DELIVER || type === EV_LOSE ? j.sendStepOf(seq) : 0;
  }

  /** The messages step k + 1 sent, in the order it sent them (copies included). */
  sendsAt(k: number): SentMessage[] {
    const j = this.src.journal;
    const ids = this.src.ids;
    const out: SentMessage[] = [];
    const end = j.firstPushedBy(k + 2);
    for (let s = j.firstPushedBy(k + 1); s < end; s++) {
      const type = j.typeOf(s);
      if (type !== EV_DELIVER && type !== EV_LOSE) continue;
      const m: SentMessage = {
        seq: s,
        from: ids[j.fromOf(s)]!,
        to: ids[j.nodeOf(s)]!,
        msg: j.payloadOf(s) as { kind: string },
        sendTime: j.sendTimeOf(s),
        deliverAt: keyTime(j.keyOf(s)),
      };
      if (type === EV_LOSE) m.lost = true;
      if (this.copies.has(s)) m.copy = true;
      out.push(m);
    }
    return out;
  }

  /** Entry k (0-based), as the trace array shows it. */
  at(k: number): TraceEntry | undefined {
    if (k < 0 || k >= this.length) return undefined;
    const slot = k % CACHE;
    if (this.cacheStep[slot] === k) return this.cacheEntry[slot]!;
    const e = this.build(k);
    this.cacheStep[slot] = k;
    this.cacheEntry[slot] = e;
    return e;
  }

  private build(k: number): RecordedStep {
    const j = this.src.journal;
    const ids = this.src.ids;
    const kind = this.kindAt(k);
    const node = this.node[k]!;
    const ev = this.event[k]!;
    const type = j.typeOf(ev);
    const roles = this.roles[k]!;
    const e = new RecordedStep(
      k + 1,
      keyTime(j.keyOf(ev)),
      kind,
      ids[node]!,
      this,
      k,
      ROLES[roles >> 3]!,
      ROLES[roles & 7]!,
    );
    const payload = j.payloadOf(ev);
    if (type === EV_DELIVER || type === EV_LOSE) {
      e.from = ids[j.fromOf(ev)]!;
      e.msg = payload as { kind: string };
      e.msgSeq = ev;
    }
    if (type === EV_TIMER) e.timer = this.src.timerLabel(payload);
    else if (type === EV_SUSPECT || type === EV_LOOK) e.timer = this.src.detectorLabel(payload);
    if (kind === 'timer') e.timerData = payload;
    return e;
  }

  /** The timers step k + 1 set: name, firing time, payload (DrawingDecl.waits). */
  timersAt(k: number): { label: string; at: number; timer: unknown }[] {
    const j = this.src.journal;
    const out: { label: string; at: number; timer: unknown }[] = [];
    const end = j.firstPushedBy(k + 2);
    for (let s = j.firstPushedBy(k + 1); s < end; s++) {
      if (j.typeOf(s) !== EV_TIMER) continue;
      const timer = j.payloadOf(s);
      out.push({ label: this.src.timerLabel(timer), at: keyTime(j.keyOf(s)), timer });
    }
    return out;
  }

  /**
   * Bytes of the columns at their capacity, per node two steps, a count and two state references, and
   * the kept states' map entries. Not the kept states' objects: the recording meter's model counts the
   * checkpoints' states and covers these in its per-step bytes (fitted to the measured heaps).
   */
  bytes(): number {
    return (
      this.kind.length * (1 + 1 + this.node.BYTES_PER_ELEMENT + 4 + 4) +
      this.lastOf.length * 28 +
      this.kept.size * 40 +
      this.copies.size * 16
    );
  }
}

const isIndex = (p: string | symbol): boolean => {
  if (typeof p !== 'string' || p.length === 0) return false;
  const c = p.charCodeAt(0);
  return c >= 48 && c <= 57;
};

/**
 * A read-only array over the columns: indexing, `length`, iteration and every Array method work as
 * on the array of objects the trace used to be, so its readers are unchanged.
 */
function arrayView(t: RecordedTrace): TraceEntry[] {
  return new Proxy<TraceEntry[]>([], {
    get(target, p, receiver) {
      if (isIndex(p)) return t.at(Number(p as string));
      if (p === 'length') return t.length;
      return Reflect.get(target, p, receiver) as unknown;
    },
    has(target, p) {
      if (isIndex(p)) {
        const k = Number(p as string);
        return Number.isInteger(k) && k < t.length;
      }
      return Reflect.has(target, p);
    },
    ownKeys() {
      const keys: string[] = [];
      for (let k = 0; k < t.length; k++) keys.push(String(k));
      keys.push('length');
      return keys;
    },
    getOwnPropertyDescriptor(target, p) {
      if (isIndex(p)) {
        const e = t.at(Number(p as string));
        return e === undefined
          ? undefined
          : { value: e, writable: true, enumerable: true, configurable: true };
      }
      if (p === 'length') return { value: t.length, writable: true, enumerable: false, configurable: false };
      return Reflect.getOwnPropertyDescriptor(target, p);
    },
    set() {
      return false;
    },
    defineProperty() {
      return false;
    },
    deleteProperty() {
      return false;
    },
  });
}
