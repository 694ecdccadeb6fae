import type { Algorithm, NodeId, Role } from '../engine/types';
import { announce, onElected, type Announcing, type Elected } from './announce';

/** LCR (Le Lann 1977; Chang–Roberts 1979) as in Lynch §3.3, on a unidirectional ring. */
export interface LcrState extends Announcing {
  u: NodeId;
  /** Lynch's status: unknown, chosen (this process is the leader), reported (it knows the leader). */
  status: 'unknown' | 'chosen' | 'reported';
  /** Largest uid seen so far: a process that has seen a larger one can no longer win. */
  maxSeen: NodeId;
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

export function ringRole(s: { status: string; maxSeen: NodeId; u: NodeId; halted: boolean }): Role {
  if (s.status === 'chosen') return 'leader';
  if (s.status === 'reported') return 'nonLeader';
  return s.maxSeen > s.u ? 'relay' : 'candidate';
}

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
        maxSeen: node.id,
        leader: null,
        announcer: false,
        halted: false,
      },
      send: [{ to: node.cw, msg: { kind: 'election', uid: node.id } }],
      lines: [0, 1],
      note: `${node.id} sends its uid ${node.id} clockwise to ${node.cw}`,
    };
  },

  onMessage(s, _from, msg, node, params) {
    if (msg.kind === 'elected') {
      const r = onElected<LcrState, LcrMsg>(s, msg, node, { forward: [7, 8], stop: [7, 9] });
      return s.announcer ? r : { ...r, state: { ...r.state, status: 'reported' } };
    }
    const v = msg.uid;
    const maxSeen = Math.max(s.maxSeen, v);
    if (v > s.u) {
      return {
        state: { ...s, maxSeen },
        send: [{ to: node.cw, msg }],
        lines: [2, 3],
        note: `${v} > ${s.u}: ${s.u} forwards ${v}`,
      };
    }
    if (v < s.u) {
      return { state: s, lines: [2, 4], note: `${v} < ${s.u}: ${s.u} discards ${v}` };
    }
    const r = announce({ ...s, status: 'chosen' as const }, s.u, node, params.announce);
    return {
      ...r,
      lines: params.announce ? [2, 5, 6] : [2, 5],
      note: `${v} = ${s.u}: its own uid came back, ${s.u} is the leader`,
    };
  },

  role: ringRole,

  describe(s) {
    return {
      u: s.u,
      status: s.status,
      'largest uid seen': s.maxSeen,
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
