import type { Graph, NodeId, TopologyKind } from '../engine/types';

/** A generated graph, or one sentence saying why the spec names no valid graph. */
export type GraphResult = { ok: true; graph: Graph } | { ok: false; error: string };

/** An edge named by node ids; `w` is optional (random distinct weights are drawn where missing). */
export interface EdgeSpec {
  a: NodeId;
  b: NodeId;
  w?: number;
}

/** How ids are assigned to positions (ring order for rings, C1). */
export type IdSpec = { order: 'asc' | 'desc' | 'random' } | { list: NodeId[] };

export interface TopologySpec {
  kind: TopologyKind;
  /** Number of nodes (taken from the id list or the edge list where those are given). */
  n: number;
  /** Custom graphs: the edge list, by id. */
  edges?: EdgeSpec[];
}

/** The largest graphs a scenario may ask for; past these a link or command is refused, not run. */
export const LIMITS = {
  maxNodes: 20_000,
  /** Complete graphs carry n(n − 1)/2 edges. */
  maxCompleteNodes: 400,
  maxEdges: 200_000,
  maxId: 1_000_000_000,
  maxWeight: 1_000_000_000,
  maxDelay: 1_000,
  maxSeed: 2 ** 32 - 1,
} as const;

/** What the rest of the code needs to know about each kind of topology. */
export interface TopologyTraits {
  /** In words, e.g. `unidirectional ring`. */
  name: string;
  /** The seed shapes the graph itself (not only its weights): experiments repeat such runs per seed. */
  seeded: boolean;
  /** An edge list may stand for it; the graph is then read as a custom one (a custom tree). */
  fromEdges: boolean;
}

export const TOPOLOGIES: Readonly<Record<TopologyKind, TopologyTraits>> = {
  'ring-uni': { name: 'unidirectional ring', seeded: false, fromEdges: false },
  'ring-bi': { name: 'bidirectional ring', seeded: false, fromEdges: false },
  complete: { name: 'complete graph', seeded: false, fromEdges: false },
  path: { name: 'path', seeded: false, fromEdges: false },
  star: { name: 'star', seeded: false, fromEdges: false },
  tree: { name: 'random tree', seeded: true, fromEdges: true },
  grid: { name: 'grid', seeded: false, fromEdges: false },
  hypercube: { name: 'hypercube', seeded: false, fromEdges: false },
  random: { name: 'random connected graph', seeded: true, fromEdges: false },
  custom: { name: 'custom edge list', seeded: false, fromEdges: true },
};

/** Every topology kind, in the order the editor and --help list them. */
export const TOPOLOGY_KINDS = Object.keys(TOPOLOGIES) as TopologyKind[];

/** The kind read from an edge list. */
export const CUSTOM: TopologyKind = 'custom';

/**
 * The kinds that draw the same graph from the same n, ids and seed, link directions aside: a ring read
 * one way or both ways is the same ring of processes in the same clockwise order. Two algorithms are
 * compared side by side on one of these (src/scenario/versus.ts).
 */
export const SAME_GRAPH: Readonly<Partial<Record<TopologyKind, readonly TopologyKind[]>>> = {
  'ring-uni': ['ring-bi'],
  'ring-bi': ['ring-uni'],
};

/** The kind among `runsOn` that draws the graph of `kind` (itself first), or null if none does. */
export function sameGraphKind(runsOn: readonly TopologyKind[], kind: TopologyKind): TopologyKind | null {
  if (runsOn.includes(kind)) return kind;
  return SAME_GRAPH[kind]?.find((k) => runsOn.includes(k)) ?? null;
}

export const TOPOLOGY_NAMES: Readonly<Record<TopologyKind, string>> = Object.fromEntries(
  TOPOLOGY_KINDS.map((k) => [k, TOPOLOGIES[k].name]),
) as Record<TopologyKind, string>;
