import type { WorkerReply } from './protocol';
import { planExperiment, runExperiment } from './runner';
import type { ExperimentSpec } from './spec';
import { planSystem, runSystem } from './system-runner';
import { findSystemExperiment, type SystemSpec } from './systems';

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

/** The same for a systems experiment (C27): plan, a `system-row` per run, then `finished`. */
export function serveSystem(spec: SystemSpec, post: (reply: WorkerReply) => void): void {
  try {
    const plan = planSystem(spec);
    if (!plan.ok) {
      post({ type: 'error', message: plan.error });
      return;
    }
    post({ type: 'planned', total: plan.runs.length });
    const exp = findSystemExperiment(spec.preset)!;
    let done = 0;
    for (const row of runSystem(plan.runs, exp)) post({ type: 'system-row', row, done: ++done });
    post({ type: 'finished', done });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}
