import type { StartMessage, WorkerReply } from '../../experiments/protocol';
import type { ExperimentRow } from '../../experiments/runner';
import type { ExperimentSpec } from '../../experiments/spec';

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
  const start: StartMessage = { type: 'start', spec };
  worker.postMessage(start);
  return { cancel: stop };
}
