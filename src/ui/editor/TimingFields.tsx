import type { FieldError } from '../../scenario/types';
import type { Draft } from '../../store/draft';
import { Field, invalid } from './Field';
import { SchedulerOptions } from '../adversary/SchedulerOptions';

export const TIMING_KEYS = ['mode', 'maxDelay', 'seed', 'sched', 'scheduler'] as const;

/**
 * Sync rounds or async delays (with the largest delay), and the seed. In async mode, a delivery
 * schedule may replace the delays: `stopped` is why the run on screen stopped at one of its steps,
 * and `fromRun` the delivery order of the run on screen up to the cursor (to edit it).
 */
export function TimingFields({
  draft,
  errors,
  set,
  stopped,
  fromRun,
}: {
  draft: Draft;
  errors: readonly FieldError[];
  set: (patch: Partial<Draft>) => void;
  stopped: string | null;
  fromRun: () => string;
}) {
  return (
    <>
      <div className={`timing-row ${draft.mode}`}>
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
      {draft.mode === 'async' && (
        <Field
          label="Delivery schedule (from-to, …)"
          keys={['sched']}
          errors={errors}
          hint="5-1,4-5: at time 1 deliver the oldest message from 5 to 1, at time 2 from 4 to 5; then the rest, oldest first. Empty: delays from the seed."
        >
          {(id, d) => (
            <>
              <textarea
                id={id}
                rows={2}
                spellCheck={false}
                placeholder="e.g. 5-1,4-5,3-4"
                value={draft.sched}
                onChange={(e) => set({ sched: e.target.value })}
                {...invalid(d)}
              />
              <button
                type="button"
                className="schedule-from-run"
                onClick={() => set({ sched: fromRun() })}
                title="Write the deliveries of the run on screen, up to the current step, into this field"
              >
                Use this run’s deliveries so far
              </button>
              {stopped && !d && (
                <p className="field-error" data-testid="schedule-stopped">
                  The run stopped: {stopped}
                </p>
              )}
            </>
          )}
        </Field>
      )}
      {draft.mode === 'async' && (
        <Field
          label="Scheduler"
          keys={['scheduler']}
          errors={errors}
          hint="A rule that chooses every delivery after the schedule among the heads of the channels. None: the seed's delays (after a schedule, the rest oldest first)."
        >
          {(id, d) => (
            <select
              id={id}
              value={draft.scheduler}
              onChange={(e) => set({ scheduler: e.target.value })}
              {...invalid(d)}
            >
              <option value="">none (the seed’s delays)</option>
              <SchedulerOptions />
            </select>
          )}
        </Field>
      )}
    </>
  );
}
