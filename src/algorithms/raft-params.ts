import type { Faults } from '../engine/types';
import { whole, type ParamSpec, type Parsed } from './params';

/**
 * Raft's parameters (§1.11 of docs/algorithms.md): the election timeout range, the heartbeat period
 * and the time the run goes up to. Raft never terminates — a leader sends heartbeats for ever — so a
 * run is shown up to a time (`--until T`, C18).
 */

/** The range each election timeout is drawn from, uniformly (Ongaro & Ousterhout §5.2: 150–300 ms). */
export interface TimeoutRange {
  min: number;
  max: number;
}

export interface RaftParams {
  timeout: TimeoutRange;
  heartbeat: number;
  /** The time the run goes up to; null: the default, `defaultUntil`. */
  until: number | null;
}

/** Timeouts, periods and horizons are whole time units up to this. */
export const MAX_TIME = 1_000_000;

export const DEFAULT_TIMEOUT: TimeoutRange = { min: 150, max: 300 };

const ok = <V>(value: V): Parsed<V> => ({ ok: true, value });
const fail = <V>(message: string): Parsed<V> => ({ ok: false, message });

/** `150-300`: a minimum and a maximum, the minimum not above the maximum. */
export function parseTimeout(text: string): Parsed<TimeoutRange> {
  const m = /^\s*(\d{1,16})\s*-\s*(\d{1,16})\s*$/.exec(text);
  const min = m ? whole(m[1]!) : null;
  const max = m ? whole(m[2]!) : null;
  if (min === null || max === null)
    return fail(
      `timeout must be a range MIN-MAX of whole time units, e.g. 150-300, not "${text.slice(0, 20)}"`,
    );
  if (min < 1 || max > MAX_TIME)
    return fail(`timeout ${min}-${max}: both ends must be from 1 to ${MAX_TIME} time units`);
  if (min > max) return fail(`timeout ${min}-${max}: the minimum (${min}) is more than the maximum (${max})`);
  return ok({ min, max });
}

export const timeoutParam: ParamSpec<TimeoutRange> = {
  key: 'timeout',
  label: 'Election timeout (min-max)',
  help: 'each election timeout is drawn uniformly from this range of time units (default 150-300)',
  control: 'text',
  default: DEFAULT_TIMEOUT,
  cli: { flag: '--election-timeout', metavar: 'MIN-MAX' },
  placeholder: '150-300',
  examples: ['150-300', '10-20', '40-40', '5-100'],
  parse: (text) => parseTimeout(text),
  format: (v) => `${v.min}-${v.max}`,
  json: 'text',
};

export const heartbeatParam: ParamSpec<number> = {
  key: 'heartbeat',
  label: 'Heartbeat period',
  help: 'a leader sends AppendEntries with no entries to every server this often (default 50)',
  control: 'number',
  default: 50,
  cli: { flag: '--heartbeat', metavar: 'T' },
  range: { min: 1, max: MAX_TIME },
  placeholder: '50',
  examples: ['50', '5', '20', '400'],
  parse: (text) => {
    const v = whole(text.trim());
    return v === null || v < 1 || v > MAX_TIME
      ? fail(
          `heartbeat must be a whole number of time units from 1 to ${MAX_TIME}, not "${text.slice(0, 20)}"`,
        )
      : ok(v);
  },
  format: (v) => String(v),
  json: 'number',
};

/** The contract name `--until T`: a run of a protocol that never terminates goes up to time T. */
export const untilParam: ParamSpec<number | null> = {
  key: 'until',
  label: 'Run until time (empty = faults + 4 cycles)',
  help: 'Raft, leases and ZooKeeper never terminate: the run goes up to this time (default: the last fault, then 4 election cycles: maximum timeouts, lease durations or session timeouts)',
  control: 'number',
  default: null,
  cli: { flag: '--until', metavar: 'T' },
  range: { min: 1, max: MAX_TIME },
  placeholder: 'auto',
  examples: ['60', '300', '1000'],
  parse: (text) => {
    const v = whole(text.trim());
    return v === null || v < 1 || v > MAX_TIME
      ? fail(`until must be a whole time from 1 to ${MAX_TIME}, not "${text.slice(0, 20)}"`)
      : ok(v);
  },
  format: (v) => String(v),
  json: 'number',
};

/** Election cycles the default horizon gives after the last fault (C18). */
export const CYCLES_AFTER_FAULTS = 4;

/** The time of the last fault of the scenario (0 without any). */
export function lastFaultTime(faults: Faults): number {
  let t = 0;
  for (const c of faults.crashes) t = Math.max(t, c.at);
  // The network's faults (C17): a recovery, and the end of a cut (its start where it never heals).
  for (const c of faults.recover ?? []) t = Math.max(t, c.at);
  for (const d of [...(faults.down ?? []), ...(faults.part ?? [])]) t = Math.max(t, d.to ?? d.from);
  return t;
}

/**
 * C18: without `until`, the run goes to the last fault plus four maximum election timeouts — long
 * enough for a leader to be elected after it, even with a split vote or two.
 */
export function defaultUntil(params: RaftParams, faults: Faults): number {
  return lastFaultTime(faults) + CYCLES_AFTER_FAULTS * params.timeout.max;
}

export function untilOf(params: RaftParams, faults: Faults): number {
  return params.until ?? defaultUntil(params, faults);
}
