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
import {
  defineAlgorithm,
  exact,
  exactRounds,
  formula,
  mean,
  type CurveSpec,
  type OrderName,
} from './contract';
import { pseudocode } from './pseudocode';
import { ringRole } from './ring';

/** LCR (Le Lann 1977; Chang–Roberts 1979) as in Lynch §3.3, on a unidirectional ring. */
export interface LcrState extends Announcing {
  u: NodeId;
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

const code = pseudocode([
  ['start', 'on start:'],
  ['start.send', '  send election(u) to clockwise neighbour'],
  ['receive', 'on receive election(v):'],
  ['receive.forward', '  if v > u: send election(v) to clockwise neighbour'],
  ['receive.discard', '  else if v < u: discard v'],
  ['receive.chosen', '  else (v = u): status := chosen'],
  ['receive.announce', '    send elected(u) to clockwise neighbour'],
  ['elected', 'on receive elected(w):'],
  ['elected.forward', '  if w ≠ u: status := reported; forward elected(w)'],
  ['elected.stop', '  else: halt — the announcement went round'],
]);

// Executed pseudo-code lines per branch, shared constants: a handler allocates no array for them.
const START = code.lines('start', 'start.send');
const FORWARD = code.lines('receive', 'receive.forward');
const DISCARD = code.lines('receive', 'receive.discard');
const CHOSEN = code.lines('receive', 'receive.chosen');
const CHOSEN_ANNOUNCE = code.lines('receive', 'receive.chosen', 'receive.announce');
const ELECTED = {
  forward: code.lines('elected', 'elected.forward'),
  stop: code.lines('elected', 'elected.stop'),
};

/**
 * §1.1: the uid of each process travels clockwise to the first larger id (the largest all n hops), so
 * ids decreasing clockwise cost n(n+1)/2 and increasing 2n − 1; the mean over all rings is n·H_n.
 * The count does not depend on the schedule, so both timing modes share the curves (C6).
 */
export const LCR_WORST = formula('n(n+1)/2', (n) => (n * (n + 1)) / 2);
export const LCR_BEST = formula('2n−1', (n) => 2 * n - 1);
export const LCR_MEAN = formula('n·H_n', (n) => n * harmonic(n));
/** C5: the largest uid's election message is delivered in round n. */
export const LCR_ROUNDS = formula('n', (n) => n);

function harmonic(n: number): number {
  let h = 0;
  for (let i = 1; i <= n; i++) h += 1 / i;
  return h;
}

/** The curves of LCR, and of Chang–Roberts when every process initiates (it then sends the same). */
export function lcrCurves(order: OrderName, mode: TimingMode): CurveSpec[] {
  const rounds = mode === 'sync' ? [exactRounds(LCR_ROUNDS)] : [];
  if (order === 'worst' || order === 'desc') return [exact(LCR_WORST), ...rounds];
  if (order === 'best' || order === 'asc') return [exact(LCR_BEST), ...rounds];
  return [mean(LCR_MEAN), ...rounds];
}

/** C1: the worst ring has ids decreasing along the send direction, the best increasing. */
export const lcrOrders = {
  worst: {
    text: 'ids decreasing clockwise (desc): every uid travels to the first larger one, n(n+1)/2 election messages',
    arrange: () => ({ ids: 'desc' }),
  },
  best: {
    text: 'ids increasing clockwise (asc): every uid but the largest dies after one hop, 2n−1 election messages',
    arrange: () => ({ ids: 'asc' }),
  },
};

export const lcr = defineAlgorithm<LcrState, LcrMsg, LcrParams>({
  id: 'lcr',
  name: 'LCR (Le Lann, Chang–Roberts)',
  shortName: 'LCR',
  summary: 'Every uid travels clockwise until a larger one swallows it; O(n²) messages.',
  underLoss:
    'Assumes reliable channels: a lost uid or announcement is never sent again, so under loss the run may end with no leader, or with processes that never learn it.',
  underDuplicates:
    'Tolerates duplicates: a copy of a uid or an announcement is handled like the original, so the largest uid is still the one leader and everyone learns it; only the message count grows, as every copy is forwarded.',
  citation: 'Le Lann 1977; Chang and Roberts, CACM 22(5), 1979; as in Lynch, Distributed Algorithms, §3.3',
  topologies: ['ring-uni'],
  requires: 'a unidirectional ring (ids listed clockwise, C1)',
  // The largest uid is the only one that comes back to its owner (§1.1), whatever the schedule.
  explore: { leader: 'largest' },
  kinds: ['election', 'elected'],
  roles: ['candidate', 'relay', 'leader', 'nonLeader'],
  params: { announce: announceParam },
  code,
  counts: {
    bound: LCR_WORST,
    announcement: ringAnnouncement,
    curves: lcrCurves,
  },
  orders: lcrOrders,
  presets: [
    {
      id: 'lcr-worst',
      title: 'LCR, worst case (ids decreasing clockwise)',
      watch:
        'Each uid k travels k hops before the next larger uid swallows it, so the election costs 1 + 2 + … + 8 = n(n+1)/2 = 36 messages, plus 8 for the announcement.',
      link: 'v=1&alg=lcr&n=8&ids=desc&mode=sync',
    },
    {
      id: 'lcr-best',
      title: 'LCR, best case (ids increasing clockwise)',
      watch:
        'Every uid but the largest is swallowed after one hop, so the election costs 2n − 1 = 15 messages instead of 36; the rounds stay n = 8 (16 with the announcement).',
      link: 'v=1&alg=lcr&n=8&ids=asc&mode=sync',
    },
    // Side by side (the compare screen: `screen=compare`, and `vs` for a second algorithm).
    {
      id: 'lcr-vs-hs-16',
      title: 'LCR vs HS on 16 nodes: both send 152',
      watch:
        'On 16 nodes with ids decreasing clockwise, LCR pays n(n+1)/2 + n = 152 and HS 5n + 2^(⌈log n⌉+2) − 8 + n = 152: the same count, though HS is O(n log n) and LCR O(n²) — HS pulls ahead only on larger rings.',
      link: 'v=1&alg=lcr&n=16&ids=desc&mode=sync&screen=compare&vs=hs',
    },
    {
      id: 'lcr-sync-vs-async',
      title: 'LCR in both timing models: the same 44 messages',
      watch:
        'The worst case on 8 nodes sends 36 + 8 = 44 messages in both models, as LCR’s count does not depend on the schedule; the asynchronous run takes longer, each hop costing 1 to maxDelay time units instead of one round.',
      link: 'v=1&alg=lcr&n=8&ids=desc&mode=sync&screen=compare',
    },
  ],

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
    if (msg.kind === 'elected') return onElected<LcrState, LcrMsg>(s, msg, node, ELECTED);
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
    const r = announce(s, s.u, node, params.announce);
    return {
      ...r,
      lines: params.announce ? CHOSEN_ANNOUNCE : CHOSEN,
      note: `${v} = ${s.u}: its own uid came back, ${s.u} is the leader`,
    };
  },

  role: ringRole,
  knownLeader: ringKnownLeader,

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
});
