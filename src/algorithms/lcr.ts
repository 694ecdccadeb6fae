import type { Algorithm, NodeId, Role } from '../engine/types';
import { announce, onElected, type Announcing, type Elected } from './announce';

/** LCR (Le Lann 1977; Chang–Roberts 1979) as in Lynch §3.3, on a unidirectional ring. */
export interface LcrState extends Announcing {
  u: NodeId;
  /** Lynch's status: unknown, chosen (this process is the leader), reported (it knows the leader). */
  status: 'unknown' | 'chosen' | 'reported';
  /** Set once a larger uid has passed through: this process can no longer win. */
  defeated: boolean;
}

export interface Election {
  kind: 'election';
  uid: NodeId;
}

export type LcrMsg = Election | Elected;

export interface LcrParams {
  announce: boolean; // send elected(u) around the ring once the leader knows (C3)
}

const pseudocode = [
  'on start:',
  '  send election(u) to clockwise neighbour',
  'on receive election(v):',
  '  if v > u: send election(v) to clockwise neighbour',
  '  else if v < u: discard v',
  '  else (v = u): status := chosen',
  '    send elected(u) to clockwise neighbour',
  'on receive elected(w):',
  '  if w ≠ u: status := reported; forward elected(w)',
  '  else: halt — the announcement went round',
];

/** Role of a ring process: defeated = a larger uid has passed (or `maxSeen` exceeds its own). */
export function ringRole(s: { status: string; u: NodeId; defeated?: boolean; maxSeen?: NodeId }): Role {
  if (s.status === 'chosen') return 'leader';
  if (s.status === 'reported') return 'nonLeader';
  return s.defeated || (s.maxSeen ?? s.u) > s.u ? 'relay' : 'candidate';
}

// Executed pseudo-code lines per branch, shared constants: a handler allocates no array for them.
const START = [0, 1];
const FORWARD = [2, 3];
const DISCARD = [2, 4];
const CHOSEN = [2, 5];
const CHOSEN_ANNOUNCE = [2, 5, 6];
const ELECTED = { forward: [7, 8], stop: [7, 9] };

export const lcr: Algorithm<LcrState, LcrMsg, LcrParams> = {
  id: 'lcr',
  name: 'LCR (Le Lann, Chang–Roberts)',
  summary: 'Every uid travels clockwise until a larger one swallows it; O(n²) messages.',
  topologies: ['ring-uni'],
  kinds: ['election', 'elected'],
  defaults: { announce: true },
  pseudocode,

  init(node) {
    return {
      state: {
        u: node.id,
        status: 'unknown',
        defeated: false,
        leader: null,
        announcer: false,
        halted: false,
      },
      send: [{ to: node.cw, msg: { kind: 'election', uid: node.id } }],
      lines: START,
      note: `${node.id} sends its uid ${node.id} clockwise to ${node.cw}`,
    };
  },

  onMessage(s, _from, msg, node, params) {
    if (msg.kind === 'elected') {
      const r = onElected<LcrState, LcrMsg>(s, msg, node, ELECTED);
      return s.announcer ? r : { ...r, state: { ...r.state, status: 'reported' } };
    }
    const v = msg.uid;
    if (v > s.u) {
      return {
        // the state object is reused once defeated: forwarding changes nothing else
        state: s.defeated ? s : { ...s, defeated: true },
        send: [{ to: node.cw, msg }],
        lines: FORWARD,
        note: node.narrate ? `${v} > ${s.u}: ${s.u} forwards ${v}` : '',
      };
    }
    if (v < s.u) {
      return { state: s, lines: DISCARD, note: node.narrate ? `${v} < ${s.u}: ${s.u} discards ${v}` : '' };
    }
    const r = announce({ ...s, status: 'chosen' as const }, s.u, node, params.announce);
    return {
      ...r,
      lines: params.announce ? CHOSEN_ANNOUNCE : CHOSEN,
      note: `${v} = ${s.u}: its own uid came back, ${s.u} is the leader`,
    };
  },

  role: ringRole,

  describe(s) {
    return {
      u: s.u,
      status: s.status,
      'saw a larger uid': s.defeated,
      leader: s.leader ?? '—',
      halted: s.halted,
    };
  },

  label(msg) {
    return msg.kind === 'election' ? `election(${msg.uid})` : `elected(${msg.leader})`;
  },

  bound(n, _graph, params) {
    const worst = (n * (n + 1)) / 2 + (params.announce ? n : 0);
    return { value: worst, formula: params.announce ? 'n(n+1)/2 + n' : 'n(n+1)/2', exact: false };
  },
};
