import type { AnyModule } from '../algorithms/contract';
import { findAlgorithm } from '../algorithms/registry';
import { IdIndex, LinkIndex } from '../engine/links';
import type { SimulationConfig } from '../engine/simulation';
import type { Faults, Graph, Timing } from '../engine/types';
import { buildGraph } from '../topology/build';
import { assignIds } from '../topology/ids';
import { addServices } from '../topology/services';
import { channelName } from './schedule';
import { scheduleBy } from './schedulers';
import type { Result, Scenario } from './types';

/** A run ready for the engine; `algorithm` is the whole module (its bound, params, pseudo-code …). */
export type RunSpec = Omit<
  SimulationConfig,
  'algorithm' | 'record' | 'hash' | 'checkInvariants' | 'stepBudget' | 'checkpointEvery'
> & { algorithm: AnyModule };

/** A validated scenario made runnable: ids assigned, the graph generated, the params merged. */
export function buildRun(s: Scenario): Result<RunSpec> {
  const algorithm = findAlgorithm(s.algorithm);
  if (!algorithm)
    return { ok: false, errors: [{ field: 'alg', message: `unknown algorithm "${s.algorithm}"` }] };
  const ids = assignIds(s.ids, s.topology.n, s.seed);
  const built = buildGraph(s.topology, ids, s.seed, { weights: algorithm.weighted ? 'random' : 'unit' });
  const field = s.topology.edges ? 'edges' : 'topo';
  if (!built.ok) return { ok: false, errors: [{ field, message: built.error }] };
  const graph = algorithm.services
    ? { ok: true as const, graph: addServices(built.graph, algorithm.services) }
    : built;
  const params: unknown = { ...(algorithm.defaults as object), ...s.params };
  const clash = algorithm.checkParams?.(params) ?? null;
  if (clash) return { ok: false, errors: [clash] };
  const problem = algorithm.checkGraph?.(graph.graph, params) ?? null;
  if (problem) return { ok: false, errors: [{ field, message: problem }] };
  const stray = scheduleOffGraph(s.timing, graph.graph);
  if (stray) return { ok: false, errors: [{ field: 'sched', message: stray }] };
  const cut = downOffGraph(s.faults, graph.graph);
  if (cut) return { ok: false, errors: [{ field: 'down', message: cut }] };
  const dropped = dropOffGraph(s.faults, graph.graph);
  if (dropped) return { ok: false, errors: [{ field: 'drop', message: dropped }] };
  let timing = s.timing;
  if (timing.scheduler && timing.mode === 'async') {
    // The scheduler's choices become a schedule after the scenario's own: the engine only replays.
    const made = scheduleBy(
      timing.scheduler,
      { algorithm, params, graph: graph.graph, faults: s.faults },
      timing.schedule ?? [],
    );
    if (!made.ok) return { ok: false, errors: [{ field: 'scheduler', message: made.message }] };
    timing = { ...timing, schedule: made.value };
  }
  return {
    ok: true,
    value: { algorithm, params, graph: graph.graph, timing, seed: s.seed, faults: s.faults },
  };
}

/**
 * A schedule step naming a pair of nodes that no link joins (in that direction) could never deliver
 * anything; said before the run rather than at that step. Sync mode and timed algorithms are refused
 * by the `sched` reader (keys.ts); this catches a scenario built without it.
 */
function scheduleOffGraph(timing: Timing, graph: Graph): string | null {
  const schedule = timing.schedule;
  if (!schedule?.length) return null;
  if (timing.mode !== 'async') return 'a delivery schedule needs async mode';
  const position = new IdIndex(graph.ids);
  const links = new LinkIndex(graph);
  for (const [i, d] of schedule.entries()) {
    const from = position.get(d.from);
    const to = position.get(d.to);
    if (from < 0 || to < 0 || links.id(from, to) < 0)
      return `schedule step ${i + 1} names channel ${channelName(d)}, but no link of this graph goes from ${d.from} to ${d.to}`;
  }
  return null;
}

/**
 * A link down (C17) between two nodes no link joins cuts nothing: said before the run. The ids are
 * checked by the `down` reader; whether they are neighbours only once the graph is built.
 */
function downOffGraph(faults: Faults, graph: Graph): string | null {
  if (!faults.down?.length) return null;
  const position = new IdIndex(graph.ids);
  const links = new LinkIndex(graph);
  for (const d of faults.down) {
    const a = position.get(d.a);
    const b = position.get(d.b);
    if (a < 0 || b < 0 || (links.id(a, b) < 0 && links.id(b, a) < 0))
      return `down: ${d.a}-${d.b} is not a link of this graph (${d.a} and ${d.b} are not neighbours)`;
  }
  return null;
}

/**
 * A drop (C25) names a directed channel: no message goes from a to b where no link does (on a
 * one-way ring, 2-1 is no channel). Said before the run, like a link down off the graph.
 */
function dropOffGraph(faults: Faults, graph: Graph): string | null {
  if (!faults.drop?.length) return null;
  const position = new IdIndex(graph.ids);
  const links = new LinkIndex(graph);
  for (const d of faults.drop) {
    const a = position.get(d.from);
    const b = position.get(d.to);
    if (a < 0 || b < 0 || links.id(a, b) < 0)
      return `drop: ${d.from}-${d.to}#${d.k} names no channel: no link of this graph goes from ${d.from} to ${d.to}`;
  }
  return null;
}
