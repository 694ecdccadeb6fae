/// <reference lib="webworker" />
import type { ExploreRequest, ExploreReply } from './protocol';
import { serveExploration, type Serving } from './serve';

/**
 * The explorer's Web Worker: the search runs here, off the page's thread, in slices. Between two
 * slices the worker goes back to its event loop through a message to itself, so a Cancel sent by
 * the page is read before the next slice (messages are handled in the order they were posted), and
 * the worker still answers with the figures found so far. No timer: the slices are counted in states.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const loop = new MessageChannel();
const waiting: (() => void)[] = [];
loop.port1.onmessage = () => waiting.shift()?.();
const later = (next: () => void) => {
  waiting.push(next);
  loop.port2.postMessage(null);
};

let serving: Serving | null = null;
scope.onmessage = (e: MessageEvent<ExploreRequest>) => {
  const m = e.data;
  if (m?.type === 'start' && serving === null)
    serving = serveExploration(
      m.scenario,
      m.maxStates,
      (reply: ExploreReply) => scope.postMessage(reply),
      later,
    );
  else if (m?.type === 'cancel') serving?.cancel();
};
