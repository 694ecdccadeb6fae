import { Simulation } from '../engine/simulation';
import { buildRun } from '../scenario/build';
import { parseFlat, type Flat } from '../scenario/parse';
import { summarize } from '../scenario/summary';
import type { Scenario } from '../scenario/types';
import {
  findSystemExperiment,
  seeded,
  systemSpecProblem,
  type SystemExperiment,
  type SystemSpec,
} from './systems';

/** One run of a systems experiment: the value varied, the variant, the seed and its scenario. */
export interface SystemRunPlan {
  value: number;
  variant: string;
  seed: number;
  scenario: Scenario;
}

/** One run's result: its figures (C28), by the run JSON's keys. */
export interface SystemRow {
  value: number;
  variant: string;
  seed: number;
  figures: Record<string, number>;
}

export type SystemPlanResult = { ok: true; runs: SystemRunPlan[] } | { ok: false; error: string };

/** The flat (URL) keys of one run (C27): the preset's scenario, its variant, then the varied value. */
export function systemFlat(
  exp: SystemExperiment,
  spec: SystemSpec,
  value: number,
  variant: string,
  seed: number,
): Flat {
  const flat: Flat = {
    v: '1',
    alg: exp.algorithm,
    n: String(spec.n),
    mode: spec.mode,
    seed: String(seed),
    ...exp.base,
    ...(exp.variants.find((x) => x.name === variant)?.keys ?? {}),
  };
  if (spec.mode === 'async') flat.maxDelay = String(spec.maxDelay);
  const derived = exp.derived[spec.vary];
  if (spec.vary === 'n') flat.n = String(value);
  else if (derived) Object.assign(flat, derived.keys(value, flat));
  else flat[spec.vary] = String(value);
  return flat;
}

/**
 * Every run, value by value, each variant, then each seed — validated before the first run, so a
 * value the scenario refuses (a renew deadline not shorter than the lease) is one sentence, not a
 * failure half-way.
 */
export function planSystem(spec: SystemSpec): SystemPlanResult {
  const problem = systemSpecProblem(spec);
  if (problem) return { ok: false, error: problem };
  const exp = findSystemExperiment(spec.preset)!;
  const seeds = seeded(spec) ? spec.seeds : 1;
  const runs: SystemRunPlan[] = [];
  for (const value of spec.values) {
    for (const variant of exp.variants) {
      for (let seed = 1; seed <= seeds; seed++) {
        const parsed = parseFlat(systemFlat(exp, spec, value, variant.name, seed));
        const where = `${spec.vary} = ${value}${exp.variants.length > 1 ? `, ${variant.name}` : ''}`;
        if (!parsed.ok)
          return { ok: false, error: `${where}: ${parsed.errors.map((e) => e.message).join('; ')}` };
        if (seed === 1) {
          const built = buildRun(parsed.value);
          if (!built.ok)
            return { ok: false, error: `${where}: ${built.errors.map((e) => e.message).join('; ')}` };
        }
        runs.push({ value, variant: variant.name, seed, scenario: parsed.value });
      }
    }
  }
  return { ok: true, runs };
}

/** One headless run (no trace, no hash, no safety monitors) and the figures its JSON would report. */
export function runSystemPlanned(plan: SystemRunPlan, exp: SystemExperiment): SystemRow {
  const built = buildRun(plan.scenario);
  if (!built.ok) throw new Error(built.errors.map((e) => e.message).join('; '));
  const sim = new Simulation({ ...built.value, record: false, hash: false, monitor: false }).runToEnd();
  const summary = summarize(sim);
  const figures: Record<string, number> = {};
  for (const f of exp.figures) {
    const v = summary[f.key];
    if (typeof v !== 'number') throw new Error(`${exp.algorithm} runs report no ${f.key}`);
    figures[f.key] = v;
  }
  return { value: plan.value, variant: plan.variant, seed: plan.seed, figures };
}

/** The runs one at a time, so the CLI and the worker can report progress and stop between two. */
export function* runSystem(
  runs: readonly SystemRunPlan[],
  exp: SystemExperiment,
): Generator<SystemRow, void, undefined> {
  for (const plan of runs) yield runSystemPlanned(plan, exp);
}
