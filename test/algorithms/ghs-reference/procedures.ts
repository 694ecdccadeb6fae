import type { NodeCtx, NodeId, Reaction, Send } from '../../../src/engine/types';
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
  type Deferred,
  type GhsState,
  type Wt,
} from '../../../src/algorithms/ghs-types';
import type { Saturation } from './naive-tree';

/**
 * The naive reference for GHS's deferred messages: the implementation as it was before the queue
 * was indexed by condition — SE a plain record copied on write, the queue an array copied on every
 * change, and every deferred message retried, oldest first, after every step (quadratic on a hub).
 * The equivalence test runs it beside src/algorithms/ghs.ts; keep it as simple as it is.
 */
export type RefState = Omit<GhsState, 'SE' | 'queue' | 'conv'> & {
  SE: Readonly<Record<NodeId, EdgeStateName>>;
  queue: readonly Deferred[];
  conv: Saturation | null;
};

/**
 * The paper's procedures (1)–(12), written as in the paper: imperative updates of the node's
 * variables. They run on a private working copy (`Work`) made at the start of each step, so the
 * handler stays pure — the state the engine passed in is never touched.
 */
type WorkingState = { -readonly [K in keyof RefState]: RefState[K] };

export class Work {
  readonly s: WorkingState;
  /** SE is copied on the first write only: most steps change no edge state. */
  private seCopied = false;
  readonly send: Send<GhsMsg>[] = [];
  readonly lines: number[] = [];
  readonly notes: string[] = [];

  constructor(
    readonly node: NodeCtx,
    state: RefState,
  ) {
    this.s = { ...state };
  }

  /** SE(j) := value, on the working copy. */
  setSE(j: NodeId, value: EdgeStateName): void {
    if (!this.seCopied) {
      this.s.SE = { ...this.s.SE };
      this.seCopied = true;
    }
    (this.s.SE as Record<NodeId, EdgeStateName>)[j] = value;
  }

  get id(): NodeId {
    return this.node.id;
  }

  at(...keys: CodeLine[]): void {
    for (const k of keys) this.lines.push(line(k));
  }

  say(clause: string): void {
    this.notes.push(clause);
  }

  out(to: NodeId, msg: GhsMsg): void {
    this.send.push({ to, msg });
  }

  /** `a–b (w=…)`: an edge as the notes name it. */
  edge(j: NodeId): string {
    return `${this.id}–${j} (w=${fmtWt(wt(this.node, j))})`;
  }

  reaction(): Reaction<RefState, GhsMsg> {
    return {
      state: this.s,
      send: this.send,
      lines: [...new Set(this.lines)],
      note: this.notes.join('; '),
    };
  }
}

/** The adjacent edge of minimum weight among those passing `keep`, or null. */
function minimumEdge(x: Work, keep: (j: NodeId) => boolean): NodeId | null {
  let best: NodeId | null = null;
  let bestKey: Wt | null = null;
  for (const j of x.node.neighbours) {
    if (!keep(j)) continue;
    const k = wt(x.node, j);
    if (best === null || less(k, bestKey)) {
      best = j;
      bestKey = k;
    }
  }
  return best;
}

/** (2) procedure wakeup. */
export function wakeup(x: Work, cause: string): void {
  const s = x.s;
  x.at('wakeup');
  s.LN = 0;
  s.SN = 'Found';
  s.findCount = 0;
  const m = minimumEdge(x, () => true);
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
  const k = minimumEdge(x, (j) => s.SE[j] === 'Basic');
  if (k !== null) {
    s.testEdge = k;
    x.out(k, { kind: 'test', L: s.LN, F: s.FN! });
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
    s.SN = 'Found';
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
  if (s.SE[k] === 'Branch') {
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

/**
 * Procedures (3), (4), (6), (7), (8), (10), (12): the response to one message. Returns false when the
 * paper says "place received message on end of queue"; on a retry (`retry`) that case leaves no trace.
 */
export function receive(x: Work, j: NodeId, msg: GhsCoreMsg, retry: boolean): boolean {
  const s = x.s;
  const got = `${labelGhs(msg)} from ${j}`;
  const lineMark = x.lines.length;
  const noteMark = x.notes.length;
  const defer = (key: CodeLine, why: string): false => {
    if (retry) {
      x.lines.length = lineMark;
      x.notes.length = noteMark;
    } else {
      x.at(key);
      x.say(`${x.id} defers ${got} in its queue: ${why}`);
    }
    return false;
  };
  const wakeIfSleeping = (key: CodeLine) => {
    if (s.SN !== 'Sleeping') return;
    x.at(key);
    wakeup(x, `${got} wakes ${x.id}`);
  };

  switch (msg.kind) {
    case 'connect': {
      x.at('connect');
      wakeIfSleeping('connect.wake');
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
      if (s.SE[j] === 'Basic')
        return defer(
          'connect.defer',
          `${x.id} has not chosen ${x.edge(j)} itself, so ${j}'s fragment must wait`,
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
      s.LN = msg.L;
      s.FN = msg.F;
      s.SN = msg.S;
      s.inBranch = j;
      s.bestEdge = null;
      s.bestWt = null;
      x.at('initiate', 'initiate.set');
      const onward = x.node.neighbours.filter((i) => i !== j && s.SE[i] === 'Branch');
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
      wakeIfSleeping('onTest.wake');
      if (msg.L > s.LN)
        return defer(
          'onTest.defer',
          `its own level ${s.LN} is lower than ${msg.L}, so it cannot tell yet whether ${j} is in its fragment`,
        );
      if (!sameWt(msg.F, s.FN)) {
        x.out(j, { kind: 'accept' });
        x.at('onTest.accept');
        x.say(
          `${got}: ${j}'s fragment ${fmtWt(msg.F)} is not ${x.id}'s (${fmtWt(s.FN)}), so ${x.id} sends accept`,
        );
        return true;
      }
      x.at('onTest.same');
      // A Branch stays a Branch: a test may cross the initiate that made its edge one; it is rejected harmlessly.
      const wasBasic = s.SE[j] === 'Basic';
      if (wasBasic) x.setSE(j, 'Rejected');
      if (s.testEdge !== j) {
        x.out(j, { kind: 'reject' });
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
      const wasBasic = s.SE[j] === 'Basic';
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
        return defer('onReport.defer', `${j} is across the core, and ${x.id}'s own search is not over`);
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

/** Retries the deferred messages, oldest first, until none of them can be handled any more. */
export function drain(x: Work): void {
  for (let progress = true; progress;) {
    progress = false;
    const q = x.s.queue;
    for (let i = 0; i < q.length; i++) {
      const d = q[i]!;
      const mark = x.notes.length;
      x.say(`then ${x.id} takes the deferred ${labelGhs(d.msg)} from ${d.from} out of its queue`);
      if (receive(x, d.from, d.msg, true)) {
        x.s.queue = [...q.slice(0, i), ...q.slice(i + 1)];
        progress = true;
        break;
      }
      x.notes.length = mark;
    }
  }
}
