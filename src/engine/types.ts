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
  /**
   * async only: the order of deliveries, replacing the seed's delays (src/engine/plan.ts). Step k
   * delivers the oldest message in flight from `from` to `to` at time k; the messages the schedule
   * does not reach follow, oldest first, one per time unit.
   */
  schedule?: readonly Delivery[];
  /**
   * async only: a named scheduler that chooses every delivery after `schedule`
   * (src/scenario/schedulers.ts); the scenario layer turns it into a schedule before the engine runs.
   */
  scheduler?: SchedulerName;
}

/** The named schedulers beside the seeded delays (src/scenario/schedulers.ts defines each). */
export type SchedulerName = 'oldest' | 'newest' | 'largest';

/**
 * One step of a delivery schedule: the oldest message in flight on the channel (from, to). The text
 * form (`5-1,4-5`) is in src/scenario/schedule.ts.
 */
export interface Delivery {
  readonly from: NodeId;
  readonly to: NodeId;
}

/** A node crashing at a given simulated time (round in sync mode). */
export interface CrashFault {
  id: NodeId;
  at: number;
}

/**
 * The link a–b (both directions) is down for every time t with from ≤ t < to; `to` null: it never
 * comes back. A message sent over it meanwhile is lost (C17).
 */
export interface LinkDown {
  a: NodeId;
  b: NodeId;
  from: number;
  to: number | null;
}

/**
 * The nodes `ids` are cut off from the rest for every time t with from ≤ t < to (`to` null: the
 * partition never heals). A message sent meanwhile from one side to the other is lost (C17).
 */
export interface Partition {
  ids: NodeId[];
  from: number;
  to: number | null;
}

export interface Faults {
  /** Crashed before the run starts: never woken, messages to them are sent but never delivered. */
  crashed: NodeId[];
  /** Crash during the run. */
  crashes: CrashFault[];
  /**
   * Crashed processes that come back (crash-recovery), one time each, after their crash. What a
   * recovering process keeps is its algorithm's choice (Algorithm.recover); by default nothing.
   */
  recover?: CrashFault[];
  /** Each message is lost with this probability, drawn from the seed apart from the delays (C17). */
  loss?: number;
  /** Links down during an interval (C17). */
  down?: LinkDown[];
  /** Partitions during an interval (C17). */
  part?: Partition[];
  /** Chosen messages the network loses, each named by its channel and number on it (C25). */
  drop?: MessageDrop[];
  /** Each message is delivered twice with this probability: a later copy on its channel (C26). */
  dup?: number;
}

/**
 * One message named by where it goes and when (C25): the k-th message (1-based) `from` sends to `to`,
 * counting every send on that directed channel, lost or not, copies (C26) aside.
 */
export interface MessageDrop {
  from: NodeId;
  to: NodeId;
  k: number;
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
  /**
   * The service nodes' names (a lease's coordination store, the storage it protects), which take the
   * last `services.length` positions: systems the candidates run against, not candidates themselves.
   * They are drawn apart and named in words. Absent: every node is a candidate.
   */
  services?: readonly string[];
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
  /**
   * The graph's diameter in hops (Infinity if disconnected): what Lynch's FloodMax assumes every
   * process knows (§4.1). Computed on first read, once per graph (src/topology/diameter.ts: a closed
   * form for generated shapes, else breadth-first searches), so an algorithm that never reads it never
   * pays for it.
   */
  readonly diam: number;
  /** Every id in the system, ascending (Bully assumes all ids are known); service nodes included. */
  readonly allIds: readonly NodeId[];
  /** The service nodes' ids, in the order of Graph.services' names (empty where there are none). */
  readonly services?: readonly NodeId[];
  /** Weight of the edge to a neighbour (1 where the graph is unweighted). */
  readonly weights: ReadonlyMap<NodeId, number>;
  /** Nodes crashed before the run starts (the `crashed` fault): every process may know them. */
  readonly crashedAtStart: ReadonlySet<NodeId>;
  /**
   * The ids that start at time 0, ascending: everyone but the nodes crashed before the run or at
   * time 0. Crashes later in the run are not known to anybody; an algorithm that must notice them
   * declares a failure detector (Algorithm.failureDetector).
   */
  readonly liveAtStart: readonly NodeId[];
  readonly mode: TimingMode;
  readonly maxDelay: number;
  /**
   * False in headless runs, where no step is recorded: a hot handler may then leave its `note` empty
   * instead of formatting text nobody reads.
   */
  readonly narrate: boolean;
  /**
   * The k-th random draw of this node, a whole number uniform in [lo, hi], for randomized algorithms
   * (Itai–Rodeh). A pure function of the run's seed, the node's ring position and k (C16): not of its
   * id, nor of the async delay stream, so a seek replays it and other ids draw the same numbers.
   */
  draw(k: number, lo: number, hi: number): number;
}

/**
 * A message to a neighbour. FIFO holds per ordered pair (from, to); on a bidirectional ring of two
 * nodes the cw and ccw channels join the same pair, so ring messages carry their direction (C13).
 */
export interface Send<Msg> {
  to: NodeId;
  msg: Msg;
}

/**
 * A timer a handler sets. Its payload is plain data, like a message (`{ kind: 'ok-timeout', epoch: 2 }`):
 * the engine hands it back to `onTimer` unchanged and hashes it like any value, so nothing is packed
 * into strings and parsed back.
 */
export interface TimerRequest<Timer> {
  timer: Timer;
  /**
   * Fires `after` time units from now, after every delivery of that time: with `after: 0` in sync
   * mode a handler sees the whole round's messages before it acts, as in Lynch's model.
   */
  after: number;
}

export interface Reaction<State, Msg, Timer = never> {
  state: State;
  send?: readonly Send<Msg>[];
  timers?: readonly TimerRequest<Timer>[];
  /** 0-based indices into the algorithm's `pseudocode` of the lines this handler executed. */
  lines?: readonly number[];
  /** One sentence a student can read, e.g. "9 > 4: forward 9". Empty = the engine's default. */
  note?: string;
}

/**
 * A failure detector as a service of the engine, for algorithms that must notice crashes (Bully).
 * When a process crashes during the run at time t, the engine queues a notice at t + delay, ordered
 * like a timer (after every delivery of that time unit, before every timer set during the run); at
 * that moment it picks the observer among the processes alive then and calls `onSuspect` on it. So a
 * detector that crashes before it notices is replaced by the next live process under the same rule.
 */
export interface FailureDetector<Params, State = never> {
  /** Time units from a crash to its notice. */
  delay(timing: Timing, params: Params): number;
  /** Which process notices, given the ids alive at that moment (ascending); null: nobody. */
  observer(alive: readonly NodeId[], params: Params): NodeId | null;
  /**
   * How a notice is named in the trace (the step is shown as a timer of the observer): a crash, e.g.
   * `notice-crash:6`, or (null) a leader that never came.
   */
  label(crashed: NodeId | null): string;
  /**
   * The last look. The leader a process relies on (null: none yet). When nothing else is left to
   * happen, every live process whose leader has crashed, or never came, notices it `delay` later
   * (onSuspect with that leader, or null), and the run goes on. A run that ends with every live
   * process following a live leader is never touched by it.
   */
  leaderOf?(s: State): NodeId | null;
}

export interface AlgorithmResult {
  leader: NodeId | null;
  /** Extra fields the CLI prints, e.g. `chosenProcess` (Peterson), `mst` (GHS), `saturated` (tree). */
  extra?: Record<string, unknown>;
}

/**
 * What the engine runs: the handlers of one algorithm and what it needs to record and report a run.
 * Handlers are pure: they return a new state and never touch their inputs. Everything else an
 * algorithm declares (title, topologies, parameters, pseudo-code, formulas, presets) is in its module,
 * `AlgorithmModule` in src/algorithms/contract.ts, which extends this.
 */
export interface Algorithm<
  State = unknown,
  Msg extends { kind: string } = { kind: string },
  Params = unknown,
  Timer extends { kind: string } = never,
> {
  id: string;
  name: string;
  /** Message kinds it can send, lower-case, in the order the UI lists them. */
  kinds: readonly string[];
  /** The pseudo-code lines that `Reaction.lines` index. */
  pseudocode: readonly string[];
  init(node: NodeCtx, params: Params): Reaction<State, Msg, Timer>;
  onMessage(s: State, from: NodeId, msg: Msg, node: NodeCtx, params: Params): Reaction<State, Msg, Timer>;
  onTimer?(s: State, timer: Timer, node: NodeCtx, params: Params): Reaction<State, Msg, Timer>;
  /** The trace's name of a timer; by default its `kind`. */
  timerLabel?(timer: Timer): string;
  /** Declared by an algorithm that notices crashes during the run; the engine then calls onSuspect. */
  failureDetector?: FailureDetector<Params, State>;
  /**
   * The failure detector's notice: `crashed` has crashed (this node is the observer chosen for it, or
   * it relied on it at the last look), or null: at the last look, this node's leader never came.
   */
  onSuspect?(s: State, crashed: NodeId | null, node: NodeCtx, params: Params): Reaction<State, Msg, Timer>;
  /**
   * A global barrier (GHS then convergecast, C12): when no event is left, the engine calls this for
   * every live node, in position order, each call one step. Return null where the node has nothing
   * to do; when every node returns null the run is over.
   */
  onBarrier?(s: State, node: NodeCtx, params: Params): Reaction<State, Msg, Timer> | null;
  role(s: State): Role;
  describe(s: State): Record<string, string | number | boolean>;
  /** The outcome read from the final states; by default the node whose role is 'leader'. */
  result?(states: readonly State[], ids: readonly NodeId[], graph: Graph, params: Params): AlgorithmResult;
  /** Short text of a message for labels, e.g. `out(9, 4)`. */
  label?(msg: Msg): string;
  /**
   * Crash-recovery: what a process keeps when it comes back. Absent, it keeps nothing and starts afresh
   * (`init`, as if it woke late). Present, it is called with the state the process had when it
   * crashed, and returns the recovery step from the part of it the algorithm calls stable.
   */
  recover?(s: State, node: NodeCtx, params: Params): Reaction<State, Msg, Timer>;
  /**
   * The term of a process (algorithms that number their elections, e.g. Raft): the one-leader monitor
   * then allows one leader per term instead of one at any moment.
   */
  term?(s: State): number;
  /**
   * The leader this process has learned (null: none yet), for the monitor "every live process learns
   * the same leader"; undefined where these params do not tell the processes (no announcement).
   */
  knownLeader?(s: State, params: Params): NodeId | null | undefined;
  /**
   * What the graph shows on a node instead of its id (null: not started yet), for algorithms whose
   * processes have no id to show (Itai–Rodeh: the round's random identity). Absent: the id.
   */
  nodeLabel?(s: State | null): string;
  /**
   * A timer the node has since reset or that no longer applies (Raft's election timer, reset by every
   * heartbeat): the engine drops it when it comes due, without a step, as a real process cancels a
   * timer. Absent: every timer fires.
   */
  timerCancelled?(s: State, timer: Timer): boolean;
  /**
   * For a protocol that never terminates (Raft's heartbeats go on for ever): the time up to which a
   * run goes (`--until T`). The run stops before the first event later than it, with
   * `Simulation.horizonReached` set. Absent: the run goes until nothing is left to happen.
   */
  until?(params: Params, faults: Faults): number;
  /**
   * The run's own figures, which no single node holds (Raft: leader changes, time without a leader …).
   * One is made per run. The safety rules are the engine's monitors' (src/engine/monitors.ts), which
   * read `term` where an algorithm numbers its elections.
   */
  monitor?(n: number, params: Params): RunMonitor<State>;
}

/**
 * Follows a run step by step, beyond the furthest step run so far only (a replay after a seek is
 * not shown to it again), so what it sums is the run's from time 0 to the frontier.
 */
export interface RunMonitor<State = unknown> {
  /** After each step: the node it ran at, its state after the step, whether it is alive, the step. */
  step(time: number, node: NodeId, state: State, alive: boolean, step: number): void;
  /** The run's figures for the CLI's JSON, for the run from time 0 to `end`. */
  figures(end: number): Record<string, number>;
  /**
   * What the algorithm's own safety rule found (leases: a split brain, with its duration), for the run
   * from time 0 to `end`: reported with the monitors' violations, each at the step where it began.
   */
  violations?(end: number): InvariantViolation[];
}

// Algorithms are registered with their own State/Msg/Params/Timer; the engine only passes values through.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAlgorithm = Algorithm<any, any, any, any>;

/** `drop`: a message that never arrives (lost in the network, or its receiver is down; C2, C17). */
export type StepKind = 'init' | 'deliver' | 'timer' | 'crash' | 'recover' | 'drop' | 'barrier';

export interface SentMessage {
  /** Global send counter: identifies the message and breaks every tie. */
  seq: number;
  from: NodeId;
  to: NodeId;
  msg: { kind: string };
  sendTime: number;
  deliverAt: number;
  /** Set on a message the network loses (C17): at `deliverAt` it is dropped, not delivered. */
  lost?: true;
  /**
   * Set on the network's second copy of a message (C26): the algorithm sent it once, so it counts in
   * `duplicated`, not in `sent`; it is delivered (or dropped at a crashed receiver) like any other.
   */
  copy?: true;
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
  /** For timer steps: the timer's name (Algorithm.timerLabel, or the failure detector's label). */
  timer?: string;
  /** For timer steps: the payload the timer was set with (a failure detector's notice: an id or null). */
  timerData?: unknown;
  sends: SentMessage[];
  /** The timers the step set: each one's name, the time it fires and its payload (absent: none). */
  timers?: { label: string; at: number; timer: unknown }[] | undefined;
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
