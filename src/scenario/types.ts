import type { ScenarioParams } from '../algorithms/registry';
import type { Faults, Timing } from '../engine/types';
import type { IdSpec, TopologySpec } from '../topology/spec';

/** The algorithm options a scenario may carry: derived from the registry's declarations. */
export type { ScenarioParams };

/** A whole run as plain data: what a link, a file and a CLI command carry. */
export interface Scenario {
  v: 1;
  algorithm: string;
  topology: TopologySpec;
  ids: IdSpec;
  timing: Timing;
  seed: number;
  params: ScenarioParams;
  faults: Faults;
  /** The step the viewer is at (links only). */
  step?: number;
}

export interface FieldError {
  /** The URL key / CLI option the problem is in, e.g. `ids`. */
  field: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export const CURRENT_VERSION = 1;
