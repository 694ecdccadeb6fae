import type { AnyModule } from '../../algorithms/contract';
import type { Graph } from '../../engine/types';
import type { FieldError } from '../../scenario/types';
import type { Draft } from '../../store/draft';
import { BROWSER_MAX_NODES } from '../../store/limits';
import { TOPOLOGY_NAMES } from '../../topology/spec';
import { Field, invalid } from './Field';

/** The edge list of a graph as the editor writes it (`1-2:4, 2-3:7`). */
export function edgeText(g: Graph): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const e of g.edges) {
    const a = g.ids[e.a]!;
    const b = g.ids[e.b]!;
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    out.push(g.weighted ? `${a}-${b}:${e.w}` : `${a}-${b}`);
  }
  return out.join(', ');
}

/** The keys these fields stand for: an error on any other key is shown below the form. */
export const GRAPH_KEYS = ['topo', 'edges', 'n', 'ids'] as const;

/**
 * The graph: its topology (among those the algorithm runs on), an edge list for a custom graph, or n
 * and an id order (or list). `shown` is the graph on screen, to start an edge or id list from.
 */
export function GraphFields({
  alg,
  draft,
  errors,
  set,
  shown,
}: {
  alg: AnyModule | undefined;
  draft: Draft;
  errors: readonly FieldError[];
  set: (patch: Partial<Draft>) => void;
  shown: () => Graph;
}) {
  const custom = draft.topo === 'custom';
  const listed = draft.idsOrder === 'custom';
  return (
    <>
      <Field label="Topology" keys={['topo']} errors={errors}>
        {(id, d) => (
          <select
            id={id}
            value={draft.topo}
            onChange={(e) => {
              const topo = e.target.value;
              // Start a custom edge list from the graph on screen.
              const prefill = topo === 'custom' && !draft.edges.trim();
              set(prefill ? { topo, edges: edgeText(shown()) } : { topo });
            }}
            {...invalid(d)}
          >
            {(alg?.topologies ?? []).map((t) => (
              <option key={t} value={t}>
                {TOPOLOGY_NAMES[t] ?? t}
              </option>
            ))}
          </select>
        )}
      </Field>
      {custom && (
        <Field
          label="Edges (a-b or a-b:weight)"
          keys={['edges']}
          errors={errors}
          hint="The ids come from the edge list."
        >
          {(id, d) => (
            <textarea
              id={id}
              rows={3}
              value={draft.edges}
              spellCheck={false}
              placeholder="1-2:4, 2-3:7, 3-1:5"
              onChange={(e) => set({ edges: e.target.value })}
              {...invalid(d)}
            />
          )}
        </Field>
      )}
      {!custom && (
        <div className="row">
          <Field label="Nodes n" keys={['n']} errors={errors}>
            {(id, d) => (
              <input
                id={id}
                type="number"
                inputMode="numeric"
                min={1}
                max={BROWSER_MAX_NODES}
                value={listed ? String(draft.idsList.split(',').filter((x) => x.trim()).length) : draft.n}
                disabled={listed}
                title={listed ? 'n is the length of the id list' : `1 to ${BROWSER_MAX_NODES} in the browser`}
                onChange={(e) => set({ n: e.target.value })}
                {...invalid(d)}
              />
            )}
          </Field>
          <Field label="Id order" keys={['ids']} errors={listed ? [] : errors}>
            {(id, d) => (
              <select
                id={id}
                value={draft.idsOrder}
                onChange={(e) => {
                  const idsOrder = e.target.value as Draft['idsOrder'];
                  // Start a custom list from the ids on screen, so there is something to edit.
                  const prefill = idsOrder === 'custom' && !draft.idsList.trim();
                  set(prefill ? { idsOrder, idsList: shown().ids.join(',') } : { idsOrder });
                }}
                {...invalid(d)}
              >
                <option value="asc">ascending</option>
                <option value="desc">descending</option>
                <option value="random">random</option>
                <option value="custom">custom list</option>
              </select>
            )}
          </Field>
        </div>
      )}
      {!custom && listed && (
        <Field label="Ids in ring / position order" keys={['ids']} errors={errors}>
          {(id, d) => (
            <input
              id={id}
              type="text"
              value={draft.idsList}
              spellCheck={false}
              placeholder="5, 3, 8, 1"
              onChange={(e) => set({ idsList: e.target.value })}
              {...invalid(d)}
            />
          )}
        </Field>
      )}
    </>
  );
}
