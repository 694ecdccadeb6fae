import type { Graph, NodeId } from '../engine/types';

/**
 * Service nodes (Graph.services): systems the candidates run against — a lease's coordination store
 * and the storage it protects — added after the candidates. Each takes the next id above every
 * candidate's, in the order of its name, and is linked to every candidate; the candidates have no
 * links among themselves, as they talk only to the services.
 */
export function addServices(graph: Graph, names: readonly string[]): Graph {
  const n = graph.ids.length;
  const ids = [...graph.ids, ...serviceIds(graph.ids, names.length)];
  const edges: Graph['edges'] = [];
  for (let j = 0; j < names.length; j++) for (let i = 0; i < n; i++) edges.push({ a: i, b: n + j, w: 1 });
  return { ...graph, ids, edges, directed: false, weighted: false, ring: false, services: names };
}

/** The ids the services of a system of these candidates take: above the largest candidate's. */
export function serviceIds(candidates: readonly NodeId[], count: number): NodeId[] {
  let top = 0;
  for (const id of candidates) top = Math.max(top, id);
  return Array.from({ length: count }, (_, j) => top + 1 + j);
}

/** Whether the node at `position` is a service (a store, a server, a storage), not a candidate. */
export function isService(graph: Graph, position: number): boolean {
  return position >= graph.ids.length - (graph.services?.length ?? 0);
}

/** How the graph names the node at `position`: a service by its name, a candidate by its id. */
export function nodeName(graph: Graph, position: number): string {
  const first = graph.ids.length - (graph.services?.length ?? 0);
  return isService(graph, position) ? graph.services![position - first]! : String(graph.ids[position]);
}
