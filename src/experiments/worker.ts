/// <reference lib="webworker" />
import type { StartMessage, WorkerReply } from './protocol';
import { serveExperiment } from './serve';

/**
 * The experiment Web Worker: the runs happen here, off the page's main thread, so the page stays
 * responsive. The page cancels by terminating the worker, which stops it even in the middle of a run.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<StartMessage>) => {
  if (e.data?.type !== 'start') return;
  serveExperiment(e.data.spec, (reply: WorkerReply) => scope.postMessage(reply));
};
