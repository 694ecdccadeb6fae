import type { NodeId } from '../engine/types';
import {
  announce,
  announceParam,
  onElected,
  ringAnnouncement,
  type Announcing,
  type Elected,
  ringKnownLeader,
} from './announce';
import { defineAlgorithm } from './contract';
import { LCR_WORST, lcrCurves, lcrOrders, type Election } from './lcr';
import { idsParam } from './params';
import { pseudocode } from './pseudocode';
import { ringRole } from './ring';

/**
 * Chang and Roberts (CACM 1979), in the participant form usually taught: only initiators start,
 * and a participant swallows smaller uids instead of replacing them.
 */
export interface ChangRobertsState extends Announcing {
  u: NodeId;
  participant: boolean;
  /** Set once a larger uid has passed through: this process can no longer win. */
  defeated: boolean;
}

export type ChangRobertsMsg = Election | Elected;

export interface ChangRobertsParams {
  announce: boolean; // send elected(u) around the ring once the leader knows (C3)
  initiators: NodeId[] | null; // ids that start spontaneously; null = every process (C4)
}

const code = pseudocode([
  ['start', 'on start (initiators only):'],
  ['start.send', '  participant := true; send election(u)'],
  ['receive', 'on receive election(v):'],
  ['receive.forward', '  if v > u: participant := true; forward election(v)'],
  ['receive.replace', '  else if v < u and not participant:'],
  ['receive.replace.send', '    participant := true; send election(u) instead'],
  ['receive.swallow', '  else if v < u and participant: swallow v'],
  ['receive.chosen', '  else (v = u): status := chosen; send elected(u)'],
  ['elected', 'on receive elected(w):'],
  ['elected.forward', '  if w ≠ u: participant := false; forward elected(w)'],
  ['elected.stop', '  else: halt — the announcement went round'],
]);

const ELECTED = {
  forward: code.lines('elected', 'elected.forward'),
  stop: code.lines('elected', 'elected.stop'),
};

export const changRoberts = defineAlgorithm<ChangRobertsState, ChangRobertsMsg, ChangRobertsParams>({
  id: 'chang-roberts',
  name: 'Chang–Roberts',
  shortName: 'Chang–Roberts',
  summary: 'Initiators send their uid; participants swallow smaller ones; n·H_n messages on average.',
  underLoss:
    'Assumes reliable channels: a lost uid or announcement is never sent again, so under loss the run may end with no leader, or with processes that never learn it.',
  underDuplicates:
    'Tolerates duplicates: a copy of a uid or an announcement is handled like the original, so the largest uid is still the one leader and everyone learns it; only the message count grows, as every copy is forwarded.',
  citation: 'Chang and Roberts, CACM 22(5):281–283, 1979 (participant form, as in Coulouris et al.)',
  topologies: ['ring-uni'],
  requires: 'a unidirectional ring (ids listed clockwise, C1)',
  // Only the largest uid survives every comparison (§1.2), whoever initiates and whatever the schedule.
  explore: { leader: 'largest' },
  kinds: ['election', 'elected'],
  roles: ['candidate', 'relay', 'leader', 'nonLeader'],
  params: {
    announce: announceParam,
    initiators: idsParam({
      key: 'initiators',
      label: 'Initiators (ids; empty = all)',
      help: 'the processes that start spontaneously (C4); default: every process',
      flag: '--initiators',
      placeholder: 'all',
      toggle: { noun: 'initiator', state: 'an initiator', absent: 'all' },
    }),
  },
  code,
  // With every process initiating it sends exactly LCR's messages (§1.2); any initiator set stays
  // within LCR's worst case, and a single initiator s sends n + d(s → max).
  counts: { bound: LCR_WORST, announcement: ringAnnouncement, curves: lcrCurves },
  orders: lcrOrders,
  presets: [
    {
      id: 'chang-roberts-two-initiators',
      title: 'Chang–Roberts with two initiators',
      watch:
        'Only 1 and 5 start; 8, 6 and 7 join when a smaller uid reaches them and send their own instead, and participants swallow smaller uids: 16 election messages where LCR spends 20 on this ring.',
      link: 'v=1&alg=chang-roberts&ids=3,7,1,8,5,2,6,4&mode=sync&initiators=1,5',
    },
  ],

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
      return {
        state: base,
        lines: code.lines('start'),
        note: `${node.id} is not an initiator: it waits for a message`,
      };
    }
    return {
      state: { ...base, participant: true },
      send: [{ to: node.cw, msg: { kind: 'election', uid: node.id } }],
      lines: code.lines('start', 'start.send'),
      note: `${node.id} initiates: it marks itself participant and sends election(${node.id})`,
    };
  },

  onMessage(s, _from, msg, node, params) {
    if (msg.kind === 'elected') {
      const r = onElected<ChangRobertsState, ChangRobertsMsg>(s, msg, node, ELECTED);
      return s.announcer ? r : { ...r, state: { ...r.state, participant: false } };
    }
    const v = msg.uid;
    if (v > s.u) {
      return {
        state: s.participant && s.defeated ? s : { ...s, participant: true, defeated: true },
        send: [{ to: node.cw, msg }],
        lines: code.lines('receive', 'receive.forward'),
        note: node.narrate ? `${v} > ${s.u}: ${s.u} forwards ${v}` : '',
      };
    }
    if (v < s.u && !s.participant) {
      return {
        state: { ...s, participant: true },
        send: [{ to: node.cw, msg: { kind: 'election', uid: s.u } }],
        lines: code.lines('receive', 'receive.replace', 'receive.replace.send'),
        note: `${v} < ${s.u} and ${s.u} is not yet a participant: it sends its own uid ${s.u} instead`,
      };
    }
    if (v < s.u) {
      return {
        state: s,
        lines: code.lines('receive', 'receive.swallow'),
        note: `${v} < ${s.u} and ${s.u} already participates: it swallows ${v}`,
      };
    }
    const r = announce(s, s.u, node, params.announce);
    return {
      ...r,
      lines: code.lines('receive', 'receive.chosen'),
      note: `${v} = ${s.u}: its own uid came back, ${s.u} is the leader`,
    };
  },

  role: ringRole,
  knownLeader: ringKnownLeader,

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
});
