/// <reference lib="webworker" />
import type { WorkerRequest } from './protocol';
import { createExperimentServer } from './serve';

/**
 * An experiment Web Worker: the runs happen here, off the page's main thread, so the page stays
 * responsive. The page starts one per core and cancels by terminating them, which stops each even in
 * the middle of a run.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const serve = createExperimentServer((reply) => scope.postMessage(reply));

scope.onmessage = (e: MessageEvent<WorkerRequest>) => {
  if (e.data && typeof e.data === 'object') serve(e.data);
};
