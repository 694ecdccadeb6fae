import { ALGORITHMS, findAlgorithm } from '../algorithms/registry';
import type { SystemExperiment } from '../algorithms/system-experiment';
import type { TimingMode } from '../engine/types';
import { LIMITS } from '../topology/spec';
import { parseNRange, parseRange, type RangeResult } from './range';
import { MAX_RUNS, MAX_SEEDS } from './spec';

export type { SystemExperiment };

/** The systems experiments of C27, by their `--preset` names: each declared by its algorithm. */
export const SYSTEM_EXPERIMENTS: readonly SystemExperiment[] = ALGORITHMS.flatMap((a) =>
  a.systemExperiment ? [a.systemExperiment] : [],
);

export function findSystemExperiment(id: string): SystemExperiment | undefined {
  return SYSTEM_EXPERIMENTS.find((e) => e.id === id);
}

/** One systems experiment as run: the preset, what is varied over which values, and the timing. */
export interface SystemSpec {
  preset: string;
  /** `n`, a whole-number parameter of the algorithm (e.g. `lease`), or one the preset derives. */
  vary: string;
  values: number[];
  seeds: number;
  /** Candidates, when n is not varied. */
  n: number;
  mode: TimingMode;
  maxDelay: number;
}

/** What a varied parameter is called on an axis and whether it is a time. */
export interface VaryInfo {
  name: string;
  label: string;
  unit: 'time' | 'count';
  min: number;
  max: number;
}

/** The parameters `exp` can vary: n, the preset's derived ones, and the algorithm's whole numbers. */
export function varyOptions(exp: SystemExperiment): VaryInfo[] {
  const out: VaryInfo[] = [
    { name: 'n', label: 'n (candidates)', unit: 'count', min: 1, max: LIMITS.maxNodes },
  ];
  for (const [name, d] of Object.entries(exp.derived))
    out.push({ name, label: d.label, unit: d.unit, min: d.min, max: d.max });
  const params = findAlgorithm(exp.algorithm)?.params ?? {};
  for (const p of Object.values(params)) {
    if (p.control !== 'number' || !p.range) continue;
    // The parameter's label ends in its unit, e.g. `Lease duration (time units)`.
    const timed = /time/i.test(p.label);
    out.push({
      name: p.key,
      label: p.label.replace(/\s*\(.*\)\s*$/, '').toLowerCase(),
      unit: timed ? 'time' : 'count',
      min: p.range.min,
      max: p.range.max,
    });
  }
  return out;
}

export function varyInfo(exp: SystemExperiment, name: string): VaryInfo | undefined {
  return varyOptions(exp).find((v) => v.name === name);
}

/** The values of `vary` as written (`10-400:10`), checked against what the parameter accepts. */
export function parseVaryValues(exp: SystemExperiment, name: string, text: string): RangeResult {
  const info = varyInfo(exp, name);
  if (!info)
    return {
      ok: false,
      error: `${exp.id} cannot vary "${name.slice(0, 30)}" (one of: ${varyOptions(exp)
        .map((v) => v.name)
        .join(', ')})`,
    };
  return name === 'n' ? parseNRange(text) : parseRange(text, name, info.min, info.max);
}

/** The preset's own settings: its default parameter and values, n, mode and seeds. */
export function defaultSystemSpec(exp: SystemExperiment): SystemSpec {
  const values = parseVaryValues(exp, exp.vary.name, exp.vary.values);
  if (!values.ok) throw new Error(`${exp.id}: ${values.error}`);
  return {
    preset: exp.id,
    vary: exp.vary.name,
    values: values.values,
    seeds: exp.seeds,
    n: exp.n,
    mode: exp.mode,
    maxDelay: 10,
  };
}

/** Whether a run's figures depend on its seed: async delays, or the algorithm's own draws (C16). */
export function seeded(spec: Pick<SystemSpec, 'preset' | 'mode'>): boolean {
  const exp = findSystemExperiment(spec.preset);
  return spec.mode === 'async' || findAlgorithm(exp?.algorithm ?? '')?.randomized === true;
}

/** Checks what the types cannot; null when the spec can be planned, else one sentence. */
export function systemSpecProblem(spec: SystemSpec): string | null {
  const exp = findSystemExperiment(spec.preset);
  if (!exp)
    return `unknown preset "${spec.preset.slice(0, 30)}" (one of: ${SYSTEM_EXPERIMENTS.map((e) => e.id).join(', ')})`;
  const info = varyInfo(exp, spec.vary);
  if (!info)
    return `${exp.id} cannot vary "${spec.vary.slice(0, 30)}" (one of: ${varyOptions(exp)
      .map((v) => v.name)
      .join(', ')})`;
  if (spec.values.length === 0) return `no value of ${spec.vary} chosen`;
  for (const v of spec.values)
    if (!Number.isSafeInteger(v) || v < info.min || v > info.max)
      return `${spec.vary} = ${v} is not a whole number from ${info.min} to ${info.max}`;
  if (!Number.isSafeInteger(spec.seeds) || spec.seeds < 1 || spec.seeds > MAX_SEEDS)
    return `seeds must be a whole number from 1 to ${MAX_SEEDS}`;
  if (!Number.isSafeInteger(spec.n) || spec.n < 1 || spec.n > LIMITS.maxNodes)
    return `n = ${spec.n} is not a size from 1 to ${LIMITS.maxNodes}`;
  if (spec.mode !== 'sync' && spec.mode !== 'async') return 'mode must be sync or async';
  if (!Number.isSafeInteger(spec.maxDelay) || spec.maxDelay < 1 || spec.maxDelay > LIMITS.maxDelay)
    return `max delay must be a whole number from 1 to ${LIMITS.maxDelay}`;
  const runs = spec.values.length * exp.variants.length * (seeded(spec) ? spec.seeds : 1);
  if (runs > MAX_RUNS) return `more than ${MAX_RUNS} runs: use fewer values or seeds`;
  return null;
}
