/**
 * The parts both experiment forms share (the n-sweep's ExperimentForm and the systems experiments'
 * SystemForm): the timing model with its max delay, and Run / Cancel with the form's problem line.
 */

/** Synchronous or asynchronous, and the asynchronous max delay (disabled in sync mode). */
export function TimingFields({
  id,
  mode,
  maxDelay,
  syncLabel,
  onMode,
  onMaxDelay,
}: {
  /** The form's id: the radio group's name. */
  id: string;
  mode: 'sync' | 'async';
  maxDelay: number;
  syncLabel: string;
  onMode(mode: 'sync' | 'async'): void;
  onMaxDelay(maxDelay: number): void;
}) {
  return (
    <>
      <div className="exp-modes">
        {(['sync', 'async'] as const).map((m) => (
          <label key={m}>
            <input type="radio" name={`${id}-mode`} checked={mode === m} onChange={() => onMode(m)} />
            {m === 'sync' ? syncLabel : 'Asynchronous'}
          </label>
        ))}
      </div>
      <label>
        Max delay
        <input
          type="number"
          min={1}
          max={1000}
          value={maxDelay}
          disabled={mode !== 'async'}
          onChange={(e) => onMaxDelay(Math.trunc(Number(e.target.value)))}
        />
      </label>
    </>
  );
}

/** Run (a submit button) and Cancel (while running), then the problem that stops a run, if any. */
export function FormActions({
  id,
  running,
  problem,
  onCancel,
}: {
  id: string;
  running: boolean;
  problem: string | null;
  onCancel(): void;
}) {
  return (
    <>
      <div className="exp-actions">
        <button
          type="submit"
          title={running ? 'Stop the experiment running now and start one with these settings' : undefined}
        >
          Run experiment
        </button>
        <button type="button" onClick={onCancel} disabled={!running}>
          Cancel
        </button>
      </div>
      {problem && (
        <p id={`${id}-problem`} role="alert" className="exp-problem">
          {problem}
        </p>
      )}
    </>
  );
}
