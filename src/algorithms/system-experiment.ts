/**
 * A systems experiment (docs/algorithms.md C27, C28): one scenario of a protocol that never terminates,
 * re-run with one parameter varied, reporting the run monitor's figures per value. Each protocol's
 * module family declares its own (raft-experiment.ts, lease-experiment.ts, zookeeper-experiment.ts),
 * so the experiments layer asks for the scenario and never knows an algorithm's keys.
 */

/** How the scenario's flat (URL) keys are written; the same keys as links and `--url`. */
export type FlatKeys = Record<string, string>;

/** A figure of the run JSON that the experiment reports (a number in every run of its algorithm). */
export interface SystemFigure {
  /** The run JSON's key, e.g. `splitBrainTime`. */
  key: string;
  /** Words for the axis and the table, e.g. `split-brain time`. */
  label: string;
  /** A duration in time units, or a count. */
  unit: 'time' | 'count';
}

/** A parameter the experiment can vary besides `n` and the algorithm's own whole-number parameters. */
export interface DerivedVary {
  label: string;
  unit: 'time' | 'count';
  /** The smallest and largest value accepted (the scenario's validator checks the rest). */
  min: number;
  max: number;
  /** The scenario's keys for value v (merged over the base and the variant). */
  keys(v: number, base: FlatKeys): FlatKeys;
}

/** One series of the experiment: the same scenario with a few keys changed (ZooKeeper: recipe, herd). */
export interface SystemVariant {
  name: string;
  label: string;
  keys: FlatKeys;
}

export interface SystemExperiment {
  /** The CLI's `--preset` name (a contract name). */
  id: string;
  algorithm: string;
  title: string;
  /** One sentence: what the plot answers. */
  question: string;
  /** What one time unit stands for, e.g. `100 ms` (C22): axis titles say "time units of 100 ms". */
  timeUnit: string;
  /** Candidates when n is not varied. */
  n: number;
  /** What its n counts, for the axis: `candidates`, or ZooKeeper's `clients`. */
  nCounts: string;
  mode: 'sync' | 'async';
  /** Seeds per point when `--seeds` is not given. */
  seeds: number;
  /** The scenario's own keys (besides alg, n, mode, maxDelay and seed). */
  base: FlatKeys;
  /** The parameter varied by default, and its values as the CLI writes them. */
  vary: { name: string; values: string };
  derived: Record<string, DerivedVary>;
  variants: readonly SystemVariant[];
  /** The figures reported, the plotted one first. */
  figures: readonly SystemFigure[];
}
