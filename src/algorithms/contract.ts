import type { Algorithm, Faults, Graph, NodeId, Role, TimingMode, TopologyKind } from '../engine/types';
import { undirectedEdgeCount } from '../topology/connectivity';
import { defaultsOf, type ParamSpecs } from './params';
import type { Pseudocode } from './pseudocode';
import type { SystemExperiment } from './system-experiment';

/**
 * The algorithm plug-in contract: one module per algorithm declares everything about it, and the
 * rest of the code asks the registry (src/algorithms/registry.ts). docs/adding-an-algorithm.md walks
 * through it; docs/algorithms.md holds the conventions (C1 …) and formulas the modules cite.
 */

/** The id orders an experiment runs; `worst` and `best` are each algorithm's own (AlgorithmModule.orders). */
export const ORDER_NAMES = ['worst', 'best', 'random', 'asc', 'desc'] as const;
export type OrderName = (typeof ORDER_NAMES)[number];

/** Scenario keys in the flat (URL/CLI) form, e.g. `{ ids: 'desc' }`. */
export type FlatKeys = Record<string, string>;

/** A count as a formula of n (and |E| where it matters), printed and evaluated from one place. */
export interface Formula {
  /** As printed, e.g. `n(n+1)/2`. */
  text: string;
  value(n: number, edges: number): number;
}

export function formula(text: string, value: (n: number, edges: number) => number): Formula {
  return { text, value };
}

/**
 * A count that reads more of the graph than n and |E|, e.g. FloodMax's 2|E|·diam. Only a bound may:
 * the counts panel has the run's graph, while an experiment's curve sees each run's n and |E| alone.
 * Every Formula is one (it ignores the graph).
 */
export interface GraphFormula {
  text: string;
  value(n: number, edges: number, graph: Graph): number;
}

export type CurveKind = 'exact' | 'upper' | 'lower' | 'mean';
export type Metric = 'messages' | 'rounds';

/** A textbook curve an experiment draws beside its measured points. */
export interface CurveSpec {
  metric: Metric;
  kind: CurveKind;
  formula: Formula;
  /** The smallest n it holds for (n = 1 is a special case for some, C13). */
  from?: number;
  /** What a `mean` averages over, for the legend; absent: all rings (id orders). */
  over?: string;
}

export const exact = (f: Formula, from?: number): CurveSpec => curve('messages', 'exact', f, from);
export const upper = (f: Formula, from?: number): CurveSpec => curve('messages', 'upper', f, from);
export const lower = (f: Formula, from?: number): CurveSpec => curve('messages', 'lower', f, from);
export const mean = (f: Formula, from?: number): CurveSpec => curve('messages', 'mean', f, from);
export const exactRounds = (f: Formula): CurveSpec => curve('rounds', 'exact', f);

function curve(metric: Metric, kind: CurveKind, f: Formula, from?: number): CurveSpec {
  return from === undefined ? { metric, kind, formula: f } : { metric, kind, formula: f, from };
}

/**
 * The algorithm's counts, as formulas: the counts panel's bound, the experiments' curves and the
 * tests all read these, so each formula is written once.
 */
export interface Counts<Params> {
  /** Messages of every run (`holds`), announcement excluded: an upper bound, or the exact count. */
  bound: GraphFormula & { exact?: boolean; note?: string };
  /**
   * Randomized algorithms (`randomized`): the expected messages, announcement excluded, which the
   * counts panel shows beside the bound (C16).
   */
  expected?: Formula;
  /** The runs `bound` speaks for; every run when absent (Bully: none with a crash during the run). */
  holds?(faults: Faults): boolean;
  /**
   * What the leader announcement adds when it is on (C3): messages, and rounds where curves show
   * them; `off` are the flat keys of a run without it (experiments' "no announcement").
   */
  announcement?: { on(params: Params): boolean; off: FlatKeys; messages: Formula; rounds?: Formula };
  /** The curves for runs with this id order and timing, announcement excluded. */
  curves(order: OrderName, mode: TimingMode): readonly CurveSpec[];
}

/** The live counts panel's line, e.g. `n(n+1)/2 + n = 44`. */
export interface Bound {
  value: number;
  formula: string;
  exact: boolean;
}

/** How an experiment arranges a run of one id order (beside alg, n, mode and seed). */
export interface Arrangement {
  arrange(n: number, seed: number): FlatKeys;
}

/** A worst or best case: one sentence for the panel and --help, and its arrangement. */
export interface OrderCase extends Arrangement {
  text: string;
}

/** A named teaching scenario: a link a lecturer opens, with the one thing to watch. */
export interface PresetDef {
  /** Stable id, e.g. for menus and tests. */
  id: string;
  title: string;
  /** One sentence: what to watch for, with the count it should reach. */
  watch: string;
  /** The scenario as a link hash body. */
  link: string;
}

/**
 * What an algorithm tells the explorer of every schedule (docs/explorer.md) beyond its handlers.
 * Absent: it is explored, with the checks that need no declaration (two leaders at once, every node
 * learns the leader, no cycle).
 */
export interface ExploreDecl<State> {
  /**
   * Why the explorer cannot follow it, in one sentence (a refusal, exit code 2 on the command line);
   * `timed` algorithms are refused with their own sentence and need no entry here.
   */
  refuse?: string;
  /** Every run must elect the largest id (the result's `leader`): any other leader is a violation. */
  leader?: 'largest';
  /**
   * Messages a node has received and keeps unhandled for later (GHS's deferred queue, C12). A state
   * with nothing in flight where some node still holds one is stuck: a violation.
   */
  held?(s: State): number;
}

/**
 * How an edge in one of an algorithm's edge states is drawn: `thick` (a tree edge, in its group's
 * colour), `thin` (not decided yet), `faded` (dashed and pale: out of the picture).
 */
export type EdgeLook = 'thick' | 'thin' | 'faded';

export interface EdgeStateDecl {
  /** Lower-case; also the class an edge carries in the exported SVG, e.g. `branch`. */
  name: string;
  look: EdgeLook;
  /** What it means, for the legend's tooltip. */
  meaning: string;
}

/** A group of nodes drawn in one colour (GHS: a fragment), named once in the graph's legend. */
export interface GroupMark {
  /** Nodes with equal keys are one group. */
  key: string;
  /** Its name in the legend, e.g. `F 3 · L 1` (fragment name and level); '' leaves it out. */
  label: string;
}

/**
 * What the graph draws of a node's state beyond its role, declared by the algorithm (the view asks
 * for it and knows no algorithm by name). Each function reads one node's state; absent: not drawn.
 */
export interface DrawingDecl<State> {
  /** A short text beside the node's id (Peterson's temporary id, HS's probe distance); null: none. */
  badge?(s: State): string | null;
  /** The node's group, coloured as one (GHS's fragment); null: none. */
  group?(s: State): GroupMark | null;
  /** The edge states, strongest first: an edge whose two ends disagree is drawn as the stronger. */
  edgeStates?: readonly EdgeStateDecl[];
  /** The state (an `edgeStates` name) this node gives its edge to a neighbour; null: none. */
  edgeState?(s: State, neighbour: NodeId): string | null;
  /** The neighbour this node points to in a tree being built toward a root (the convergecast's `up`). */
  toward?(s: State): NodeId | null;
  /**
   * Draw the node's pending timers, and the failure detector's notice pending after a crash, as
   * rings that empty as their time runs out (Bully's waiting).
   */
  waits?: boolean;
  /** Which pending timers `waits` draws (a lease: its remaining time, not its retry tick); absent: all. */
  waitShown?(timer: unknown, s: State): boolean;
}

/**
 * One of the run's own figures (the algorithm's RunMonitor reports it by `key`, in the CLI's JSON):
 * how the counts panel names it.
 */
export interface FigureDecl {
  /** The JSON key, e.g. `unavailableTime`. */
  key: string;
  /** The panel's words, e.g. `Time without a leader`. */
  label: string;
  /** What it counts, in one sentence (the panel's tooltip). */
  help: string;
}

/** What an algorithm's author writes (AlgorithmModule adds what is derived from it). */
export interface AlgorithmDef<
  State,
  Msg extends { kind: string },
  Params,
  Timer extends { kind: string } = never,
> extends Omit<Algorithm<State, Msg, Params, Timer>, 'pseudocode'> {
  /** The title, e.g. `LCR (Le Lann, Chang–Roberts)`. */
  name: string;
  /** For charts and legends, e.g. `HS`. */
  shortName: string;
  /** One line for the editor and --help. */
  summary: string;
  /**
   * What it does when the network misbehaves (C17), in one sentence: most election algorithms assume
   * reliable channels and fail under loss — with no leader, or stuck — and say so here.
   */
  underLoss?: string;
  /**
   * Whether it tolerates duplicates (a message delivered twice, C26), in one sentence: what a copy
   * does to it, as the runs with `--duplicate` show (test/algorithms/duplicates.test.ts checks it).
   */
  underDuplicates: string;
  /** Where it comes from, e.g. `Lynch, Distributed Algorithms, §3.3`. */
  citation: string;
  /** The topologies it runs on; the first is the default. */
  topologies: readonly TopologyKind[];
  /** What it needs of the graph, in words (for --help and the docs), e.g. `a tree`. */
  requires: string;
  /**
   * Service nodes it runs against, by name (a lease's `store` and `storage`): added after the `--n`
   * candidates (src/topology/services.ts), linked to each of them, drawn apart and named in words.
   */
  services?: readonly string[];
  /** Its systems experiment (C27), for a protocol that never terminates: the registry lists them. */
  systemExperiment?: SystemExperiment;
  /**
   * Rejects parameters that are each valid but clash (a renew deadline not shorter than the lease),
   * naming the key the editor marks; null where they agree.
   */
  checkParams?(params: Params): { field: string; message: string } | null;
  /** Rejects a graph it cannot run on beyond its topology kind, in one sentence (e.g. not a tree). */
  checkGraph?(graph: Graph, params: Params): string | null;
  /** True where it reads edge weights (GHS): generated graphs then get random distinct ones. */
  weighted?: boolean;
  /**
   * True where a run depends on the seed even in sync mode with fixed ids: the algorithm draws random
   * numbers (NodeCtx.draw, C16). Experiments then repeat every run per seed.
   */
  randomized?: boolean;
  /** Its parameters, in the order the editor and --help list them. */
  params: ParamSpecs<Params>;
  /**
   * True where it is built around crashes (Bully): its counts speak for crash faults (`holds`) and
   * the graph's double-click crashes a node. Every algorithm takes the faults (src/scenario/faults.ts).
   */
  faults?: boolean;
  /**
   * Why its asynchronous runs depend on time and not only on the order of deliveries (timeouts), in
   * one sentence; absent where the order of deliveries decides a run. A delivery schedule
   * (src/scenario/schedule.ts) and the explorer of every schedule refuse it with this sentence.
   */
  timed?: string;
  /** What the explorer of every schedule (src/explorer, docs/explorer.md) may check or must refuse. */
  explore?: ExploreDecl<State>;
  /** The roles its nodes take, in the legend's order. */
  roles: readonly Role[];
  /** Its pseudo-code, with typed line keys. */
  code: Pseudocode<string>;
  counts: Counts<Params>;
  /** The worst and best id orders where they are known; `random` where it needs more than ids. */
  orders?: { worst?: OrderCase; best?: OrderCase; random?: Arrangement };
  presets: readonly PresetDef[];
  /** The figures its `monitor` reports, in the counts panel's order, with their words. */
  figures?: readonly FigureDecl[];
  /** What the graph draws beyond roles and ids (docs/adding-an-algorithm.md, "Drawing"). */
  drawing?: DrawingDecl<State>;
}

export interface AlgorithmModule<
  State = unknown,
  Msg extends { kind: string } = { kind: string },
  Params = unknown,
  Timer extends { kind: string } = never,
>
  extends AlgorithmDef<State, Msg, Params, Timer>, Algorithm<State, Msg, Params, Timer> {
  /** Every parameter at its default. */
  defaults: Params;
  /** The counts panel's bound for a run, the announcement included where it is on. */
  bound(n: number, graph: Graph, params: Params): Bound;
  /** Randomized algorithms: the expected messages of a run, the announcement included; else null. */
  expected(n: number, graph: Graph, params: Params): Bound | null;
}

// Modules are registered with their own types; the rest of the code reads them through this.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyModule = AlgorithmModule<any, any, any, any>;

/** The module an author's declaration makes: defaults, pseudo-code text and bound derived. */
export function defineAlgorithm<
  State,
  Msg extends { kind: string },
  Params,
  Timer extends { kind: string } = never,
>(def: AlgorithmDef<State, Msg, Params, Timer>): AlgorithmModule<State, Msg, Params, Timer> {
  return {
    ...def,
    defaults: defaultsOf(def.params),
    pseudocode: def.code.text,
    bound: (n, graph, params) => boundOf(def.counts, n, graph, params),
    expected: (n, graph, params) =>
      def.counts.expected ? boundOf({ ...def.counts, bound: def.counts.expected }, n, graph, params) : null,
  };
}

function boundOf<P>(counts: Counts<P>, n: number, graph: Graph, params: P): Bound {
  const edges = undirectedEdgeCount(graph);
  const b = counts.bound;
  const ann = counts.announcement?.on(params) ? counts.announcement.messages : null;
  const note = b.note ? ` (${b.note})` : '';
  return {
    value: b.value(n, edges, graph) + (ann ? ann.value(n, edges) : 0),
    formula: `${b.text}${ann ? ` + ${ann.text}` : ''}${note}`,
    exact: b.exact ?? false,
  };
}
