import { HASH_VERSION } from '../engine/hash';
import { Simulation } from '../engine/simulation';
import { legacyTraceHash } from './legacyHash';
import { buildRun } from './build';
import { TRACE_FORMAT } from './json';
import { traceToJson } from './trace';
import type { Scenario } from './types';
import { encodeScenario } from './url';

/**
 * A trace file is read for its scenario only: the run is always re-done from it, so a file whose steps
 * or summary were edited cannot make the CLI or the page show a result the algorithm did not produce.
 * This says, in one phrase, where the file's own record differs from that re-run — so a hand-edited or
 * damaged file is reported rather than silently replaced. Null when the record matches (or the data is
 * not a trace file).
 *
 * Compared: the link, the summary at the file's cursor, and every written step — all but the raw
 * `state`, which the exporter writes or leaves out depending on size. The summary's `traceHash` is of
 * the file's `hashVersion` (absent: version 1, the text hash).
 */
export function traceMismatch(data: unknown, scenario: Scenario): string | null {
  if (!isObject(data) || data.format !== TRACE_FORMAT) return null;
  const { cursor, steps } = data;
  if (typeof cursor !== 'number' || !Number.isSafeInteger(cursor) || cursor < 0)
    return 'its cursor is not a step number';
  if (!Array.isArray(steps)) return 'it has no list of steps';
  if (steps.length > cursor) return `it lists ${steps.length} steps before its cursor at step ${cursor}`;
  if (data.link !== encodeScenario(scenario)) return 'its link is not the link of its scenario';
  const run = buildRun(scenario);
  if (!run.ok) return null; // the caller refuses the scenario itself
  const sim = new Simulation({ ...run.value, record: true, hash: true });
  while (sim.step < cursor && sim.stepForward()) {
    /* one event a call */
  }
  if (sim.step < cursor) return `its cursor (step ${cursor}) is past the end of the run (step ${sim.step})`;
  const mine = JSON.parse(traceToJson(sim, scenario, { maxSteps: steps.length, maxStateChars: 0 })) as {
    summary: unknown;
    steps: Record<string, unknown>[];
  };
  const summary = mine.summary as Record<string, unknown>;
  // A file exported before the numeric hash (no hashVersion) is checked against the text hash it was
  // written with, recomputed from the re-run's recorded steps.
  if (data.hashVersion === undefined) summary.traceHash = legacyTraceHash(sim.trace, cursor);
  else if (data.hashVersion !== HASH_VERSION)
    return `its hashVersion ${JSON.stringify(data.hashVersion)} is not ${HASH_VERSION} (the only one written)`;
  if (!same(data.summary, summary)) return `its summary at step ${cursor} differs`;
  for (let i = 0; i < steps.length; i++) {
    const theirs = steps[i] as unknown;
    const without = isObject(theirs) ? { ...theirs, state: undefined } : theirs;
    if (!same(without, mine.steps[i])) return `its step ${String(mine.steps[i]!.step)} differs`;
  }
  return null;
}

/** Deep equality of JSON values, field order aside; an undefined field is an absent one. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => same(x, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && same(a[k], b[k]));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
