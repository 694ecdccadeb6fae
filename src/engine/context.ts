import { diameter } from '../topology/diameter';
import { drawAt } from './draw';
import { NeighbourWeights } from './neighbourWeights';
import type { Faults, Graph, NodeCtx, NodeId, Timing } from './types';

/**
 * The static per-node knowledge handed to handlers, built once per run. `seed` is the run's seed:
 * only the random draws read it (C16).
 */
export function buildContexts(
  graph: Graph,
  timing: Timing,
  faults: Faults,
  narrate = true,
  seed = 0,
): NodeCtx[] {
  const n = graph.ids.length;
  const out: NodeId[][] = Array.from({ length: n }, () => []);
  const weights: Map<NodeId, number>[] = Array.from({ length: n }, () => new Map());
  for (const { a, b, w } of graph.edges) {
    const ia = graph.ids[a]!;
    const ib = graph.ids[b]!;
    if (!weights[a]!.has(ib)) out[a]!.push(ib);
    weights[a]!.set(ib, w);
    if (!graph.directed) {
      if (!weights[b]!.has(ia)) out[b]!.push(ia);
      weights[b]!.set(ia, w);
    }
  }
  const allIds = [...graph.ids].sort((x, y) => x - y);
  const services = graph.ids.slice(n - (graph.services?.length ?? 0));
  const crashedAtStart = new Set(faults.crashed);
  // A crash at time 0 comes before every start-up step (same event key, smaller seq).
  const downAtZero = new Set(faults.crashes.filter((c) => c.at === 0).map((c) => c.id));
  const liveAtStart = allIds.filter((id) => !crashedAtStart.has(id) && !downAtZero.has(id));
  const shared: Shared = {
    graph,
    seed,
    n,
    allIds,
    services,
    crashedAtStart,
    liveAtStart,
    mode: timing.mode,
    maxDelay: timing.maxDelay,
    narrate,
  };
  // Each node's neighbours at their exact length (an array grown by push keeps up to 17 slots), and
  // its weights in typed arrays beside them: the Maps built above are dropped when this returns.
  return graph.ids.map((id, i) => {
    const nbrs = out[i]!.slice();
    const w = weights[i]!;
    return new NodeContext(
      shared,
      id,
      i,
      nbrs,
      new NeighbourWeights(
        nbrs,
        nbrs.map((j) => w.get(j)!),
      ),
    );
  });
}

/** What every node's context holds alike (one object built per run, its fields copied in each). */
type Shared = Pick<
  NodeContext,
  | 'graph'
  | 'seed'
  | 'n'
  | 'allIds'
  | 'services'
  | 'crashedAtStart'
  | 'liveAtStart'
  | 'mode'
  | 'maxDelay'
  | 'narrate'
>;

/**
 * One node's context. A class, so `diam` and `draw` live once on the prototype: an object literal with
 * a getter and a closure per node took ~1.5 KB per node in Node (the getter turns it into a
 * dictionary), which on a ring of 512 was 43 B per recorded step of HS. Plain fields, not #private,
 * so a wrapper made with Object.create(ctx) still reaches them.
 */
class NodeContext implements NodeCtx {
  declare readonly graph: Graph;
  declare readonly seed: number;
  declare readonly n: number;
  declare readonly allIds: readonly NodeId[];
  declare readonly services: readonly NodeId[];
  declare readonly crashedAtStart: ReadonlySet<NodeId>;
  declare readonly liveAtStart: readonly NodeId[];
  declare readonly mode: Timing['mode'];
  declare readonly maxDelay: number;
  declare readonly narrate: boolean;
  readonly cw: NodeId;
  readonly ccw: NodeId;

  constructor(
    shared: Shared,
    readonly id: NodeId,
    /** The node's ring position: what its random draws read (C16). */
    readonly position: number,
    readonly neighbours: readonly NodeId[],
    readonly weights: ReadonlyMap<NodeId, number>,
  ) {
    Object.assign(this, shared);
    const { graph, n } = shared;
    this.cw = graph.ring ? graph.ids[(position + 1) % n]! : -1;
    this.ccw = graph.ring ? graph.ids[(position - 1 + n) % n]! : -1;
  }

  /** A getter: the diameter costs a BFS from every node, paid only by an algorithm that reads it. */
  get diam(): number {
    return diameter(this.graph);
  }

  draw(k: number, lo: number, hi: number): number {
    return drawAt(this.seed, this.position, k, lo, hi);
  }
}
