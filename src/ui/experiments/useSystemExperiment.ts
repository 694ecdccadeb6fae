import type { SystemRow } from '../../experiments/system-runner';
import type { SystemSpec } from '../../experiments/systems';
import { startSystemExperiment } from './client';
import { useWorkerRuns, type RunsState } from './useWorkerRuns';

export type SystemExperimentState = RunsState<SystemSpec, SystemRow>;

/** One systems experiment (C27) at a time, in the same Web Worker as an n-sweep (useWorkerRuns). */
export function useSystemExperiment(createWorker?: (() => Worker) | undefined) {
  return useWorkerRuns(startSystemExperiment, createWorker);
}
