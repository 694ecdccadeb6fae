import { findAlgorithm } from '../algorithms/registry';
import { defaultStepBudget, Simulation } from '../engine/simulation';
import { buildRun } from '../scenario/build';
import { parseFlat, type Flat } from '../scenario/parse';
import { announcementOff } from '../scenario/options';
import { TOPOLOGIES } from '../topology/spec';
import { summarize } from '../scenario/summary';
import type { Scenario } from '../scenario/types';
import { arrangement, type OrderName } from './orders';
import { MAX_RUNS, specProblem, type ExperimentSpec } from './spec';

/** One run's result: the six CSV columns, plus what the chart needs and a warning flag. */
export interface ExperimentRow {
  algorithm: string;
  n: number;
  order: OrderName;
  seed: number;
  /** Every message sent, the announcement included (the CLI's `messages`). */
  messages: number;
  /** sync: the last round with a delivery; async: the time of the last delivery. */
  rounds: number;
  /** The graph's edges as generated (|E| for undirected graphs; GHS's bound reads it). */
  edges: number;
  /** False when the run hit the engine's step budget instead of finishing (or reaching its `until`). */
  terminated: boolean;
}

/** The columns of the CSV and the JSON array, in this order (the CLI contract). */
export const ROW_COLUMNS = ['algorithm', 'n', 'order', 'seed', 'messages', 'rounds'] as const;

export interface RunPlan {
  algorithm: string;
  n: number;
  order: OrderName;
  seed: number;
  scenario: Scenario;
  /**
   * The algorithm's message bound for this run (its `bound()` on the first seed's graph, at most the
   * engine's step budget): the CLI
   * estimates how long the experiment takes from it before starting.
   */
  bound: number;
}

export type PlanResult = { ok: true; runs: RunPlan[] } | { ok: false; error: string };

function flatFor(spec: ExperimentSpec, algorithm: string, order: OrderName, n: number, seed: number): Flat {
  const flat: Flat = {
    v: '1',
    alg: algorithm,
    n: String(n),
    mode: spec.mode,
    seed: String(seed),
    ...arrangement(algorithm, order, n, seed),
  };
  if (spec.mode === 'async') flat.maxDelay = String(spec.maxDelay);
  if (!spec.announce) Object.assign(flat, announcementOff(algorithm));
  return flat;
}

function validated(flat: Flat): { ok: true; scenario: Scenario } | { ok: false; error: string } {
  const parsed = parseFlat(flat);
  if (!parsed.ok) return { ok: false, error: parsed.errors.map((e) => e.message).join('; ') };
  return { ok: true, scenario: parsed.value };
}

/**
 * Every run of the experiment, in the order they will run (algorithm, then order, then n, then seed),
 * each already validated, so a bad combination is refused before the first run rather than after
 * a thousand.
 */
export function planExperiment(spec: ExperimentSpec): PlanResult {
  const problem = specProblem(spec);
  if (problem) return { ok: false, error: problem };
  const runs: RunPlan[] = [];
  for (const algorithm of spec.algorithms) {
    for (const order of spec.orders) {
      for (const n of spec.ns) {
        const first = validated(flatFor(spec, algorithm, order, n, 1));
        if (!first.ok) return { ok: false, error: `${algorithm}, n = ${n}, ${order}: ${first.error}` };
        const built = buildRun(first.scenario);
        if (!built.ok)
          return {
            ok: false,
            error: `${algorithm}, n = ${n}, ${order}: ${built.errors.map((e) => e.message).join('; ')}`,
          };
        // Repeating a run nothing random touches would only repeat its row.
        const seeded =
          order === 'random' ||
          spec.mode === 'async' ||
          TOPOLOGIES[first.scenario.topology.kind].seeded ||
          findAlgorithm(algorithm)?.randomized === true;
        const seeds = seeded ? spec.seeds : 1;
        if (runs.length + seeds > MAX_RUNS)
          return { ok: false, error: `more than ${MAX_RUNS} runs: use fewer sizes, orders or seeds` };
        const { algorithm: module, graph, params } = built.value;
        // A run never goes past the engine's step budget: an unbounded algorithm (∞) is estimated by it.
        const bound = Math.min(module.bound(n, graph, params).value, defaultStepBudget(graph));
        runs.push({ algorithm, n, order, seed: 1, scenario: first.scenario, bound });
        for (let seed = 2; seed <= seeds; seed++) {
          const s = validated(flatFor(spec, algorithm, order, n, seed));
          if (!s.ok)
            return { ok: false, error: `${algorithm}, n = ${n}, ${order}, seed ${seed}: ${s.error}` };
          runs.push({ algorithm, n, order, seed, scenario: s.scenario, bound });
        }
      }
    }
  }
  return { ok: true, runs };
}

/**
 * One headless run: no trace, no hash, exactly the counts the CLI's single-run JSON reports. `maxSteps`
 * (the CLI's `--max-steps`) replaces the engine's default step budget.
 */
export function runPlanned(plan: RunPlan, maxSteps?: number): ExperimentRow {
  const built = buildRun(plan.scenario);
  if (!built.ok) throw new Error(built.errors.map((e) => e.message).join('; '));
  const budget = maxSteps === undefined ? {} : { stepBudget: maxSteps };
  // A row holds counts only: no hash, no monitors (they read every step's roles).
  const sim = new Simulation({
    ...built.value,
    record: false,
    hash: false,
    monitor: false,
    ...budget,
  }).runToEnd();
  const summary = summarize(sim);
  return {
    algorithm: plan.algorithm,
    n: plan.n,
    order: plan.order,
    seed: plan.seed,
    messages: summary.messages,
    rounds: summary.rounds ?? summary.time ?? 0,
    edges: built.value.graph.edges.length,
    terminated: (summary.terminated || sim.horizonReached) && !sim.budgetExceeded,
  };
}

/**
 * The runs one at a time: a consumer (the CLI, the Web Worker) can report progress after each row and
 * stop between any two runs by no longer asking for the next one.
 */
export function* runExperiment(
  runs: readonly RunPlan[],
  maxSteps?: number,
): Generator<ExperimentRow, void, undefined> {
  for (const plan of runs) yield runPlanned(plan, maxSteps);
}
