import type { Algorithm, NodeId } from '../engine/types';
import { connectedProblem, undirectedEdgeCount } from '../topology/connectivity';
import { DeferredQueue } from './ghs-deferred';
import { EdgeStates, Neighbourhood } from './ghs-edges';
import { drain, receive, Work, wakeup } from './ghs-procedures';
import {
  fmtEdgeWt,
  GHS_PSEUDOCODE,
  labelGhs,
  line,
  SATURATION_BASE,
  type GhsMsg,
  type GhsParams,
  type GhsState,
} from './ghs-types';
import {
  decide,
  describeSaturation,
  labelSaturation,
  onDecideTimer,
  onElectedTree,
  onUp,
  saturationResult,
  saturationRole,
  startSaturation,
  type Saturation,
} from './tree';

/**
 * GHS (Gallager, Humblet, Spira 1983) builds the minimum spanning tree; after a global barrier the
 * tree convergecast of §1.7 elects a leader on its branches (C12). Procedures in ghs-procedures.ts.
 */
const BASE = SATURATION_BASE;

/** The MST as id pairs [smaller, larger], sorted: an edge is in it when either end marks it Branch. */
export function mstOf(states: readonly (GhsState | null)[]): [NodeId, NodeId][] {
  const seen = new Map<string, [NodeId, NodeId]>();
  for (const s of states) {
    if (!s) continue;
    for (const j of s.SE.having('Branch')) {
      const pair: [NodeId, NodeId] = [Math.min(s.id, j), Math.max(s.id, j)];
      seen.set(pair.join(','), pair);
    }
  }
  return [...seen.values()].sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

function withConv(s: GhsState, r: { state: Saturation }): GhsState {
  return { ...s, conv: r.state };
}

export const ghs: Algorithm<GhsState, GhsMsg, GhsParams> = {
  id: 'ghs',
  name: 'GHS (Gallager–Humblet–Spira) + convergecast',
  summary: 'Fragments merge along their lightest outgoing edges into the MST; its tree then elects a leader.',
  weighted: true,
  topologies: ['random', 'custom', 'grid', 'hypercube', 'complete', 'tree', 'path', 'star'],
  kinds: ['connect', 'initiate', 'test', 'accept', 'reject', 'report', 'changeroot', 'up', 'elected'],
  defaults: { announce: true, wake: null },
  pseudocode: GHS_PSEUDOCODE,

  checkGraph(graph) {
    const problem = connectedProblem(graph);
    return problem ? `GHS needs a connected graph, but ${problem}` : null;
  },

  init(node, params) {
    const s: GhsState = {
      id: node.id,
      SN: 'Sleeping',
      LN: 0,
      FN: null,
      SE: EdgeStates.allBasic(new Neighbourhood(node)),
      inBranch: null,
      bestEdge: null,
      bestWt: null,
      testEdge: null,
      findCount: 0,
      queue: DeferredQueue.empty(node.neighbours.length),
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
    if (!receive(x, from, msg)) x.defer(from, msg);
    drain(x);
    return x.reaction();
  },

  onTimer(s, _name, _node, params) {
    const r = onDecideTimer(s.conv!, params.announce, BASE);
    return { ...r, state: withConv(s, r) };
  },

  onBarrier(s, node, params) {
    if (s.conv !== null) return null;
    const branches = s.SE.having('Branch');
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

  role(s) {
    if (s.conv) return saturationRole(s.conv);
    return s.SN === 'Sleeping' ? 'idle' : 'candidate';
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
      // In id order (what Object.entries gives for an id-keyed record), as the inspector has always listed it.
      SE: Object.entries(s.SE.toJSON())
        .map(([j, e]) => `${j}: ${e}`)
        .join(', '),
      queue:
        s.queue
          .list()
          .map((d) => `${labelGhs(d.msg)} from ${d.from}`)
          .join(', ') || 'empty',
      halted: s.halted,
    };
    return s.conv ? { ...ghsPart, ...describeSaturation(s.conv) } : ghsPart;
  },

  label(msg) {
    return msg.kind === 'up' || msg.kind === 'elected' ? labelSaturation(msg) : labelGhs(msg);
  },

  result(states) {
    const { leader } = saturationResult(states.map((s) => s?.conv ?? null));
    return { leader, extra: { mst: mstOf(states) } };
  },

  bound(n, graph, params) {
    const ghsBound = Math.floor(5 * n * Math.log2(Math.max(1, n))) + 2 * undirectedEdgeCount(graph);
    return params.announce
      ? { value: ghsBound + 2 * n - 1, formula: '5n log n + 2|E| + (2n − 1)', exact: false }
      : { value: ghsBound + n, formula: '5n log n + 2|E| + n', exact: false };
  },
};
