import { useId, useState, type FormEvent } from 'react';
import type { TimingMode } from '../../engine/types';
import {
  parseVaryValues,
  seeded,
  systemSpecProblem,
  varyOptions,
  type SystemExperiment,
  type SystemSpec,
} from '../../experiments/systems';
import { FormActions, TimingFields } from './FormParts';

export interface SystemFormValues {
  vary: string;
  /** The values as typed, e.g. `10-400:10`. */
  values: string;
  seeds: number;
  n: number;
  mode: TimingMode;
  maxDelay: number;
}

/** The preset's own settings, as the CLI's `--preset` alone runs them. */
export function systemFormDefaults(exp: SystemExperiment): SystemFormValues {
  return {
    vary: exp.vary.name,
    values: exp.vary.values,
    seeds: exp.seeds,
    n: exp.n,
    mode: exp.mode,
    maxDelay: 10,
  };
}

/** The form's values as a checked spec, or the one sentence saying what is wrong (as the CLI says it). */
export function systemSpecOf(
  exp: SystemExperiment,
  v: SystemFormValues,
): { ok: true; spec: SystemSpec } | { ok: false; problem: string } {
  const values = parseVaryValues(exp, v.vary, v.values);
  if (!values.ok) return { ok: false, problem: values.error };
  const spec: SystemSpec = {
    preset: exp.id,
    vary: v.vary,
    values: values.values,
    seeds: v.seeds,
    n: v.n,
    mode: v.mode,
    maxDelay: v.maxDelay,
  };
  const p = systemSpecProblem(spec);
  return p ? { ok: false, problem: p } : { ok: true, spec };
}

export interface SystemFormProps {
  exp: SystemExperiment;
  running: boolean;
  onRun(spec: SystemSpec): void;
  onCancel(): void;
}

/** A systems experiment's settings: what is varied over which values, seeds, n and timing. */
export function SystemForm({ exp, running, onRun, onCancel }: SystemFormProps) {
  const [v, setV] = useState<SystemFormValues>(() => systemFormDefaults(exp));
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const set = <K extends keyof SystemFormValues>(k: K, value: SystemFormValues[K]) =>
    setV((old) => ({ ...old, [k]: value }));
  const options = varyOptions(exp);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = systemSpecOf(exp, v);
    setProblem(r.ok ? null : r.problem);
    if (r.ok) onRun(r.spec);
  };
  const bySeed = seeded({ preset: exp.id, mode: v.mode });
  return (
    <form
      className="exp-form exp-system-form"
      onSubmit={submit}
      aria-describedby={problem ? `${id}-problem` : undefined}
    >
      <p className="exp-question">{exp.question}</p>
      <fieldset>
        <legend>Varied parameter</legend>
        <label>
          Parameter
          <select value={v.vary} onChange={(e) => set('vary', e.target.value)}>
            {options.map((o) => (
              <option key={o.name} value={o.name}>
                {o.name} — {o.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Values
          <input
            type="text"
            value={v.values}
            size={12}
            spellCheck={false}
            aria-describedby={`${id}-values-hint`}
            onChange={(e) => set('values', e.target.value)}
          />
        </label>
        <small id={`${id}-values-hint`}>10-400:10 (step), 2-20, 4-64:x2 or 4,8,16</small>
      </fieldset>
      <fieldset>
        <legend>Runs</legend>
        <label>
          Seeds k
          <input
            type="number"
            min={1}
            max={1000}
            value={v.seeds}
            disabled={!bySeed}
            aria-describedby={`${id}-seeds-hint`}
            onChange={(e) => set('seeds', Math.trunc(Number(e.target.value)))}
          />
        </label>
        <small id={`${id}-seeds-hint`}>
          {bySeed
            ? 'each point is the mean, least and most over seeds 1…k'
            : 'synchronous and not randomized: one run per point'}
        </small>
        <label>
          Candidates n
          <input
            type="number"
            min={1}
            value={v.n}
            disabled={v.vary === 'n'}
            onChange={(e) => set('n', Math.trunc(Number(e.target.value)))}
          />
        </label>
        <TimingFields
          id={id}
          mode={v.mode}
          maxDelay={v.maxDelay}
          syncLabel="Synchronous"
          onMode={(m) => set('mode', m)}
          onMaxDelay={(d) => set('maxDelay', d)}
        />
      </fieldset>
      <FormActions id={id} running={running} problem={problem} onCancel={onCancel} />
    </form>
  );
}
