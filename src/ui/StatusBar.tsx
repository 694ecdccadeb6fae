import { useSimStore, useSim } from '../store/react';
import { statusOf, violationsAt } from '../store/status';
import { fmt } from './format';

/**
 * The status line (one role="status" element; it reads exactly `Leader: <id>` once a leader is
 * elected at the cursor), the step counter, and any invariant the run has broken so far.
 */
export function StatusBar() {
  const store = useSimStore();
  // Re-render on anything the status depends on; the text itself is derived from the store.
  useSim((s) => s.version);
  useSim((s) => s.playing);
  const cursor = useSim((s) => s.cursor);
  const known = useSim((s) => s.knownSteps);
  const computing = useSim((s) => s.computing);
  const mode = useSim((s) => s.scenario.timing.mode);
  const s = store.getState();
  const status = statusOf(s);
  const broken = violationsAt(s);
  const time = s.run.replay.time;
  return (
    <div className="statusbar">
      <div className={`status status-${status.kind}`}>
        <p role="status" className="status-line">
          {status.text}
        </p>
        <p className="status-detail" title={status.detail}>
          {status.detail}
        </p>
      </div>
      <p className="step-counter">
        Step <b data-testid="step">{cursor}</b>
        <span className="of">
          {' '}
          / {fmt(known)}
          {computing ? '…' : ''}
        </span>
        <span className="sep"> · </span>
        {mode === 'sync' ? 'round' : 'time'} <b data-testid="time">{time}</b>
      </p>
      {computing && (
        // Not a modal: the page stays usable while the run is recorded in background slices.
        <div className="computing" data-testid="computing">
          <div
            className="computing-bar"
            role="progressbar"
            aria-label="Computing the run"
            aria-valuetext={`computing step ${fmt(known)}`}
          />
          <span className="computing-text">computing step {fmt(known)}…</span>
        </div>
      )}
      {broken.length > 0 && (
        <p role="alert" className="violation">
          Invariant broken at step {broken[0]!.step}: {broken[0]!.message}
          {broken.length > 1 ? ` (+${broken.length - 1} more)` : ''}
        </p>
      )}
    </div>
  );
}
