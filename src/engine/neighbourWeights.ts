import type { NodeCtx, NodeId } from './types';

/** Fewer neighbours than this are found by scanning: no sorted index is kept. */
const SCAN_DEGREE = 16;

/**
 * A node's edge weights by neighbour, read as a ReadonlyMap: `neighbours` in the engine's order and
 * arrays beside them. A Map here cost ~36 B per entry in Node, which on a complete graph of 200
 * (39,800 entries) was 45 B per recorded step of Bully; this costs at most 8 B per entry, and 8 B more
 * where the weights are not all 1. Lookups: below SCAN_DEGREE neighbours, a scan of `neighbours`
 * itself (a typed array's own ~200 B would outweigh a ring node's two entries); where the ids are
 * dense (their span at most twice the degree: ids 1…n on a complete graph or a star), a table by
 * id − smallest, as fast as the Map was; else a binary search over the ids in ascending order.
 */
export class NeighbourWeights implements ReadonlyMap<NodeId, number> {
  // #private: a test's deep freeze walks an algorithm's state, which may hold this index (GHS), and
  // a typed array with elements cannot be frozen; the fields are fixed for the run anyway.
  readonly #neighbours: readonly NodeId[];
  /** The neighbours' ids, ascending (ids are checked to |id| ≤ 10⁹; a Float64Array otherwise). */
  readonly #sorted: Int32Array | Float64Array | null;
  /** slot[i]: where sorted[i] stands in `neighbours`. */
  readonly #slot: Int32Array | null;
  /** Dense ids: table[id − base] is where id stands in `neighbours`, −1 for a non-neighbour. */
  readonly #table: Int32Array | null;
  readonly #base: number;
  /** w[p]: the weight of the edge to neighbours[p]; null where every weight is 1. */
  readonly #w: readonly number[] | null;

  constructor(neighbours: readonly NodeId[], weights: readonly number[]) {
    this.#neighbours = neighbours;
    this.#w = weights.every((x) => x === 1) ? null : weights.slice();
    this.#sorted = this.#slot = this.#table = null;
    this.#base = 0;
    const d = neighbours.length;
    if (d < SCAN_DEGREE) return;
    let lo = Infinity;
    let hi = -Infinity;
    let ints = true;
    for (const j of neighbours) {
      if (j < lo) lo = j;
      if (j > hi) hi = j;
      if ((j | 0) !== j) ints = false;
    }
    if (ints && hi - lo < 2 * d) {
      const table = new Int32Array(hi - lo + 1).fill(-1);
      for (let p = 0; p < d; p++) table[neighbours[p]! - lo] = p;
      this.#table = table;
      this.#base = lo;
      return;
    }
    const order = Array.from(neighbours, (_, p) => p).sort((p, q) => neighbours[p]! - neighbours[q]!);
    const ids = order.map((p) => neighbours[p]!);
    this.#sorted = ints ? Int32Array.from(ids) : Float64Array.from(ids);
    this.#slot = Int32Array.from(order);
  }

  /** Where neighbour j stands in `neighbours`, or −1 if j is not a neighbour. */
  positionOf(j: NodeId): number {
    // A fraction or an id outside the table indexes nothing: undefined.
    if (this.#table !== null) return this.#table[j - this.#base] ?? -1;
    const s = this.#sorted;
    if (s === null) return this.#neighbours.indexOf(j);
    let lo = 0;
    let hi = s.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = s[mid]!;
      if (v === j) return this.#slot![mid]!;
      if (v < j) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  get size(): number {
    return this.#neighbours.length;
  }

  has(j: NodeId): boolean {
    return this.positionOf(j) >= 0;
  }

  get(j: NodeId): number | undefined {
    const p = this.positionOf(j);
    return p < 0 ? undefined : this.#at(p);
  }

  #at(p: number): number {
    return this.#w ? this.#w[p]! : 1;
  }

  /** In `neighbours` order, as the Map built edge by edge iterated. */
  *entries(): MapIterator<[NodeId, number]> {
    for (let p = 0; p < this.#neighbours.length; p++) yield [this.#neighbours[p]!, this.#at(p)];
  }

  *keys(): MapIterator<NodeId> {
    yield* this.#neighbours;
  }

  *values(): MapIterator<number> {
    for (let p = 0; p < this.#neighbours.length; p++) yield this.#at(p);
  }

  [Symbol.iterator](): MapIterator<[NodeId, number]> {
    return this.entries();
  }

  forEach(
    fn: (value: number, key: NodeId, map: ReadonlyMap<NodeId, number>) => void,
    thisArg?: unknown,
  ): void {
    for (let p = 0; p < this.#neighbours.length; p++)
      fn.call(thisArg, this.#at(p), this.#neighbours[p]!, this);
  }
}

/**
 * Where each neighbour stands in `node.neighbours`: the engine's weights answer that already; a
 * context built by hand (tests) gets an index of its own.
 */
export function positionsOf(node: NodeCtx): NeighbourWeights {
  return node.weights instanceof NeighbourWeights
    ? node.weights
    : new NeighbourWeights(
        node.neighbours,
        node.neighbours.map(() => 1),
      );
}
