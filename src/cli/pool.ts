import { Worker } from 'node:worker_threads';
import type { ExperimentRow, RunPlan } from '../experiments/runner';

/** What the CLI sends a pool thread: the plan once, then one run's index at a time. */
export type PoolRequest =
  { type: 'plan'; runs: RunPlan[]; maxSteps: number | undefined } | { type: 'run'; index: number };
/** What a pool thread answers per run. */
export interface PoolReply {
  index: number;
  row: ExperimentRow;
}

/** Marks a thread started as an experiment worker (workerData), so the CLI's entry serves instead. */
export const POOL_WORKER = 'leader-election-lab/experiment-worker';

/**
 * A thread running the CLI's entry. Under tsx (`npm run sim`) the loader hooks that read TypeScript
 * belong to the thread that registered them, so the new thread registers them before loading it.
 */
function startWorker(entry: URL): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData: POOL_WORKER });
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(code, { eval: true, workerData: POOL_WORKER });
}

/**
 * Runs the plan on `jobs` worker threads, each handed the next run as soon as it has finished one, and
 * yields the rows in the plan's order (a row waits for the ones before it), so the output is the same
 * whatever `jobs` is. The threads start from the CLI's own entry file (`entry`), under the same Node
 * flags (tsx, or the bundle), and are ended when the caller stops asking.
 */
export async function* runOnThreads(
  entry: URL,
  runs: readonly RunPlan[],
  maxSteps: number | undefined,
  jobs: number,
): AsyncGenerator<ExperimentRow, void, undefined> {
  const done = new Map<number, ExperimentRow>();
  let next = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const workers: Worker[] = [];
  const hand = (w: Worker) => {
    if (next < runs.length) w.postMessage({ type: 'run', index: next++ } satisfies PoolRequest);
  };
  for (let k = 0; k < Math.min(jobs, runs.length); k++) {
    const w = startWorker(entry);
    w.on('message', (reply: PoolReply) => {
      done.set(reply.index, reply.row);
      hand(w);
      notify();
    });
    w.on('error', (e) => {
      failure = e;
      notify();
    });
    w.postMessage({ type: 'plan', runs: [...runs], maxSteps } satisfies PoolRequest);
    hand(w);
    workers.push(w);
  }
  try {
    for (let i = 0; i < runs.length; i++) {
      while (!done.has(i)) {
        if (failure) throw failure as Error;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const row = done.get(i)!;
      done.delete(i);
      yield row;
    }
  } finally {
    for (const w of workers) void w.terminate();
  }
}
