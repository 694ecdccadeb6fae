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

/**
 * Each node's last send target: a node sends to the same neighbour again and again (a ring's successor,
 * a tree's parent), so the id lookup and the link's binary search run when its target changes, not on
 * every send. A pure cache of (node, target id) → (position, link): nothing to checkpoint.
 */
export class SendTargets {
  /** The link `resolve` found last: from the node to the target, −1 if there is none. */
  link = -1;
  private readonly lastTo: Float64Array;
  private readonly lastPosition: Int32Array;
  private readonly lastLink: Int32Array;

  constructor(
    n: number,
    private readonly position: IdIndex,
    private readonly links: LinkIndex,
  ) {
    // NaN equals no id: every node's first send looks its target up.
    this.lastTo = new Float64Array(n).fill(NaN);
    this.lastPosition = new Int32Array(n);
    this.lastLink = new Int32Array(n);
  }

  /** The position of the node with id `to` (−1 if none), and the link to it in `link`. */
  resolve(node: number, to: NodeId): number {
    if (this.lastTo[node] === to) {
      this.link = this.lastLink[node]!;
      return this.lastPosition[node]!;
    }
    const at = this.position.get(to);
    this.link = at < 0 ? -1 : this.links.id(node, at);
    this.lastTo[node] = to;
    this.lastPosition[node] = at;
    this.lastLink[node] = this.link;
    return at;
  }
}
