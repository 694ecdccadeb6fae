import type { ExperimentRow } from './runner';
import type { ExperimentSpec } from './spec';
import type { SystemRow } from './system-runner';
import type { SystemSpec } from './systems';

/**
 * Main thread → experiment worker. One worker runs one experiment; cancelling terminates it. `start`
 * is an n-sweep, `start-system` a systems experiment (C27).
 */
export type StartMessage =
  { type: 'start'; spec: ExperimentSpec } | { type: 'start-system'; spec: SystemSpec };

/** Experiment worker → main thread, in this order: planned, row × total, finished (or error). */
export type WorkerReply =
  | { type: 'planned'; total: number }
  | { type: 'row'; row: ExperimentRow; done: number }
  | { type: 'system-row'; row: SystemRow; done: number }
  | { type: 'finished'; done: number }
  | { type: 'error'; message: string };
