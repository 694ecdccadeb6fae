import { useId, type ReactNode } from 'react';
import { ALGORITHMS, findAlgorithm } from '../algorithms/registry';
import { takesOption, type Draft } from '../store/draft';
import { BROWSER_MAX_NODES } from '../store/limits';
import { useSimStore, useSim } from '../store/react';
import type { FieldError } from '../scenario/types';
import { TOPOLOGY_NAMES } from '../topology/spec';
import type { Graph, TopologyKind } from '../engine/types';

function edgeText(g: Graph): string {
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

/** Flat keys each editor field stands for; an error on that key is shown under the field. */
const FIELD_KEYS: Record<string, readonly string[]> = {
  alg: ['alg'],
  topo: ['topo'],
  edges: ['edges'],
  n: ['n'],
  ids: ['ids'],
  idsList: ['ids'],
  mode: ['mode'],
  maxDelay: ['maxDelay'],
  seed: ['seed'],
  announce: ['announce'],
  initiators: ['initiators'],
  initiator: ['initiator'],
  wake: ['wake'],
  crashed: ['crashed'],
  crashes: ['crashes'],
  coordinatorTo: ['coordinatorTo'],
  excludeKnownCrashed: ['excludeKnownCrashed'],
};
const SHOWN = new Set(Object.values(FIELD_KEYS).flat());

function Field({
  label,
  name,
  errors,
  children,
  hint,
}: {
  label: string;
  name: string;
  errors: FieldError[];
  children: (id: string, describedBy: string | undefined) => ReactNode;
  hint?: ReactNode;
}) {
  const id = useId();
  const mine = errors.filter((e) => FIELD_KEYS[name]!.includes(e.field));
  const errId = `${id}-err`;
  return (
    <div className={`field${mine.length ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children(id, mine.length ? errId : undefined)}
      {hint && <p className="hint">{hint}</p>}
      {mine.length > 0 && (
        <p className="field-error" id={errId}>
          {mine.map((e) => e.message).join('; ')}
        </p>
      )}
    </div>
  );
}

/**
 * The scenario editor. The draft is validated by the same `parseFlat` + `buildRun` as the CLI when
 * Apply is pressed; each problem is shown next to its field and the typed text stays as it was.
 */
export function Editor() {
  const store = useSimStore();
  const draft = useSim((s) => s.draft);
  const errors = useSim((s) => s.errors);
  const notice = useSim((s) => s.notice);
  const set = (patch: Partial<Draft>) => store.getState().setDraft(patch);
  const alg = findAlgorithm(draft.alg);
  const takes = (k: Parameters<typeof takesOption>[1]) => takesOption(draft.alg, k);
  const custom = draft.topo === 'custom';
  const other = errors.filter((e) => !SHOWN.has(e.field));
  const invalid = (d: string | undefined) =>
    d ? { 'aria-invalid': true as const, 'aria-describedby': d } : {};

  return (
    <form
      className="editor"
      aria-label="Scenario editor"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        store.getState().applyDraft();
      }}
    >
      <h2>Scenario</h2>
      <Field label="Algorithm" name="alg" errors={errors} hint={alg?.summary}>
        {(id, d) => (
          <select id={id} value={draft.alg} onChange={(e) => set({ alg: e.target.value })} {...invalid(d)}>
            {ALGORITHMS.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Topology" name="topo" errors={errors}>
        {(id, d) => (
          <select
            id={id}
            value={draft.topo}
            onChange={(e) => {
              const topo = e.target.value;
              // Start a custom edge list from the graph on screen.
              const prefill = topo === 'custom' && !draft.edges.trim();
              set(prefill ? { topo, edges: edgeText(store.getState().run.sim.graph) } : { topo });
            }}
            {...invalid(d)}
          >
            {(alg?.topologies ?? []).map((t) => (
              <option key={t} value={t}>
                {TOPOLOGY_NAMES[t as TopologyKind] ?? t}
              </option>
            ))}
          </select>
        )}
      </Field>
      {custom && (
        <Field
          label="Edges (a-b or a-b:weight)"
          name="edges"
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
          <Field label="Nodes n" name="n" errors={errors}>
            {(id, d) => (
              <input
                id={id}
                type="number"
                inputMode="numeric"
                min={1}
                max={BROWSER_MAX_NODES}
                value={
                  draft.idsOrder === 'custom'
                    ? String(draft.idsList.split(',').filter((x) => x.trim()).length)
                    : draft.n
                }
                disabled={draft.idsOrder === 'custom'}
                title={
                  draft.idsOrder === 'custom'
                    ? 'n is the length of the id list'
                    : `1 to ${BROWSER_MAX_NODES} in the browser`
                }
                onChange={(e) => set({ n: e.target.value })}
                {...invalid(d)}
              />
            )}
          </Field>
          <Field label="Id order" name="ids" errors={draft.idsOrder === 'custom' ? [] : errors}>
            {(id, d) => (
              <select
                id={id}
                value={draft.idsOrder}
                onChange={(e) => {
                  const idsOrder = e.target.value as Draft['idsOrder'];
                  // Start a custom list from the ids on screen, so there is something to edit.
                  const prefill = idsOrder === 'custom' && !draft.idsList.trim();
                  set(
                    prefill
                      ? { idsOrder, idsList: store.getState().run.sim.graph.ids.join(',') }
                      : { idsOrder },
                  );
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
      {!custom && draft.idsOrder === 'custom' && (
        <Field label="Ids in ring / position order" name="idsList" errors={errors}>
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
      <div className="row">
        <Field label="Timing" name="mode" errors={errors}>
          {(id, d) => (
            <select
              id={id}
              value={draft.mode}
              onChange={(e) => set({ mode: e.target.value as Draft['mode'] })}
              {...invalid(d)}
            >
              <option value="sync">sync</option>
              <option value="async">async</option>
            </select>
          )}
        </Field>
        {draft.mode === 'async' && (
          <Field label="Max delay" name="maxDelay" errors={errors}>
            {(id, d) => (
              <input
                id={id}
                type="number"
                min={1}
                value={draft.maxDelay}
                onChange={(e) => set({ maxDelay: e.target.value })}
                {...invalid(d)}
              />
            )}
          </Field>
        )}
        <Field label="Seed" name="seed" errors={errors}>
          {(id, d) => (
            <input
              id={id}
              type="number"
              min={0}
              value={draft.seed}
              onChange={(e) => set({ seed: e.target.value })}
              {...invalid(d)}
            />
          )}
        </Field>
      </div>
      {takes('announce') && (
        <div className="field check">
          <label>
            <input
              type="checkbox"
              checked={draft.announce}
              onChange={(e) => set({ announce: e.target.checked })}
            />{' '}
            Announce the leader
          </label>
          {errors
            .filter((e) => e.field === 'announce')
            .map((e) => (
              <p key={e.message} className="field-error">
                {e.message}
              </p>
            ))}
        </div>
      )}
      {takes('initiators') && (
        <Field label="Initiators (ids; empty = all)" name="initiators" errors={errors}>
          {(id, d) => (
            <input
              id={id}
              type="text"
              value={draft.initiators}
              spellCheck={false}
              placeholder="all"
              onChange={(e) => set({ initiators: e.target.value })}
              {...invalid(d)}
            />
          )}
        </Field>
      )}
      {takes('initiator') && (
        <Field label="Detector (id; empty = lowest live id)" name="initiator" errors={errors}>
          {(id, d) => (
            <input
              id={id}
              type="text"
              value={draft.initiator}
              spellCheck={false}
              placeholder="lowest live id"
              onChange={(e) => set({ initiator: e.target.value })}
              {...invalid(d)}
            />
          )}
        </Field>
      )}
      {takes('crashed') && (
        <Field label="Crashed from the start (ids)" name="crashed" errors={errors}>
          {(id, d) => (
            <input
              id={id}
              type="text"
              value={draft.crashed}
              spellCheck={false}
              placeholder="none"
              onChange={(e) => set({ crashed: e.target.value })}
              {...invalid(d)}
            />
          )}
        </Field>
      )}
      {takes('crashes') && (
        <Field label="Crash during the run (id@time, …)" name="crashes" errors={errors}>
          {(id, d) => (
            <input
              id={id}
              type="text"
              value={draft.crashes}
              spellCheck={false}
              placeholder="e.g. 8@3"
              onChange={(e) => set({ crashes: e.target.value })}
              {...invalid(d)}
            />
          )}
        </Field>
      )}
      {takes('wake') && (
        <Field label="Woken at start (ids; empty = all)" name="wake" errors={errors}>
          {(id, d) => (
            <input
              id={id}
              type="text"
              value={draft.wake}
              spellCheck={false}
              placeholder="all"
              onChange={(e) => set({ wake: e.target.value })}
              {...invalid(d)}
            />
          )}
        </Field>
      )}
      {takes('coordinatorTo') && (
        <Field label="COORDINATOR goes to" name="coordinatorTo" errors={errors}>
          {(id, d) => (
            <select
              id={id}
              value={draft.coordinatorTo}
              onChange={(e) => set({ coordinatorTo: e.target.value as Draft['coordinatorTo'] })}
              {...invalid(d)}
            >
              <option value="lower">lower ids (textbook)</option>
              <option value="all">all other ids</option>
            </select>
          )}
        </Field>
      )}
      {takes('excludeKnownCrashed') && (
        <div className="field check">
          <label>
            <input
              type="checkbox"
              checked={draft.excludeKnownCrashed}
              onChange={(e) => set({ excludeKnownCrashed: e.target.checked })}
            />{' '}
            Detector skips the known-crashed coordinator
          </label>
        </div>
      )}
      {other.length > 0 && (
        <div className="field-error general" role="alert">
          {other.map((e) => (
            <p key={`${e.field}:${e.message}`}>{e.message}</p>
          ))}
        </div>
      )}
      {errors.length > 0 && other.length === 0 && (
        <p className="field-error general" role="alert">
          Not applied: {errors.length === 1 ? 'one field needs' : `${errors.length} fields need`} fixing (see
          above).
        </p>
      )}
      {notice && <p className="notice">{notice}</p>}
      <button type="submit" className="apply" title="Validate the scenario and start a new run (Enter)">
        Apply
      </button>
    </form>
  );
}
