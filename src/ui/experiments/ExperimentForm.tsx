import { useId, useState, type FormEvent } from 'react';
import type { AnyModule } from '../../algorithms/contract';
import { EXPERIMENT_DEFAULTS } from '../../algorithms/registry';
import type { TimingMode } from '../../engine/types';
import { describeOrder, ORDER_NAMES, type OrderName } from '../../experiments/orders';
import { parseNRange } from '../../experiments/range';
import { SPEC_DEFAULTS, specProblem, type ExperimentSpec } from '../../experiments/spec';
import { FormActions, TimingFields } from './FormParts';

export interface ExperimentFormProps {
  algorithms: readonly AnyModule[];
  initial: ExperimentFormValues;
  running: boolean;
  onRun(spec: ExperimentSpec): void;
  onCancel(): void;
}

export interface ExperimentFormValues {
  algorithms: string[];
  /** The sizes as typed, e.g. `4-64`, `4-64:4`, `4-64:x2`, `4,8,16`. */
  n: string;
  orders: OrderName[];
  seeds: number;
  mode: TimingMode;
  maxDelay: number;
  announce: boolean;
}

export const FORM_DEFAULTS: ExperimentFormValues = {
  algorithms: [...EXPERIMENT_DEFAULTS],
  n: '4-64',
  orders: ['worst'],
  seeds: 3,
  mode: SPEC_DEFAULTS.mode,
  maxDelay: SPEC_DEFAULTS.maxDelay,
  announce: SPEC_DEFAULTS.announce,
};

const ORDER_LABELS: Record<OrderName, string> = {
  worst: 'Worst case',
  best: 'Best case',
  random: 'Random',
  asc: 'Ascending',
  desc: 'Descending',
};

const toggle = <T,>(list: readonly T[], item: T, on: boolean): T[] =>
  on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);

/** The form's values as a checked spec, or the one sentence saying what is wrong with them. */
export function specOf(
  v: ExperimentFormValues,
  algorithms: readonly AnyModule[],
): { ok: true; spec: ExperimentSpec } | { ok: false; problem: string } {
  const range = parseNRange(v.n);
  if (!range.ok) return { ok: false, problem: range.error };
  // Keep the registry's order, whatever order the boxes were ticked in.
  const spec: ExperimentSpec = {
    algorithms: algorithms.map((a) => a.id).filter((a) => v.algorithms.includes(a)),
    ns: range.values,
    orders: ORDER_NAMES.filter((o) => v.orders.includes(o)),
    seeds: v.seeds,
    mode: v.mode,
    maxDelay: v.maxDelay,
    announce: v.announce,
  };
  const p = specProblem(spec);
  return p ? { ok: false, problem: p } : { ok: true, spec };
}

/** The experiment's settings; Run hands a checked spec to the panel, or the form says what is wrong. */
export function ExperimentForm({ algorithms, initial, running, onRun, onCancel }: ExperimentFormProps) {
  const [v, setV] = useState<ExperimentFormValues>(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const set = <K extends keyof ExperimentFormValues>(k: K, value: ExperimentFormValues[K]) =>
    setV((old) => ({ ...old, [k]: value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = specOf(v, algorithms);
    setProblem(r.ok ? null : r.problem);
    if (r.ok) onRun(r.spec);
  };

  const chosen = algorithms.filter((a) => v.algorithms.includes(a.id));
  return (
    <form className="exp-form" onSubmit={submit} aria-describedby={problem ? `${id}-problem` : undefined}>
      <fieldset>
        <legend>Algorithms</legend>
        {algorithms.map((a) => (
          <label key={a.id}>
            <input
              type="checkbox"
              checked={v.algorithms.includes(a.id)}
              onChange={(e) => set('algorithms', toggle(v.algorithms, a.id, e.target.checked))}
            />
            {a.name}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Sizes and ids</legend>
        <label>
          Sizes n
          <input
            type="text"
            value={v.n}
            size={12}
            spellCheck={false}
            aria-describedby={`${id}-n-hint`}
            onChange={(e) => set('n', e.target.value)}
          />
        </label>
        <small id={`${id}-n-hint`}>4-64, 4-64:4 (step), 4-64:x2 (powers of two) or 4,8,16</small>
        <div role="group" aria-label="Id orders" className="exp-orders">
          {ORDER_NAMES.map((o) => (
            <label key={o}>
              <input
                type="checkbox"
                checked={v.orders.includes(o)}
                onChange={(e) => set('orders', toggle(v.orders, o, e.target.checked))}
              />
              {ORDER_LABELS[o]}
            </label>
          ))}
        </div>
        <label>
          Seeds k
          <input
            type="number"
            min={1}
            max={1000}
            value={v.seeds}
            aria-describedby={`${id}-seeds-hint`}
            onChange={(e) => set('seeds', Math.trunc(Number(e.target.value)))}
          />
        </label>
        <small id={`${id}-seeds-hint`}>
          random orders, async runs and randomized algorithms repeat with seeds 1…k
        </small>
      </fieldset>
      <fieldset>
        <legend>Timing</legend>
        <TimingFields
          id={id}
          mode={v.mode}
          maxDelay={v.maxDelay}
          syncLabel="Synchronous rounds"
          onMode={(m) => set('mode', m)}
          onMaxDelay={(d) => set('maxDelay', d)}
        />
        <label>
          <input type="checkbox" checked={v.announce} onChange={(e) => set('announce', e.target.checked)} />
          Count the leader announcement
        </label>
      </fieldset>
      <FormActions id={id} running={running} problem={problem} onCancel={onCancel} />
      {chosen.length > 0 && (v.orders.includes('worst') || v.orders.includes('best')) && (
        <details className="exp-meaning">
          <summary>What worst and best mean</summary>
          <ul>
            {chosen.flatMap((a) =>
              (['worst', 'best'] as const)
                .filter((o) => v.orders.includes(o))
                .map((o) => (
                  <li key={`${a.id}-${o}`}>
                    <strong>
                      {a.name}, {o}:
                    </strong>{' '}
                    {describeOrder(a.id, o) ?? 'not defined for this algorithm (use asc, desc or random)'}
                  </li>
                )),
            )}
          </ul>
        </details>
      )}
    </form>
  );
}
