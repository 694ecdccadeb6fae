import type { Algorithm, NodeId } from '../../../src/engine/types';
import { ghs } from '../../../src/algorithms/ghs';
import type { DecideTimer } from '../../../src/algorithms/tree';
import { drain, receive, Work, wakeup, type RefState } from './procedures';
import {
  fmtEdgeWt,
  labelGhs,
  GHS_PSEUDOCODE,
  line,
  type GhsMsg,
  type GhsParams,
} from '../../../src/algorithms/ghs-types';
import {
  decide,
  describeSaturation,
  onDecideTimer,
  onElectedTree,
  onUp,
  saturationResult,
  startSaturation,
  type Saturation,
} from './naive-tree';

/** Where the convergecast's lines start in the GHS pseudo-code. */
const BASE = GHS_PSEUDOCODE.line('decide');

/** The MST as id pairs [smaller, larger], sorted: an edge is in it when either end marks it Branch. */
function mstOf(states: readonly (RefState | null)[]): [NodeId, NodeId][] {
  const seen = new Map<string, [NodeId, NodeId]>();
  for (const s of states) {
    if (!s) continue;
    for (const [k, e] of Object.entries(s.SE)) {
      if (e !== 'Branch') continue;
      const j = Number(k);
      const pair: [NodeId, NodeId] = [Math.min(s.id, j), Math.max(s.id, j)];
      seen.set(pair.join(','), pair);
    }
  }
  return [...seen.values()].sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

function withConv(s: RefState, r: { state: Saturation }): RefState {
  return { ...s, conv: r.state };
}

/** GHS with the naive deferred queue; everything but the handlers is the real module's. */
export const naiveGhs: Algorithm<RefState, GhsMsg, GhsParams, DecideTimer> = {
  ...(ghs as unknown as Algorithm<RefState, GhsMsg, GhsParams, DecideTimer>),
  init(node, params) {
    const s: RefState = {
      id: node.id,
      SN: 'Sleeping',
      LN: 0,
      FN: null,
      SE: Object.fromEntries(node.neighbours.map((j) => [j, 'Basic'])),
      inBranch: null,
      bestEdge: null,
      bestWt: null,
      testEdge: null,
      findCount: 0,
      queue: [],
      halted: false,
      conv: null,
    };
    if (params.wake !== null && !params.wake.includes(node.id))
      return { state: s, note: `${node.id} is asleep until a message wakes it` };
    const x = new Work(node, s);
    x.at('wake');
    wakeup(x, `${node.id} wakes up spontaneously`);
    return x.reaction();
  },

  onMessage(s, from, msg, node, params) {
    if (msg.kind === 'up' || msg.kind === 'elected') {
      const conv = s.conv ?? startSaturation(node.id, []);
      const r =
        msg.kind === 'up'
          ? onUp(conv, from, msg, node, params.announce, BASE)
          : onElectedTree(conv, from, msg, BASE);
      return { ...r, state: withConv(s, r) };
    }
    const x = new Work(node, s);
    if (!receive(x, from, msg, false)) x.s.queue = [...x.s.queue, { from, msg }];
    drain(x);
    return x.reaction();
  },

  onTimer(s, _timer, _node, params) {
    const r = onDecideTimer(s.conv!, params.announce, BASE);
    return { ...r, state: withConv(s, r) };
  },

  onBarrier(s, node, params) {
    if (s.conv !== null) return null;
    const branches = node.neighbours.filter((j) => s.SE[j] === 'Branch');
    const r = decide(startSaturation(node.id, branches), params.announce, BASE);
    const start = `global barrier (GHS is over everywhere): ${node.id} starts the convergecast on its ${branches.length} MST branch${branches.length === 1 ? '' : 'es'}`;
    const waits = !r.send?.length && !r.state.saturated;
    return {
      ...r,
      state: withConv(s, r),
      lines: [line('barrier'), ...(r.lines ?? [])],
      note: waits ? `${start} and waits for up messages` : `${start}; ${r.note}`,
    };
  },

  describe(s) {
    const ghsPart: Record<string, string | number | boolean> = {
      SN: s.SN,
      LN: s.LN,
      FN: s.FN === null ? '—' : fmtEdgeWt(s.FN),
      inBranch: s.inBranch ?? 'nil',
      bestEdge: s.bestEdge ?? 'nil',
      bestWt: fmtEdgeWt(s.bestWt),
      testEdge: s.testEdge ?? 'nil',
      findCount: s.findCount,
      SE: Object.entries(s.SE)
        .map(([j, e]) => `${j}: ${e}`)
        .join(', '),
      queue: s.queue.map((d) => `${labelGhs(d.msg)} from ${d.from}`).join(', ') || 'empty',
      halted: s.halted,
    };
    return s.conv ? { ...ghsPart, ...describeSaturation(s.conv) } : ghsPart;
  },

  result(states) {
    const { leader } = saturationResult(states.map((s) => s?.conv ?? null));
    return { leader, extra: { mst: mstOf(states) } };
  },
};
