import type { Algorithm, NodeId } from '../engine/types';
import { announce, onElected, type Announcing, type Elected } from './announce';
import { ringRole, type Election } from './lcr';

/**
 * Chang and Roberts (CACM 1979), in the participant form usually taught: only initiators start,
 * and a participant swallows smaller uids instead of replacing them.
 */
export interface ChangRobertsState extends Announcing {
  u: NodeId;
  participant: boolean;
  status: 'unknown' | 'chosen' | 'reported';
  /** Set once a larger uid has passed through: this process can no longer win. */
  defeated: boolean;
}

export type ChangRobertsMsg = Election | Elected;

export interface ChangRobertsParams {
  announce: boolean; // send elected(u) around the ring once the leader knows (C3)
  initiators: NodeId[] | null; // ids that start spontaneously; null = every process (C4)
}

const pseudocode = [
  'on start (initiators only):',
  '  participant := true; send election(u)',
  'on receive election(v):',
  '  if v > u: participant := true; forward election(v)',
  '  else if v < u and not participant:',
  '    participant := true; send election(u) instead',
  '  else if v < u and participant: swallow v',
  '  else (v = u): status := chosen; send elected(u)',
  'on receive elected(w):',
  '  if w ≠ u: participant := false; forward elected(w)',
  '  else: halt — the announcement went round',
];

export const changRoberts: Algorithm<ChangRobertsState, ChangRobertsMsg, ChangRobertsParams> = {
  id: 'chang-roberts',
  name: 'Chang–Roberts',
  summary: 'Initiators send their uid; participants swallow smaller ones; n·H_n messages on average.',
  topologies: ['ring-uni'],
  kinds: ['election', 'elected'],
  defaults: { announce: true, initiators: null },
  pseudocode,

  init(node, params) {
    const base: ChangRobertsState = {
      u: node.id,
      participant: false,
      status: 'unknown',
      defeated: false,
      leader: null,
      announcer: false,
      halted: false,
    };
    if (params.initiators !== null && !params.initiators.includes(node.id)) {
      return { state: base, lines: [0], note: `${node.id} is not an initiator: it waits for a message` };
    }
    return {
      state: { ...base, participant: true },
      send: [{ to: node.cw, msg: { kind: 'election', uid: node.id } }],
      lines: [0, 1],
      note: `${node.id} initiates: it marks itself participant and sends election(${node.id})`,
    };
  },

  onMessage(s, _from, msg, node, params) {
    if (msg.kind === 'elected') {
      const r = onElected<ChangRobertsState, ChangRobertsMsg>(s, msg, node, {
        forward: [8, 9],
        stop: [8, 10],
      });
      return s.announcer ? r : { ...r, state: { ...r.state, status: 'reported', participant: false } };
    }
    const v = msg.uid;
    if (v > s.u) {
      return {
        state: s.participant && s.defeated ? s : { ...s, participant: true, defeated: true },
        send: [{ to: node.cw, msg }],
        lines: [2, 3],
        note: node.narrate ? `${v} > ${s.u}: ${s.u} forwards ${v}` : '',
      };
    }
    if (v < s.u && !s.participant) {
      return {
        state: { ...s, participant: true },
        send: [{ to: node.cw, msg: { kind: 'election', uid: s.u } }],
        lines: [2, 4, 5],
        note: `${v} < ${s.u} and ${s.u} is not yet a participant: it sends its own uid ${s.u} instead`,
      };
    }
    if (v < s.u) {
      return {
        state: s,
        lines: [2, 6],
        note: `${v} < ${s.u} and ${s.u} already participates: it swallows ${v}`,
      };
    }
    const r = announce({ ...s, status: 'chosen' as const }, s.u, node, params.announce);
    return { ...r, lines: [2, 7], note: `${v} = ${s.u}: its own uid came back, ${s.u} is the leader` };
  },

  role: ringRole,

  describe(s) {
    return {
      u: s.u,
      participant: s.participant,
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
    // With every process initiating the worst case is LCR's; the mean over all rings is n·H_n.
    const worst = (n * (n + 1)) / 2 + (params.announce ? n : 0);
    return { value: worst, formula: params.announce ? 'n(n+1)/2 + n' : 'n(n+1)/2', exact: false };
  },
};
