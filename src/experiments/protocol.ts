import type { ExperimentRow } from './runner';
import type { ExperimentSpec } from './spec';

/** Main thread → experiment worker. One worker runs one experiment; cancelling terminates it. */
export interface StartMessage {
  type: 'start';
  spec: ExperimentSpec;
}

/** Experiment worker → main thread, in this order: planned, row × total, finished (or error). */
export type WorkerReply =
  | { type: 'planned'; total: number }
  | { type: 'row'; row: ExperimentRow; done: number }
  | { type: 'finished'; done: number }
  | { type: 'error'; message: string };
