import { Simulation, type SimulationConfig } from '../../src/engine/simulation';
import { buildRun } from '../../src/scenario/build';
import { parseFlat, type Flat } from '../../src/scenario/parse';
import { summarize, type RunSummary } from '../../src/scenario/summary';

/** Builds a run from the flat (URL/CLI) form; throws with the validator's message on bad input. */
export function simulate(flat: Flat, extra: Partial<SimulationConfig> = {}): Simulation {
  const parsed = parseFlat({ v: '1', ...flat });
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('; '));
  const run = buildRun(parsed.value);
  if (!run.ok) throw new Error(run.errors.map((e) => e.message).join('; '));
  return new Simulation({ ...run.value, checkInvariants: true, ...extra }).runToEnd();
}

export function summary(flat: Flat, extra: Partial<SimulationConfig> = {}): RunSummary {
  return summarize(simulate(flat, extra));
}

/** Every permutation of `items`, lexicographic by index. */
export function* permutations<T>(items: readonly T[]): Generator<T[]> {
  if (items.length <= 1) {
    yield [...items];
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const p of permutations(rest)) yield [items[i]!, ...p];
  }
}
