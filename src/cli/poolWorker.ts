import { parentPort } from 'node:worker_threads';
import { runPlanned, type RunPlan } from '../experiments/runner';
import type { PoolReply, PoolRequest } from './pool';

/** An experiment worker thread (pool.ts): keeps the plan, runs each index it is handed, answers its row. */
export function servePool(): void {
  const port = parentPort!;
  let runs: RunPlan[] = [];
  let maxSteps: number | undefined;
  port.on('message', (m: PoolRequest) => {
    if (m.type === 'plan') {
      runs = m.runs;
      maxSteps = m.maxSteps;
      return;
    }
    port.postMessage({ index: m.index, row: runPlanned(runs[m.index]!, maxSteps) } satisfies PoolReply);
  });
}
