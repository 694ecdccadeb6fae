import type { NodeId, TimingMode } from '../engine/types';
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
import { floorLog2, halvingRing, opposite, ringRole, sendBothWays, toward, type Dir } from './ring';

/**
 * Franklin (CACM 1982) on a bidirectional ring, docs/algorithms.md §1.9. In each phase every active
 * process sends its uid both ways and compares the two uids that come back from its nearest active
 * neighbours: it stays active only if its own is larger than both. Conventions C13 and C14.
 *
 * Why there is a waiting list: phases are not synchronised. An active neighbour that has already
 * decided may send its next phase's uid before this process has heard from its other side; that uid
 * must wait for the next decision. FIFO channels keep a side's uids in phase order, so the first
 * waiting uid on each side always belongs to the current phase (C14).
 */
export interface FranklinState extends Announcing {
  u: NodeId;
  /** The phase this process is in (1, 2, …); a relay keeps the phase it lost in. */
  phase: number;
  /** Set once it lost a phase: it is a relay (passive) from then on and only forwards. */
  defeated: boolean;
  /**
   * The uids that arrived and are not yet taken, by their direction of travel: `cw` came from the ccw
   * neighbour, `ccw` from the cw one. In arrival order (C14).
   */
  waiting: { readonly cw: readonly NodeId[]; readonly ccw: readonly NodeId[] };
}

/** `dir` is the way the message travels: on a ring of two, cw and ccw lead to the same node (C13). */
export interface FranklinElection {
  kind: 'election';
  uid: NodeId;
  dir: Dir;
}

export type FranklinMsg = FranklinElection | Elected;

export interface FranklinParams {
  announce: boolean; // send elected(u) around the ring once the leader knows (C3)
}

const code = pseudocode([
  ['start', 'on start: active; phase := 1'],
  ['start.send', '  send election(u) both ways'],
  ['receive', 'on receive election(v):'],
  ['receive.relay', '  if relay: forward election(v) in its direction of travel'],
  ['receive.wait', '  else if nothing waits from the other side: keep v (FIFO per side); wait'],
  ['decide', '  else: take the first waiting v_cw, v_ccw from each side'],
  ['decide.leader', '    if v_cw = v_ccw = u: status := chosen — its own uid came round both ways'],
  ['decide.announce', '      send elected(u) clockwise'],
  ['decide.relay', '    else if max(v_cw, v_ccw) > u: become a relay'],
  ['decide.flush', '      forward what still waits, in its direction of travel'],
  ['decide.next', '    else (both < u): phase := phase + 1; send election(u) both ways'],
  ['elected', 'on receive elected(w):'],
  ['elected.forward', '  if w ≠ u: status := reported; forward elected(w) clockwise'],
  ['elected.stop', '  else: halt — the announcement went round'],
]);

// Executed pseudo-code lines per branch, shared: a handler allocates no array for them.
const START = code.lines('start', 'start.send');
const RELAY = code.lines('receive', 'receive.relay');
const WAIT = code.lines('receive', 'receive.wait');
const LEADER = code.lines('receive', 'decide', 'decide.leader');
const LEADER_ANNOUNCE = code.lines('receive', 'decide', 'decide.leader', 'decide.announce');
const LOSE = code.lines('receive', 'decide', 'decide.relay');
const LOSE_FLUSH = code.lines('receive', 'decide', 'decide.relay', 'decide.flush');
const NEXT_PHASE = code.lines('receive', 'decide', 'decide.next');
const ELECTED = {
  forward: code.lines('elected', 'elected.forward'),
  stop: code.lines('elected', 'elected.stop'),
};

const NOTHING_WAITS: FranklinState['waiting'] = { cw: [], ccw: [] };

/** One phase's two messages; with n = 1 both go to the node itself (C13). */
const election =
  (u: NodeId) =>
  (dir: Dir): FranklinMsg => ({ kind: 'election', uid: u, dir });

/** The side a message travelling `dir` came from, as a student reads it. */
const sideOf = (dir: Dir): string => (dir === 'cw' ? 'ccw' : 'cw');

/**
 * §1.9: every phase costs exactly 2n election messages (the active processes' messages cover the ring
 * once each way), and at most ⌊a/2⌋ of a ≥ 2 active processes survive a phase (no two neighbouring
 * actives can both be larger than each other), so there are at most ⌊log n⌋ elimination phases
 * before the last one, in which the single active process hears its own uid.
 */
export const FRANKLIN_WORST = formula('2n(⌊log n⌋+1)', (n) => 2 * n * (floorLog2(n) + 1));
/**
 * A sorted ring (either way), n ≥ 2: only the largest uid beats both neighbours in phase 1, so one
 * elimination phase and the last: 2 · 2n. The fewest possible, since with two or more active
 * processes a phase always eliminates someone and never elects.
 */
export const FRANKLIN_SORTED = formula('4n', (n) => 4 * n);

/** The worst ring: the local maxima halve the active processes at every phase (ring.ts). */
export const franklinWorstRing = halvingRing;

export const franklin = defineAlgorithm<FranklinState, FranklinMsg, FranklinParams>({
  id: 'franklin',
  name: 'Franklin',
  shortName: 'Franklin',
  summary:
    'Active processes compare their uid with the nearest active one on each side; local maxima stay active. ≤ 2n(⌊log n⌋ + 1) messages.',
  underLoss:
    'Assumes reliable channels: an active process waits for an id from each side, so one lost message stalls it and the run ends with no leader.',
  underDuplicates:
    'Tolerates duplicates in the runs tried (one leader, the largest uid), but each copy is compared and forwarded like a message of its own, so the message count grows many times over.',
  citation:
    'Franklin, On an improved algorithm for decentralized extrema finding in circular configurations of processors, CACM 25(5):336–337, 1982',
  topologies: ['ring-bi'],
  requires: 'a bidirectional ring (ids listed clockwise, C1)',
  // Only the largest id survives every phase (§1.9); a uid still waiting at the end was never handled (C14).
  explore: { leader: 'largest', held: (s) => s.waiting.cw.length + s.waiting.ccw.length },
  kinds: ['election', 'elected'],
  roles: ['candidate', 'relay', 'leader', 'nonLeader'],
  params: { announce: announceParam },
  code,
  counts: {
    bound: FRANKLIN_WORST,
    announcement: ringAnnouncement,
    curves: (order: OrderName, _mode: TimingMode) => phaseCurves(FRANKLIN_WORST, FRANKLIN_SORTED, order),
  },
  orders: {
    worst: {
      text: 'a ring built so that exactly ⌊a/2⌋ of a active processes survive every phase: ⌊log n⌋ elimination phases, 2n(⌊log n⌋ + 1) election messages, the bound',
      arrange: (n) => ({ ids: franklinWorstRing(n).join(',') }),
    },
    best: {
      text: 'sorted ring (asc): only the largest uid survives phase 1, so 2 phases and 4n election messages, the fewest possible',
      arrange: () => ({ ids: 'asc' }),
    },
  },
  presets: [
    {
      id: 'franklin-worst',
      title: 'Franklin, worst case on 8 nodes',
      watch:
        'Only local maxima stay active: 4 processes after phase 1, 2 after phase 2, 1 after phase 3, and in phase 4 uid 8 hears itself from both sides; every phase costs 2n = 16 election messages, 64 in all, plus 8 for the announcement.',
      link: 'v=1&alg=franklin&ids=8,4,6,3,7,2,5,1&mode=sync',
    },
  ],

  init(node) {
    return {
      state: {
        u: node.id,
        phase: 1,
        defeated: false,
        waiting: NOTHING_WAITS,
        status: 'unknown',
        leader: null,
        announcer: false,
        halted: false,
      },
      send: sendBothWays(node, election(node.id)),
      lines: START,
      note: node.narrate ? `${node.id} is active in phase 1: it sends election(${node.id}) both ways` : '',
    };
  },

  onMessage(s, _from, msg, node, params) {
    if (msg.kind === 'elected') return onElected<FranklinState, FranklinMsg>(s, msg, node, ELECTED);
    const v = msg.uid;
    if (s.defeated) {
      return {
        state: s,
        send: [{ to: toward(node, msg.dir), msg }],
        lines: RELAY,
        note: node.narrate ? `${s.u} is a relay: it forwards election(${v}) ${msg.dir}` : '',
      };
    }
    const waiting = { ...s.waiting, [msg.dir]: [...s.waiting[msg.dir], v] };
    const fromCcw = waiting.cw[0];
    const fromCw = waiting.ccw[0];
    if (fromCcw === undefined || fromCw === undefined) {
      const early = waiting[msg.dir].length > 1;
      return {
        state: { ...s, waiting },
        lines: WAIT,
        note: node.narrate
          ? early
            ? `${s.u} keeps election(${v}) from its ${sideOf(msg.dir)} side for its next phase (C14)`
            : `${s.u} keeps election(${v}) from its ${sideOf(msg.dir)} side and waits for its ${sideOf(opposite(msg.dir))} side`
          : '',
      };
    }
    // Both sides have spoken: the first waiting uid of each is this phase's (C14).
    const rest = { cw: waiting.cw.slice(1), ccw: waiting.ccw.slice(1) };
    const pair = `${fromCw} (cw side) and ${fromCcw} (ccw side)`;
    if (fromCw === s.u && fromCcw === s.u) {
      const r = announce({ ...s, waiting: rest }, s.u, node, params.announce);
      return {
        ...r,
        lines: params.announce ? LEADER_ANNOUNCE : LEADER,
        note: `election(${s.u}) came back to ${s.u} from both sides: it is the only active process, the leader`,
      };
    }
    if (Math.max(fromCw, fromCcw) > s.u) {
      // What waited belongs to later phases of the neighbours: as a relay it passes it on, in order.
      const send = [
        ...rest.cw.map((uid) => ({ to: node.cw, msg: { kind: 'election', uid, dir: 'cw' } as FranklinMsg })),
        ...rest.ccw.map((uid) => ({
          to: node.ccw,
          msg: { kind: 'election', uid, dir: 'ccw' } as FranklinMsg,
        })),
      ];
      return {
        state: { ...s, defeated: true, waiting: NOTHING_WAITS },
        ...(send.length > 0 && { send }),
        lines: send.length > 0 ? LOSE_FLUSH : LOSE,
        note: node.narrate
          ? `${s.u} hears ${pair}: ${Math.max(fromCw, fromCcw)} > ${s.u}, so ${s.u} becomes a relay${send.length > 0 ? ' and forwards what waited' : ''}`
          : '',
      };
    }
    const phase = s.phase + 1;
    return {
      state: { ...s, phase, waiting: rest },
      send: sendBothWays(node, election(s.u)),
      lines: NEXT_PHASE,
      note: node.narrate
        ? `${s.u} hears ${pair}, both smaller: it stays active and starts phase ${phase} with election(${s.u}) both ways`
        : '',
    };
  },

  role: ringRole,
  knownLeader: ringKnownLeader,

  describe(s) {
    return {
      u: s.u,
      phase: s.phase,
      mode: s.defeated ? 'relay' : 'active',
      status: s.status,
      'waiting from ccw side': s.waiting.cw.join(', ') || '—',
      'waiting from cw side': s.waiting.ccw.join(', ') || '—',
      leader: s.leader ?? '—',
      halted: s.halted,
    };
  },

  label(msg) {
    return msg.kind === 'election' ? `election(${msg.uid})` : `elected(${msg.leader})`;
  },
});
