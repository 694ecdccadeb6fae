import type { AnyModule } from '../../src/algorithms/contract';
import { announce } from '../../src/algorithms/announce';
import { franklin, type FranklinMsg, type FranklinState } from '../../src/algorithms/franklin';
import { ghs } from '../../src/algorithms/ghs';
import type { GhsMsg, GhsState } from '../../src/algorithms/ghs-types';
import { lcr, type LcrState } from '../../src/algorithms/lcr';
import type { NodeId } from '../../src/engine/types';
import { buildRun, type RunSpec } from '../../src/scenario/build';
import { parseFlat, type Flat } from '../../src/scenario/parse';
import type { Scenario } from '../../src/scenario/types';

/**
 * Test-only algorithms: a flood whose message count depends on the schedule, and faulty variants
 * of LCR the explorer must catch. Each is the LCR module with handlers replaced, run on a graph
 * built the usual way.
 */

export function scenarioOf(flat: Flat): Scenario {
  const p = parseFlat({ v: '1', mode: 'async', ...flat });
  if (!p.ok) throw new Error(p.errors.map((e) => e.message).join('; '));
  return p.value;
}

export function runOf(flat: Flat): RunSpec {
  const r = buildRun(scenarioOf(flat));
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.value;
}

interface FloodState {
  u: NodeId;
  max: NodeId;
}

/**
 * Asynchronous max-flooding: each process sends its id to every neighbour and forwards only an id
 * larger than any it has seen. How many forwards happen depends on the order ids arrive in: a
 * process that hears 3 before 2 never forwards 2.
 */
export const flood: AnyModule = {
  ...lcr,
  id: 'toy-flood',
  name: 'Max-flooding (test toy)',
  kinds: ['max'],
  explore: { leader: 'largest' },
  // No announcement: the monitors then ask only that a leader exists at the end.
  counts: { bound: lcr.counts.bound, curves: lcr.counts.curves },
  init: (node) => ({
    state: { u: node.id, max: node.id },
    send: node.neighbours.map((to) => ({ to, msg: { kind: 'max', v: node.id } })),
  }),
  onMessage: (s: FloodState, from, msg: { kind: 'max'; v: NodeId }, node) =>
    msg.v > s.max
      ? {
          state: { ...s, max: msg.v },
          send: node.neighbours.filter((j) => j !== from).map((to) => ({ to, msg })),
        }
      : { state: s },
  role: (s: FloodState) => (s.max === s.u ? 'candidate' : 'nonLeader'),
  result: (states) => ({ leader: Math.max(...(states as FloodState[]).map((s) => s.max)) }),
};

/** LCR whose relays forward smaller ids too (issue 13's example): every id comes home, every process wins. */
export const lcrForwardsAll: AnyModule = {
  ...lcr,
  onMessage: (s: LcrState, from, msg, node, params) =>
    msg.kind === 'election' && msg.uid < s.u
      ? { state: s, send: [{ to: node.cw, msg }] }
      : lcr.onMessage(s, from, msg, node, params),
};

/** LCR that also declares itself leader on a smaller id. */
export const lcrWinsOnSmaller: AnyModule = {
  ...lcr,
  onMessage: (s: LcrState, from, msg, node, params) =>
    msg.kind === 'election' && msg.uid < s.u
      ? { state: { ...s, status: 'chosen', leader: s.u } }
      : lcr.onMessage(s, from, msg, node, params),
};

/** LCR whose relays pass `elected` on without recording it: they never learn the leader. */
export const lcrForgets: AnyModule = {
  ...lcr,
  onMessage: (s: LcrState, from, msg, node, params) =>
    msg.kind === 'elected' && !s.announcer
      ? { state: s, send: [{ to: node.cw, msg }] }
      : lcr.onMessage(s, from, msg, node, params),
};

interface Hoarder {
  lcr: LcrState;
  kept: number;
}

/** LCR where the smallest id keeps every message it gets for later and never looks at it again. */
export const lcrHoards: AnyModule = {
  ...lcr,
  explore: { held: (s: Hoarder) => s.kept },
  init: (node, params) => {
    const r = lcr.init(node, params);
    return { ...r, state: { lcr: r.state, kept: 0 } };
  },
  onMessage: (s: Hoarder, from, msg, node, params) => {
    if (node.id === Math.min(...node.allIds)) return { state: { ...s, kept: s.kept + 1 } };
    const r = lcr.onMessage(s.lcr, from, msg, node, params);
    return { ...r, state: { ...s, lcr: r.state } };
  },
  role: (s: Hoarder) => lcr.role(s.lcr),
};

/** The largest id sends a token clockwise and every process passes it on: it never stops. */
export const endlessToken: AnyModule = {
  ...lcr,
  init: (node) => ({
    state: { u: node.id },
    send: node.id === Math.max(...node.allIds) ? [{ to: node.cw, msg: { kind: 'election', uid: 0 } }] : [],
  }),
  onMessage: (s, _from, msg, node) => ({ state: s, send: [{ to: node.cw, msg }] }),
  role: () => 'candidate',
};

/**
 * GHS without the deferred-Test rule (issue 13's example): a test from a higher level is answered at
 * once, by a node that may not yet know it joined the tester's fragment, instead of waiting in its
 * queue until its own level has caught up (procedure (10), C12).
 */
export const ghsAnswersTestsAtOnce: AnyModule = {
  ...ghs,
  onMessage: (s: GhsState, from, msg: GhsMsg, node, params) =>
    ghs.onMessage(s, from, msg.kind === 'test' && msg.L > s.LN ? { ...msg, L: s.LN } : msg, node, params),
};

/**
 * Franklin that decides on one side only: an active process settles its phase as soon as the uid
 * from its ccw side (travelling cw) is there, and never waits for the other side's (§1.9 compares
 * both). What comes from the cw side stays in its waiting list: a leader ends with its own uid from
 * that side still waiting, never handled (C14), which the module's `held` declaration reports.
 */
export const franklinOneSided: AnyModule = {
  ...franklin,
  onMessage: (s: FranklinState, from, msg: FranklinMsg, node, params) => {
    if (msg.kind === 'elected' || s.defeated) return franklin.onMessage(s, from, msg, node, params);
    const waiting = { ...s.waiting, [msg.dir]: [...s.waiting[msg.dir], msg.uid] };
    const v = waiting.cw[0];
    if (v === undefined) return { state: { ...s, waiting } };
    const rest = { cw: waiting.cw.slice(1), ccw: waiting.ccw };
    if (v === s.u) return announce({ ...s, waiting: rest }, s.u, node, params.announce);
    const election = (uid: NodeId, dir: 'cw' | 'ccw') => ({
      to: dir === 'cw' ? node.cw : node.ccw,
      msg: { kind: 'election', uid, dir },
    });
    if (v > s.u)
      return {
        state: { ...s, defeated: true, waiting: { cw: [], ccw: [] } },
        send: [...rest.cw.map((u) => election(u, 'cw')), ...rest.ccw.map((u) => election(u, 'ccw'))],
      };
    return {
      state: { ...s, phase: s.phase + 1, waiting: rest },
      send: [election(s.u, 'cw'), election(s.u, 'ccw')],
    };
  },
};
