import { findAlgorithm } from '../algorithms/registry';
import type { NodeId } from '../engine/types';
import { toFlat } from './encode';
import { optionValue, toggleOf } from './options';
import { parseFlat } from './parse';
import type { FieldError, Scenario } from './types';

export type Toggled =
  { ok: true; scenario: Scenario; notice: string } | { ok: false; errors: FieldError[]; notice: string };

/**
 * Double-clicking node `id` on the graph: it goes into (or out of) the list of the algorithm's
 * per-node option (the first of its options that declares a toggle, e.g. `crashed`).
 * The new scenario goes through the validator like any other; `ids` are the run's ids in position order.
 */
export function toggleNode(s: Scenario, id: NodeId, ids: readonly NodeId[]): Toggled {
  const alg = findAlgorithm(s.algorithm);
  const option = toggleOf(alg);
  if (!alg || !option) {
    return { ok: false, errors: [], notice: `${alg?.name ?? s.algorithm} has no per-node option to toggle` };
  }
  const { key, toggle } = option.spec;
  const absentIsAll = toggle!.absent === 'all';
  const current = optionValue(s, option) as NodeId[] | undefined;
  const list = current ?? (absentIsAll ? ids : []);
  const had = list.includes(id);
  const next = had ? list.filter((x) => x !== id) : [...list, id];
  const { step: _omit, ...rest } = s;
  const flat = toFlat(rest);
  if (next.length === (absentIsAll ? ids.length : 0)) delete flat[key];
  // An empty set where absent means "all" is refused by the validator, which says why.
  else flat[key] = option.spec.format([...next].sort((a, b) => ids.indexOf(a) - ids.indexOf(b)));
  const parsed = parseFlat(flat);
  if (!parsed.ok)
    return {
      ok: false,
      errors: parsed.errors,
      notice: `${id} cannot be toggled: ${parsed.errors[0]!.message}`,
    };
  return {
    ok: true,
    scenario: parsed.value,
    notice: `${id} is ${had ? 'no longer ' : ''}${toggle!.state}; the run restarted`,
  };
}
