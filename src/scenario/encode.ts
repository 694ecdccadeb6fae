import { findAlgorithm } from '../algorithms/registry';
import { ALL_OPTIONS, optionValue } from './options';
import { DEFAULTS, type Flat } from './parse';
import { formatSchedule } from './schedule';
import type { Scenario } from './types';

/**
 * A scenario in the flat key form (the URL/CLI keys). Keys whose value is parseFlat's default are left
 * out only where leaving them out cannot change the meaning: `maxDelay` and `seed` at their defaults,
 * `n` when the ids list gives it, `topo` when the algorithm runs on one kind of graph only.
 * parseFlat(toFlat(s)) gives s back for every scenario parseFlat produces.
 */
export function toFlat(s: Scenario): Flat {
  const f: Flat = { v: String(s.v), alg: s.algorithm };
  if (s.topology.edges) {
    f.edges = s.topology.edges.map((e) => `${e.a}-${e.b}${e.w !== undefined ? `:${e.w}` : ''}`).join(',');
  } else {
    const kinds = findAlgorithm(s.algorithm)?.topologies.filter((k) => k !== 'custom') ?? [];
    if (kinds.length !== 1 || kinds[0] !== s.topology.kind) f.topo = s.topology.kind;
    if (!('list' in s.ids)) f.n = String(s.topology.n);
  }
  f.ids = 'list' in s.ids ? s.ids.list.join(',') : s.ids.order;
  f.mode = s.timing.mode;
  if (s.timing.maxDelay !== DEFAULTS.maxDelay) f.maxDelay = String(s.timing.maxDelay);
  if (s.seed !== DEFAULTS.seed) f.seed = String(s.seed);
  for (const o of ALL_OPTIONS) {
    const value = optionValue(s, o);
    if (value !== undefined) f[o.spec.key] = o.spec.format(value);
  }
  if (s.timing.schedule?.length) f.sched = formatSchedule(s.timing.schedule);
  if (s.timing.scheduler) f.scheduler = s.timing.scheduler;
  if (s.step !== undefined) f.step = String(s.step);
  return f;
}
