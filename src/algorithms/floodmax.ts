import type { NodeId, Role } from '../engine/types';
import { components } from '../topology/connectivity';
import { diameter } from '../topology/diameter';
import { gridShape } from '../topology/grid';
import {
  defineAlgorithm,
  exact,
  exactRounds,
  formula,
  type CurveSpec,
  type GraphFormula,
  type OrderCase,
} from './contract';
import { pseudocode } from './pseudocode';

/**
 * FloodMax (Lynch §4.1; docs/algorithms.md §1.6, C15) on a general connected graph. Every process
 * knows diam; in rounds 1..diam it sends the largest uid it has seen to every neighbour, and after
 * round diam it decides: the largest uid is within diam hops of everyone, so every process knows the
 * leader and nobody announces it. In async mode a process starts round r + 1 once it holds the
 * round-r message of every neighbour (a local synchronizer, C15): the same messages, in another order.
 */
export interface FloodMaxState {
  u: NodeId;
  /** What every process knows before the run (Lynch's assumption): the graph's diameter. */
  diam: number;
  /** Lynch's max-uid: the largest uid heard so far, round by round. */
  max: NodeId;
  /** The round whose messages this process is collecting (1..diam). */
  round: number;
  /** How many neighbours' round-`round` messages are in. */
  heard: number;
  /**
   * Messages of round `round` + 1 that arrived before this round was complete (async: a neighbour
   * that already finished this round), and the largest uid among them. Never further ahead: a
   * neighbour cannot finish round r + 1 without this process's round-(r + 1) message.
   */
  early: number;
  earlyMax: NodeId;
  status: 'unknown' | 'leader' | 'nonLeader';
}

/** The largest uid a process has seen, sent in `round` (the round tag is the synchronizer's, C15). */
export interface MaxMsg {
  kind: 'max';
  m: NodeId;
  round: number;
}

/** FloodMax has no options: diam comes from the graph. */
export type FloodMaxParams = Record<never, never>;

const code = pseudocode([
  ['start', 'on start (every process knows diam):'],
  ['start.init', '  max := u; round := 1'],
  ['start.alone', '  if diam = 0: status := leader (alone)'],
  ['start.send', '  else: send max(max) to every neighbour'],
  ['receive', 'on receive max(m) of round r from a neighbour:'],
  ['receive.early', '  if r = round + 1: keep m for the next round'],
  ['receive.take', '  else: max := max(max, m); heard := heard + 1'],
  ['receive.wait', '  if heard < deg: wait for the other neighbours'],
  ['receive.decide', '  else if round = diam: decide'],
  ['receive.leader', '    if max = u: status := leader'],
  ['receive.other', '    else: status := non-leader (the leader is max)'],
  ['receive.next', '  else: round := round + 1; send max(max) to every neighbour'],
  ['receive.kept', '    take the kept messages of the new round'],
]);

// The lines each branch runs, computed once.
const START_ALONE = code.lines('start', 'start.init', 'start.alone');
const START_SEND = code.lines('start', 'start.init', 'start.send');
const EARLY = code.lines('receive', 'receive.early');
const WAIT = code.lines('receive', 'receive.take', 'receive.wait');
const LEADER = code.lines('receive', 'receive.take', 'receive.decide', 'receive.leader');
const OTHER = code.lines('receive', 'receive.take', 'receive.decide', 'receive.other');
const NEXT = code.lines('receive', 'receive.take', 'receive.next', 'receive.kept');

/**
 * §1.6: every round each process sends one message on each of its edges, so each edge carries two
 * per round: 2|E| per round, diam rounds, whatever the ids and the schedule (C15). The bound reads the
 * run's own graph, so the counts panel shows the exact count on any topology.
 */
export const FLOODMAX_MESSAGES: GraphFormula = {
  text: '2|E|·diam',
  value: (_n, edges, graph) => 2 * edges * diameter(graph),
};

/**
 * The experiments run on FloodMax's first topology, the grid of src/topology/grid.ts: r rows of c
 * columns, the last row a prefix of the others, so distances are the grid's Manhattan distances
 * and diam = (r − 1) + (c − 1), from the top right corner to the bottom left one (0 when n = 1).
 * An experiment's curve sees each run's n and |E|, and the grid's diam is a function of n.
 */
export function gridDiameter(n: number): number {
  const { rows, cols } = gridShape(n);
  return rows + cols - 2;
}
export const FLOODMAX_GRID = formula('2|E|·diam', (n, edges) => 2 * edges * gridDiameter(n));
/** C5: the round-diam messages are the last delivered. */
export const FLOODMAX_GRID_ROUNDS = formula('diam', (n) => gridDiameter(n));

/** The count depends on the graph alone, so every id order is the worst and the best. */
const ANY_ORDER = (ids: string): OrderCase => ({
  text: `any id order (ids ${ids}): the count is 2|E|·diam whatever the ids`,
  arrange: () => ({ ids }),
});

function curves(_order: unknown, mode: 'sync' | 'async'): CurveSpec[] {
  // async rounds are times (C6), which the delays decide; the messages do not depend on them
  return mode === 'sync' ? [exact(FLOODMAX_GRID), exactRounds(FLOODMAX_GRID_ROUNDS)] : [exact(FLOODMAX_GRID)];
}

function decided(s: FloodMaxState): boolean {
  return s.status !== 'unknown';
}

function flood(s: FloodMaxState, neighbours: readonly NodeId[]) {
  return neighbours.map((to) => ({ to, msg: { kind: 'max' as const, m: s.max, round: s.round } }));
}

export const floodmax = defineAlgorithm<FloodMaxState, MaxMsg, FloodMaxParams>({
  id: 'floodmax',
  name: 'FloodMax (Lynch)',
  shortName: 'FloodMax',
  summary:
    'Every process floods the largest uid it has seen to all neighbours for diam rounds; 2|E|·diam messages.',
  underLoss:
    'Floods every path, so it survives some loss on dense graphs; but a process the largest uid never reaches in diam rounds elects itself, or nobody is elected.',
  underDuplicates:
    'Tolerates duplicates: a process keeps the largest uid it has seen, and seeing one again changes nothing, so the count of messages sent is the same and the leader too.',
  citation: 'Lynch, Distributed Algorithms, §4.1.2 (FloodMax)',
  topologies: ['grid', 'ring-bi', 'complete', 'path', 'star', 'tree', 'hypercube', 'random', 'custom'],
  requires: 'a connected graph (every process knows its diameter)',
  kinds: ['max'],
  roles: ['candidate', 'relay', 'leader', 'nonLeader'],
  params: {},
  code,
  counts: {
    bound: { ...FLOODMAX_MESSAGES, exact: true },
    curves,
  },
  orders: { worst: ANY_ORDER('desc'), best: ANY_ORDER('asc') },
  presets: [
    {
      id: 'floodmax-grid',
      title: 'FloodMax on a 4×4 grid',
      watch:
        'Every node but 16 has a larger neighbour and turns relay in round 1; then watch the label max(16) spread one hop per round from the bottom right corner, and after diam = 6 rounds everyone decides at once: 2|E|·diam = 2·24·6 = 288 max messages.',
      link: 'v=1&alg=floodmax&topo=grid&n=16&ids=asc&mode=sync',
    },
  ],

  checkGraph(graph) {
    const { count, component } = components(graph);
    if (count <= 1) return null;
    const stray = component.findIndex((c) => c !== 0);
    return `FloodMax needs a connected graph, and this one falls apart into ${count} pieces (${graph.ids[stray]} cannot reach ${graph.ids[0]})`;
  },

  init(node) {
    const s: FloodMaxState = {
      u: node.id,
      diam: node.diam,
      max: node.id,
      round: 1,
      heard: 0,
      early: 0,
      earlyMax: node.id,
      status: 'unknown',
    };
    if (s.diam === 0) {
      return {
        state: { ...s, status: 'leader' },
        lines: START_ALONE,
        note: `diam = 0: ${node.id} is alone, and the leader`,
      };
    }
    return {
      state: s,
      send: flood(s, node.neighbours),
      lines: START_SEND,
      note: `${node.id} knows diam = ${s.diam} and sends max(${node.id}) to its ${node.neighbours.length} neighbours (round 1)`,
    };
  },

  onMessage(s, from, msg, node) {
    const say = node.narrate;
    if (msg.round === s.round + 1) {
      return {
        state: { ...s, early: s.early + 1, earlyMax: Math.max(s.earlyMax, msg.m) },
        lines: EARLY,
        note: say ? `${from} is a round ahead: ${s.u} keeps max(${msg.m}) for round ${msg.round}` : '',
      };
    }
    const max = Math.max(s.max, msg.m);
    const heard = s.heard + 1;
    const deg = node.neighbours.length;
    if (heard < deg) {
      return {
        state: { ...s, max, heard },
        lines: WAIT,
        note: say ? `${s.u} has ${heard} of ${deg} round-${s.round} messages; max = ${max}` : '',
      };
    }
    if (s.round === s.diam) {
      const leader = max === s.u;
      return {
        state: { ...s, max, heard, status: leader ? 'leader' : 'nonLeader' },
        lines: leader ? LEADER : OTHER,
        note: leader
          ? `round ${s.round} = diam is over and no uid beats ${s.u}: it is the leader`
          : `round ${s.round} = diam is over: ${s.u} knows the leader is ${max}`,
      };
    }
    // Round `round` is complete: send round + 1 with the max after it, then count the early messages
    // of round + 1 (never all of them: the one that completed this round came first on its channel).
    const next: FloodMaxState = { ...s, max, round: s.round + 1, heard: 0, early: 0, earlyMax: s.u };
    const after: FloodMaxState = { ...next, max: Math.max(max, s.earlyMax), heard: s.early };
    return {
      state: after,
      send: flood(next, node.neighbours),
      lines: NEXT,
      note: say ? `round ${s.round} is complete at ${s.u}: it sends max(${max}) for round ${next.round}` : '',
    };
  },

  role(s): Role {
    if (decided(s)) return s.status === 'leader' ? 'leader' : 'nonLeader';
    // a process that has seen a larger uid keeps flooding but can no longer win
    return s.max > s.u ? 'relay' : 'candidate';
  },

  describe(s) {
    return {
      u: s.u,
      diam: s.diam,
      round: decided(s) ? `${s.diam} (done)` : s.round,
      max: s.max,
      'heard this round': s.heard,
      'kept for the next round': s.early,
      status: s.status,
    };
  },

  label(msg) {
    return `max(${msg.m})`;
  },
});
