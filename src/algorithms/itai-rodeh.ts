import type { NodeCtx, Role, TimingMode } from '../engine/types';
import { announceParam, ringAnnouncement } from './announce';
import { defineAlgorithm, formula, lower, mean, type CurveSpec, type OrderName } from './contract';
import { pseudocode } from './pseudocode';
import type { RingStatus } from './ring';

/**
 * Itai–Rodeh on an anonymous unidirectional ring of known size n (§1.10, C16), as in Fokkink,
 * Distributed Algorithms: An Intuitive Approach, §9.1. No handler reads `node.id`: a process knows n,
 * its clockwise neighbour (a port, not a name) and its own random draws, nothing else.
 */
export interface ItaiRodehState {
  /** The election round this process is in (1 at start; only active processes move on). */
  round: number;
  /** Its random identity of this round, drawn uniformly from 1..n. */
  identity: number;
  /** Set once a larger (round, identity) has passed: it relays from then on. */
  passive: boolean;
  status: RingStatus;
  /** True at the leader, which sent the announcement. */
  announcer: boolean;
  halted: boolean;
}

export interface Election {
  kind: 'election';
  identity: number;
  round: number;
  /** Hops travelled so far: n means the message is back where it started. */
  hop: number;
  /** Set when another active process of the same round drew the same identity. */
  bit: boolean;
}

/** The announcement names the winning draw: an anonymous ring has no id to announce (C3, C16). */
export interface Elected {
  kind: 'elected';
  identity: number;
  round: number;
}

export type ItaiRodehMsg = Election | Elected;

export interface ItaiRodehParams {
  announce: boolean;
}

const code = pseudocode([
  ['start', 'on start:'],
  ['start.draw', '  round := 1; identity := random(1..n)'],
  ['start.send', '  send election(identity, round, 1, false) clockwise'],
  ['receive', 'on receive election(i, r, h, b):'],
  ['receive.relay', '  if passive: send election(i, r, h+1, b)'],
  ['receive.back', '  else if h = n:  — my own message went round'],
  ['receive.leader', '    if b = false: status := chosen'],
  ['receive.announce', '      send elected(i, r) clockwise'],
  [
    'receive.again',
    '    else: round := round+1; identity := random(1..n); send election(identity, round, 1, false)',
  ],
  ['receive.tie', '  else if (r, i) = (round, identity): send election(i, r, h+1, true)'],
  ['receive.yield', '  else if (r, i) > (round, identity): passive := true; send election(i, r, h+1, b)'],
  ['receive.purge', '  else: purge the message'],
  ['elected', 'on receive elected(i, r):'],
  ['elected.forward', '  if not the leader: status := reported; forward elected(i, r)'],
  ['elected.stop', '  else: halt — the announcement went round'],
]);

const START = code.lines('start', 'start.draw', 'start.send');
const RELAY = code.lines('receive', 'receive.relay');
const LEADER = code.lines('receive', 'receive.back', 'receive.leader');
const LEADER_ANNOUNCE = code.lines('receive', 'receive.back', 'receive.leader', 'receive.announce');
const AGAIN = code.lines('receive', 'receive.back', 'receive.again');
const TIE = code.lines('receive', 'receive.tie');
const YIELD = code.lines('receive', 'receive.yield');
const PURGE = code.lines('receive', 'receive.purge');
const ELECTED_FORWARD = code.lines('elected', 'elected.forward');
const ELECTED_STOP = code.lines('elected', 'elected.stop');

/** A round's draw: the r-th draw of the node (C16), so round r reads the same number on every replay. */
const drawFor = (node: NodeCtx, round: number): number => node.draw(round, 1, node.n);

/** (r, i) against (round, identity), round first (Fokkink): a later round beats any identity. */
function compare(r: number, i: number, round: number, identity: number): number {
  return r !== round ? r - round : i - identity;
}

const pair = (r: number, i: number): string => `(r${r}, ${i})`;

// ---- counts (§1.10): the expected number of messages, by the number of active processes ----

/**
 * In a round with a active processes the messages are, whatever the schedule (§1.10): each active
 * process's message travels to the first active process clockwise whose identity is strictly larger,
 * or all n hops when none is (it holds the round's largest identity, maybe tied). Summed over the
 * processes the gaps between actives cancel, and the expected cost of the round is
 * c(a) = Σ_{i=1..n} Σ_{j=0..a−1} (i/n)^j, whatever the positions of the a actives.
 *
 * k of the a actives hold the round's largest identity with probability
 * P(a, k) = C(a, k)·n^−k·Σ_{m=1..n} ((m−1)/n)^(a−k): they go on to the next round (k ≥ 2), or the one
 * holder is the leader (k = 1). All a drew the same value with probability P(a, a) = n^(1−a): the
 * round is repeated. So E(a) = (c(a) + Σ_{k=2..a−1} P(a, k)·E(k)) / (1 − P(a, a)), from E(1) = n;
 * the expected rounds R(a) likewise with 1 in place of c(a).
 *
 * Ties of more than MAX_TIE processes are left out: after the first round they have probability at
 * most n/k! (below 10⁻⁸⁵ for n ≤ 10⁵), so E(n) is exact to double precision, and costs O(n·MAX_TIE).
 */
const MAX_TIE = 64;

function expectation(n: number): { messages: number; rounds: number } {
  if (n <= 1) return { messages: n, rounds: n };
  const top = Math.min(n, MAX_TIE);
  const big = n > top;
  // With x = i/n for i = 1..n−1 (the i = n terms are added after the loop):
  // cost[a] = Σ_x Σ_{j<a} x^j, small[e] = Σ_x x^e (e ≤ top), large[d] = Σ_x x^(n−d) (d ≤ top).
  const cost = new Float64Array(top + 1);
  const small = new Float64Array(top + 1);
  const large = new Float64Array(top + 1);
  let costN = n; // c(n) when n > top: its i = n term is n
  for (let i = 1; i < n; i++) {
    const x = i / n;
    let p = 1;
    let g = 0;
    for (let a = 1; a <= top; a++) {
      g += p;
      cost[a]! += g;
      p *= x;
      small[a]! += p;
    }
    if (big) {
      let q = x ** (n - top);
      for (let d = top; d >= 1; d--) {
        large[d]! += q;
        q *= x;
      }
      costN += (1 - q) / (1 - x); // q = x^n now
    }
  }
  for (let a = 1; a <= top; a++) cost[a]! += a;
  /** C(a, k)/n^k as a product that never overflows. */
  const choose = (a: number, k: number): number => {
    let c = 1;
    for (let j = 0; j < k; j++) c *= (a - j) / ((j + 1) * n);
    return c;
  };
  const msgs = new Float64Array(top + 1);
  const rounds = new Float64Array(top + 1);
  const solve = (a: number, c: number, sum: (e: number) => number) => {
    let m = c;
    let r = 1;
    for (let k = 2; k < Math.min(a, top + 1); k++) {
      const p = choose(a, k) * sum(a - k);
      m += p * msgs[k]!;
      r += p * rounds[k]!;
    }
    const stay = choose(a, a) * n;
    return { messages: m / (1 - stay), rounds: r / (1 - stay) };
  };
  for (let a = 2; a <= top; a++) {
    const e = solve(a, cost[a]!, (e) => small[e]!);
    msgs[a] = e.messages;
    rounds[a] = e.rounds;
  }
  return big ? solve(n, costN, (e) => large[n - e]!) : { messages: msgs[n]!, rounds: rounds[n]! };
}

const cache = new Map<number, { messages: number; rounds: number }>();
function expected(n: number): { messages: number; rounds: number } {
  let e = cache.get(n);
  if (!e) cache.set(n, (e = expectation(n)));
  return e;
}

/** The expected election messages E(n) (the announcement excluded). */
export const IR_EXPECTED = formula('E(n)', (n) => expected(n).messages);
/** Expected election rounds; in sync mode each round takes exactly n time units. */
export const IR_ROUNDS = formula('n·R(n)', (n) => n * expected(n).rounds);
/** No run is bounded: all the actives draw the same identity with probability n^(1−a) every round. */
export const IR_UNBOUNDED = formula('∞', () => Infinity);

/**
 * Every run sends at least 2n − 1 election messages: every process sends in round 1, and the winner's
 * message travels n hops; a round-1 draw with a unique largest identity and the others each stopped
 * after one hop reaches it. In sync mode every round takes n time units, so at least n rounds.
 */
export const IR_LEAST = formula('2n−1', (n) => 2 * n - 1);

function curves(_order: OrderName, mode: TimingMode): CurveSpec[] {
  // Ids are never read, so every order draws the same; rounds are n per round only in sync.
  const over = 'the random draws';
  const out: CurveSpec[] = [{ ...mean(IR_EXPECTED), over }, lower(IR_LEAST)];
  if (mode === 'sync')
    out.push(
      { metric: 'rounds', kind: 'mean', formula: IR_ROUNDS, over },
      { metric: 'rounds', kind: 'lower', formula: formula('n', (n) => n) },
    );
  return out;
}

function role(s: ItaiRodehState): Role {
  if (s.status === 'chosen') return 'leader';
  if (s.status === 'reported') return 'nonLeader';
  return s.passive ? 'relay' : 'candidate';
}

const send = (node: NodeCtx, msg: ItaiRodehMsg) => [{ to: node.cw, msg }];

export const itaiRodeh = defineAlgorithm<ItaiRodehState, ItaiRodehMsg, ItaiRodehParams>({
  id: 'itai-rodeh',
  name: 'Itai–Rodeh (anonymous ring)',
  shortName: 'Itai–Rodeh',
  summary:
    'Processes without ids draw random identities each round; ties start a new round. No deterministic algorithm can elect on an anonymous ring (Angluin 1980), but coin flips break the symmetry.',
  underLoss:
    'Assumes reliable channels: a lost token ends its round without an outcome, so under loss the run may end with no leader.',
  underDuplicates:
    'A copy of a token travels as a token of its own: in the runs tried one leader was still elected, but after many more rounds (one run of 8 sent 1,850 messages instead of 52).',
  citation:
    'Itai and Rodeh, Information and Computation 88(1), 1990 (FOCS 1981); as in Fokkink, Distributed Algorithms: An Intuitive Approach, §9.1',
  topologies: ['ring-uni'],
  requires: 'an anonymous unidirectional ring of known size n (the ids are never read, C16)',
  randomized: true,
  kinds: ['election', 'elected'],
  roles: ['candidate', 'relay', 'leader', 'nonLeader'],
  params: { announce: announceParam },
  code,
  counts: {
    bound: { ...IR_UNBOUNDED, note: 'no bound: every active process may draw the same identity again' },
    expected: IR_EXPECTED,
    announcement: ringAnnouncement,
    curves,
  },
  presets: [
    {
      id: 'itai-rodeh-tie',
      title: 'Itai–Rodeh: a tie, then a second round',
      watch:
        'Nodes show random identities, not ids: the two 6s of round 1 tie and draw again, and 5 beats 2 in round 2 — 29 election messages, then 6 for the announcement.',
      link: 'v=1&alg=itai-rodeh&n=6&ids=asc&mode=sync&seed=5',
    },
  ],

  init(node) {
    const identity = drawFor(node, 1);
    return {
      state: { round: 1, identity, passive: false, status: 'unknown', announcer: false, halted: false },
      send: send(node, { kind: 'election', identity, round: 1, hop: 1, bit: false }),
      lines: START,
      note: `draws identity ${identity} for round 1 and sends election${pair(1, identity)} clockwise`,
    };
  },

  onMessage(s, _from, msg, node, params) {
    if (msg.kind === 'elected') {
      if (s.announcer)
        return {
          state: { ...s, halted: true },
          lines: ELECTED_STOP,
          note: 'the announcement is back at the leader: every process knows it; halt',
        };
      return {
        state: { ...s, status: 'reported', halted: true },
        send: send(node, msg),
        lines: ELECTED_FORWARD,
        note: node.narrate
          ? `learns a leader was elected with ${pair(msg.round, msg.identity)} and forwards it`
          : '',
      };
    }
    const { identity: i, round: r, hop: h, bit: b } = msg;
    if (s.passive) {
      return {
        state: s,
        send: send(node, { ...msg, hop: h + 1 }),
        lines: RELAY,
        note: node.narrate ? `passive: relays election${pair(r, i)}, hop ${h + 1}` : '',
      };
    }
    if (h === node.n) {
      // FIFO makes this message the process's own (§1.10): nothing else travels n hops to an active one.
      if (!b) {
        const state: ItaiRodehState = {
          ...s,
          status: 'chosen',
          announcer: true,
          halted: !params.announce,
        };
        return {
          state,
          ...(params.announce && { send: send(node, { kind: 'elected', identity: i, round: r }) }),
          lines: params.announce ? LEADER_ANNOUNCE : LEADER,
          note: `its own election${pair(r, i)} is back with the bit clear: no other process drew ${i} in round ${r}; it is the leader`,
        };
      }
      const round = s.round + 1;
      const identity = drawFor(node, round);
      return {
        state: { ...s, round, identity },
        send: send(node, { kind: 'election', identity, round, hop: 1, bit: false }),
        lines: AGAIN,
        note: `its own election${pair(r, i)} is back with the bit set: a tie; round ${round}, draws ${identity}`,
      };
    }
    const c = compare(r, i, s.round, s.identity);
    if (c === 0) {
      return {
        state: s,
        send: send(node, { ...msg, hop: h + 1, bit: true }),
        lines: TIE,
        note: `another process drew ${i} in round ${r} too: forwards it with the bit set`,
      };
    }
    if (c > 0) {
      return {
        state: { ...s, passive: true },
        send: send(node, { ...msg, hop: h + 1 }),
        lines: YIELD,
        note: `${pair(r, i)} > ${pair(s.round, s.identity)}: becomes passive and forwards it`,
      };
    }
    return {
      state: s,
      lines: PURGE,
      note: node.narrate ? `${pair(r, i)} < ${pair(s.round, s.identity)}: purges it` : '',
    };
  },

  role,

  describe(s) {
    return {
      round: s.round,
      identity: s.identity,
      passive: s.passive,
      status: s.status,
      halted: s.halted,
    };
  },

  nodeLabel(s) {
    if (s === null) return '?';
    // A passive process has no identity any more: its colour says relay, and nothing names it.
    return s.passive ? '' : String(s.identity);
  },

  label(msg) {
    return msg.kind === 'election'
      ? `election(${msg.identity}, r${msg.round}, h${msg.hop}${msg.bit ? ', b' : ''})`
      : `elected(${msg.identity}, r${msg.round})`;
  },
});
