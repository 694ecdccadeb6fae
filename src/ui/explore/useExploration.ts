import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExploreSummary, Progress } from '../../explorer';
import type { Scenario } from '../../scenario/types';
import { startExploration, type RunningExploration } from './client';

export type ExplorationStatus = 'idle' | 'running' | 'cancelling' | 'done' | 'refused';

export interface ExplorationState {
  status: ExplorationStatus;
  progress: Progress | null;
  summary: ExploreSummary | null;
  /** The refusal, in one sentence. */
  message: string | null;
  /** The scenario explored (its links open in the simulator). */
  scenario: Scenario | null;
  /** Wall time from start to answer, in seconds (the worker's speed, as the page sees it). */
  seconds: number | null;
}

const IDLE: ExplorationState = {
  status: 'idle',
  progress: null,
  summary: null,
  message: null,
  scenario: null,
  seconds: null,
};

/** One exploration at a time, in a Web Worker; a new one, or leaving, ends the one before. */
export function useExploration(createWorker?: () => Worker) {
  const [state, setState] = useState<ExplorationState>(IDLE);
  const running = useRef<RunningExploration | null>(null);

  const run = useCallback(
    (scenario: Scenario, maxStates: number) => {
      running.current?.stop();
      const started = performance.now();
      const seconds = () => (performance.now() - started) / 1000;
      setState({ ...IDLE, status: 'running', scenario });
      running.current = startExploration(
        scenario,
        maxStates,
        {
          onProgress: (progress) => setState((s) => ({ ...s, progress })),
          onDone: (summary) => {
            running.current = null;
            setState((s) => ({ ...s, status: 'done', summary, seconds: seconds() }));
          },
          onRefused: (message) => {
            running.current = null;
            setState((s) => ({ ...s, status: 'refused', message, seconds: seconds() }));
          },
        },
        createWorker,
      );
    },
    [createWorker],
  );

  const cancel = useCallback(() => {
    if (!running.current) return;
    running.current.cancel();
    setState((s) => ({ ...s, status: 'cancelling' }));
  }, []);

  /** A refusal found before any worker starts (the budget field): shown the same way. */
  const refuse = useCallback((message: string, scenario: Scenario | null) => {
    running.current?.stop();
    running.current = null;
    setState({ ...IDLE, status: 'refused', message, scenario });
  }, []);

  useEffect(() => () => running.current?.stop(), []);

  return { state, run, cancel, refuse };
}
