import type { Algorithm, NodeCtx, NodeId, Send } from '../engine/types';
import { announce, onElected, type Announcing, type Elected } from './announce';
import { ringRole } from './lcr';

/**
 * Hirschberg and Sinclair (CACM 1980) as in Lynch §3.4: in phase l every process that is still a
 * candidate sends its uid both ways with a hop budget of 2^l; the token comes back as `in` if it
 * met no larger uid. Conventions C8 and C13 of algorithms.md.
 */
export type Dir = 'cw' | 'ccw';

export interface HsState extends Announcing {
  u: NodeId;
  /** Lynch's l: the phase this process has reached. */
  phase: number;
  /** Lynch's status: unknown, chosen (this process is the leader), reported (it knows the leader). */
  status: 'unknown' | 'chosen' | 'reported';
  /** How many of its own `in` tokens of the current phase are back (0, 1 or 2). */
  inCount: number;
  /** Largest uid seen so far: a process that has seen a larger one can no longer win. */
  maxSeen: NodeId;
}

/** `dir` is the way the token travels: on a ring of two, cw and ccw lead to the same node (C13). */
export interface Out {
  kind: 'out';
  uid: NodeId;
  hops: number;
  dir: Dir;
}

export interface In {
  kind: 'in';
  uid: NodeId;
  dir: Dir;
}

export type HsMsg = Out | In | Elected;

export interface HsParams {
  announce: boolean; // send elected(u) around the ring once the leader knows (C3)
}

const pseudocode = [
  'on start: phase := 0',
  '  send out(u, 2^phase) both ways',
  'on receive out(v, h):',
  '  if v = u: status := chosen — its own token came home',
  '    send elected(u) clockwise',
  '  else if v > u and h > 1: relay out(v, h − 1) onward',
  '  else if v > u and h = 1: send in(v) back',
  '  else (v < u): discard v',
  'on receive in(v):',
  '  if v ≠ u: relay in(v) onward',
  '  else: count it; after its own two: phase := phase + 1',
  '    send out(u, 2^phase) both ways',
  'on receive elected(w):',
  '  if w ≠ u: status := reported; forward elected(w) clockwise',
  '  else: halt — the announcement went round',
];

// Executed pseudo-code lines per branch, shared: a handler allocates no array for them.
const START = [0, 1];
const RELAY_IN = [8, 9];
const FIRST_IN = [8, 10];
const NEXT_PHASE = [8, 10, 11];
const HOME = [2, 3];
const HOME_ANNOUNCE = [2, 3, 4];
const RELAY_OUT = [2, 5];
const TURN_BACK = [2, 6];
const DISCARD = [2, 7];
const ELECTED = { forward: [12, 13], stop: [12, 14] };

/** ⌈log2 n⌉ in integers (no floating-point rounding at powers of two). */
export function ceilLog2(n: number): number {
  let k = 0;
  while (2 ** k < n) k++;
  return k;
}

const opposite = (d: Dir): Dir => (d === 'cw' ? 'ccw' : 'cw');
const toward = (node: NodeCtx, d: Dir): NodeId => (d === 'cw' ? node.cw : node.ccw);

/** Both tokens of a phase; with n = 1 both go to the node itself (C13: HS n = 1 sends 2 `out`). */
function sendBothWays(node: NodeCtx, phase: number): Send<HsMsg>[] {
  const hops = 2 ** phase;
  return [
    { to: node.cw, msg: { kind: 'out', uid: node.id, hops, dir: 'cw' } },
    { to: node.ccw, msg: { kind: 'out', uid: node.id, hops, dir: 'ccw' } },
  ];
}

export const hs: Algorithm<HsState, HsMsg, HsParams> = {
  id: 'hs',
  name: 'Hirschberg–Sinclair',
  summary: 'Candidates probe 2^l hops both ways in phase l; O(n log n) messages on a bidirectional ring.',
  topologies: ['ring-bi'],
  kinds: ['out', 'in', 'elected'],
  defaults: { announce: true },
  pseudocode,

  init(node) {
    return {
      state: {
        u: node.id,
        phase: 0,
        status: 'unknown',
        inCount: 0,
        maxSeen: node.id,
        leader: null,
        announcer: false,
        halted: false,
      },
      send: sendBothWays(node, 0),
      lines: START,
      note: `${node.id} starts phase 0: it sends out(${node.id}, 1) both ways`,
    };
  },

  onMessage(s, _from, msg, node, params) {
    if (msg.kind === 'elected') {
      const r = onElected<HsState, HsMsg>(s, msg, node, ELECTED);
      return s.announcer ? r : { ...r, state: { ...r.state, status: 'reported' } };
    }
    const v = msg.uid;
    const maxSeen = Math.max(s.maxSeen, v);
    if (msg.kind === 'in') {
      if (v !== s.u) {
        return {
          state: s,
          send: [{ to: toward(node, msg.dir), msg }],
          lines: RELAY_IN,
          note: `${s.u} relays in(${v}) on its way back to ${v}`,
        };
      }
      // Only its own two replies move a process on (C8); anybody else's `in` is just relayed.
      if (s.inCount === 0) {
        return {
          state: { ...s, inCount: 1 },
          lines: FIRST_IN,
          note: `one of ${s.u}'s phase-${s.phase} tokens is back; it waits for the other`,
        };
      }
      const phase = s.phase + 1;
      return {
        state: { ...s, phase, inCount: 0 },
        send: sendBothWays(node, phase),
        lines: NEXT_PHASE,
        note: `both of ${s.u}'s phase-${s.phase} tokens are back: it starts phase ${phase} with out(${s.u}, ${2 ** phase}) both ways`,
      };
    }
    // msg is out(v, h)
    if (v === s.u) {
      if (s.status === 'chosen') {
        return {
          state: s,
          lines: HOME,
          note: `${s.u}'s other token is home too; it is already the leader`,
        };
      }
      const r = announce({ ...s, status: 'chosen' as const }, s.u, node, params.announce);
      return {
        ...r,
        lines: params.announce ? HOME_ANNOUNCE : HOME,
        note: `out(${v}) came all the way round: ${s.u} is the leader`,
      };
    }
    if (v > s.u && msg.hops > 1) {
      return {
        state: { ...s, maxSeen },
        send: [{ to: toward(node, msg.dir), msg: { ...msg, hops: msg.hops - 1 } }],
        lines: RELAY_OUT,
        note: `${v} > ${s.u}: ${s.u} relays out(${v}, ${msg.hops - 1})`,
      };
    }
    if (v > s.u) {
      const back = opposite(msg.dir);
      return {
        state: { ...s, maxSeen },
        send: [{ to: toward(node, back), msg: { kind: 'in', uid: v, dir: back } }],
        lines: TURN_BACK,
        note: `${v} > ${s.u} and its hop budget is spent: ${s.u} sends in(${v}) back`,
      };
    }
    // A defeated process still compares with its own uid (C8): a smaller token stops here.
    return { state: s, lines: DISCARD, note: `${v} < ${s.u}: ${s.u} discards out(${v})` };
  },

  role: ringRole,

  describe(s) {
    return {
      u: s.u,
      phase: s.phase,
      status: s.status,
      'own in tokens back': s.inCount,
      'largest uid seen': s.maxSeen,
      leader: s.leader ?? '—',
      halted: s.halted,
    };
  },

  label(msg) {
    if (msg.kind === 'out') return `out(${msg.uid}, ${msg.hops})`;
    if (msg.kind === 'in') return `in(${msg.uid})`;
    return `elected(${msg.leader})`;
  },

  bound(n, _graph, params) {
    const election = 8 * n * (1 + ceilLog2(n));
    return {
      value: election + (params.announce ? n : 0),
      formula: params.announce ? '8n(1+⌈log n⌉) + n' : '8n(1+⌈log n⌉)',
      exact: false,
    };
  },
};
