import type { ExploreSummary, Progress } from '../../explorer';
import type { ExploreReply, ExploreRequest } from '../../explorer/protocol';
import type { Scenario } from '../../scenario/types';

export interface ExploreHandlers {
  onProgress(p: Progress): void;
  onDone(summary: ExploreSummary): void;
  onRefused(message: string): void;
}

export interface RunningExploration {
  /** Asks the worker to stop at the end of its slice; it answers with the figures found so far. */
  cancel(): void;
  /** Ends the worker at once (a new exploration, the panel closed); no handler is called afterwards. */
  stop(): void;
}

/** Vite bundles the worker from this URL (`worker.format: 'es'` in vite.config.ts). */
export function createExploreWorker(): Worker {
  return new Worker(new URL('../../explorer/worker.ts', import.meta.url), { type: 'module' });
}

/** Explores one scenario in its own Web Worker and reports each reply to the handlers. */
export function startExploration(
  scenario: Scenario,
  maxStates: number,
  handlers: ExploreHandlers,
  createWorker: () => Worker = createExploreWorker,
): RunningExploration {
  const worker = createWorker();
  let live = true;
  const stop = () => {
    live = false;
    worker.terminate();
  };
  worker.onmessage = (e: MessageEvent<ExploreReply>) => {
    if (!live) return;
    const m = e.data;
    if (m.type === 'progress') handlers.onProgress(m.progress);
    else if (m.type === 'done') {
      stop();
      handlers.onDone(m.summary);
    } else {
      stop();
      handlers.onRefused(m.message);
    }
  };
  worker.onerror = (e: ErrorEvent) => {
    if (!live) return;
    stop();
    // Out of memory is the likely cause in a worker that was running fine: say what helps.
    handlers.onRefused(
      `the explorer's worker failed (${e.message || 'no reason given'}); a smaller state budget may help`,
    );
  };
  const post = (m: ExploreRequest) => worker.postMessage(m);
  post({ type: 'start', scenario, maxStates });
  return { cancel: () => live && post({ type: 'cancel' }), stop };
}
