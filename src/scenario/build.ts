import { findAlgorithm } from '../algorithms/registry';
import type { SimulationConfig } from '../engine/simulation';
import type { AnyAlgorithm } from '../engine/types';
import { buildGraph } from '../topology/build';
import { assignIds } from '../topology/ids';
import type { Result, Scenario } from './types';

export type RunSpec = Omit<
  SimulationConfig,
  'record' | 'hash' | 'checkInvariants' | 'stepBudget' | 'checkpointEvery'
>;

/** A validated scenario made runnable: ids assigned, the graph generated, the params merged. */
export function buildRun(s: Scenario): Result<RunSpec> {
  const algorithm: AnyAlgorithm | undefined = findAlgorithm(s.algorithm);
  if (!algorithm)
    return { ok: false, errors: [{ field: 'alg', message: `unknown algorithm "${s.algorithm}"` }] };
  const ids = assignIds(s.ids, s.topology.n, s.seed);
  const graph = buildGraph(s.topology, ids, s.seed, { weights: algorithm.weighted ? 'random' : 'unit' });
  const field = s.topology.edges ? 'edges' : 'topo';
  if (!graph.ok) return { ok: false, errors: [{ field, message: graph.error }] };
  const params = { ...(algorithm.defaults as object), ...s.params } as unknown;
  const problem = algorithm.checkGraph?.(graph.graph, params) ?? null;
  if (problem) return { ok: false, errors: [{ field, message: problem }] };
  return {
    ok: true,
    value: { algorithm, params, graph: graph.graph, timing: s.timing, seed: s.seed, faults: s.faults },
  };
}
