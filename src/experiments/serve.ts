import type { WorkerReply, WorkerRequest } from './protocol';
import { planExperiment, runPlanned, type RunPlan } from './runner';
import { planSystem, runSystemPlanned, type SystemRunPlan } from './system-runner';
import { findSystemExperiment, type SystemExperiment } from './systems';

type Planned =
  { kind: 'sweep'; runs: RunPlan[] } | { kind: 'system'; runs: SystemRunPlan[]; exp: SystemExperiment };

/**
 * The worker's whole job, without the worker: `start` plans and answers `planned` (or one `error`);
 * each `run` then answers that run's row. Any failure becomes one `error` reply. Kept apart from
 * worker.ts so Node tests (and a fake worker) can drive it.
 */
export function createExperimentServer(post: (reply: WorkerReply) => void): (request: WorkerRequest) => void {
  let planned: Planned | null = null;
  const fail = (e: unknown) => post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  return (request) => {
    try {
      if (request.type === 'start') {
        const plan = planExperiment(request.spec);
        if (!plan.ok) return fail(plan.error);
        planned = { kind: 'sweep', runs: plan.runs };
        post({ type: 'planned', total: plan.runs.length });
      } else if (request.type === 'start-system') {
        const plan = planSystem(request.spec);
        if (!plan.ok) return fail(plan.error);
        planned = { kind: 'system', runs: plan.runs, exp: findSystemExperiment(request.spec.preset)! };
        post({ type: 'planned', total: plan.runs.length });
      } else {
        const { index } = request;
        if (!planned || !(index >= 0 && index < planned.runs.length))
          return fail(`the experiment worker has no run ${index}`);
        if (planned.kind === 'sweep') post({ type: 'row', row: runPlanned(planned.runs[index]!), index });
        else post({ type: 'system-row', row: runSystemPlanned(planned.runs[index]!, planned.exp), index });
      }
    } catch (e) {
      fail(e);
    }
  };
}
