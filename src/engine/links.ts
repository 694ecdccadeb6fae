import type { Graph, NodeId } from './types';

/**
 * Dense numbering of the directed links, so per-link data (FIFO horizon, last delivered seq) lives in
 * typed arrays instead of a Map keyed per message: the event loop looks a link up once per send.
 */
export class LinkIndex {
  readonly count: number;
  private readonly offsets: Int32Array;
  private readonly targets: Int32Array;

  constructor(graph: Graph) {
    const n = graph.ids.length;
    const out: number[][] = Array.from({ length: n }, () => []);
    for (const { a, b } of graph.edges) {
      out[a]!.push(b);
      if (!graph.directed) out[b]!.push(a);
    }
    this.offsets = new Int32Array(n + 1);
    const flat: number[] = [];
    for (let i = 0; i < n; i++) {
      const sorted = [...new Set(out[i])].sort((x, y) => x - y);
      this.offsets[i] = flat.length;
      flat.push(...sorted);
    }
    this.offsets[n] = flat.length;
    this.targets = Int32Array.from(flat);
    this.count = flat.length;
  }

  /** The link's number, or −1 when `to` is not an out-neighbour of `from`. */
  id(from: number, to: number): number {
    let lo = this.offsets[from]!;
    let hi = this.offsets[from + 1]! - 1;
    const t = this.targets;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = t[mid]!;
      if (v === to) return mid;
      if (v < to) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

/** Id → position; an array when the ids are small non-negative integers, a Map otherwise. */
export class IdIndex {
  private readonly dense: Int32Array | null;
  private readonly map: Map<NodeId, number> | null;

  constructor(ids: readonly NodeId[]) {
    const max = ids.reduce((m, x) => Math.max(m, x), 0);
    if (ids.every((x) => Number.isInteger(x) && x >= 0) && max <= 8 * ids.length + 64) {
      this.dense = new Int32Array(max + 1).fill(-1);
      ids.forEach((id, i) => (this.dense![id] = i));
      this.map = null;
    } else {
      this.dense = null;
      this.map = new Map(ids.map((id, i) => [id, i]));
    }
  }

  /** The position of `id`, or −1 if no node has it. */
  get(id: NodeId): number {
    if (this.dense) return id >= 0 && id < this.dense.length ? (this.dense[id] ?? -1) : -1;
    return this.map!.get(id) ?? -1;
  }
}
