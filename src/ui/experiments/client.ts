import type { StartMessage, WorkerReply, WorkerRequest } from '../../experiments/protocol';
import type { ExperimentRow } from '../../experiments/runner';
import type { ExperimentSpec } from '../../experiments/spec';
import type { SystemRow } from '../../experiments/system-runner';
import type { SystemSpec } from '../../experiments/systems';

export interface ExperimentHandlers {
  /** The runs planned, and how many workers run them. */
  onPlanned(total: number, workers: number): void;
  /** Each row in the plan's order, whatever order the workers finish in. */
  onRow(row: ExperimentRow, done: number): void;
  onFinished(done: number): void;
  onError(message: string): void;
}

export interface RunningExperiment {
  /** Stops the runs at once (the workers are terminated); no handler is called afterwards. */
  cancel(): void;
}

/** Vite bundles the worker from this URL (`worker.format: 'es'` in vite.config.ts). */
export function createExperimentWorker(): Worker {
  return new Worker(new URL('../../experiments/worker.ts', import.meta.url), { type: 'module' });
}

/** As many workers as the machine has cores (what the browser reports; 1 if it does not say). */
export function defaultWorkers(): number {
  const cores = globalThis.navigator?.hardwareConcurrency;
  return typeof cores === 'number' && cores >= 1 ? Math.floor(cores) : 1;
}

/** Runs one experiment on a pool of Web Workers and reports each row, in order, to the handlers. */
export function startExperiment(
  spec: ExperimentSpec,
  handlers: ExperimentHandlers,
  createWorker: () => Worker = createExperimentWorker,
  workers = defaultWorkers(),
): RunningExperiment {
  return startPool({ type: 'start', spec }, handlers, createWorker, workers);
}

/** What a systems experiment (C27) reports: its rows are SystemRows. */
export interface SystemHandlers extends Omit<ExperimentHandlers, 'onRow'> {
  onRow(row: SystemRow, done: number): void;
}

/** Runs one systems experiment on the same workers (the `start-system` message). */
export function startSystemExperiment(
  spec: SystemSpec,
  handlers: SystemHandlers,
  createWorker: () => Worker = createExperimentWorker,
  workers = defaultWorkers(),
): RunningExperiment {
  return startPool({ type: 'start-system', spec }, handlers, createWorker, workers);
}

/**
 * How many runs a worker holds at once: the one it computes and the next, so it never waits for the
 * page between two short runs.
 */
const IN_FLIGHT = 2;

/**
 * Starts `workers` workers; each plans the experiment itself (the largest sweep, 20,000 runs, takes
 * about 1.4 s; they plan at the same time, so the page waits what one worker takes, and the protocol
 * stays one message per run), then is handed the next run's index whenever it finishes one, so long and short
 * runs balance. Rows wait in a map until those before them are in: the page sees them in the plan's
 * order, the same rows whatever the number of workers (the CLI's `--jobs` does the same).
 */
function startPool<R extends ExperimentRow | SystemRow>(
  start: StartMessage,
  handlers: Omit<ExperimentHandlers, 'onRow'> & { onRow(row: R, done: number): void },
  createWorker: () => Worker,
  workers: number,
): RunningExperiment {
  const pool: Worker[] = [];
  const arrived = new Map<number, R>();
  let total = -1;
  let next = 0;
  let done = 0;
  let live = true;
  const stop = () => {
    live = false;
    for (const w of pool) w.terminate();
  };
  const hand = (w: Worker) => {
    if (next < total) w.postMessage({ type: 'run', index: next++ } satisfies WorkerRequest);
  };
  const fail = (message: string) => {
    stop();
    handlers.onError(message);
  };
  const planned = (w: Worker, count: number) => {
    if (total < 0) {
      total = count;
      // Workers beyond the number of runs would only sit there.
      for (const extra of pool.splice(Math.max(1, total))) extra.terminate();
      handlers.onPlanned(total, pool.length);
      if (total === 0) {
        stop();
        handlers.onFinished(0);
        return;
      }
    }
    if (pool.includes(w)) for (let k = 0; k < IN_FLIGHT; k++) hand(w);
  };
  const arrive = (w: Worker, index: number, row: R) => {
    arrived.set(index, row);
    hand(w);
    while (live && arrived.has(done)) {
      const r = arrived.get(done)!;
      arrived.delete(done);
      handlers.onRow(r, ++done);
    }
    if (live && done === total) {
      stop();
      handlers.onFinished(done);
    }
  };
  const count = Number.isFinite(workers) && workers >= 1 ? Math.floor(workers) : 1;
  for (let k = 0; k < count; k++) {
    const w = createWorker();
    pool.push(w);
    w.onmessage = (e: MessageEvent<WorkerReply>) => {
      // A worker let go as surplus may still have a reply on its way.
      if (!live || !pool.includes(w)) return;
      const m = e.data;
      if (m.type === 'planned') planned(w, m.total);
      else if (m.type === 'row' || m.type === 'system-row') arrive(w, m.index, m.row as R);
      else fail(m.message);
    };
    w.onerror = (e: ErrorEvent) => {
      if (live && pool.includes(w)) fail(`the experiment worker failed: ${e.message || 'unknown error'}`);
    };
    w.postMessage(start satisfies WorkerRequest);
  }
  return { cancel: stop };
}
