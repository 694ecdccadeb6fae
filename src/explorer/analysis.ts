import type { NodeId } from '../engine/types';
import type { Explorer } from './explorer';
import { messageHistogram, type HistogramBar } from './histogram';

/**
 * The figures over every schedule, computed on the merged state graph, never by walking schedules
 * one by one (docs/explorer.md, "Counting over the graph"). A schedule is a path from the initial
 * state to a terminal one, so with the states in topological order:
 *   paths(s) = Σ over transitions p → s of paths(p), and the schedules are Σ over terminal t of paths(t);
 *   min/max messages(s) = min/max over p → s of messages(p) + sent(p → s), and the witness follows
 *   the transitions that gave the extreme back to the initial state.
 */

export interface Extreme {
  messages: number;
  messagesByKind: Record<string, number>;
  /** The transitions of the witness, in order (channel indices; the barrier is BARRIER). */
  channels: number[];
}

/** The fewest and most messages over every schedule, in all and per kind. */
export interface MessageRange {
  min: number;
  max: number;
  minByKind: Record<string, number>;
  maxByKind: Record<string, number>;
}

export interface Analysis {
  /** Paths to terminal states; null when a cycle makes them infinitely many. */
  schedules: bigint | null;
  terminalStates: number;
  /** Distinct leaders over the terminal states, ascending; null (no leader) last. */
  leaders: (NodeId | null)[];
  /** Over every schedule; null when there is no terminal state, or a cycle. */
  messages: MessageRange | null;
  best: Extreme | null;
  worst: Extreme | null;
  /** Schedules by the messages they send, fewest first; null unless the count depends on the schedule. */
  histogram: HistogramBar[] | null;
  /** A reachable cycle: the state it starts from (reached by a shortest path) and its transitions. */
  cycle: { state: number; loop: number[] } | null;
}

/** Kahn's algorithm: the states in an order where every transition goes forward; short if there is a cycle. */
function topologicalOrder(x: Explorer): Int32Array {
  const n = x.states;
  const to = x.edgeTo.view();
  const indegree = new Int32Array(n);
  for (let e = 0; e < to.length; e++) indegree[to[e]!]!++;
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let s = 0; s < n; s++) if (indegree[s] === 0) order[tail++] = s;
  while (head < tail) {
    const s = order[head++]!;
    const [a, b] = x.edgesOf(s);
    for (let e = a; e < b; e++) {
      const t = to[e]!;
      if (--indegree[t]! === 0) order[tail++] = t;
    }
  }
  return order.subarray(0, tail);
}

/**
 * A cycle among the states Kahn's algorithm could not order. Each of them has a predecessor among
 * them, so walking predecessors must come back to a state already seen: that closes a cycle.
 */
function findCycle(x: Explorer, ordered: Int32Array): { state: number; loop: number[] } {
  const n = x.states;
  const left = new Uint8Array(n).fill(1);
  for (const s of ordered) left[s] = 0;
  const predEdge = new Int32Array(n).fill(-1);
  const from = x.edgeFrom.view();
  const to = x.edgeTo.view();
  for (let e = 0; e < to.length; e++) if (left[from[e]!] && left[to[e]!]) predEdge[to[e]!] = e;
  let s = left.indexOf(1);
  const seenAt = new Int32Array(n).fill(-1);
  const walk: number[] = [];
  while (seenAt[s] === -1) {
    seenAt[s] = walk.length;
    walk.push(s);
    s = from[predEdge[s]!]!;
  }
  // walk[seenAt[s]] … walk[end] go backwards round the cycle; start it at its earliest-found state.
  const cycleStates = walk.slice(seenAt[s]!);
  const start = Math.min(...cycleStates);
  const loop: number[] = [];
  let at = start;
  do {
    // the edge into `at` comes from the state before it on the cycle; collect forward by walking back
    const e = predEdge[at]!;
    loop.push(e);
    at = from[e]!;
  } while (at !== start);
  return { state: start, loop: loop.reverse() };
}

export function analyse(x: Explorer): Analysis {
  const order = topologicalOrder(x);
  const terminals: number[] = [];
  for (let s = 0; s < x.states; s++) if (x.terminal.get(s) === 1) terminals.push(s);
  const leaderSet = new Set<NodeId | null>(terminals.map((t) => x.leaderAt.get(t) ?? null));
  const leaders = [...leaderSet].sort((p, q) => (p === null ? 1 : q === null ? -1 : p - q));
  const base = { terminalStates: terminals.length, leaders };
  if (order.length < x.states)
    return {
      ...base,
      schedules: null,
      messages: null,
      best: null,
      worst: null,
      histogram: null,
      cycle: findCycle(x, order),
    };

  const to = x.edgeTo.view();
  const from = x.edgeFrom.view();
  const paths = new Array<bigint>(x.states).fill(0n);
  paths[0] = 1n;
  for (const s of order) {
    const p = paths[s]!;
    if (p === 0n) continue;
    const [a, b] = x.edgesOf(s);
    for (let e = a; e < b; e++) paths[to[e]!]! += p;
  }
  let schedules = 0n;
  for (const t of terminals) schedules += paths[t]!;
  if (terminals.length === 0)
    return { ...base, schedules, messages: null, best: null, worst: null, histogram: null, cycle: null };

  const sent = x.edgeSent.view();
  const extreme = (
    weight: (e: number) => number,
    initial: number,
    better: (a: number, b: number) => boolean,
  ) => {
    const value = new Float64Array(x.states).fill(NaN);
    const via = new Int32Array(x.states).fill(-1);
    value[0] = initial;
    for (const s of order) {
      const v = value[s]!;
      if (Number.isNaN(v)) continue;
      const [a, b] = x.edgesOf(s);
      for (let e = a; e < b; e++) {
        const t = to[e]!;
        const w = v + weight(e);
        if (Number.isNaN(value[t]!) || better(w, value[t]!)) {
          value[t] = w;
          via[t] = e;
        }
      }
    }
    let at = terminals[0]!;
    for (const t of terminals) if (better(value[t]!, value[at]!)) at = t;
    return { value: value[at]!, at, via };
  };
  const less = (a: number, b: number) => a < b;
  const more = (a: number, b: number) => a > b;
  const lo = extreme((e) => sent[e]!, x.initialSent, less);
  const hi = extreme((e) => sent[e]!, x.initialSent, more);

  const kindsAt = (v: number) => x.sendVectors[v]!;
  const minByKind: Record<string, number> = {};
  const maxByKind: Record<string, number> = {};
  const kindEdges = x.edgeKinds.view();
  x.kinds.forEach((kind, k) => {
    const weight = (e: number) => kindsAt(kindEdges[e]!)[k] ?? 0;
    const first = kindsAt(x.initialKinds)[k] ?? 0;
    const kmax = extreme(weight, first, more).value;
    if (kmax === 0) return; // never sent in any schedule: left out, as in a run's messagesByKind
    maxByKind[kind] = kmax;
    minByKind[kind] = extreme(weight, first, less).value;
  });

  const witness = (r: { value: number; at: number; via: Int32Array }): Extreme => {
    const edges: number[] = [];
    for (let s = r.at; s !== 0; s = from[r.via[s]!]!) edges.push(r.via[s]!);
    edges.reverse();
    const byKind = new Array<number>(x.kinds.length).fill(0);
    const add = (v: Int32Array) => v.forEach((c, k) => (byKind[k]! += c));
    add(kindsAt(x.initialKinds));
    for (const e of edges) add(kindsAt(kindEdges[e]!));
    const messagesByKind: Record<string, number> = {};
    x.kinds.forEach((kind, k) => {
      if (byKind[k]) messagesByKind[kind] = byKind[k]!;
    });
    return { messages: r.value, messagesByKind, channels: edges.map((e) => x.edgeChannel.get(e)) };
  };
  return {
    ...base,
    schedules,
    messages: { min: lo.value, max: hi.value, minByKind, maxByKind },
    best: witness(lo),
    worst: witness(hi),
    histogram: lo.value < hi.value ? messageHistogram(x, order, terminalFlags(x, terminals)) : null,
    cycle: null,
  };
}

function terminalFlags(x: Explorer, terminals: readonly number[]): Uint8Array {
  const flags = new Uint8Array(x.states);
  for (const t of terminals) flags[t] = 1;
  return flags;
}

/** The channel indices of a list of transitions (for a cycle's loop). */
export function channelsOf(x: Explorer, edges: readonly number[]): number[] {
  return edges.map((e) => x.edgeChannel.get(e));
}
