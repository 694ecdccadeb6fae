import type { ExperimentRow } from '../../experiments/runner';
import type { ExperimentSpec } from '../../experiments/spec';
import { startExperiment } from './client';
import { useWorkerRuns, type RunsState } from './useWorkerRuns';

export type { ExperimentStatus } from './useWorkerRuns';

export type ExperimentState = RunsState<ExperimentSpec, ExperimentRow>;

/** One n-sweep at a time, in the experiments' Web Worker (useWorkerRuns). */
export function useExperiment(createWorker?: () => Worker) {
  return useWorkerRuns(startExperiment, createWorker);
}
