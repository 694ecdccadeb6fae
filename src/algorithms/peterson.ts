import type { NodeId, Role, TimingMode } from '../engine/types';
import {
  announce,
  announceParam,
  onElected,
  ringAnnouncement,
  type Announcing,
  type Elected,
  ringKnownLeader,
} from './announce';
import { defineAlgorithm, formula, type OrderName } from './contract';
import { phaseCurves } from './phases';
import { pseudocode } from './pseudocode';
import { floorLog2, halvingRing } from './ring';

/**
 * Peterson (TOPLAS 1982) / Dolev–Klawe–Rodeh, as Lynch's PetersonLeader (§15.1.3), on a
 * unidirectional ring. An active process compares its temporary id t with the two nearest active
 * ones upstream and keeps the middle one's id only if it is a local maximum; the rest become relays.
 *
 * No reordering buffer is needed: a process hears from one FIFO channel only (its ccw neighbour),
 * and what comes down that channel is always p1, p2, p1, p2, … (an active sends p1 then p2 per
 * phase, and a relay passes on an upstream sequence of the same shape), so an active process always
 * receives the kind it is waiting for.
 */
export interface PetersonState extends Announcing {
  u: NodeId;
  /** Lynch's mode: active processes take part in the phases, relays forward everything. */
  mode: 'active' | 'relay';
  /** The temporary id (Lynch's uid1): the uid this active process currently stands for. */
  t: NodeId;
  uid2: NodeId | null;
  uid3: NodeId | null;
  /** The phase an active process is in (1, 2, …); a relay keeps the phase it left in. */
  phase: number;
  /** What an active process waits for next. */
  waiting: 'p1' | 'p2' | null;
}

export interface P1 {
  kind: 'p1';
  uid: NodeId;
}

export interface P2 {
  kind: 'p2';
  uid: NodeId;
}

export type PetersonMsg = P1 | P2 | Elected;

export interface PetersonParams {
  announce: boolean; // send elected(t) around the ring once the chosen process knows (C3)
}

// Lynch's status (Announcing): chosen = this process found it is the last active one (C9).
const code = pseudocode([
  ['start', 'on start: mode := active; t := u'],
  ['start.send', '  send p1(t) to clockwise neighbour'],
  ['p1', 'on receive p1(v) while active:'],
  ['p1.set', '  uid2 := v'],
  ['p1.chosen', '  if uid2 = t: status := chosen; send elected(t)'],
  ['p1.send', '  else: send p2(uid2)'],
  ['p2', 'on receive p2(v) while active:'],
  ['p2.set', '  uid3 := v'],
  ['p2.stay', '  if uid2 > max(t, uid3): t := uid2; send p1(t) (next phase)'],
  ['p2.relay', '  else: mode := relay'],
  ['relay', 'relay: forward every p1(v) and p2(v) unchanged'],
  ['elected', 'on receive elected(w):'],
  ['elected.forward', '  if not the sender of elected: status := reported; forward elected(w)'],
  ['elected.stop', '  else: halt — the announcement went round'],
]);

// Executed pseudo-code lines per branch, shared: a handler allocates no array for them.
const START = code.lines('start', 'start.send');
const RELAY = code.lines('relay');
const CHOSEN = code.lines('p1', 'p1.set', 'p1.chosen');
const SEND_P2 = code.lines('p1', 'p1.set', 'p1.send');
const STAY_ACTIVE = code.lines('p2', 'p2.set', 'p2.stay');
const BECOME_RELAY = code.lines('p2', 'p2.set', 'p2.relay');
const ELECTED = {
  forward: code.lines('elected', 'elected.forward'),
  stop: code.lines('elected', 'elected.stop'),
};

/**
 * §1.4: each phase with two or more active processes costs exactly 2n (p1 + p2), the last one n; at
 * most ⌊a/2⌋ of a active processes survive a phase. The count does not depend on the schedule.
 */
export const PETERSON_BOUND = formula('2n⌊log n⌋ + n', (n) => 2 * n * floorLog2(n) + n);
/** A sorted ring (either way): one busy phase, then one active process left. */
export const PETERSON_SORTED = formula('3n', (n) => 3 * n);

/** The worst ring: the local maxima halve the active processes at every phase (ring.ts). */
export const petersonWorstRing = halvingRing;

export const peterson = defineAlgorithm<PetersonState, PetersonMsg, PetersonParams>({
  id: 'peterson',
  name: 'Peterson / Dolev–Klawe–Rodeh',
  shortName: 'Peterson',
  summary: 'Active processes keep a neighbour’s id only if it is a local maximum; ≤ 2n⌊log n⌋ + n messages.',
  underLoss:
    'Assumes reliable FIFO channels: after a lost message the next one arrives in its place, the process refuses it (a violation) and no leader is elected.',
  underDuplicates:
    "Does not tolerate duplicates: its FIFO reasoning expects one message per phase, so a copy arrives where the next phase's message should, the process refuses it (a violation), as the monitor reports.",
  citation:
    'Peterson, TOPLAS 4(4):758–762, 1982; Dolev, Klawe and Rodeh, J. Algorithms 3:245–260, 1982; as Lynch’s PetersonLeader, §15.1.3',
  topologies: ['ring-uni'],
  requires: 'a unidirectional ring (ids listed clockwise, C1)',
  // The elected value is the largest id (C9), whatever the schedule.
  explore: { leader: 'largest' },
  kinds: ['p1', 'p2', 'elected'],
  roles: ['candidate', 'relay', 'leader', 'nonLeader'],
  params: { announce: announceParam },
  code,
  counts: {
    bound: PETERSON_BOUND,
    announcement: ringAnnouncement,
    curves: (order: OrderName, _mode: TimingMode) => phaseCurves(PETERSON_BOUND, PETERSON_SORTED, order),
  },
  orders: {
    worst: {
      text: 'a ring built so that exactly ⌊a/2⌋ of a active processes survive every phase: 2n⌊log n⌋ + n election messages, the bound',
      arrange: (n) => ({ ids: petersonWorstRing(n).join(',') }),
    },
    best: {
      text: 'sorted ring (asc): one phase with many active processes, then one left: 3n election messages',
      arrange: () => ({ ids: 'asc' }),
    },
  },
  presets: [
    {
      id: 'peterson-8',
      title: 'Peterson on 8 nodes',
      watch:
        'Temporary ids move downstream: 3 processes stay active after phase 1 and 1 after phase 2, so the elected value is 8 but the process that detects it is 4, not 8 (2n per phase + n = 40 election messages).',
      link: 'v=1&alg=peterson&ids=3,7,1,8,5,2,6,4&mode=sync',
    },
  ],

  init(node) {
    return {
      state: {
        u: node.id,
        mode: 'active',
        status: 'unknown',
        t: node.id,
        uid2: null,
        uid3: null,
        phase: 1,
        waiting: 'p1',
        leader: null,
        announcer: false,
        halted: false,
      },
      send: [{ to: node.cw, msg: { kind: 'p1', uid: node.id } }],
      lines: START,
      note: `${node.id} is active with t = ${node.id}: it sends p1(${node.id}) clockwise`,
    };
  },

  onMessage(s, _from, msg, node, params) {
    if (msg.kind === 'elected') return onElected<PetersonState, PetersonMsg>(s, msg, node, ELECTED);
    const v = msg.uid;
    if (s.mode === 'relay') {
      return {
        state: s,
        send: [{ to: node.cw, msg }],
        lines: RELAY,
        note: `${s.u} is a relay: it forwards ${msg.kind}(${v})`,
      };
    }
    if (msg.kind !== s.waiting) {
      // Impossible over FIFO channels (see the comment at the top); a broken engine shows up here.
      throw new Error(`Peterson: active ${s.u} waits for ${s.waiting} but received ${msg.kind}(${v})`);
    }
    if (msg.kind === 'p1') {
      if (v === s.t) {
        const r = announce({ ...s, uid2: v, waiting: null }, s.t, node, params.announce);
        return {
          ...r,
          lines: CHOSEN,
          note: `p1(${v}) came back to ${s.u}: it is the only active process, and ${v} is elected`,
        };
      }
      return {
        state: { ...s, uid2: v, waiting: 'p2' },
        send: [{ to: node.cw, msg: { kind: 'p2', uid: v } }],
        lines: SEND_P2,
        note: `${s.u} learns uid2 = ${v} and sends p2(${v})`,
      };
    }
    // p2: uid3 arrives, the phase ends
    const uid2 = s.uid2!;
    if (uid2 > Math.max(s.t, v)) {
      const phase = s.phase + 1;
      return {
        state: { ...s, uid3: v, t: uid2, phase, waiting: 'p1' },
        send: [{ to: node.cw, msg: { kind: 'p1', uid: uid2 } }],
        lines: STAY_ACTIVE,
        note: `${uid2} > max(${s.t}, ${v}): ${s.u} stays active with t = ${uid2} and sends p1(${uid2})`,
      };
    }
    return {
      state: { ...s, uid3: v, mode: 'relay', waiting: null },
      lines: BECOME_RELAY,
      note: `${uid2} is not > max(${s.t}, ${v}): ${s.u} becomes a relay`,
    };
  },

  drawing: {
    // Only an active process stands for a temporary id; a relay just passes them on.
    badge: (s) => (s.status === 'unknown' && s.mode === 'active' ? `tid ${s.t}` : null),
  },

  knownLeader: ringKnownLeader,
  role(s): Role {
    if (s.status === 'chosen') return 'leader';
    if (s.status === 'reported') return 'nonLeader';
    return s.mode === 'relay' ? 'relay' : 'candidate';
  },

  describe(s) {
    return {
      u: s.u,
      mode: s.mode,
      status: s.status,
      t: s.t,
      uid2: s.uid2 ?? '—',
      uid3: s.uid3 ?? '—',
      phase: s.phase,
      leader: s.leader ?? '—',
      halted: s.halted,
    };
  },

  // The elected value is the max id; the process that detected it is usually another one (C9).
  result(states) {
    const chosen = states.find((s) => s !== null && s.status === 'chosen');
    return chosen
      ? { leader: chosen.t, extra: { chosenProcess: chosen.u } }
      : { leader: null, extra: { chosenProcess: null } };
  },

  label(msg) {
    return msg.kind === 'elected' ? `elected(${msg.leader})` : `${msg.kind}(${msg.uid})`;
  },
});
