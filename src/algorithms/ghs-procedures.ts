import type { NodeCtx, NodeId, Reaction, Send } from '../engine/types';
import { WAITS_CORE, WAITS_EDGE, WAITS_LEVEL } from './ghs-deferred';
import {
  fmtWt,
  labelGhs,
  less,
  line,
  sameWt,
  wt,
  type CodeLine,
  type EdgeStateName,
  type GhsCoreMsg,
  type GhsMsg,
  type GhsState,
  type NodeStateName,
  type Test,
  type Wt,
} from './ghs-types';

/**
 * One Test message per (F, L), and one Accept and one Reject: a node tests its edges one after another
 * with the same message (on a complete graph of 150, 20,986 of the run's 22,802 messages), and a
 * recording keeps every message sent. Messages are never changed once sent (handlers are pure) and the
 * trace, its hash and the explorer read their values, so sharing them changes no run.
 */
const tests = new WeakMap<Wt, Map<number, Test>>();
function testMsg(L: number, F: Wt): Test {
  let byLevel = tests.get(F);
  if (!byLevel) tests.set(F, (byLevel = new Map()));
  let m = byLevel.get(L);
  if (!m) byLevel.set(L, (m = { kind: 'test', L, F }));
  return m;
}
const ACCEPT = { kind: 'accept' } as const;
const REJECT = { kind: 'reject' } as const;

/** The variables a deferred message's condition reads, and the queue: written only through setters. */
type Watched = 'LN' | 'SN' | 'inBranch' | 'SE' | 'queue';
type Writable<K extends keyof GhsState> = { -readonly [P in K]: GhsState[P] };

/**
 * The paper's procedures (1)–(12), written as in the paper: imperative updates of the node's
 * variables. They run on a private working copy (`Work`) made at the start of each step, so the
 * handler stays pure — the state the engine passed in is never touched (SE and the queue are
 * persistent: a change makes a new version that shares the rest with the old one).
 */
type WorkingState = Writable<Exclude<keyof GhsState, Watched>> & Readonly<Pick<GhsState, Watched>>;

export class Work {
  readonly s: WorkingState;
  readonly send: Send<GhsMsg>[] = [];
  readonly lines: number[] = [];
  readonly notes: string[] = [];
  /** Set by a deferral in `receive`: what the message's condition reads (WAITS_*), line and reason. */
  waits = 0;
  deferLine: CodeLine = 'connect.defer';
  deferWhy = '';
  /** What changed since the deferred messages were last looked at (see `drain`). */
  private levelChanged = false;
  private coreChanged = false;
  private readonly edgesChanged: number[] = [];

  constructor(
    readonly node: NodeCtx,
    state: GhsState,
  ) {
    // Field by field rather than a spread: one object shape for every step, and this runs at each one.
    this.s = {
      id: state.id,
      SN: state.SN,
      LN: state.LN,
      FN: state.FN,
      SE: state.SE,
      inBranch: state.inBranch,
      bestEdge: state.bestEdge,
      bestWt: state.bestWt,
      testEdge: state.testEdge,
      findCount: state.findCount,
      queue: state.queue,
      halted: state.halted,
      conv: state.conv,
    };
  }

  private get w(): Writable<Watched> {
    return this.s as Writable<Watched>;
  }

  setLN(L: number): void {
    if (this.s.LN === L) return;
    this.w.LN = L;
    this.levelChanged = true;
  }

  setSN(S: NodeStateName): void {
    if (this.s.SN === S) return;
    this.w.SN = S;
    this.coreChanged = true;
  }

  setInBranch(j: NodeId): void {
    if (this.s.inBranch === j) return;
    this.w.inBranch = j;
    this.coreChanged = true;
  }

  /** SE(j) := value. */
  setSE(j: NodeId, value: EdgeStateName): void {
    const p = this.s.SE.nb.pos(j);
    if (this.s.SE.at(p) === value) return;
    this.w.SE = this.s.SE.setAt(p, value);
    this.edgesChanged.push(p);
  }

  /** Places the message `receive` refused on the end of the queue, parked on what it waits for. */
  defer(from: NodeId, msg: GhsCoreMsg): void {
    this.at(this.deferLine);
    if (this.node.narrate)
      this.say(`${this.id} defers ${labelGhs(msg)} from ${from} in its queue: ${this.deferWhy}`);
    this.w.queue = this.s.queue.add({ from, msg }, this.waits, this.s.SE.nb.pos(from));
  }

  /** Hands `out` every deferred message whose condition may have changed since the last call. */
  released(out: { push(k: number): void }): void {
    if (!this.levelChanged && !this.coreChanged && this.edgesChanged.length === 0) return;
    this.w.queue = this.s.queue.release(this.levelChanged, this.coreChanged, this.edgesChanged, out);
    this.levelChanged = this.coreChanged = false;
    this.edgesChanged.length = 0;
  }

  /** Message k failed its retry: it waits again, in its place, for what `receive` said. */
  repark(k: number, from: NodeId): void {
    this.w.queue = this.s.queue.park(k, this.waits, this.s.SE.nb.pos(from));
  }

  takeOut(k: number): void {
    this.w.queue = this.s.queue.take(k);
  }

  get id(): NodeId {
    return this.node.id;
  }

  /** Marks pseudo-code lines as run, each once, in the order first run. */
  at(...keys: CodeLine[]): void {
    for (const k of keys) {
      const l = line(k);
      if (!this.lines.includes(l)) this.lines.push(l);
    }
  }

  /** Adds a clause to the step's note; a headless run (nobody reads notes) keeps none. */
  say(clause: string): void {
    if (this.node.narrate) this.notes.push(clause);
  }

  out(to: NodeId, msg: GhsMsg): void {
    this.send.push({ to, msg });
  }

  /** `a–b (w=…)`: an edge as the notes name it (nothing in a headless run, which keeps no notes). */
  edge(j: NodeId): string {
    return this.node.narrate ? `${this.id}–${j} (w=${fmtWt(wt(this.node, j))})` : '';
  }

  reaction(): Reaction<GhsState, GhsMsg> {
    return {
      state: this.s,
      send: this.send,
      lines: this.lines,
      note: this.notes.join('; '),
    };
  }
}

/** (2) procedure wakeup. */
export function wakeup(x: Work, cause: string): void {
  const s = x.s;
  x.at('wakeup');
  x.setLN(0);
  x.setSN('Found');
  s.findCount = 0;
  const m = s.SE.lightest();
  if (m === null) {
    // A lone node is a fragment of its own: the MST is empty and there is nothing to wait for.
    s.halted = true;
    x.say(`${cause}: ${x.id} has no edge, so it is a fragment on its own and the MST is empty`);
    return;
  }
  x.setSE(m, 'Branch');
  x.out(m, { kind: 'connect', L: 0 });
  x.at('wakeup.branch', 'wakeup.state', 'wakeup.send');
  x.say(`${cause}: ${x.id} sends connect(0) over its minimum edge ${x.edge(m)}`);
}

/** (5) procedure test. */
function test(x: Work): void {
  const s = x.s;
  x.at('test');
  const k = s.SE.lightestBasic();
  if (k !== null) {
    s.testEdge = k;
    x.out(k, testMsg(s.LN, s.FN!));
    x.at('test.send');
    x.say(`${x.id} sends test(${s.LN}, ${fmtWt(s.FN)}) over its lightest Basic edge ${x.edge(k)}`);
  } else {
    s.testEdge = null;
    x.at('test.none');
    x.say(`${x.id} has no Basic edge left to test`);
    report(x);
  }
}

/** (9) procedure report. */
function report(x: Work): void {
  const s = x.s;
  x.at('report');
  if (s.findCount === 0 && s.testEdge === null) {
    x.setSN('Found');
    x.out(s.inBranch!, { kind: 'report', w: s.bestWt });
    x.at('report.send');
    x.say(`${x.id}'s search is over: it sends report(${fmtWt(s.bestWt)}) to ${s.inBranch} toward the core`);
  }
}

/** (11) procedure change-root. */
function changeRoot(x: Work): void {
  const s = x.s;
  const k = s.bestEdge!;
  x.at('changeRoot');
  if (s.SE.get(k) === 'Branch') {
    x.out(k, { kind: 'changeroot' });
    x.at('changeRoot.fwd');
    x.say(`${x.id} passes changeroot on to ${k}, toward the best outgoing edge`);
  } else {
    x.out(k, { kind: 'connect', L: s.LN });
    x.setSE(k, 'Branch');
    x.at('changeRoot.connect');
    x.say(`${x.id} owns the fragment's best outgoing edge ${x.edge(k)}: it sends connect(${s.LN}) over it`);
  }
}

/** Procedures (3) and (6) begin the same way: a sleeping node wakes up on the message. */
function wakeIfSleeping(x: Work, key: CodeLine, got: string): void {
  if (x.s.SN !== 'Sleeping') return;
  x.at(key);
  wakeup(x, `${got} wakes ${x.id}`);
}

/**
 * The paper's "place received message on end of queue". `waits` names every variable the condition
 * that led here reads, so that a change to any of them brings the message back for a retry (drain);
 * `why` is for the note (empty in a headless run).
 */
function deferral(x: Work, key: CodeLine, why: string, waits: number): false {
  x.waits = waits;
  x.deferLine = key;
  x.deferWhy = why;
  return false;
}

/**
 * Procedures (3), (4), (6), (7), (8), (10), (12): the response to one message. Returns false, having
 * changed nothing but a sleeping node's wake-up, when the message must wait in the queue (`deferral`).
 */
export function receive(x: Work, j: NodeId, msg: GhsCoreMsg): boolean {
  const s = x.s;
  const narrate = x.node.narrate;
  const got = narrate ? `${labelGhs(msg)} from ${j}` : '';

  switch (msg.kind) {
    case 'connect': {
      x.at('connect');
      wakeIfSleeping(x, 'connect.wake', got);
      if (msg.L < s.LN) {
        x.setSE(j, 'Branch');
        const init = { kind: 'initiate', L: s.LN, F: s.FN!, S: s.SN === 'Find' ? 'Find' : 'Found' } as const;
        x.out(j, init);
        x.at('connect.absorb');
        if (s.SN === 'Find') {
          s.findCount++;
          x.at('connect.absorbFind');
        }
        x.say(
          `${got}: ${j}'s level-${msg.L} fragment is absorbed into ${x.id}'s level-${s.LN} one; ${x.id} sends ${labelGhs(init)} to ${j}`,
        );
        return true;
      }
      if (s.SE.get(j) === 'Basic')
        return deferral(
          x,
          'connect.defer',
          narrate ? `${x.id} has not chosen ${x.edge(j)} itself, so ${j}'s fragment must wait` : '',
          WAITS_LEVEL | WAITS_EDGE,
        );
      const init = { kind: 'initiate', L: s.LN + 1, F: wt(x.node, j), S: 'Find' } as const;
      x.out(j, init);
      x.at('connect.merge');
      x.say(
        `${got}: both ends chose ${x.edge(j)}, so the two level-${s.LN} fragments merge into one of level ${s.LN + 1} with this core edge; ${x.id} sends ${labelGhs(init)} to ${j}`,
      );
      return true;
    }

    case 'initiate': {
      x.setLN(msg.L);
      s.FN = msg.F;
      x.setSN(msg.S);
      x.setInBranch(j);
      s.bestEdge = null;
      s.bestWt = null;
      x.at('initiate', 'initiate.set');
      const onward = s.SE.having('Branch').filter((i) => i !== j);
      for (const i of onward) x.out(i, msg);
      if (onward.length) x.at('initiate.fwd');
      if (msg.S === 'Find' && onward.length) {
        s.findCount += onward.length;
        x.at('initiate.count');
      }
      const find = msg.S === 'Find' ? ' and searches for its lightest outgoing edge' : '';
      const fwd = onward.length ? `; it passes ${labelGhs(msg)} on to ${onward.join(', ')}` : '';
      x.say(`${got}: ${x.id} is now in fragment ${fmtWt(msg.F)} at level ${msg.L}${find}${fwd}`);
      if (msg.S === 'Find') {
        x.at('initiate.test');
        test(x);
      }
      return true;
    }

    case 'test': {
      x.at('onTest');
      wakeIfSleeping(x, 'onTest.wake', got);
      if (msg.L > s.LN)
        return deferral(
          x,
          'onTest.defer',
          narrate
            ? `its own level ${s.LN} is lower than ${msg.L}, so it cannot tell yet whether ${j} is in its fragment`
            : '',
          WAITS_LEVEL,
        );
      if (!sameWt(msg.F, s.FN)) {
        x.out(j, ACCEPT);
        x.at('onTest.accept');
        x.say(
          `${got}: ${j}'s fragment ${fmtWt(msg.F)} is not ${x.id}'s (${fmtWt(s.FN)}), so ${x.id} sends accept`,
        );
        return true;
      }
      x.at('onTest.same');
      // A Branch stays a Branch: a test may cross the initiate that made its edge one; it is rejected harmlessly.
      const wasBasic = s.SE.get(j) === 'Basic';
      if (wasBasic) x.setSE(j, 'Rejected');
      if (s.testEdge !== j) {
        x.out(j, REJECT);
        x.at('onTest.reject');
        x.say(
          wasBasic
            ? `${got}: ${j} is in ${x.id}'s own fragment, so ${x.id} marks ${x.edge(j)} Rejected and sends reject`
            : `${got}: ${j} is in ${x.id}'s own fragment, so ${x.id} sends reject`,
        );
      } else {
        x.at('onTest.retest');
        x.say(
          `${got}: ${x.id} was testing ${x.edge(j)} too and it is internal; no reply is needed, ${x.id} tests its next edge`,
        );
        test(x);
      }
      return true;
    }

    case 'accept': {
      s.testEdge = null;
      const k = wt(x.node, j);
      const better = less(k, s.bestWt);
      if (better) {
        s.bestEdge = j;
        s.bestWt = k;
      }
      x.at('accept', 'accept.best', 'accept.report');
      x.say(`${got}: ${x.edge(j)} leads out of the fragment${better ? ` and is ${x.id}'s best so far` : ''}`);
      report(x);
      return true;
    }

    case 'reject': {
      const wasBasic = s.SE.get(j) === 'Basic';
      if (wasBasic) x.setSE(j, 'Rejected');
      x.at('reject', 'reject.body');
      x.say(
        wasBasic
          ? `${got}: ${x.edge(j)} is inside the fragment, so ${x.id} marks it Rejected`
          : `${got}: ${x.edge(j)} is already a Branch of the fragment, so ${x.id} just moves on`,
      );
      test(x);
      return true;
    }

    case 'report': {
      x.at('onReport');
      if (j !== s.inBranch) {
        s.findCount--;
        const better = less(msg.w, s.bestWt);
        if (better) {
          s.bestWt = msg.w;
          s.bestEdge = j;
        }
        x.at('onReport.child', 'onReport.childReport');
        x.say(
          better
            ? `${got}: the best outgoing edge so far is on ${j}'s side`
            : msg.w === null
              ? `${got}: no outgoing edge on ${j}'s side`
              : `${got}: not lighter than ${x.id}'s best ${fmtWt(s.bestWt)}`,
        );
        report(x);
        return true;
      }
      if (s.SN === 'Find')
        return deferral(
          x,
          'onReport.defer',
          narrate ? `${j} is across the core, and ${x.id}'s own search is not over` : '',
          WAITS_CORE,
        );
      if (less(s.bestWt, msg.w)) {
        x.at('onReport.changeRoot');
        x.say(
          `${got} across the core is heavier than ${x.id}'s best ${fmtWt(s.bestWt)}: the new root is on ${x.id}'s side`,
        );
        changeRoot(x);
      } else if (msg.w === null && s.bestWt === null) {
        s.halted = true;
        x.at('onReport.halt');
        x.say(
          `${got} across the core, and ${x.id}'s best is ∞ too: no edge leaves the fragment, the MST is complete and ${x.id} halts`,
        );
      } else {
        x.say(`${got} across the core is lighter: the best edge is on ${j}'s side, so ${x.id} does nothing`);
      }
      return true;
    }

    case 'changeroot': {
      x.at('onChangeRoot');
      x.say(`${got}`);
      changeRoot(x);
      return true;
    }
  }
}

/** One drain's candidates for a retry: scratch, emptied at the start of every drain (never re-entered). */
const due = new (class MinHeap {
  /** Arrival numbers, a binary min-heap; a number pushed twice pops once. */
  private readonly a: number[] = [];

  get size(): number {
    return this.a.length;
  }

  clear(): void {
    this.a.length = 0;
  }

  push(k: number): void {
    const a = this.a;
    let i = a.length;
    a.push(k);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]! <= k) break;
      a[i] = a[p]!;
      i = p;
    }
    a[i] = k;
  }

  pop(): number {
    const top = this.popOne();
    while (this.a.length > 0 && this.a[0] === top) this.popOne(); // copies of one number are adjacent
    return top;
  }

  private popOne(): number {
    const a = this.a;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= a.length) break;
        if (c + 1 < a.length && a[c + 1]! < a[c]!) c++;
        if (a[c]! >= last) break;
        a[i] = a[c]!;
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
})();

/**
 * Retries deferred messages, oldest first, until none can be handled any more: the paper's queue,
 * looked at after every step. Only a message whose condition may have changed is retried (Work
 * records what changed); the oldest such one that can now be handled is taken out, and handling it
 * may bring back older ones, which then come first again — the order of a full rescan.
 */
export function drain(x: Work): void {
  due.clear();
  x.released(due);
  while (due.size > 0) {
    const k = due.pop();
    const d = x.s.queue.item(k);
    if (d === null) continue; // taken out already; its number was still parked elsewhere
    // A retry that fails leaves no trace: its lines and note are cut off again.
    const lineMark = x.lines.length;
    const noteMark = x.notes.length;
    if (x.node.narrate)
      x.say(`then ${x.id} takes the deferred ${labelGhs(d.msg)} from ${d.from} out of its queue`);
    if (receive(x, d.from, d.msg)) {
      x.takeOut(k);
      x.released(due);
    } else {
      x.lines.length = lineMark;
      x.notes.length = noteMark;
      x.repark(k, d.from);
    }
  }
}
