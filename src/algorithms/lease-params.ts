import type { Faults, NodeId } from '../engine/types';
import { choiceParam, int, whole, type ParamContext, type ParamSpec, type Parsed } from './params';
import { CYCLES_AFTER_FAULTS, lastFaultTime, MAX_TIME, untilParam } from './raft-params';

/**
 * The lease election's parameters (§1.12 of docs/algorithms.md). Durations are whole time units; one
 * time unit stands for 100 ms, so client-go's defaults (lease 15 s, renew deadline 10 s, retry 2 s)
 * are 150, 100 and 20, and a message's delay (1 to maxDelay, 10 by default) is at most a second.
 */

/** A candidate's local clock runs `rate` times as fast as real time (1: no drift). */
export interface Drift {
  id: NodeId;
  rate: number;
}

/** A process pause (a GC pause, a stalled VM) of candidate `id` over real times [at, at + duration). */
export interface Pause {
  id: NodeId;
  at: number;
  duration: number;
}

export type Fencing = 'on' | 'off';

export interface LeaseParams {
  lease: number;
  renew: number;
  retry: number;
  fencing: Fencing;
  drift: readonly Drift[];
  pause: readonly Pause[];
  /** The time the run goes up to; null: the default, `defaultLeaseUntil`. */
  until: number | null;
}

/** A clock rate is a decimal from this to MAX_RATE (a clock that stands still, 0, is refused). */
export const MAX_RATE = 100;

const ok = <V>(value: V): Parsed<V> => ({ ok: true, value });
const fail = <V>(message: string): Parsed<V> => ({ ok: false, message });

/** A duration in whole time units, from `min` (1 unless given) to MAX_TIME; ZooKeeper's use it too. */
export function duration(
  key: string,
  name: string,
  dflt: number,
  flag: string,
  examples: string[],
  min = 1,
): ParamSpec<number> {
  return {
    key,
    label: `${name} (time units)`,
    help: `${name.toLowerCase()} in time units of 100 ms (default ${dflt})`,
    control: 'number',
    default: dflt,
    cli: { flag, metavar: 'T' },
    range: { min, max: MAX_TIME },
    placeholder: String(dflt),
    examples,
    parse: (text) => {
      const v = whole(text.trim());
      return v === null || v < min || v > MAX_TIME
        ? fail(
            `${key} must be a whole number of time units from ${min} to ${MAX_TIME}, not "${text.slice(0, 20)}"`,
          )
        : ok(v);
    },
    format: (v) => String(v),
    json: 'number',
  };
}

export const leaseParam = duration('lease', 'Lease duration', 150, '--lease-duration', ['150', '60', '300']);
export const renewParam = duration('renew', 'Renew deadline', 100, '--renew-deadline', ['100', '40', '140']);
export const retryParam = duration('retry', 'Retry period', 20, '--retry-period', ['20', '10', '30']);

export const fencingParam = choiceParam<Fencing>({
  key: 'fencing',
  label: 'Fencing tokens',
  help: 'on: each write carries the lease revision and the storage rejects one older than the newest it has seen',
  default: 'on',
  flag: '--fencing',
  choices: [
    { value: 'on', label: 'on (storage checks the revision)' },
    { value: 'off', label: 'off (storage takes every write)' },
  ],
});

/** A candidate named by a per-node option: a node of the system that is not a service node. */
function candidate(key: string, id: NodeId, ctx: ParamContext): string | null {
  if (!ctx.isNode(id) || ctx.isService?.(id))
    return `${key} names ${id}, not a candidate of this system (candidates are the --n nodes; store and storage keep real time)`;
  return null;
}

/** A decimal rate: digits, an optional point and digits (`0.5`, `2`); a minus is read to be refused by name. */
function rateOf(text: string): number | null {
  if (!/^-?\d{1,6}(\.\d{1,6})?$/.test(text)) return null;
  return Number(text);
}

/** `2:0.5,3:1.5`: a candidate's id and its clock's rate, more than 0. */
export function parseDrift(text: string, ctx: ParamContext): Parsed<Drift[]> {
  const parts = text.split(',').filter((p) => p.trim());
  if (parts.length === 0) return fail('drift is empty: give id:rate pairs, e.g. 2:0.5');
  const out: Drift[] = [];
  for (const part of parts) {
    const pair = part.split(':').map((x) => x.trim());
    const id = pair.length === 2 ? int(pair[0]!) : null;
    const rate = pair.length === 2 ? rateOf(pair[1]!) : null;
    if (id === null || rate === null)
      return fail(`drift: "${part.trim().slice(0, 30)}" is not id:rate, e.g. 2:0.5 (a clock at half speed)`);
    const stray = candidate('drift', id, ctx);
    if (stray) return fail(stray);
    if (rate <= 0 || rate > MAX_RATE)
      return fail(
        `drift: the clock rate of ${id} must be more than 0 and at most ${MAX_RATE}, not ${pair[1]}`,
      );
    if (out.some((d) => d.id === id)) return fail(`drift: ${id} is given twice; a clock has one rate`);
    out.push({ id, rate });
  }
  return ok(out);
}

/** `1@100:300`: candidate 1 pauses at real time 100 for 300 time units; a candidate's pauses never overlap. */
export function parsePause(text: string, ctx: ParamContext): Parsed<Pause[]> {
  const parts = text.split(',').filter((p) => p.trim());
  if (parts.length === 0) return fail('pause is empty: give id@time:duration, e.g. 1@100:300');
  const out: Pause[] = [];
  for (const part of parts) {
    const m = /^\s*(-?\d{1,16})\s*@\s*(\d{1,16})\s*:\s*(\d{1,16})\s*$/.exec(part);
    const id = m ? int(m[1]!) : null;
    const at = m ? whole(m[2]!) : null;
    const long = m ? whole(m[3]!) : null;
    if (id === null || at === null || long === null)
      return fail(`pause: "${part.trim().slice(0, 30)}" is not id@time:duration, e.g. 1@100:300`);
    const stray = candidate('pause', id, ctx);
    if (stray) return fail(stray);
    if (long < 1 || at + long > MAX_TIME)
      return fail(`pause: ${id}@${at}:${long} must last at least 1 time unit and end by ${MAX_TIME}`);
    const clash = out.find((p) => p.id === id && p.at < at + long && at < p.at + p.duration);
    if (clash) return fail(`pause: the pauses of ${id} at ${clash.at} and at ${at} overlap`);
    out.push({ id, at, duration: long });
  }
  return ok(out.sort((x, y) => x.at - y.at || x.id - y.id));
}

export const driftParam: ParamSpec<readonly Drift[]> = {
  key: 'drift',
  label: 'Clock drift (id:rate, …)',
  help: "each listed candidate's local clock runs at this rate (0.5: half speed, 2: twice as fast); others run at 1",
  control: 'text',
  default: [],
  cli: { flag: '--drift', metavar: 'ID:RATE,…' },
  placeholder: 'none, e.g. 2:0.5',
  examples: ['1:0.5', '1:2,2:0.9'],
  parse: (text, ctx) => parseDrift(text, ctx),
  format: (v) => v.map((d) => `${d.id}:${d.rate}`).join(','),
  json: 'text',
};

export const pauseParam: ParamSpec<readonly Pause[]> = {
  key: 'pause',
  label: 'Process pauses (id@time:duration, …)',
  help: 'the candidate stops at that real time for that long: it handles nothing, its timers fire late, and what it had decided is done when it resumes',
  control: 'text',
  default: [],
  cli: { flag: '--pause', metavar: 'ID@T:DURATION,…' },
  placeholder: 'none, e.g. 1@100:300',
  examples: ['1@100:300', '1@50:20,2@200:40'],
  parse: (text, ctx) => parsePause(text, ctx),
  format: (v) => v.map((p) => `${p.id}@${p.at}:${p.duration}`).join(','),
  json: 'text',
};

/** Each value valid, together refused: the holder must give up before its lease runs out (client-go's rule). */
export function checkLeaseParams(p: LeaseParams): { field: string; message: string } | null {
  if (p.renew >= p.lease)
    return {
      field: 'renew',
      message: `renew deadline ${p.renew} must be shorter than the lease duration ${p.lease}: a holder must give up before its lease can run out`,
    };
  if (p.retry >= p.renew)
    return {
      field: 'retry',
      message: `retry period ${p.retry} must be shorter than the renew deadline ${p.renew}: a holder must try to renew before it gives up`,
    };
  return null;
}

export { untilParam };

/** C18 for leases: the last fault or pause end, then four lease durations. */
export function defaultLeaseUntil(p: LeaseParams, faults: Faults): number {
  let t = lastFaultTime(faults);
  for (const x of p.pause) t = Math.max(t, x.at + x.duration);
  return t + CYCLES_AFTER_FAULTS * p.lease;
}

export function leaseUntilOf(p: LeaseParams, faults: Faults): number {
  return p.until ?? defaultLeaseUntil(p, faults);
}
