import type { AnyModule } from '../algorithms/contract';
import { ALGORITHMS, findAlgorithm } from '../algorithms/registry';
import { sameGraphKind } from '../topology/spec';
import { toFlat } from './encode';
import { versusRefusal } from './keys';
import { optionsOf, OPTION_KEYS } from './options';
import { parseFlat } from './parse';
import type { Result, Scenario } from './types';

/** A second algorithm run beside a scenario's own, on the same graph. */
export interface Versus {
  algorithm: AnyModule;
  scenario: Scenario;
  /** The scenario's option keys the second algorithm does not take, so its run leaves them out. */
  leftOut: string[];
}

/**
 * The scenario of `otherId` on the same system as `base`: the same n, ids, graph (a ring read the
 * other way where the algorithm needs it, spec.ts SAME_GRAPH), timing, seed, faults and the options
 * both take; what only the first takes is left out and named. The refusal is one sentence.
 */
export function versusScenario(base: Scenario, otherId: string): Result<Versus> {
  const other = findAlgorithm(otherId);
  const refuse = (message: string): Result<Versus> => ({ ok: false, errors: [{ field: 'vs', message }] });
  if (!other) return refuse(`vs names no algorithm: "${otherId.slice(0, 30)}"`);
  if (other.id === base.algorithm) return refuse(`${other.shortName} is the algorithm already on the left`);
  const kind = sameGraphKind(other.topologies, base.topology.kind);
  if (kind === null) return refuse(versusRefusal(other.shortName, other.topologies, base.topology.kind));
  const { step: _viewer, ...run } = base;
  const flat = toFlat(run);
  flat.alg = other.id;
  flat.topo = kind;
  const takes = new Set(optionsOf(other).map((o) => o.spec.key));
  const leftOut = OPTION_KEYS.filter((k) => flat[k] !== undefined && !takes.has(k));
  for (const k of leftOut) delete flat[k];
  const parsed = parseFlat(flat);
  if (!parsed.ok) return refuse(`${other.shortName}: ${parsed.errors[0]!.message}`);
  return { ok: true, value: { algorithm: other, scenario: parsed.value, leftOut } };
}

/** Every other registered algorithm: the ones that run beside `base`, and why each of the rest does not. */
export function versusChoices(base: Scenario): {
  offered: Versus[];
  refused: { algorithm: AnyModule; reason: string }[];
} {
  const offered: Versus[] = [];
  const refused: { algorithm: AnyModule; reason: string }[] = [];
  for (const a of ALGORITHMS) {
    if (a.id === base.algorithm) continue;
    const v = versusScenario(base, a.id);
    if (v.ok) offered.push(v.value);
    else refused.push({ algorithm: a, reason: v.errors[0]!.message });
  }
  return { offered, refused };
}
