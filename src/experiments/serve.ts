import type { WorkerReply } from './protocol';
import { planExperiment, runExperiment } from './runner';
import type { ExperimentSpec } from './spec';

/**
 * The worker's whole job, without the worker: plan, then one `row` reply per run so the page can
 * move its progress bar, then `finished`. Any failure becomes one `error` reply. Kept apart from
 * worker.ts so Node tests can drive it.
 */
export function serveExperiment(spec: ExperimentSpec, post: (reply: WorkerReply) => void): void {
  try {
    const plan = planExperiment(spec);
    if (!plan.ok) {
      post({ type: 'error', message: plan.error });
      return;
    }
    post({ type: 'planned', total: plan.runs.length });
    let done = 0;
    for (const row of runExperiment(plan.runs)) post({ type: 'row', row, done: ++done });
    post({ type: 'finished', done });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}
