import type { ExperimentState } from './useExperiment';

/** What the bar reads: an n-sweep's state or a systems experiment's (only the count of rows matters). */
type Progress = Pick<ExperimentState, 'status' | 'total' | 'workers'> & { rows: readonly unknown[] };

function statusText(s: Progress): string {
  const done = s.rows.length;
  const runs = (k: number) => `${k} run${k === 1 ? '' : 's'}`;
  switch (s.status) {
    case 'idle':
      return 'No experiment yet: choose the settings and press Run experiment.';
    case 'running':
      return s.total
        ? `Running on ${s.workers} worker${s.workers === 1 ? '' : 's'}: ${done} of ${runs(s.total)} done`
        : 'Planning the runs…';
    case 'done':
      return `Done: ${runs(done)}.`;
    case 'cancelled':
      return `Cancelled after ${runs(done)}${s.total ? ` of ${s.total}` : ''}.`;
    case 'error':
      return `Stopped after ${runs(done)}: the experiment failed.`;
  }
}

/** The progress bar (role=progressbar, aria-valuenow = runs done) and a one-line status. */
export function ExperimentProgress({ state }: { state: Progress }) {
  const done = state.rows.length;
  const total = Math.max(state.total, done);
  const percent = total ? Math.round((100 * done) / total) : 0;
  return (
    <div className="exp-progress">
      <div
        role="progressbar"
        aria-label="Experiment progress"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={total ? `${done} of ${total} runs` : 'not started'}
        className="exp-bar"
      >
        <div className="exp-bar-fill" style={{ width: `${percent}%` }} />
      </div>
      <p role="status" aria-live="polite">
        {statusText(state)}
      </p>
    </div>
  );
}
