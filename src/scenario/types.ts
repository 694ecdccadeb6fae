import type { Faults, NodeId, Timing } from '../engine/types';
import type { IdSpec, TopologySpec } from '../topology/spec';

/** The options an algorithm may take; each algorithm lists the ones it accepts in OPTION_OWNERS. */
export interface ScenarioParams {
  /** Send the leader announcement (C3); `--no-announce` sets it false. */
  announce?: boolean;
  /** Chang–Roberts: the processes that start spontaneously (C4). Absent = all. */
  initiators?: NodeId[];
  /** Bully: the process that detects the failure and starts (C4). Absent = lowest alive id. */
  initiator?: NodeId;
  /** GHS: the processes that wake up spontaneously. Absent = all. */
  wake?: NodeId[];
  /** Bully: COORDINATOR to lower ids (textbook) or to all others (C10). */
  coordinatorTo?: 'lower' | 'all';
  /** Bully: the detector skips the coordinator it knows has crashed (C10). */
  excludeKnownCrashed?: boolean;
}

export type ParamName = keyof ScenarioParams;

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
