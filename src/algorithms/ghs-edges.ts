import type { NodeCtx, NodeId } from '../engine/types';
import { positionsOf, type NeighbourWeights } from '../engine/neighbourWeights';
import { PVec } from './pvec';
import { less, wt, type EdgeStateName, type Wt } from './ghs-types';

/**
 * A node's adjacent edges as GHS sees them, fixed for the whole run: the neighbours in the engine's
 * order, where each one sits in that order, and the edges sorted by weight key (C12). Built once at
 * `init` and shared by every later state of the node, never copied.
 */
export class Neighbourhood {
  readonly ids: readonly NodeId[];
  // #private typed arrays: a deep freeze of the state (tests) cannot freeze a typed array, and these
  // never change after init.
  /** Where each neighbour sits in `ids` (the context's own index: nothing copied per node). */
  readonly #index: NeighbourWeights;
  /** Positions, lightest edge first. */
  readonly #byWeight: Int32Array;
  /** rank[p]: where position p stands in `byWeight`. */
  readonly #rank: Int32Array;

  constructor(node: NodeCtx) {
    this.ids = node.neighbours;
    this.#index = positionsOf(node);
    const keys: Wt[] = node.neighbours.map((j) => wt(node, j));
    this.#byWeight = Int32Array.from(
      keys
        .map((_, p) => p)
        .sort((p, q) => (less(keys[p]!, keys[q]!) ? -1 : less(keys[q]!, keys[p]!) ? 1 : 0)),
    );
    const rank = new Int32Array(keys.length);
    this.#byWeight.forEach((p, r) => (rank[p] = r));
    this.#rank = rank;
  }

  get degree(): number {
    return this.ids.length;
  }

  /** The position of neighbour j; a message from a non-neighbour is a bug the engine never lets happen. */
  pos(j: NodeId): number {
    const p = this.#index.positionOf(j);
    if (p < 0) throw new Error(`${j} is not a neighbour`);
    return p;
  }

  /** The position of the r-th lightest edge. */
  byRank(r: number): number {
    return this.#byWeight[r]!;
  }

  rankOf(p: number): number {
    return this.#rank[p]!;
  }
}

/**
 * SE(j) for every adjacent edge, persistent (a hub's table is not copied on each change), with the
 * lightest Basic edge kept at hand: procedure (5) tests edges in weight order, and an edge that has
 * left Basic only goes back if someone sets it so — then the pointer moves back with it.
 */
export class EdgeStates {
  private constructor(
    readonly nb: Neighbourhood,
    private readonly se: PVec<EdgeStateName>,
    /** Rank of the lightest Basic edge (every lighter one is Branch or Rejected); degree = none. */
    private readonly basicFrom: number,
  ) {}

  static allBasic(nb: Neighbourhood): EdgeStates {
    return new EdgeStates(nb, PVec.filled<EdgeStateName>(nb.degree, 'Basic'), 0);
  }

  get(j: NodeId): EdgeStateName {
    return this.se.get(this.nb.pos(j));
  }

  at(p: number): EdgeStateName {
    return this.se.get(p);
  }

  setAt(p: number, e: EdgeStateName): EdgeStates {
    const se = this.se.set(p, e);
    const r = this.nb.rankOf(p);
    let from = this.basicFrom;
    if (e === 'Basic') from = Math.min(from, r);
    else if (r === from) {
      const d = this.nb.degree;
      while (from < d && se.get(this.nb.byRank(from)) !== 'Basic') from++;
    }
    return new EdgeStates(this.nb, se, from);
  }

  /** The adjacent Basic edge of minimum weight, or null. */
  lightestBasic(): NodeId | null {
    return this.basicFrom < this.nb.degree ? this.nb.ids[this.nb.byRank(this.basicFrom)]! : null;
  }

  /** The adjacent edge of minimum weight, whatever its state, or null for a lone node. */
  lightest(): NodeId | null {
    return this.nb.degree ? this.nb.ids[this.nb.byRank(0)]! : null;
  }

  /** Neighbours whose edge is in state e, in neighbour order. */
  having(e: EdgeStateName): NodeId[] {
    const out: NodeId[] = [];
    for (let p = 0; p < this.nb.degree; p++) if (this.se.get(p) === e) out.push(this.nb.ids[p]!);
    return out;
  }

  /** [j, SE(j)] in neighbour order. */
  entries(): [NodeId, EdgeStateName][] {
    return this.nb.ids.map((j, p) => [j, this.se.get(p)]);
  }

  /** The table as the paper writes it, SE keyed by neighbour id (what trace export shows). */
  toJSON(): Record<NodeId, EdgeStateName> {
    return Object.fromEntries(this.entries());
  }
}
