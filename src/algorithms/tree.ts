import type { NodeCtx, NodeId, Reaction, Role, Send } from '../engine/types';
import { treeProblem } from '../topology/connectivity';
import { announceParam, treeAnnouncement, type Elected } from './announce';
import { defineAlgorithm, formula, lower, upper } from './contract';
import { pseudocode, type Pseudocode } from './pseudocode';
import { PVec } from './pvec';

/**
 * The tree convergecast ("saturation") election of docs/algorithms.md §1.7 (Santoro's saturation technique).
 * A node that has heard `up` from all its tree neighbours but one sends `up` to that last one; a node
 * that has heard from all of them is saturated. Exactly one node, or two adjacent ones whose `up`
 * messages crossed, end saturated; the leader is that node, or the larger id of the two (C11).
 * GHS (ghs.ts) runs the same code on its MST branches after the global barrier.
 */
export interface Saturation {
  u: NodeId;
  /** The tree neighbours (for GHS: the MST branches). */
  nbrs: readonly NodeId[];
  /**
   * Neighbours whose `up` has arrived, in arrival order. Persistent: the centre of a star hears
   * n − 1 times, and copying the list at each would make it quadratic.
   */
  heard: PVec<NodeId>;
  /** Largest id in the part of the tree that has reported here (carried by `up`). */
  max: NodeId;
  /** The neighbour this node sent its `up` to, once it has. */
  sentTo: NodeId | null;
  saturated: boolean;
  /** The other saturated node, when two `up` messages crossed on one edge. */
  partner: NodeId | null;
  leader: NodeId | null;
  /** Sync mode: a `decide` timer is set for the end of this round (Lynch: act on the whole round). */
  decidePending: boolean;
  halted: boolean;
}

export interface Up {
  kind: 'up';
  sender: NodeId;
  max: NodeId;
}

export type TreeMsg = Up | Elected;

export interface TreeParams {
  announce: boolean; // broadcast elected(leader) over the tree once it is known (C3: n − 1 messages)
}

/** The sync round-end timer: decide once the whole round's `up` messages are in. */
export interface DecideTimer {
  kind: 'decide';
}

/** The convergecast's pseudo-code; GHS appends it to its own and passes its own line lookup. */
export const SATURATION_CODE = [
  ['decide', 'decide (at start; on each up when async; at the end of the round when sync):'],
  ['decide.allButOne', '  if heard up from all neighbours but one, and not sent yet:'],
  ['decide.send', '    send up(u, max) to the remaining neighbour'],
  ['decide.saturated', '  if heard up from all neighbours: saturated := true'],
  ['decide.pair', '    if sent up to p (and heard from p): leader := max(u, p)'],
  ['decide.alone', '    else: leader := u (alone: it never sends up)'],
  ['decide.announce', '    if leader = u: send elected(u) to every neighbour'],
  ['up', 'on receive up(v, m) from j:'],
  ['up.record', '  heard := heard ∪ {j}; max := max(max, m)'],
  ['up.decide', '  async: decide now; sync: decide once the whole round is in'],
  ['elected', 'on receive elected(ℓ) from j:'],
  ['elected.forward', '  leader := ℓ; forward elected(ℓ) to every other neighbour'],
] as const;

export type SaturationLine = (typeof SATURATION_CODE)[number][0];

/** The host's line numbers of the convergecast's lines (the tree's own, or GHS's after its code). */
export type SaturationLines = (key: SaturationLine) => number;

const code = pseudocode(SATURATION_CODE);
const OWN: SaturationLines = code.line;

type Step = Reaction<Saturation, TreeMsg, DecideTimer>;

const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;

export function startSaturation(u: NodeId, nbrs: readonly NodeId[]): Saturation {
  return {
    u,
    nbrs,
    heard: PVec.empty(-1),
    max: u,
    sentTo: null,
    saturated: false,
    partner: null,
    leader: null,
    decidePending: false,
    halted: false,
  };
}

/** The saturation rule, applied to everything heard so far; `at` numbers the pseudo-code lines. */
export function decide(s: Saturation, announce: boolean, at: SaturationLines = OWN): Step {
  const deg = s.nbrs.length;
  const heard = s.heard.size;
  const lines = [at('decide')];
  if (s.sentTo === null && heard === deg - 1) {
    const from = new Set(s.heard.toArray());
    const to = s.nbrs.find((j) => !from.has(j))!;
    const why =
      deg === 1
        ? `${s.u} is a leaf`
        : `${s.u} has heard from all its neighbours but ${to} (${plural(heard, 'up message')})`;
    return {
      state: { ...s, sentTo: to },
      send: [{ to, msg: { kind: 'up', sender: s.u, max: s.max } }],
      lines: [...lines, at('decide.allButOne'), at('decide.send')],
      note: `${why}: it sends up(${s.u}, ${s.max}) to ${to}`,
    };
  }
  if (heard < deg || s.saturated) {
    return {
      state: s,
      lines,
      note: `${s.u} has heard from ${heard} of ${plural(deg, 'neighbour')}: it waits`,
    };
  }
  const partner = s.sentTo;
  const leader = partner === null ? s.u : Math.max(s.u, partner);
  const saturated: Saturation = { ...s, saturated: true, partner, leader };
  const why =
    deg === 0
      ? `${s.u} has no neighbour: it is saturated at once and is the leader`
      : partner === null
        ? `${s.u} heard from its last neighbours in the same round, so it never sends up: it is the only saturated node and the leader`
        : `${s.u} hears from ${partner}, to which it had sent up: ${Math.min(s.u, partner)} and ${Math.max(s.u, partner)} are both saturated, and the larger, ${leader}, is the leader`;
  const satLines = [...lines, at('decide.saturated'), at(partner === null ? 'decide.alone' : 'decide.pair')];
  if (leader !== s.u) return { state: { ...saturated, halted: !announce }, lines: satLines, note: why };
  const send: Send<TreeMsg>[] = announce
    ? s.nbrs.map((to) => ({ to, msg: { kind: 'elected', leader } }))
    : [];
  return {
    state: { ...saturated, halted: true },
    send,
    lines: announce ? [...satLines, at('decide.announce')] : satLines,
    note:
      announce && send.length
        ? `${why}; it sends elected(${leader}) to ${send.map((x) => x.to).join(', ')}`
        : why,
  };
}

/** `up` arrives: record it, then decide now (async) or once the round is complete (sync). */
export function onUp(
  s: Saturation,
  from: NodeId,
  msg: Up,
  node: NodeCtx,
  announce: boolean,
  at: SaturationLines = OWN,
): Step {
  const next: Saturation = { ...s, heard: s.heard.push(from), max: Math.max(s.max, msg.max) };
  const lines = [at('up'), at('up.record'), at('up.decide')];
  const got = `${s.u} gets up(${msg.sender}, ${msg.max}) from ${from}`;
  if (node.mode === 'sync') {
    const heardAll = `heard ${next.heard.size} of ${next.nbrs.length}`;
    if (next.decidePending) return { state: next, lines, note: `${got} (${heardAll})` };
    return {
      state: { ...next, decidePending: true },
      timers: [{ timer: { kind: 'decide' }, after: 0 }],
      lines,
      note: `${got} (${heardAll}); it decides at the end of the round`,
    };
  }
  const r = decide(next, announce, at);
  return { ...r, lines: [...lines, ...(r.lines ?? [])], note: `${got}; ${r.note}` };
}

/** Sync mode: the round is over, every `up` of it is in. */
export function onDecideTimer(s: Saturation, announce: boolean, at: SaturationLines = OWN): Step {
  return decide({ ...s, decidePending: false }, announce, at);
}

export function onElectedTree(s: Saturation, from: NodeId, msg: Elected, at: SaturationLines = OWN): Step {
  const send: Send<TreeMsg>[] = s.nbrs.filter((j) => j !== from).map((to) => ({ to, msg }));
  return {
    state: { ...s, leader: msg.leader, halted: true },
    send,
    lines: [at('elected'), at('elected.forward')],
    note: send.length
      ? `${s.u} learns the leader is ${msg.leader} and forwards elected(${msg.leader}) to ${send.map((x) => x.to).join(', ')}`
      : `${s.u} learns the leader is ${msg.leader}; it has no other neighbour, so the announcement stops here`,
  };
}

export function saturationRole(s: Saturation): Role {
  if (s.leader === s.u) return 'leader';
  if (s.leader !== null) return 'nonLeader';
  return s.sentTo !== null ? 'relay' : 'candidate';
}

export function describeSaturation(s: Saturation): Record<string, string | number | boolean> {
  return {
    'tree neighbours': s.nbrs.join(', ') || '—',
    'heard up from': s.heard.toArray().join(', ') || '—',
    'largest id heard': s.max,
    'sent up to': s.sentTo ?? '—',
    saturated: s.saturated,
    leader: s.leader ?? '—',
  };
}

export const labelSaturation = (msg: TreeMsg): string =>
  msg.kind === 'up' ? `up(${msg.sender}, ${msg.max})` : `elected(${msg.leader})`;

/** Leader and saturated ids read from the final states (null entries: crashed or absent). */
export function saturationResult(states: readonly (Saturation | null)[]): {
  leader: NodeId | null;
  saturated: NodeId[];
} {
  let leader: NodeId | null = null;
  const saturated: NodeId[] = [];
  for (const s of states) {
    if (!s) continue;
    if (s.leader === s.u) leader = s.u;
    if (s.saturated) saturated.push(s.u);
  }
  return { leader, saturated: saturated.sort((a, b) => a - b) };
}

/**
 * §1.7: n − 1 `up` messages when one node ends saturated (sync only), n when two do (async always,
 * n ≥ 2); a single node sends nothing.
 */
export const TREE_UP_MIN = formula('n−1', (n) => Math.max(0, n - 1));
export const TREE_UP_MAX = formula('n', (n) => (n <= 1 ? 0 : n));

export const tree = defineAlgorithm<Saturation, TreeMsg, TreeParams, DecideTimer>({
  id: 'tree',
  name: 'Tree convergecast (saturation)',
  shortName: 'Tree',
  summary:
    'Leaves send up toward the middle; the saturated node (or the larger of two) leads; n − 1 or n messages.',
  underLoss:
    'Assumes reliable channels: a lost message stops the saturation where it was lost, so under loss the run may end with no leader.',
  underDuplicates:
    'Does not tolerate duplicates: a process counts the up messages it has received, so a copy counts as a second child and it may decide early; the runs then end with two leaders at once, which the monitor reports.',
  citation: 'the saturation technique, as in Santoro, Design and Analysis of Distributed Algorithms',
  topologies: ['tree', 'path', 'star', 'custom'],
  requires: 'a tree: connected and without a cycle',
  kinds: ['up', 'elected'],
  roles: ['candidate', 'relay', 'leader', 'nonLeader'],
  params: { announce: announceParam },
  code,
  counts: {
    bound: TREE_UP_MAX,
    announcement: treeAnnouncement,
    curves: () => [lower(TREE_UP_MIN, 2), upper(TREE_UP_MAX, 2)],
  },
  presets: [
    {
      id: 'tree-two-saturated',
      title: 'Tree convergecast: two saturated nodes',
      watch:
        'On a path of 8 nodes the up messages from both ends meet in the middle and cross on the edge 3–7: both ends of it saturate, and the larger, 7, leads, not the largest id 8 (n = 8 up messages).',
      link: 'v=1&alg=tree&ids=6,1,8,3,7,2,5,4&edges=6-1,1-8,8-3,3-7,7-2,2-5,5-4&mode=sync',
    },
  ],

  checkGraph(graph) {
    return treeProblem(graph);
  },

  init(node, params) {
    const r = decide(startSaturation(node.id, node.neighbours), params.announce);
    if (r.send?.length || r.state.saturated) return r;
    return {
      ...r,
      note: `${node.id} has ${plural(node.neighbours.length, 'neighbour')}: it waits until all but one have sent up`,
    };
  },

  onMessage(s, from, msg, node, params) {
    return msg.kind === 'up' ? onUp(s, from, msg, node, params.announce) : onElectedTree(s, from, msg);
  },

  onTimer(s, _timer, _node, params) {
    return onDecideTimer(s, params.announce);
  },

  role: saturationRole,

  // Each node's `up` goes toward where the tree saturates: the arrows show the convergecast.
  drawing: { toward: (s) => s.sentTo },
  describe: (s) => ({ u: s.u, ...describeSaturation(s), halted: s.halted }),
  label: labelSaturation,

  result(states) {
    const r = saturationResult(states);
    return { leader: r.leader, extra: { saturated: r.saturated } };
  },
});

/** The convergecast's lines inside a host's pseudo-code (GHS): its keys are among the host's. */
export function saturationLinesIn<K extends string>(host: Pseudocode<K | SaturationLine>): SaturationLines {
  return (key) => host.line(key);
}
