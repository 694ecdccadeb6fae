import { useCallback, useEffect, useRef, useState } from 'react';
import type { RunningExperiment } from './client';

export type ExperimentStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** An experiment's state: its spec, the runs planned and the rows so far. */
export interface RunsState<S, R> {
  status: ExperimentStatus;
  /** The spec of the experiment the rows belong to (null before the first run). */
  spec: S | null;
  /** Runs planned (0 until the workers have planned them). */
  total: number;
  /** Web Workers computing the runs (0 until planned). */
  workers: number;
  rows: R[];
  error: string | null;
}

/** What a worker client reports (client.ts: startExperiment, startSystemExperiment). */
export interface RunsHandlers<R> {
  onPlanned(total: number, workers: number): void;
  onRow(row: R, done: number): void;
  onFinished(done: number): void;
  onError(message: string): void;
}

export type StartRuns<S, R> = (
  spec: S,
  handlers: RunsHandlers<R>,
  createWorker?: () => Worker,
) => RunningExperiment;

/**
 * One experiment at a time, run on a pool of Web Workers (client.ts). Rows arrive one message per run; they are handed
 * to React at most once per animation frame, so thousands of quick runs cost a few renders, not
 * thousands. The n-sweep and the systems experiments share it (useExperiment, useSystemExperiment).
 */
export function useWorkerRuns<S, R>(start: StartRuns<S, R>, createWorker?: (() => Worker) | undefined) {
  const [state, setState] = useState<RunsState<S, R>>({
    status: 'idle',
    spec: null,
    total: 0,
    workers: 0,
    rows: [],
    error: null,
  });
  const running = useRef<RunningExperiment | null>(null);
  const pending = useRef<R[]>([]);
  const frame = useRef<number | null>(null);

  const flush = useCallback(() => {
    frame.current = null;
    if (pending.current.length === 0) return;
    const fresh = pending.current;
    pending.current = [];
    setState((s) => ({ ...s, rows: [...s.rows, ...fresh] }));
  }, []);

  const stopFrames = () => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    frame.current = null;
  };

  const run = useCallback(
    (spec: S) => {
      running.current?.cancel();
      stopFrames();
      pending.current = [];
      setState({ status: 'running', spec, total: 0, workers: 0, rows: [], error: null });
      running.current = start(
        spec,
        {
          onPlanned: (total, workers) => setState((s) => ({ ...s, total, workers })),
          onRow: (row) => {
            pending.current.push(row);
            frame.current ??= requestAnimationFrame(flush);
          },
          onFinished: () => {
            running.current = null;
            stopFrames();
            flush();
            setState((s) => ({ ...s, status: 'done' }));
          },
          onError: (message) => {
            running.current = null;
            stopFrames();
            flush();
            setState((s) => ({ ...s, status: 'error', error: message }));
          },
        },
        createWorker,
      );
    },
    [start, createWorker, flush],
  );

  const cancel = useCallback(() => {
    if (!running.current) return;
    running.current.cancel();
    running.current = null;
    stopFrames();
    flush();
    setState((s) => ({ ...s, status: 'cancelled' }));
  }, [flush]);

  // Leaving the page (or unmounting the panel) stops the worker.
  useEffect(
    () => () => {
      running.current?.cancel();
      stopFrames();
    },
    [],
  );

  return { state, run, cancel };
}
