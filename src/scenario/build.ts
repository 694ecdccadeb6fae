import type { AnyModule } from '../algorithms/contract';
import { findAlgorithm } from '../algorithms/registry';
import type { SimulationConfig } from '../engine/simulation';
import { buildGraph } from '../topology/build';
import { assignIds } from '../topology/ids';
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
  const graph = buildGraph(s.topology, ids, s.seed, { weights: algorithm.weighted ? 'random' : 'unit' });
  const field = s.topology.edges ? 'edges' : 'topo';
  if (!graph.ok) return { ok: false, errors: [{ field, message: graph.error }] };
  const params: unknown = { ...(algorithm.defaults as object), ...s.params };
  const problem = algorithm.checkGraph?.(graph.graph, params) ?? null;
  if (problem) return { ok: false, errors: [{ field, message: problem }] };
  return {
    ok: true,
    value: { algorithm, params, graph: graph.graph, timing: s.timing, seed: s.seed, faults: s.faults },
  };
}
