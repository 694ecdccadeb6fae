/// <reference lib="webworker" />
import type { StartMessage, WorkerReply } from './protocol';
import { serveExperiment, serveSystem } from './serve';

/**
 * The experiment Web Worker: the runs happen here, off the page's main thread, so the page stays
 * responsive. The page cancels by terminating the worker, which stops it even in the middle of a run.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<StartMessage>) => {
  const post = (reply: WorkerReply) => scope.postMessage(reply);
  if (e.data?.type === 'start') serveExperiment(e.data.spec, post);
  else if (e.data?.type === 'start-system') serveSystem(e.data.spec, post);
};
