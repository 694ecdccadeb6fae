import type { EventJournal } from './journal';
import { EV_DELIVER, EV_LOOK, EV_LOSE, EV_SUSPECT, EV_TIMER, keyTime } from './queue';
import type { NodeId, Role, SentMessage, StepKind, TraceEntry } from './types';
import { grown } from './grown';

const KINDS: readonly StepKind[] = ['init', 'deliver', 'timer', 'crash', 'recover', 'drop', 'barrier'];
const KIND_CODE = new Map(KINDS.map((k, i) => [k, i]));
const ROLES: readonly Role[] = ['candidate', 'relay', 'leader', 'nonLeader', 'crashed', 'idle'];
const ROLE_CODE = new Map(ROLES.map((r, i) => [r, i]));
/** Entries read back recently, by step (direct-mapped): the same step read twice is the same object. */
const CACHE = 1024;

/** What the recording asks of the run to rebuild a step's text (Simulation implements it). */
export interface StepSource {
  readonly journal: EventJournal;
  readonly ids: readonly NodeId[];
  timerLabel(timer: unknown): string;
  detectorLabel(payload: unknown): string;
  /**
   * The step's pseudo-code lines and note, by calling the algorithm's handler again on the state
   * before it (handlers are pure: the same inputs give the same reaction).
   */
  derive(kind: StepKind, node: number, event: number, before: unknown): Derived;
}

export interface Derived {
  lines: readonly number[];
  note: string;
}

/**
 * One recorded step read back from the columns: every field but `lines` and `note` is filled when it
 * is read; those two are derived on first use, so a loop over the trace that reads kinds, times or
 * sends never re-runs a handler.
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

  before: unknown;
  after: unknown;
  roleBefore: Role;
  roleAfter: Role;
  declare readonly sends: SentMessage[];
  declare readonly timers?: { label: string; at: number; timer: unknown }[] | undefined;
  declare readonly lines: readonly number[];
  declare readonly note: string;
  readonly #text: () => Derived;
  #derived: Derived | null = null;
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
    before: unknown,
    after: unknown,
    roleBefore: Role,
    roleAfter: Role,
    text: () => Derived,
  ) {
    this.step = step;
    this.time = time;
    this.kind = kind;
    this.node = node;
    this.#src = src;
    this.#k = k;
    this.before = before;
    this.after = after;
    this.roleBefore = roleBefore;
    this.roleAfter = roleAfter;
    this.#text = text;
    Object.defineProperties(this, RecordedStep.LAZY);
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
    lines: {
      enumerable: true,
      configurable: true,
      get(this: RecordedStep): readonly number[] {
        return (this.#derived ??= this.#text()).lines;
      },
    },
    note: {
      enumerable: true,
      configurable: true,
      get(this: RecordedStep): string {
        return (this.#derived ??= this.#text()).note;
      },
    },
  };
}

/**
 * The recorded trace as columns (issue 11: ≤ 150 B per recorded step in the browser). Per step: its
 * kind and both roles (1 B each), its node and the seq of the event it took from the queue (4 B each),
 * the first seq it pushed (4 B) and references to the node's state before and after. Everything else
 * a TraceEntry shows comes back from the event journal (the message, its sender, the time, the sends
 * and timers the step queued) or from the algorithm (the note and the pseudo-code lines).
 */
export class RecordedTrace {
  length = 0;
  private kind = new Uint8Array(1024);
  private roles = new Uint8Array(1024);
  private node = new Int32Array(1024);
  private event = new Int32Array(1024);
  private firstSeq = new Int32Array(1024);
  private readonly before: unknown[] = [];
  private readonly after: unknown[] = [];
  /** Seqs of the network's second copies (C26): a copy is an ordinary delivery in the journal. */
  private readonly copies = new Set<number>();
  private readonly cacheStep = new Int32Array(CACHE).fill(-1);
  private readonly cacheEntry: (RecordedStep | undefined)[] = new Array<RecordedStep | undefined>(CACHE);
  /** The same trace as a read-only array of TraceEntry (a Proxy): what the rest of the app reads. */
  readonly entries: TraceEntry[];

  constructor(private readonly src: StepSource) {
    this.entries = arrayView(this);
  }

  private grow(): void {
    const cap = Math.ceil(this.kind.length * 1.5);
    this.kind = grown(this.kind, cap);
    this.roles = grown(this.roles, cap);
    this.node = grown(this.node, cap);
    this.event = grown(this.event, cap);
    this.firstSeq = grown(this.firstSeq, cap);
  }

  /** Records step `length + 1`: `event` is the seq it popped, `firstSeq` the first seq it pushed. */
  push(
    kind: StepKind,
    node: number,
    event: number,
    firstSeq: number,
    before: unknown,
    after: unknown,
    roleBefore: Role,
    roleAfter: Role,
  ): void {
    const k = this.length;
    if (k === this.kind.length) this.grow();
    this.kind[k] = KIND_CODE.get(kind)!;
    this.roles[k] = ROLE_CODE.get(roleBefore)! * 8 + ROLE_CODE.get(roleAfter)!;
    this.node[k] = node;
    this.event[k] = event;
    this.firstSeq[k] = firstSeq;
    this.before.push(before);
    this.after.push(after);
    this.length = k + 1;
  }

  markCopy(seq: number): void {
    this.copies.add(seq);
  }

  /** Step k + 1's node state before and after it (the recording meter walks what changed). */
  beforeAt(k: number): unknown {
    return this.before[k];
  }

  afterAt(k: number): unknown {
    return this.after[k];
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
    const end = k + 1 < this.length ? this.firstSeq[k + 1]! : j.length;
    for (let s = this.firstSeq[k]!; s < end; s++) {
      const type = j.typeOf(s);
      if ((type !== EV_DELIVER && type !== EV_LOSE) || j.sendStepOf(s) !== k + 1) continue;
      f(s, j.payloadOf(s), this.copies.has(s));
    }
  }

  /** The messages step k + 1 sent, in the order it sent them (copies included). */
  sendsAt(k: number): SentMessage[] {
    const j = this.src.journal;
    const ids = this.src.ids;
    const out: SentMessage[] = [];
    const end = k + 1 < this.length ? this.firstSeq[k + 1]! : j.length;
    for (let s = this.firstSeq[k]!; s < end; s++) {
      const type = j.typeOf(s);
      if ((type !== EV_DELIVER && type !== EV_LOSE) || j.sendStepOf(s) !== k + 1) continue;
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
    const before = this.before[k];
    const e = new RecordedStep(
      k + 1,
      keyTime(j.keyOf(ev)),
      kind,
      ids[node]!,
      this,
      k,
      before,
      this.after[k],
      ROLES[roles >> 3]!,
      ROLES[roles & 7]!,
      () => this.src.derive(kind, node, ev, before),
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
    const end = k + 1 < this.length ? this.firstSeq[k + 1]! : j.length;
    for (let s = this.firstSeq[k]!; s < end; s++) {
      if (j.typeOf(s) !== EV_TIMER || j.sendStepOf(s) !== k + 1) continue;
      const timer = j.payloadOf(s);
      out.push({ label: this.src.timerLabel(timer), at: keyTime(j.keyOf(s)), timer });
    }
    return out;
  }

  /** Bytes of the columns at their capacity and the two state references per step (4 B each in Chromium). */
  bytes(): number {
    return this.kind.length * (1 + 1 + 4 + 4 + 4) + this.length * 8 + this.copies.size * 16;
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
