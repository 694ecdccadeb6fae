import type { StartMessage, WorkerReply } from '../../experiments/protocol';
import type { ExperimentRow } from '../../experiments/runner';
import type { ExperimentSpec } from '../../experiments/spec';
import type { SystemRow } from '../../experiments/system-runner';
import type { SystemSpec } from '../../experiments/systems';

export interface ExperimentHandlers {
  onPlanned(total: number): void;
  onRow(row: ExperimentRow, done: number): void;
  onFinished(done: number): void;
  onError(message: string): void;
}

export interface RunningExperiment {
  /** Stops the runs at once (the worker is terminated); no handler is called afterwards. */
  cancel(): void;
}

/** Vite bundles the worker from this URL (`worker.format: 'es'` in vite.config.ts). */
export function createExperimentWorker(): Worker {
  return new Worker(new URL('../../experiments/worker.ts', import.meta.url), { type: 'module' });
}

/** Runs one experiment in its own Web Worker and reports each reply to the handlers. */
export function startExperiment(
  spec: ExperimentSpec,
  handlers: ExperimentHandlers,
  createWorker: () => Worker = createExperimentWorker,
): RunningExperiment {
  return startWorker({ type: 'start', spec }, handlers, createWorker);
}

/** What a systems experiment (C27) reports: its rows are SystemRows. */
export interface SystemHandlers extends Omit<ExperimentHandlers, 'onRow'> {
  onRow(row: SystemRow, done: number): void;
}

/** Runs one systems experiment in the same Web Worker (the `start-system` message). */
export function startSystemExperiment(
  spec: SystemSpec,
  handlers: SystemHandlers,
  createWorker: () => Worker = createExperimentWorker,
): RunningExperiment {
  return startWorker(
    { type: 'start-system', spec },
    { ...handlers, onRow: () => {} },
    createWorker,
    handlers.onRow,
  );
}

function startWorker(
  start: StartMessage,
  handlers: ExperimentHandlers,
  createWorker: () => Worker,
  onSystemRow?: (row: SystemRow, done: number) => void,
): RunningExperiment {
  const worker = createWorker();
  let live = true;
  const stop = () => {
    live = false;
    worker.terminate();
  };
  worker.onmessage = (e: MessageEvent<WorkerReply>) => {
    if (!live) return;
    const m = e.data;
    if (m.type === 'planned') handlers.onPlanned(m.total);
    else if (m.type === 'row') handlers.onRow(m.row, m.done);
    else if (m.type === 'system-row') onSystemRow?.(m.row, m.done);
    else if (m.type === 'finished') {
      stop();
      handlers.onFinished(m.done);
    } else {
      stop();
      handlers.onError(m.message);
    }
  };
  worker.onerror = (e: ErrorEvent) => {
    if (!live) return;
    stop();
    handlers.onError(`the experiment worker failed: ${e.message || 'unknown error'}`);
  };
  worker.postMessage(start);
  return { cancel: stop };
}
