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
  upper,
  type CurveSpec,
  type OrderName,
} from './contract';
import { pseudocode } from './pseudocode';
import { ceilLog2, opposite, ringRole, sendBothWays, toward, type Dir } from './ring';

/**
 * Hirschberg and Sinclair (CACM 1980) as in Lynch §3.4: in phase l every process that is still a
 * candidate sends its uid both ways with a hop budget of 2^l; the token comes back as `in` if it
 * met no larger uid. Conventions C8 and C13 of docs/algorithms.md.
 */
export interface HsState extends Announcing {
  u: NodeId;
  /** Lynch's l: the phase this process has reached. */
  phase: number;
  /** How many of its own `in` tokens of the current phase are back (0, 1 or 2). */
  inCount: number;
  /** Set once a larger uid's `out` token has passed or turned back here: it can no longer win. */
  defeated: boolean;
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

const code = pseudocode([
  ['start', 'on start: phase := 0'],
  ['start.send', '  send out(u, 2^phase) both ways'],
  ['out', 'on receive out(v, h):'],
  ['out.home', '  if v = u: status := chosen — its own token came home'],
  ['out.announce', '    send elected(u) clockwise'],
  ['out.relay', '  else if v > u and h > 1: relay out(v, h − 1) onward'],
  ['out.turn', '  else if v > u and h = 1: send in(v) back'],
  ['out.discard', '  else (v < u): discard v'],
  ['in', 'on receive in(v):'],
  ['in.relay', '  if v ≠ u: relay in(v) onward'],
  ['in.own', '  else: count it; after its own two: phase := phase + 1'],
  ['in.next', '    send out(u, 2^phase) both ways'],
  ['elected', 'on receive elected(w):'],
  ['elected.forward', '  if w ≠ u: status := reported; forward elected(w) clockwise'],
  ['elected.stop', '  else: halt — the announcement went round'],
]);

// Executed pseudo-code lines per branch, shared: a handler allocates no array for them.
const START = code.lines('start', 'start.send');
const RELAY_IN = code.lines('in', 'in.relay');
const FIRST_IN = code.lines('in', 'in.own');
const NEXT_PHASE = code.lines('in', 'in.own', 'in.next');
const HOME = code.lines('out', 'out.home');
const HOME_ANNOUNCE = code.lines('out', 'out.home', 'out.announce');
const RELAY_OUT = code.lines('out', 'out.relay');
const TURN_BACK = code.lines('out', 'out.turn');
const DISCARD = code.lines('out', 'out.discard');
const ELECTED = {
  forward: code.lines('elected', 'elected.forward'),
  stop: code.lines('elected', 'elected.stop'),
};

/**
 * One object per token value: out(v, h) one way and in(v) back are equal in every phase that sends
 * them (relaying out(v, h) sends out(v, h − 1), which the phase before sent too), and a recording keeps
 * every message sent. Messages never change once sent (handlers are pure) and readers use their
 * values, so equal tokens may be one object: 40% fewer on a ring of 512. Bounded: emptied at 4,096
 * tokens, so a session of many runs keeps little.
 */
const tokens = new Map<number, Out | In>();
function token(kind: 'out', uid: NodeId, hops: number, dir: Dir): Out;
function token(kind: 'in', uid: NodeId, hops: 0, dir: Dir): In;
function token(kind: 'out' | 'in', uid: NodeId, hops: number, dir: Dir): Out | In {
  // uid in ±10⁹ and hops < 2²⁰ (2^(1 + ⌈log n⌉), n ≤ 20,000) make an exact integer key below 2⁵³.
  const key = (uid + 2 ** 30) * 2 ** 21 + hops * 2 + (dir === 'cw' ? 1 : 0);
  const known = tokens.get(key);
  if (known !== undefined && known.kind === kind) return known;
  const m: Out | In = kind === 'out' ? { kind, uid, hops, dir } : { kind, uid, dir };
  if (!(Math.abs(uid) <= 2 ** 30 && hops < 2 ** 20)) return m;
  if (tokens.size >= 4096) tokens.clear();
  tokens.set(key, m);
  return m;
}

/** Both tokens of a phase; with n = 1 both go to the node itself (C13: HS n = 1 sends 2 `out`). */
function probe(u: NodeId, phase: number) {
  const hops = 2 ** phase;
  return (dir: Dir): HsMsg => token('out', u, hops, dir);
}

/** §1.3: at most 8n per phase, 1 + ⌈log n⌉ phases. */
export const HS_BOUND = formula('8n(1+⌈log n⌉)', (n) => 8 * n * (1 + ceilLog2(n)));
/**
 * A sorted ring, n ≥ 2: phase 0 costs 3n (the smallest id's two tokens die at once, the largest
 * one's both come back, every other id's cw token dies and its ccw one comes back); the largest then
 * pays 4·2^l in phases 1 … L−1 and 2n in the last, L = ⌈log n⌉. This gives the golden "HS sorted"
 * column (28, 49, 64, 116, 136, 280, 568 at n = 4, 5, 8, 12, 16, 32, 64).
 */
export const HS_SORTED = formula('5n + 2^(⌈log n⌉+2) − 8', (n) => 5 * n + 2 ** (ceilLog2(n) + 2) - 8);
/** Sync rounds on every ring (the largest id never loses a phase), without the announcement. */
export const HS_ROUNDS = formula('2^(⌈log n⌉+1) + n − 2', (n) => 2 ** (ceilLog2(n) + 1) + n - 2);

function hsCurves(order: OrderName, mode: TimingMode): CurveSpec[] {
  const out: CurveSpec[] = [upper(HS_BOUND)];
  if (order === 'best' || order === 'asc' || order === 'desc') out.push(exact(HS_SORTED, 2));
  if (mode === 'sync') out.push(exactRounds(HS_ROUNDS));
  return out;
}

/**
 * Position p gets the reverse of p's bits (over ⌈log n⌉ bits), skipping values ≥ n, and the ids are
 * ranked from the largest down, so large ids sit far apart, as the survivors of every HS phase must.
 */
export function bitReversalRing(n: number): NodeId[] {
  let bits = 0;
  while (1 << bits < n) bits++;
  const out: NodeId[] = [];
  for (let p = 0; p < 1 << bits; p++) {
    let r = 0;
    for (let b = 0; b < bits; b++) if (p & (1 << b)) r |= 1 << (bits - 1 - b);
    if (r < n) out.push(n - r);
  }
  return out;
}

export const hs = defineAlgorithm<HsState, HsMsg, HsParams>({
  id: 'hs',
  name: 'Hirschberg–Sinclair',
  shortName: 'HS',
  summary: 'Candidates probe 2^l hops both ways in phase l; O(n log n) messages on a bidirectional ring.',
  underLoss:
    'Assumes reliable channels: a candidate waits for both its probes to come back, so one lost message stalls it and the run usually ends with no leader.',
  underDuplicates:
    'Tolerates duplicates in the runs tried (one leader, the largest uid), but a copied probe or reply travels and is answered like the original, so the message count grows far past the bound.',
  citation: 'Hirschberg and Sinclair, CACM 23(11):627–628, 1980; as in Lynch, Distributed Algorithms, §3.4',
  topologies: ['ring-bi'],
  requires: 'a bidirectional ring (ids listed clockwise, C1)',
  // Only the largest uid's out token comes all the way back (§1.3), whatever the schedule.
  explore: { leader: 'largest' },
  kinds: ['out', 'in', 'elected'],
  roles: ['candidate', 'relay', 'leader', 'nonLeader'],
  params: { announce: announceParam },
  code,
  counts: { bound: HS_BOUND, announcement: ringAnnouncement, curves: hsCurves },
  orders: {
    // No closed-form worst ring is known to us: this one keeps many candidates alive in every phase.
    // It is a heavy ring, not a proven maximum, so only the bound is drawn beside it.
    worst: {
      text: 'reversed bit-reversal ring: many candidates survive each phase (heavy, not a proven maximum; compare with the bound)',
      arrange: (n) => ({ ids: bitReversalRing(n).join(',') }),
    },
    // A sorted ring (either way: the ring is bidirectional, so both are mirror images) is the
    // cheapest ring for n ≤ 9 by enumeration (docs/algorithms.md, §1.3).
    best: {
      text: 'sorted ring (asc): every process but the largest is defeated in phase 0; the minimum over all rings for n ≤ 9',
      arrange: () => ({ ids: 'asc' }),
    },
  },
  presets: [
    {
      id: 'hs-16',
      title: 'Hirschberg–Sinclair on 16 nodes',
      watch:
        'Candidates probe 1, 2, 4, 8 hops both ways and fewer survive each phase; the largest uid’s probe goes all the way round in phase ⌈log 16⌉ = 4, well inside the 8n(1 + ⌈log n⌉) = 640 bound.',
      link: 'v=1&alg=hs&n=16&ids=random&mode=sync&seed=7',
    },
  ],

  init(node) {
    return {
      state: {
        u: node.id,
        phase: 0,
        status: 'unknown',
        inCount: 0,
        defeated: false,
        leader: null,
        announcer: false,
        halted: false,
      },
      send: sendBothWays(node, probe(node.id, 0)),
      lines: START,
      note: `${node.id} starts phase 0: it sends out(${node.id}, 1) both ways`,
    };
  },

  onMessage(s, _from, msg, node, params) {
    if (msg.kind === 'elected') return onElected<HsState, HsMsg>(s, msg, node, ELECTED);
    const v = msg.uid;
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
        send: sendBothWays(node, probe(s.u, phase)),
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
      const r = announce(s, s.u, node, params.announce);
      return {
        ...r,
        lines: params.announce ? HOME_ANNOUNCE : HOME,
        note: `out(${v}) came all the way round: ${s.u} is the leader`,
      };
    }
    if (v > s.u && msg.hops > 1) {
      return {
        state: s.defeated ? s : { ...s, defeated: true },
        send: [{ to: toward(node, msg.dir), msg: token('out', v, msg.hops - 1, msg.dir) }],
        lines: RELAY_OUT,
        note: `${v} > ${s.u}: ${s.u} relays out(${v}, ${msg.hops - 1})`,
      };
    }
    if (v > s.u) {
      const back = opposite(msg.dir);
      return {
        state: s.defeated ? s : { ...s, defeated: true },
        send: [{ to: toward(node, back), msg: token('in', v, 0, back) }],
        lines: TURN_BACK,
        note: `${v} > ${s.u} and its hop budget is spent: ${s.u} sends in(${v}) back`,
      };
    }
    // A defeated process still compares with its own uid (C8): a smaller token stops here.
    return { state: s, lines: DISCARD, note: `${v} < ${s.u}: ${s.u} discards out(${v})` };
  },

  role: ringRole,
  knownLeader: ringKnownLeader,

  drawing: {
    // A candidate's probe in phase l goes 2^l hops each way.
    badge: (s) => (s.status === 'unknown' && !s.defeated ? `d ${2 ** s.phase}` : null),
  },

  describe(s) {
    return {
      u: s.u,
      phase: s.phase,
      status: s.status,
      'own in tokens back': s.inCount,
      'saw a larger uid': s.defeated,
      leader: s.leader ?? '—',
      halted: s.halted,
    };
  },

  label(msg) {
    if (msg.kind === 'out') return `out(${msg.uid}, ${msg.hops})`;
    if (msg.kind === 'in') return `in(${msg.uid})`;
    return `elected(${msg.leader})`;
  },
});
