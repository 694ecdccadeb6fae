import type { AnyModule } from '../algorithms/contract';
import { buildContexts } from '../engine/context';
import type { Faults, Graph, NodeCtx, NodeId, Reaction } from '../engine/types';
import type { Delivery } from '../scenario/schedule';

/**
 * The untimed asynchronous transition system the explorer walks (docs/explorer.md, "The model") and
 * the named schedulers follow (schedulers.ts).
 * A global state is every node's state plus the contents of every channel; a channel is an ordered
 * pair (sender, receiver), FIFO, as src/scenario/schedule.ts defines it. The start-up sends come
 * first (C4); then one step delivers the head of one non-empty channel. Nothing here reads a clock,
 * a delay or the seed: the order of deliveries is the only thing a schedule chooses.
 */

export type Msg = { kind: string };
type AnyReaction = Reaction<unknown, Msg, unknown>;

/** A global state. Both arrays are never changed once made: successors copy what they change. */
export interface Global {
  readonly nodes: readonly unknown[];
  readonly chans: readonly (readonly Msg[])[];
}

/** One transition: the state it leads to, the messages it sent, and the engine steps it stands for. */
export interface Move {
  readonly next: Global;
  readonly sent: readonly Msg[];
  /** The channel each of `sent` went on, in send order. */
  readonly on: readonly number[];
  /** Steps of the simulator this transition is: 1 per delivery, one per node acting at a barrier. */
  readonly engineSteps: number;
}

/** The barrier pseudo-channel in a transition's label: not a delivery, so no schedule step. */
export const BARRIER = -1;

/** The explorer cannot follow this run (a timer, a value it cannot compare, a send off the graph). */
export class ExploreRefusal extends Error {}

/** What the explorer runs: the algorithm's module, its parameters, the graph (a built run). */
export interface ExploreInput {
  algorithm: AnyModule;
  params: unknown;
  graph: Graph;
  faults: Faults;
}

export class Model {
  readonly alg: AnyModule;
  readonly params: unknown;
  readonly graph: Graph;
  readonly n: number;
  readonly ids: readonly NodeId[];
  readonly ctx: readonly NodeCtx[];
  /** Channels by index: sender and receiver positions, in sender order then neighbour order. */
  readonly channels: readonly { from: number; to: number }[];
  private readonly channelOf = new Map<number, number>();
  private readonly position = new Map<NodeId, number>();

  constructor(input: ExploreInput) {
    this.alg = input.algorithm;
    this.params = input.params;
    this.graph = input.graph;
    this.ids = input.graph.ids;
    this.n = this.ids.length;
    // narrate off: handlers may skip their notes, as in a headless run.
    this.ctx = buildContexts(input.graph, { mode: 'async', maxDelay: 1 }, input.faults, false);
    this.ids.forEach((id, i) => this.position.set(id, i));
    const channels: { from: number; to: number }[] = [];
    this.ctx.forEach((c, from) => {
      for (const j of c.neighbours) {
        const to = this.position.get(j)!;
        this.channelOf.set(from * this.n + to, channels.length);
        channels.push({ from, to });
      }
    });
    this.channels = channels;
  }

  /** The state after every process's start-up step (C4), and the messages they sent. */
  initial(): Move {
    const nodes = new Array<unknown>(this.n);
    const chans: Msg[][] = this.channels.map(() => []);
    const sent: Msg[] = [];
    const on: number[] = [];
    for (let i = 0; i < this.n; i++) {
      const r = this.alg.init(this.ctx[i]!, this.params) as AnyReaction;
      nodes[i] = this.take(i, r, chans, sent, on);
    }
    return { next: { nodes, chans }, sent, on, engineSteps: this.n };
  }

  /** Delivers the head of channel c (which must be non-empty). */
  deliver(g: Global, c: number): Move {
    const { from, to } = this.channels[c]!;
    const queue = g.chans[c]!;
    const msg = queue[0]!;
    const r = this.alg.onMessage(
      g.nodes[to],
      this.ids[from]!,
      msg,
      this.ctx[to]!,
      this.params,
    ) as AnyReaction;
    const chans = g.chans.slice();
    chans[c] = queue.slice(1);
    const nodes = g.nodes.slice();
    const sent: Msg[] = [];
    const on: number[] = [];
    nodes[to] = this.take(to, r, chans, sent, on);
    return { next: { nodes, chans }, sent, on, engineSteps: 1 };
  }

  /**
   * The global barrier (C12), when nothing is in flight: every node's call in position order, as one
   * transition — the simulator runs them all before any message they send can arrive. Null when no
   * node has anything to do (the run is over) or the algorithm has no barrier.
   */
  barrier(g: Global): Move | null {
    const onBarrier = this.alg.onBarrier;
    if (!onBarrier) return null;
    let nodes: unknown[] | null = null;
    let chans: Msg[][] | null = null;
    const sent: Msg[] = [];
    const on: number[] = [];
    let acted = 0;
    for (let i = 0; i < this.n; i++) {
      const r = onBarrier(g.nodes[i], this.ctx[i]!, this.params) as AnyReaction | null;
      if (r === null) continue;
      nodes ??= g.nodes.slice();
      chans ??= g.chans.map((q) => q.slice());
      nodes[i] = this.take(i, r, chans, sent, on);
      acted++;
    }
    if (nodes === null || chans === null) return null;
    return { next: { nodes, chans }, sent, on, engineSteps: acted };
  }

  /** Applies a reaction's sends to the channels (copying each channel it appends to) and returns its state. */
  private take(i: number, r: AnyReaction, chans: (readonly Msg[])[], sent: Msg[], on: number[]): unknown {
    if (r.timers && r.timers.length > 0)
      throw new ExploreRefusal(
        `${this.alg.name} sets a timer (${(r.timers[0]!.timer as { kind?: string }).kind ?? 'timer'}) in an asynchronous run; the explorer follows the order of deliveries and has no time`,
      );
    if (r.send) {
      for (const s of r.send) {
        const to = this.position.get(s.to);
        const c = to === undefined ? undefined : this.channelOf.get(i * this.n + to);
        if (c === undefined)
          throw new ExploreRefusal(
            `${this.ids[i]} sends ${s.msg.kind} to ${s.to}, which is not its neighbour`,
          );
        chans[c] = [...chans[c]!, s.msg];
        sent.push(s.msg);
        on.push(c);
      }
    }
    return r.state;
  }

  /** A channel as a schedule names it: sender and receiver ids. */
  delivery(c: number): Delivery {
    const ch = this.channels[c]!;
    return { from: this.ids[ch.from]!, to: this.ids[ch.to]! };
  }

  /** The channel a delivery names, or undefined when the graph has no such channel. */
  channelIndex(d: Delivery): number | undefined {
    const from = this.position.get(d.from);
    const to = this.position.get(d.to);
    return from === undefined || to === undefined ? undefined : this.channelOf.get(from * this.n + to);
  }
}
