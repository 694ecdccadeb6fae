import { useMemo } from 'react';
import { ALGORITHMS, findAlgorithm } from '../algorithms/registry';
import { optionsOf } from '../scenario/options';
import { formatSchedule } from '../scenario/schedule';
import { scheduleOf } from '../scenario/scheduleOf';
import type { Draft } from '../store/draft';
import { useSimStore, useSim } from '../store/react';
import { stallOf } from '../store/status';
import { ApplyBar } from './editor/ApplyBar';
import { Field, invalid, UnappliedKeys } from './editor/Field';
import { GRAPH_KEYS, GraphFields } from './editor/GraphFields';
import { OptionField } from './editor/OptionField';
import { TIMING_KEYS, TimingFields } from './editor/TimingFields';
import { runningNow, unappliedChanges } from './editor/unapplied';
import './editor/editor.css';

/**
 * The scenario editor. Its fields are the scenario's own (algorithm, graph, timing) and the options
 * the chosen algorithm declares (src/scenario/options.ts). The draft is validated by the same
 * `parseFlat` + `buildRun` as the CLI when Apply is pressed; each problem is shown next to its field,
 * in the CLI's words, and the typed text stays as it was. Until Apply, the bar at the top marks
 * the fields that differ from the run on screen; Revert puts that run back into the fields.
 */
export function Editor() {
  const store = useSimStore();
  const draft = useSim((s) => s.draft);
  const errors = useSim((s) => s.errors);
  const notice = useSim((s) => s.notice);
  const computing = useSim((s) => s.computing);
  const scenario = useSim((s) => s.scenario);
  useSim((s) => s.run);
  const changes = useMemo(() => unappliedChanges(draft, scenario), [draft, scenario]);
  const changedKeys = useMemo(() => new Set(changes.map((c) => c.key)), [changes]);
  const stopped = computing ? null : stallOf(store.getState());
  const fromRun = () => {
    const { run, cursor } = store.getState();
    return formatSchedule(scheduleOf(run.sim.trace, cursor));
  };
  const set = (patch: Partial<Draft>) => store.getState().setDraft(patch);
  const alg = findAlgorithm(draft.alg);
  // The algorithm's own parameters first, then the crash faults it takes.
  const options = alg
    ? optionsOf(alg).sort((a, b) => (a.group === b.group ? 0 : a.group === 'params' ? -1 : 1))
    : [];
  const shown = new Set<string>(['alg', ...GRAPH_KEYS, ...TIMING_KEYS, ...options.map((o) => o.spec.key)]);
  const other = errors.filter((e) => !shown.has(e.field));

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
      <ApplyBar
        changes={changes}
        running={runningNow(scenario)}
        onRevert={() => store.getState().revertDraft()}
      />
      <UnappliedKeys.Provider value={changedKeys}>
        <Field label="Algorithm" keys={['alg']} errors={errors} hint={alg?.summary}>
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
        <GraphFields
          alg={alg}
          draft={draft}
          errors={errors}
          set={set}
          shown={() => store.getState().run.sim.graph}
        />
        <TimingFields draft={draft} errors={errors} set={set} stopped={stopped} fromRun={fromRun} />
        {options.map((o) => (
          <OptionField
            key={o.spec.key}
            option={o}
            draft={draft}
            errors={errors}
            set={(key, value) => set({ [key]: value })}
          />
        ))}
      </UnappliedKeys.Provider>
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
    </form>
  );
}
