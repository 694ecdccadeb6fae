import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExperimentRow } from '../../experiments/runner';
import type { ExperimentSpec } from '../../experiments/spec';
import { startExperiment, type RunningExperiment } from './client';

export type ExperimentStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface ExperimentState {
  status: ExperimentStatus;
  /** The spec of the experiment the rows belong to (null before the first run). */
  spec: ExperimentSpec | null;
  /** Runs planned (0 until the worker has planned them). */
  total: number;
  rows: ExperimentRow[];
  error: string | null;
}

const IDLE: ExperimentState = { status: 'idle', spec: null, total: 0, rows: [], error: null };

/**
 * One experiment at a time, run in a Web Worker. Rows arrive one message per run; they are handed
 * to React at most once per animation frame, so thousands of quick runs cost a few renders, not
 * thousands.
 */
export function useExperiment(createWorker?: () => Worker) {
  const [state, setState] = useState<ExperimentState>(IDLE);
  const running = useRef<RunningExperiment | null>(null);
  const pending = useRef<ExperimentRow[]>([]);
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
    (spec: ExperimentSpec) => {
      running.current?.cancel();
      stopFrames();
      pending.current = [];
      setState({ status: 'running', spec, total: 0, rows: [], error: null });
      running.current = startExperiment(
        spec,
        {
          onPlanned: (total) => setState((s) => ({ ...s, total })),
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
    [createWorker, flush],
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
