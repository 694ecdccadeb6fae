import { useCallback, useEffect, useRef, useState } from 'react';
import type { SystemRow } from '../../experiments/system-runner';
import type { SystemSpec } from '../../experiments/systems';
import { startSystemExperiment, type RunningExperiment } from './client';
import type { ExperimentStatus } from './useExperiment';

export interface SystemExperimentState {
  status: ExperimentStatus;
  spec: SystemSpec | null;
  total: number;
  rows: SystemRow[];
  error: string | null;
}

const IDLE: SystemExperimentState = { status: 'idle', spec: null, total: 0, rows: [], error: null };

/**
 * One systems experiment at a time in the experiments' Web Worker (as useExperiment for an n-sweep):
 * rows reach React at most once per animation frame.
 */
export function useSystemExperiment(createWorker?: (() => Worker) | undefined) {
  const [state, setState] = useState<SystemExperimentState>(IDLE);
  const running = useRef<RunningExperiment | null>(null);
  const pending = useRef<SystemRow[]>([]);
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
    (spec: SystemSpec) => {
      running.current?.cancel();
      stopFrames();
      pending.current = [];
      setState({ status: 'running', spec, total: 0, rows: [], error: null });
      running.current = startSystemExperiment(
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

  useEffect(
    () => () => {
      running.current?.cancel();
      stopFrames();
    },
    [],
  );

  return { state, run, cancel };
}
