import type { AnyModule } from '../algorithms/contract';
import type { AnyParamSpec } from '../algorithms/params';
import { ALGORITHMS, findAlgorithm } from '../algorithms/registry';
import { FAULT_PARAMS } from './faults';
import type { Scenario } from './types';

/**
 * The options a scenario may carry beyond its graph and timing, derived from the registry: the crash
 * faults (src/scenario/faults.ts) and every algorithm's declared parameters. An option given to an
 * algorithm that does not take it is an error, never silently ignored: every key of a link must mean
 * something.
 */
export interface ScenarioOption {
  spec: AnyParamSpec;
  /** Where the value lives: `scenario.faults` or `scenario.params` (and the scenario file's field). */
  group: 'faults' | 'params';
}

const faultOptions: ScenarioOption[] = FAULT_PARAMS.map((spec) => ({ spec, group: 'faults' }));

/**
 * Every option, each key once, in the order they are read and written: the faults first (a parameter
 * may name a crashed node), then the parameters in registry order. Two algorithms that share a key
 * share its declaration (the contract test checks it).
 */
export const ALL_OPTIONS: readonly ScenarioOption[] = [
  ...faultOptions,
  ...dedupe(ALGORITHMS.flatMap((a) => Object.values(a.params) as AnyParamSpec[])).map(
    (spec): ScenarioOption => ({ spec, group: 'params' }),
  ),
];

function dedupe(specs: AnyParamSpec[]): AnyParamSpec[] {
  const seen = new Set<string>();
  return specs.filter((s) => !seen.has(s.key) && seen.add(s.key));
}

export const OPTION_KEYS: readonly string[] = ALL_OPTIONS.map((o) => o.spec.key);

/**
 * The options one algorithm takes, in the order they are read and shown: every algorithm takes the
 * faults (the network's and the crashes, C17), as they describe the system it runs in.
 */
export function optionsOf(alg: AnyModule): ScenarioOption[] {
  const own = new Set(Object.keys(alg.params));
  return ALL_OPTIONS.filter((o) => o.group === 'faults' || own.has(o.spec.key));
}

export function takesOption(algorithm: string, key: string): boolean {
  const alg = findAlgorithm(algorithm);
  return alg !== undefined && optionsOf(alg).some((o) => o.spec.key === key);
}

export function findOption(key: string): ScenarioOption | undefined {
  return ALL_OPTIONS.find((o) => o.spec.key === key);
}

/** The option's value in a scenario, or undefined where it is absent (an empty fault list is absent). */
export function optionValue(s: Scenario, o: ScenarioOption): unknown {
  if (o.group === 'faults') {
    const v = (s.faults as unknown as Record<string, unknown>)[o.spec.key];
    // Lists: an empty one is absent. A number (loss) is present once given, 0 included.
    return Array.isArray(v) ? (v.length > 0 ? v : undefined) : v;
  }
  return (s.params as Record<string, unknown>)[o.spec.key];
}

/**
 * The per-node toggle of an algorithm (double-click on the graph): its first option that has one —
 * the crash fault only for an algorithm built around crashes (`faults`, Bully), though every
 * algorithm takes the faults.
 */
export function toggleOf(alg: AnyModule | undefined): ScenarioOption | null {
  if (!alg) return null;
  return optionsOf(alg).find((o) => o.spec.toggle && (o.group === 'params' || alg.faults)) ?? null;
}

/** The flat keys of a run of `algorithm` without the leader announcement (none where it has none). */
export function announcementOff(algorithm: string): Record<string, string> {
  return { ...findAlgorithm(algorithm)?.counts.announcement?.off };
}
