import { findAlgorithm } from '../algorithms/registry';
import { DEFAULTS, type Flat } from './parse';
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
  const p = s.params;
  if (p.announce !== undefined) f.announce = p.announce ? '1' : '0';
  if (p.initiators) f.initiators = p.initiators.join(',');
  if (p.initiator !== undefined) f.initiator = String(p.initiator);
  if (p.wake) f.wake = p.wake.join(',');
  if (p.coordinatorTo) f.coordinatorTo = p.coordinatorTo;
  if (p.excludeKnownCrashed !== undefined) f.excludeKnownCrashed = p.excludeKnownCrashed ? '1' : '0';
  if (s.faults.crashed.length) f.crashed = s.faults.crashed.join(',');
  if (s.faults.crashes.length) f.crashes = s.faults.crashes.map((c) => `${c.id}@${c.at}`).join(',');
  if (s.step !== undefined) f.step = String(s.step);
  return f;
}
