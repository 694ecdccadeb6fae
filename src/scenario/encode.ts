import type { Flat } from './parse';
import type { Scenario } from './types';

/** A scenario in the flat key form, with only the keys that differ from the defaults left out where safe. */
export function toFlat(s: Scenario): Flat {
  const f: Flat = { v: String(s.v), alg: s.algorithm };
  if (s.topology.edges) {
    f.edges = s.topology.edges.map((e) => `${e.a}-${e.b}${e.w !== undefined ? `:${e.w}` : ''}`).join(',');
  } else {
    f.topo = s.topology.kind;
    f.n = String(s.topology.n);
  }
  f.ids = 'list' in s.ids ? s.ids.list.join(',') : s.ids.order;
  f.mode = s.timing.mode;
  if (s.timing.mode === 'async') f.maxDelay = String(s.timing.maxDelay);
  f.seed = String(s.seed);
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
