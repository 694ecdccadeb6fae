import { Simulation } from '../engine/simulation';
import type { RunSpec } from '../scenario/build';
import type { Scenario } from '../scenario/types';
import { Replay } from './replay';

/** One loaded run: the engine object and the cursor's view of its trace. Both are mutable. */
export interface RunHandle {
  readonly scenario: Scenario;
  readonly spec: RunSpec;
  readonly sim: Simulation;
  readonly replay: Replay;
}

/** A run recorded for the viewer (every step kept, invariants checked), not yet computed. */
export function newRun(scenario: Scenario, spec: RunSpec): RunHandle {
  const sim = new Simulation({ ...spec, record: true, checkInvariants: true });
  return { scenario, spec, sim, replay: new Replay(sim) };
}
