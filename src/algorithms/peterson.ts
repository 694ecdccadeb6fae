import type { Algorithm, NodeId, Role } from '../engine/types';
import { announce, onElected, type Announcing, type Elected } from './announce';

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
  /** Lynch's status: chosen = this process found it is the last active one (C9). */
  status: 'unknown' | 'chosen' | 'reported';
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

const pseudocode = [
  'on start: mode := active; t := u',
  '  send p1(t) to clockwise neighbour',
  'on receive p1(v) while active:',
  '  uid2 := v',
  '  if uid2 = t: status := chosen; send elected(t)',
  '  else: send p2(uid2)',
  'on receive p2(v) while active:',
  '  uid3 := v',
  '  if uid2 > max(t, uid3): t := uid2; send p1(t) (next phase)',
  '  else: mode := relay',
  'relay: forward every p1(v) and p2(v) unchanged',
  'on receive elected(w):',
  '  if not the sender of elected: status := reported; forward elected(w)',
  '  else: halt — the announcement went round',
];

// Executed pseudo-code lines per branch, shared: a handler allocates no array for them.
const START = [0, 1];
const RELAY = [10];
const CHOSEN = [2, 3, 4];
const SEND_P2 = [2, 3, 5];
const STAY_ACTIVE = [6, 7, 8];
const BECOME_RELAY = [6, 7, 9];
const ELECTED = { forward: [11, 12], stop: [11, 13] };

export const peterson: Algorithm<PetersonState, PetersonMsg, PetersonParams> = {
  id: 'peterson',
  name: 'Peterson / Dolev–Klawe–Rodeh',
  summary: 'Active processes keep a neighbour’s id only if it is a local maximum; ≤ 2n⌊log n⌋ + n messages.',
  topologies: ['ring-uni'],
  kinds: ['p1', 'p2', 'elected'],
  defaults: { announce: true },
  pseudocode,

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
    if (msg.kind === 'elected') {
      const r = onElected<PetersonState, PetersonMsg>(s, msg, node, ELECTED);
      return s.announcer ? r : { ...r, state: { ...r.state, status: 'reported' } };
    }
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
        const r = announce(
          { ...s, uid2: v, status: 'chosen' as const, waiting: null },
          s.t,
          node,
          params.announce,
        );
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

  bound(n, _graph, params) {
    let floorLog = 0;
    while (2 ** (floorLog + 1) <= n) floorLog++;
    const election = 2 * n * floorLog + n;
    return {
      value: election + (params.announce ? n : 0),
      formula: params.announce ? '2n⌊log n⌋ + n + n' : '2n⌊log n⌋ + n',
      exact: false,
    };
  },
};
