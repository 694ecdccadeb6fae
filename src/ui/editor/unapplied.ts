import { findAlgorithm } from '../../algorithms/registry';
import { toFlat } from '../../scenario/encode';
import { ALL_OPTIONS, optionsOf } from '../../scenario/options';
import { FLAT_KEYS, parseFlat, type Flat } from '../../scenario/parse';
import type { Scenario } from '../../scenario/types';
import { draftToFlat, scenarioToDraft, type Draft } from '../../store/draft';
import { TOPOLOGY_NAMES } from '../../topology/spec';

/** A flat key the draft gives differently from the run on screen, with the editor's name for it. */
export interface Unapplied {
  key: string;
  label: string;
}

/** The editor's label of each of the scenario's own keys (the options bring their own). */
const LABELS: Record<string, string> = {
  alg: 'Algorithm',
  topo: 'Topology',
  edges: 'Edges',
  n: 'Nodes n',
  ids: 'Ids',
  mode: 'Timing',
  maxDelay: 'Max delay',
  seed: 'Seed',
  sched: 'Delivery schedule',
};

const labelOf = (key: string) =>
  LABELS[key] ?? ALL_OPTIONS.find((o) => o.spec.key === key)?.spec.label ?? key;

/** Keys whose values differ between two flat forms (a key one side lacks counts as different). */
function differing(a: Flat, b: Flat): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('step');
  return [...keys].filter((k) => (a[k] ?? '').trim() !== (b[k] ?? '').trim());
}

/** A scenario's flat form with every option the algorithm takes written out, defaults included. */
function canonical(s: Scenario): Flat {
  const f = toFlat(s);
  const alg = findAlgorithm(s.algorithm);
  for (const { spec } of alg ? optionsOf(alg) : []) {
    if (f[spec.key] === undefined && spec.default !== null && spec.default !== undefined)
      f[spec.key] = spec.format(spec.default as never);
  }
  return f;
}

/**
 * What the editor holds that the run on screen does not: the keys (with their labels) where the draft
 * differs from the applied scenario, in the order links write them. A draft that reads as a scenario is
 * compared in canonical form (every option's default written out), so `8, 7,6` and `8,7,6`, a seed of
 * `01` and `1`, or a box ticked at its default and a link that leaves it out are no change; a draft
 * that does not read is compared as typed. Empty: nothing to apply.
 */
export function unappliedChanges(draft: Draft, scenario: Scenario): Unapplied[] {
  const { step: _step, ...applied } = scenario;
  const parsed = parseFlat(draftToFlat(draft));
  const keys = parsed.ok
    ? differing(canonical(parsed.value), canonical(applied))
    : differing(draftToFlat(draft), draftToFlat(scenarioToDraft(applied, draft)));
  keys.sort((a, b) => FLAT_KEYS.indexOf(a) - FLAT_KEYS.indexOf(b));
  return keys.map((key) => ({ key, label: labelOf(key) }));
}

/** The run on screen in a few words: what the graph is running while the editor says something else. */
export function runningNow(s: Scenario): string {
  const alg = findAlgorithm(s.algorithm);
  const graph = s.topology.edges ? 'custom graph' : (TOPOLOGY_NAMES[s.topology.kind] ?? s.topology.kind);
  return `${alg?.shortName ?? s.algorithm} on a ${graph} of ${s.topology.n}, ${s.timing.mode}`;
}
