import { wholeIn } from '../algorithms/params';
import type { Scenario } from '../scenario/types';
import { MAX_MAX_STATES, prepareExplorer, refused } from './index';
import type { ExploreReply } from './protocol';
import { summarize } from './report';

/**
 * States expanded between two looks at the page's messages: about 0.05–0.1 s at the explorer's
 * 10,000–30,000 states per second, so Cancel answers at once and progress moves several times a
 * second, while the pauses between slices stay a small share of the work.
 */
export const SLICE = 1024;

export interface Serving {
  /** Stops the search at the end of the current slice; the reply is the partial figures. */
  cancel(): void;
}

/**
 * Runs one exploration in slices, as the worker does: `later` runs the next slice after the
 * messages waiting for the worker (a Cancel among them) have been handled. Pure: the worker brings
 * the event loop (worker.ts), a test brings a queue. Every problem is one sentence (`refused`),
 * never an exception: the state budget as the command line words it, and the explorer's refusals.
 */
export function serveExploration(
  scenario: Scenario,
  maxStates: number,
  post: (reply: ExploreReply) => void,
  later: (next: () => void) => void,
): Serving {
  let cancelled = false;
  const serving: Serving = { cancel: () => (cancelled = true) };
  const budget = wholeIn('the state budget', String(maxStates), 1, MAX_MAX_STATES);
  if (!budget.ok) {
    post({ type: 'refused', message: budget.message });
    return serving;
  }
  const prepared = prepareExplorer(scenario, { maxStates: budget.value, shouldStop: () => cancelled });
  if (!prepared.ok) {
    post({ type: 'refused', message: prepared.message });
    return serving;
  }
  const x = prepared.explorer;
  const slice = () => {
    let done: boolean;
    try {
      done = x.run(SLICE);
      if (done) post({ type: 'done', summary: summarize(x, scenario) });
    } catch (e) {
      post({ type: 'refused', message: sentence(e) });
      return;
    }
    if (!done) {
      post({ type: 'progress', progress: x.progress });
      later(slice);
    }
  };
  later(slice);
  return serving;
}

/** A refusal's sentence; anything else (a bug) still gets one line rather than a dead worker. */
function sentence(e: unknown): string {
  try {
    return refused(e).message;
  } catch {
    const what = e instanceof Error ? e.message : String(e);
    return `the explorer stopped on an error: ${what.slice(0, 200)}`;
  }
}
