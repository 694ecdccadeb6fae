import type { Algorithm, NodeCtx, NodeId, Reaction, Role, Send } from '../../../src/engine/types';
import type { Elected } from '../../../src/algorithms/announce';
import { tree as realTree, type DecideTimer } from '../../../src/algorithms/tree';

/**
 * The naive reference for the tree convergecast: the module as it was before `heard` became
 * persistent (the list copied at every up, the last neighbour found by a scan of it per candidate).
 *
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
  /** Neighbours whose `up` has arrived, in arrival order. */
  heard: readonly NodeId[];
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

/** The convergecast's pseudo-code; GHS appends it to its own and passes the offset as `base`. */
export const SATURATION_CODE = [
  'decide (at start; on each up when async; at the end of the round when sync):',
  '  if heard up from all neighbours but one, and not sent yet:',
  '    send up(u, max) to the remaining neighbour',
  '  if heard up from all neighbours: saturated := true',
  '    if sent up to p (and heard from p): leader := max(u, p)',
  '    else: leader := u (alone: it never sends up)',
  '    if leader = u: send elected(u) to every neighbour',
  'on receive up(v, m) from j:',
  '  heard := heard ∪ {j}; max := max(max, m)',
  '  async: decide now; sync: decide once the whole round is in',
  'on receive elected(ℓ) from j:',
  '  leader := ℓ; forward elected(ℓ) to every other neighbour',
] as const;

type Step = Reaction<Saturation, TreeMsg, DecideTimer>;

const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;

export function startSaturation(u: NodeId, nbrs: readonly NodeId[]): Saturation {
  return {
    u,
    nbrs,
    heard: [],
    max: u,
    sentTo: null,
    saturated: false,
    partner: null,
    leader: null,
    decidePending: false,
    halted: false,
  };
}

/** The saturation rule, applied to everything heard so far. `base` offsets the pseudo-code lines. */
export function decide(s: Saturation, announce: boolean, base = 0): Step {
  const deg = s.nbrs.length;
  const heard = s.heard.length;
  const lines = [base];
  if (s.sentTo === null && heard === deg - 1) {
    const to = s.nbrs.find((j) => !s.heard.includes(j))!;
    const why =
      deg === 1
        ? `${s.u} is a leaf`
        : `${s.u} has heard from all its neighbours but ${to} (${plural(heard, 'up message')})`;
    return {
      state: { ...s, sentTo: to },
      send: [{ to, msg: { kind: 'up', sender: s.u, max: s.max } }],
      lines: [...lines, base + 1, base + 2],
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
  const satLines = [...lines, base + 3, partner === null ? base + 5 : base + 4];
  if (leader !== s.u) return { state: { ...saturated, halted: !announce }, lines: satLines, note: why };
  const send: Send<TreeMsg>[] = announce
    ? s.nbrs.map((to) => ({ to, msg: { kind: 'elected', leader } }))
    : [];
  return {
    state: { ...saturated, halted: true },
    send,
    lines: announce ? [...satLines, base + 6] : satLines,
    note:
      announce && send.length
        ? `${why}; it sends elected(${leader}) to ${send.map((x) => x.to).join(', ')}`
        : why,
  };
}

/** `up` arrives: record it, then decide now (async) or once the round is complete (sync). */
export function onUp(s: Saturation, from: NodeId, msg: Up, node: NodeCtx, announce: boolean, base = 0): Step {
  const next: Saturation = { ...s, heard: [...s.heard, from], max: Math.max(s.max, msg.max) };
  const lines = [base + 7, base + 8, base + 9];
  const got = `${s.u} gets up(${msg.sender}, ${msg.max}) from ${from}`;
  if (node.mode === 'sync') {
    const heardAll = `heard ${next.heard.length} of ${next.nbrs.length}`;
    if (next.decidePending) return { state: next, lines, note: `${got} (${heardAll})` };
    return {
      state: { ...next, decidePending: true },
      timers: [{ timer: { kind: 'decide' }, after: 0 }],
      lines,
      note: `${got} (${heardAll}); it decides at the end of the round`,
    };
  }
  const r = decide(next, announce, base);
  return { ...r, lines: [...lines, ...(r.lines ?? [])], note: `${got}; ${r.note}` };
}

/** Sync mode: the round is over, every `up` of it is in. */
export function onDecideTimer(s: Saturation, announce: boolean, base = 0): Step {
  return decide({ ...s, decidePending: false }, announce, base);
}

export function onElectedTree(s: Saturation, from: NodeId, msg: Elected, base = 0): Step {
  const send: Send<TreeMsg>[] = s.nbrs.filter((j) => j !== from).map((to) => ({ to, msg }));
  return {
    state: { ...s, leader: msg.leader, halted: true },
    send,
    lines: [base + 10, base + 11],
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
    'heard up from': s.heard.join(', ') || '—',
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

/** The tree algorithm with the naive convergecast; its declaration is the real module's. */
export const naiveTree: Algorithm<Saturation, TreeMsg, TreeParams, DecideTimer> = {
  ...(realTree as unknown as Algorithm<Saturation, TreeMsg, TreeParams, DecideTimer>),
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
  describe: (s) => ({ u: s.u, ...describeSaturation(s), halted: s.halted }),
  result(states) {
    const r = saturationResult(states);
    return { leader: r.leader, extra: { saturated: r.saturated } };
  },
};
