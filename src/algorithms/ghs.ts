import type { NodeId } from '../engine/types';
import { connectedProblem } from '../topology/connectivity';
import { announceParam, treeAnnouncement } from './announce';
import { defineAlgorithm, formula, upper } from './contract';
import { DeferredQueue } from './ghs-deferred';
import { EdgeStates, Neighbourhood } from './ghs-edges';
import { drain, receive, Work, wakeup } from './ghs-procedures';
import {
  fmtEdgeWt,
  fmtWt,
  GHS_PSEUDOCODE,
  labelGhs,
  line,
  type GhsMsg,
  type GhsParams,
  type GhsState,
} from './ghs-types';
import { idsParam } from './params';
import {
  decide,
  type DecideTimer,
  describeSaturation,
  labelSaturation,
  onDecideTimer,
  onElectedTree,
  onUp,
  saturationResult,
  saturationLinesIn,
  saturationRole,
  startSaturation,
  type Saturation,
} from './tree';

/**
 * GHS (Gallager, Humblet, Spira 1983) builds the minimum spanning tree; after a global barrier the
 * tree convergecast of §1.7 elects a leader on its branches (C12). Procedures in ghs-procedures.ts.
 */
const CONV = saturationLinesIn(GHS_PSEUDOCODE);

/**
 * §1.8: GHS sends at most 5n log n + 2|E| messages (Chin and Ting), then the convergecast on the MST
 * at most n `up`; the announcement over the MST adds n − 1.
 */
export const GHS_BOUND = formula(
  '5n log n + 2|E| + n',
  (n, e) => Math.floor(5 * n * Math.log2(Math.max(1, n))) + 2 * e + n,
);

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

export const ghs = defineAlgorithm<GhsState, GhsMsg, GhsParams, DecideTimer>({
  id: 'ghs',
  name: 'GHS (Gallager–Humblet–Spira) + convergecast',
  shortName: 'GHS',
  summary: 'Fragments merge along their lightest outgoing edges into the MST; its tree then elects a leader.',
  underLoss:
    'Assumes reliable FIFO channels: a lost message can leave a fragment waiting for good, so under loss the run may end with no leader.',
  underDuplicates:
    'Does not tolerate duplicates: a copied connect, report or changeroot is taken as a new one, so fragments merge wrongly; the runs end with two leaders or a message a process cannot handle, which the monitor reports.',
  citation: 'Gallager, Humblet and Spira, TOPLAS 5(1):66–77, 1983; then the tree convergecast of §1.7',
  weighted: true,
  topologies: ['random', 'custom', 'grid', 'hypercube', 'complete', 'tree', 'path', 'star'],
  requires: 'a connected graph; edge weights are made distinct by (w, min id, max id)',
  // A Connect, Test or Report may wait in the node's queue (C12); one left there at the end is a bug.
  explore: { held: (s) => s.queue.size },
  kinds: ['connect', 'initiate', 'test', 'accept', 'reject', 'report', 'changeroot', 'up', 'elected'],
  roles: ['idle', 'candidate', 'relay', 'leader', 'nonLeader'],
  params: {
    announce: announceParam,
    wake: idsParam({
      key: 'wake',
      label: 'Woken at start (ids; empty = all)',
      help: 'the processes that wake up spontaneously, procedure (1) (C4); default: every process',
      flag: '--wake',
      placeholder: 'all',
      toggle: { noun: 'woken at start', state: 'woken at start', absent: 'all' },
    }),
  },
  code: GHS_PSEUDOCODE,
  counts: {
    bound: GHS_BOUND,
    announcement: treeAnnouncement,
    curves: () => [upper(GHS_BOUND)],
  },
  presets: [
    {
      id: 'ghs-10',
      title: 'GHS on a 10-node weighted graph',
      watch:
        'Fragments merge along their lightest outgoing edge until one spans the graph: the tree is the minimum spanning tree (weights 1 to 9, total 45), then a convergecast on it elects the leader.',
      link: 'v=1&alg=ghs&ids=1,2,3,4,5,6,7,8,9,10&edges=1-2:3,1-5:12,2-3:7,2-6:1,3-4:9,3-7:14,4-8:5,5-6:10,5-9:2,6-7:6,7-8:13,7-10:4,8-10:11,9-10:15,6-9:8&mode=async&seed=3',
    },
    {
      // Small enough for the explorer of every schedule (a few seconds in the browser).
      id: 'ghs-complete-5',
      title: 'GHS on 5 fully connected nodes: the schedule decides',
      watch:
        'Every schedule builds the same tree, but open All schedules: the messages (38 to 42) and the node that ends as leader depend on the order of deliveries.',
      link: 'v=1&alg=ghs&topo=complete&n=5&ids=asc&mode=async',
    },
  ],

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
          ? onUp(conv, from, msg, node, params.announce, CONV)
          : onElectedTree(conv, from, msg, CONV);
      return { ...r, state: withConv(s, r) };
    }
    const x = new Work(node, s);
    if (!receive(x, from, msg)) x.defer(from, msg);
    drain(x);
    return x.reaction();
  },

  onTimer(s, _timer, _node, params) {
    const r = onDecideTimer(s.conv!, params.announce, CONV);
    return { ...r, state: withConv(s, r) };
  },

  onBarrier(s, node, params) {
    if (s.conv !== null) return null;
    const branches = s.SE.having('Branch');
    const r = decide(startSaturation(node.id, branches), params.announce, CONV);
    const start = `global barrier (GHS is over everywhere): ${node.id} starts the convergecast on its ${branches.length} MST branch${branches.length === 1 ? '' : 'es'}`;
    const waits = !r.send?.length && !r.state.saturated;
    return {
      ...r,
      state: withConv(s, r),
      lines: [line('barrier'), ...(r.lines ?? [])],
      note: waits ? `${start} and waits for up messages` : `${start}; ${r.note}`,
    };
  },

  drawing: {
    // A fragment is named by its core edge's weight (FN) and has a level (LN); a lone node that has
    // woken up is a fragment of level 0 with no name yet.
    group: (s) =>
      s.SN === 'Sleeping'
        ? null
        : s.FN === null
          ? { key: `node ${s.id}`, label: '' }
          : { key: s.FN.join(' '), label: `F ${fmtWt(s.FN)} · L ${s.LN}` },
    edgeStates: [
      { name: 'branch', look: 'thick', meaning: 'Branch: in the fragment’s tree (at the end, the MST)' },
      {
        name: 'rejected',
        look: 'faded',
        meaning: 'Rejected: joins two nodes of one fragment, never in the tree',
      },
      { name: 'basic', look: 'thin', meaning: 'Basic: not classified yet' },
    ],
    edgeState: (s, j) =>
      s.SE.get(j) === 'Branch' ? 'branch' : s.SE.get(j) === 'Rejected' ? 'rejected' : 'basic',
    // The convergecast: each node's `up` goes toward the root of the MST.
    toward: (s) => s.conv?.sentTo ?? null,
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
});
