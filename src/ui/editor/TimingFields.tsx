import type { FieldError } from '../../scenario/types';
import type { Draft } from '../../store/draft';
import { Field, invalid } from './Field';

export const TIMING_KEYS = ['mode', 'maxDelay', 'seed'] as const;

/** Sync rounds or async delays (with the largest delay), and the seed. */
export function TimingFields({
  draft,
  errors,
  set,
}: {
  draft: Draft;
  errors: readonly FieldError[];
  set: (patch: Partial<Draft>) => void;
}) {
  return (
    <div className="row">
      <Field label="Timing" keys={['mode']} errors={errors}>
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
        <Field label="Max delay" keys={['maxDelay']} errors={errors}>
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
      <Field label="Seed" keys={['seed']} errors={errors}>
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
  );
}
