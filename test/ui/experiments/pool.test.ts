import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorkerReply, WorkerRequest } from '../../../src/experiments/protocol';
import { planExperiment, runExperiment, type ExperimentRow } from '../../../src/experiments/runner';
import { createExperimentServer } from '../../../src/experiments/serve';
import { SPEC_DEFAULTS, type ExperimentSpec } from '../../../src/experiments/spec';
import { startExperiment, type ExperimentHandlers } from '../../../src/ui/experiments/client';

/**
 * A Web Worker without the thread: the real service (serve.ts) behind postMessage, each reply
 * delivered after its own delay so that replies from several workers arrive out of order.
 */
class FakeWorker {
  onmessage: ((e: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  ran: number[] = [];
  private readonly serve = createExperimentServer((reply) => {
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data: structuredClone(reply) } as MessageEvent<WorkerReply>);
    }, this.delay());
  });
  constructor(private readonly delay: () => number) {}
  postMessage(request: WorkerRequest) {
    if (this.terminated) throw new Error('posted to a terminated worker');
    if (request.type === 'run') this.ran.push(request.index);
    this.serve(structuredClone(request));
  }
  terminate() {
    this.terminated = true;
  }
}

/** Fake workers that each deliver every reply after `delay()` ms, and the list of those made. */
function fakeWorkers(delay: () => number): { pool: FakeWorker[]; create: () => Worker } {
  const pool: FakeWorker[] = [];
  return {
    pool,
    create: () => {
      const w = new FakeWorker(delay);
      pool.push(w);
      return w as unknown as Worker;
    },
  };
}

const SWEEP: ExperimentSpec = {
  ...SPEC_DEFAULTS,
  algorithms: ['lcr', 'hs'],
  ns: [4, 5, 6, 7, 8],
  orders: ['worst', 'random'],
  seeds: 2,
};

function serialRows(spec: ExperimentSpec): ExperimentRow[] {
  const plan = planExperiment(spec);
  if (!plan.ok) throw new Error(plan.error);
  return [...runExperiment(plan.runs)];
}

interface Seen {
  planned: [number, number][];
  rows: [ExperimentRow, number][];
  finished: number[];
  errors: string[];
}

function recorder(): { seen: Seen; handlers: ExperimentHandlers; ended: Promise<void> } {
  const seen: Seen = { planned: [], rows: [], finished: [], errors: [] };
  let end!: () => void;
  const ended = new Promise<void>((resolve) => (end = resolve));
  const handlers: ExperimentHandlers = {
    onPlanned: (total, workers) => seen.planned.push([total, workers]),
    onRow: (row, done) => seen.rows.push([row, done]),
    onFinished: (done) => {
      seen.finished.push(done);
      end();
    },
    onError: (message) => {
      seen.errors.push(message);
      end();
    },
  };
  return { seen, handlers, ended };
}

describe('the experiments’ worker pool', () => {
  const serial = serialRows(SWEEP);

  it('gives the rows in the plan’s order whatever the number of workers and the order they finish in', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 16 }),
        async (workers, delays) => {
          let k = 0;
          const { pool, create } = fakeWorkers(() => delays[k++ % delays.length]!);
          const { seen, handlers, ended } = recorder();
          startExperiment(SWEEP, handlers, create, workers);
          await ended;
          expect(seen.errors).toEqual([]);
          expect(seen.planned).toEqual([[serial.length, workers]]);
          expect(seen.rows.map(([row]) => row)).toEqual(serial);
          expect(seen.rows.map(([, done]) => done)).toEqual(serial.map((_, i) => i + 1));
          expect(seen.finished).toEqual([serial.length]);
          // Every run was handed out exactly once, and every worker is let go at the end.
          expect(pool.flatMap((w) => w.ran).sort((a, b) => a - b)).toEqual(serial.map((_, i) => i));
          expect(pool.every((w) => w.terminated)).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('shares the runs: each of two workers computes a good part of them', async () => {
    const { pool, create } = fakeWorkers(() => 1);
    const { handlers, ended } = recorder();
    startExperiment(SWEEP, handlers, create, 2);
    await ended;
    expect(pool).toHaveLength(2);
    for (const w of pool) expect(w.ran.length).toBeGreaterThanOrEqual(serial.length / 4);
  });

  it('lets surplus workers go when there are fewer runs than workers', async () => {
    const { pool, create } = fakeWorkers(() => 0);
    const { seen, handlers, ended } = recorder();
    const one: ExperimentSpec = { ...SPEC_DEFAULTS, algorithms: ['lcr'], ns: [5], orders: ['worst'] };
    startExperiment(one, handlers, create, 4);
    await ended;
    expect(seen.planned).toEqual([[1, 1]]);
    expect(seen.rows.map(([row]) => row)).toEqual(serialRows(one));
    expect(pool.filter((w) => w.ran.length > 0)).toHaveLength(1);
    expect(pool.every((w) => w.terminated)).toBe(true);
  });

  it('a count of workers below one or no number (NaN, 0, −3) runs on one worker, not none', async () => {
    for (const workers of [Number.NaN, 0, -3]) {
      const { pool, create } = fakeWorkers(() => 0);
      const { seen, handlers, ended } = recorder();
      startExperiment(SWEEP, handlers, create, workers);
      await ended;
      expect(pool).toHaveLength(1);
      expect(seen.rows.map(([row]) => row)).toEqual(serial);
    }
  });

  it('cancel stops every worker and no handler is called afterwards', async () => {
    const { pool, create } = fakeWorkers(() => 2);
    const { seen, handlers } = recorder();
    const running = startExperiment(SWEEP, handlers, create, 3);
    await new Promise((resolve) => setTimeout(resolve, 12));
    running.cancel();
    const rowsAtCancel = seen.rows.length;
    expect(rowsAtCancel).toBeLessThan(serial.length);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(seen.rows.length).toBe(rowsAtCancel);
    expect(seen.finished).toEqual([]);
    expect(pool.every((w) => w.terminated)).toBe(true);
    // What arrived before the cancel is a prefix of the plan, in order.
    expect(seen.rows.map(([row]) => row)).toEqual(serial.slice(0, rowsAtCancel));
  });

  it('one worker’s error stops them all and is reported once', async () => {
    const { seen, handlers, ended } = recorder();
    startExperiment(
      { ...SPEC_DEFAULTS, algorithms: ['paxos'], ns: [4], orders: ['worst'] },
      handlers,
      () => new FakeWorker(() => 0) as unknown as Worker,
      3,
    );
    await ended;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen.errors).toHaveLength(1);
    expect(seen.errors[0]).toMatch(/unknown algorithm "paxos"/);
    expect(seen.rows).toEqual([]);
  });
});
