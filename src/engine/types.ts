/** A node's identity: its UID, as in the papers. Positions are internal to the engine. */
export type NodeId = number;

export type Role = 'candidate' | 'relay' | 'leader' | 'nonLeader' | 'crashed' | 'idle';

export type TopologyKind =
  'ring-uni' | 'ring-bi' | 'complete' | 'path' | 'star' | 'tree' | 'grid' | 'hypercube' | 'random' | 'custom';

export type TimingMode = 'sync' | 'async';

export interface Timing {
  mode: TimingMode;
  /** async only: each message's delay is an integer uniform in [1, maxDelay]. */
  maxDelay: number;
}

/** A node crashing at a given simulated time (round in sync mode). */
export interface CrashFault {
  id: NodeId;
  at: number;
}

export interface Faults {
  /** Crashed before the run starts: never woken, messages to them are sent but never delivered. */
  crashed: NodeId[];
  /** Crash during the run. */
  crashes: CrashFault[];
}

/** An undirected or directed graph over positions 0..n-1; `ids[i]` names position i. */
export interface Graph {
  kind: TopologyKind;
  ids: NodeId[];
  directed: boolean;
  /** Edges as position pairs with a weight; for directed graphs a → b. */
  edges: { a: number; b: number; w: number }[];
  /** Whether the weights mean something to the algorithm or the user (given or generated for GHS). */
  weighted: boolean;
  /** Rings: cw[i] is position i + 1 mod n, ccw[i] is i − 1 mod n (C1). */
  ring: boolean;
}

/** What a handler knows about the node it runs on. Static for the whole run. */
export interface NodeCtx {
  readonly id: NodeId;
  readonly n: number;
  /** Ids this node may send to (its out-neighbours), in a stable order. */
  readonly neighbours: readonly NodeId[];
  /** Rings only: the clockwise and counter-clockwise neighbours (the node itself when n = 1). */
  readonly cw: NodeId;
  readonly ccw: NodeId;
  /** Every id in the system, ascending (Bully assumes all ids are known). */
  readonly allIds: readonly NodeId[];
  /** Weight of the edge to a neighbour (1 where the graph is unweighted). */
  readonly weights: ReadonlyMap<NodeId, number>;
  /** Nodes crashed before the run starts; only an algorithm that models failure detection reads it. */
  readonly crashedAtStart: ReadonlySet<NodeId>;
  /**
   * Crashes scheduled during the run. An algorithm that models a failure detector (Bully) reads it
   * to let a process notice a crash; no other algorithm may.
   */
  readonly crashSchedule: readonly CrashFault[];
  readonly mode: TimingMode;
  readonly maxDelay: number;
  /**
   * False in headless runs, where no step is recorded: a hot handler may then leave its `note` empty
   * instead of formatting text nobody reads.
   */
  readonly narrate: boolean;
}

/**
 * A message to a neighbour. FIFO holds per ordered pair (from, to); on a bidirectional ring of two
 * nodes the cw and ccw channels join the same pair, so ring messages carry their direction (C13).
 */
export interface Send<Msg> {
  to: NodeId;
  msg: Msg;
}

export interface TimerRequest {
  name: string;
  /**
   * Fires `after` time units from now, after every delivery of that time: with `after: 0` in sync
   * mode a handler sees the whole round's messages before it acts, as in Lynch's model.
   */
  after: number;
}

export interface Reaction<State, Msg> {
  state: State;
  send?: readonly Send<Msg>[];
  timers?: readonly TimerRequest[];
  /** 0-based indices into the algorithm's `pseudocode` of the lines this handler executed. */
  lines?: readonly number[];
  /** One sentence a student can read, e.g. "9 > 4: forward 9". Empty = the engine's default. */
  note?: string;
}

export interface AlgorithmResult {
  leader: NodeId | null;
  /** Extra fields the CLI prints, e.g. `chosenProcess` (Peterson), `mst` (GHS), `saturated` (tree). */
  extra?: Record<string, unknown>;
}

export interface Algorithm<
  State = unknown,
  Msg extends { kind: string } = { kind: string },
  Params = unknown,
> {
  id: string;
  name: string;
  /** One line for the editor and the README. */
  summary: string;
  topologies: readonly TopologyKind[];
  /** True where the algorithm reads edge weights (GHS): generated graphs then get random distinct ones. */
  weighted?: boolean;
  /** Message kinds it can send, lower-case, in the order the UI lists them. */
  kinds: readonly string[];
  defaults: Params;
  pseudocode: readonly string[];
  /** Rejects a graph the algorithm cannot run on beyond its topology kind (e.g. not a tree). */
  checkGraph?(graph: Graph, params: Params): string | null;
  init(node: NodeCtx, params: Params): Reaction<State, Msg>;
  onMessage(s: State, from: NodeId, msg: Msg, node: NodeCtx, params: Params): Reaction<State, Msg>;
  onTimer?(s: State, name: string, node: NodeCtx, params: Params): Reaction<State, Msg>;
  /**
   * A global barrier (GHS then convergecast, C12): when no event is left, the engine calls this for
   * every live node, in position order, each call one step. Return null where the node has nothing
   * to do; when every node returns null the run is over.
   */
  onBarrier?(s: State, node: NodeCtx, params: Params): Reaction<State, Msg> | null;
  role(s: State): Role;
  describe(s: State): Record<string, string | number | boolean>;
  /** The outcome read from the final states; by default the node whose role is 'leader'. */
  result?(states: readonly State[], ids: readonly NodeId[], graph: Graph, params: Params): AlgorithmResult;
  /** Short text of a message for labels, e.g. `out(9, 4)`. */
  label?(msg: Msg): string;
  /** Textbook bound or exact count of messages for n (used for the live counts), with its formula. */
  bound?(n: number, graph: Graph, params: Params): { value: number; formula: string; exact: boolean } | null;
}

// Algorithms are registered with their own State/Msg/Params; the engine only passes values through.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAlgorithm = Algorithm<any, any, any>;

export type StepKind = 'init' | 'deliver' | 'timer' | 'crash' | 'drop' | 'barrier';

export interface SentMessage {
  /** Global send counter: identifies the message and breaks every tie. */
  seq: number;
  from: NodeId;
  to: NodeId;
  msg: { kind: string };
  sendTime: number;
  deliverAt: number;
}

/** One step of a run, as a labelled change (what the log, graph and diagram read). */
export interface TraceEntry {
  /** 1-based: entry k takes the run from step k − 1 to step k. */
  step: number;
  /** Simulated time; the round in sync mode. */
  time: number;
  kind: StepKind;
  node: NodeId;
  /** For deliveries and drops: the message and its sender. */
  from?: NodeId;
  msg?: { kind: string };
  msgSeq?: number;
  timer?: string;
  sends: SentMessage[];
  before: unknown;
  after: unknown;
  roleBefore: Role;
  roleAfter: Role;
  lines: readonly number[];
  note: string;
}

export interface InvariantViolation {
  step: number;
  message: string;
}
