import { buildRun } from '../scenario/build';
import type { Scenario } from '../scenario/types';
import { Explorer, type ExploreOptions } from './explorer';
import { ExploreRefusal } from '../scenario/model';
import { NotPlainData } from './canonical';
import { explorerRefusal } from './refusal';
import { summarize, type ExploreSummary } from './report';

/**
 * The explorer of every schedule (docs/explorer.md): a scenario in, every figure over all its
 * delivery orders out, or one sentence saying why it cannot be explored. Pure: no clock, no Node
 * API; a time budget or a Cancel button reaches it through `shouldStop`.
 */
export type Exploration = { ok: true; summary: ExploreSummary } | { ok: false; message: string };

/**
 * The default state budget: HS on 8 processes stored 571,437 states in 417 MB resident
 * (docs/explorer.md), so a million states stay under 1 GB.
 */
export const DEFAULT_MAX_STATES = 1_000_000;
/** The largest state budget accepted: about 1.5 GB at the same rate, near what a Node heap holds by default. */
export const MAX_MAX_STATES = 2_000_000;

/** Sets the scenario up for exploring: refuses what it cannot follow, before any state is stored. */
export function prepareExplorer(
  scenario: Scenario,
  opts: ExploreOptions,
): { ok: true; explorer: Explorer } | { ok: false; message: string } {
  const run = buildRun({ ...scenario, timing: { ...scenario.timing, mode: 'async' } });
  if (!run.ok) return { ok: false, message: run.errors.map((e) => e.message).join('; ') };
  const refusal = explorerRefusal(run.value);
  if (refusal) return { ok: false, message: refusal };
  try {
    return { ok: true, explorer: new Explorer(run.value, opts) };
  } catch (e) {
    return refused(e);
  }
}

/** Runs the search to its end (or its budget) and reports. */
export function exploreScenario(scenario: Scenario, opts: ExploreOptions): Exploration {
  const prepared = prepareExplorer(scenario, opts);
  if (!prepared.ok) return prepared;
  try {
    prepared.explorer.run();
    return { ok: true, summary: summarize(prepared.explorer, scenario) };
  } catch (e) {
    return refused(e);
  }
}

/** A refusal found while exploring becomes its sentence; anything else is a bug and is rethrown. */
export function refused(e: unknown): { ok: false; message: string } {
  if (e instanceof ExploreRefusal) return { ok: false, message: e.message };
  if (e instanceof NotPlainData)
    return {
      ok: false,
      message: `the explorer cannot compare this algorithm's states: it holds ${e.message}`,
    };
  throw e;
}

export { Explorer, type ExploreOptions, type Progress } from './explorer';
export { summarize, type ExploreSummary, type ViolationSummary, type WitnessSummary } from './report';
export { explorerRefusal, MAX_EXPLORE_N } from './refusal';
