import type { ExperimentRow } from './runner';
import type { ExperimentSpec } from './spec';
import type { SystemRow } from './system-runner';
import type { SystemSpec } from './systems';

/**
 * Main thread → experiment worker. The page starts one worker per core; each plans the experiment
 * once (`start` for an n-sweep, `start-system` for a systems experiment, C27), then runs the runs the
 * page hands it one index at a time, so long and short runs balance across the workers. Cancelling
 * terminates the workers.
 */
export type StartMessage =
  { type: 'start'; spec: ExperimentSpec } | { type: 'start-system'; spec: SystemSpec };
export type RunMessage = { type: 'run'; index: number };
export type WorkerRequest = StartMessage | RunMessage;

/**
 * Experiment worker → main thread: `planned` once, then one row per `run` asked for, carrying the run's
 * index in the plan (rows from several workers arrive out of order; the page puts them back in order).
 * `error` ends the worker's part.
 */
export type WorkerReply =
  | { type: 'planned'; total: number }
  | { type: 'row'; row: ExperimentRow; index: number }
  | { type: 'system-row'; row: SystemRow; index: number }
  | { type: 'error'; message: string };
