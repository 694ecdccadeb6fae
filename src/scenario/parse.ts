import { ALGORITHMS, findAlgorithm } from '../algorithms/registry';
import { MAX_CRASH_TIME } from './faults';
import { DEFAULTS, KEY_READERS, MAX_STEP, type Reading } from './keys';
import { migrateFlat } from './migrate';
import { OPTION_KEYS } from './options';
import { CURRENT_VERSION, type FieldError, type Result, type Scenario, type ScenarioParams } from './types';

export { DEFAULTS };

/**
 * The one place a scenario is validated. Input is the flat key → text form shared by the URL hash and
 * the CLI (`alg=lcr&n=8&ids=desc…`); every error names its key and says what is wrong. Each key has
 * its own reader (keys.ts); an algorithm's options are read by their own declarations.
 */
export type Flat = Record<string, string>;

/** Every key, in the order links write them (equal scenarios give equal links). */
export const FLAT_KEYS: readonly string[] = [
  'v',
  'alg',
  'topo',
  'n',
  'ids',
  'edges',
  'mode',
  'maxDelay',
  'seed',
  ...OPTION_KEYS,
  'sched',
  'scheduler',
  'step',
  'screen',
  'vs',
];

/**
 * Caps of the codec beyond the graph caps of LIMITS (src/topology/spec.ts). No value, link or file
 * past these is read, so nothing a link asks for can freeze a tab.
 */
export const CODEC_LIMITS = {
  /** Characters of one value: room for LIMITS.maxEdges edges written out in full. */
  maxText: 8_000_000,
  /**
   * The step a link may open at. Opening at step k replays k steps with recording on; the history is
   * designed for runs of 10⁶ steps (docs/architecture.md).
   */
  maxStep: MAX_STEP,
  /** The latest simulated time a crash may be scheduled at. */
  maxCrashTime: MAX_CRASH_TIME,
} as const;

export function parseFlat(input: Flat): Result<Scenario> {
  const errors: FieldError[] = [];
  for (const [k, val] of Object.entries(input)) {
    if (typeof val !== 'string')
      errors.push({ field: k.slice(0, 30), message: `${k.slice(0, 30)} must be text` });
    else if (val.length > CODEC_LIMITS.maxText)
      errors.push({
        field: k.slice(0, 30),
        message: `${k.slice(0, 30)} is too long (${val.length} characters; at most ${CODEC_LIMITS.maxText})`,
      });
  }
  if (errors.length) return { ok: false, errors };
  // Old versions are brought up to date first: a migration may rename keys.
  const migrated = migrateFlat(input);
  if (!migrated.ok) return migrated;
  const flat = migrated.value;
  for (const k of Object.keys(flat)) {
    if (!FLAT_KEYS.includes(k))
      errors.push({ field: k.slice(0, 30), message: `unknown key "${k.slice(0, 30)}"` });
  }
  if (errors.length) return { ok: false, errors };
  if (flat.v !== undefined && flat.v !== String(CURRENT_VERSION))
    return {
      ok: false,
      errors: [{ field: 'v', message: `version v=${flat.v} is not v=${CURRENT_VERSION}` }],
    };
  const algId = (flat.alg ?? '').trim();
  const alg = findAlgorithm(algId);
  if (!alg) {
    const known = ALGORITHMS.map((a) => a.id).join(', ');
    errors.push({
      field: 'alg',
      message: algId
        ? `unknown algorithm "${algId.slice(0, 30)}" (known: ${known})`
        : `no algorithm given (one of: ${known})`,
    });
    return { ok: false, errors };
  }

  const r: Reading = {
    alg,
    errors,
    ids: { order: 'asc' },
    n: null,
    edges: undefined,
    kind: alg.topologies[0]!,
    mode: DEFAULTS.mode,
    maxDelay: DEFAULTS.maxDelay,
    seed: DEFAULTS.seed,
    schedule: undefined,
    scheduler: undefined,
    faults: { crashed: [], crashes: [] },
    params: {},
    step: undefined,
  };
  for (const [key, read] of KEY_READERS) read(flat[key], r);
  if (errors.length) return { ok: false, errors };

  const n = r.n!;
  const scenario: Scenario = {
    v: 1,
    algorithm: alg.id,
    topology: r.edges ? { kind: r.kind, n, edges: r.edges } : { kind: r.kind, n },
    ids: r.ids,
    timing: {
      mode: r.mode,
      maxDelay: r.maxDelay,
      ...(r.schedule ? { schedule: r.schedule } : {}),
      ...(r.scheduler ? { scheduler: r.scheduler } : {}),
    },
    seed: r.seed,
    params: r.params as ScenarioParams,
    faults: r.faults,
  };
  if (r.step !== undefined) scenario.step = r.step;
  return { ok: true, value: scenario };
}
