import { useState } from 'react';
import type { NodeId } from '../../engine/types';
import { linkDownAt, liveTime } from '../../scenario/live';
import {
  crashNodeNow,
  cutLinkNow,
  dropMessageNow,
  dropRefusal,
  healLinkNow,
  recoverNodeNow,
} from '../../store/live';
import { useSimStore } from '../../store/react';
import type { RunHandle } from '../../store/simStore';
import './live.css';

const unitOf = (run: RunHandle) => (run.sim.timing.mode === 'sync' ? 'round' : 'time');

/**
 * Crash now / recover now for one node: the fault joins the scenario at the next time unit (the link
 * replays it) and the run goes on from the cursor. `then` runs after (the menu closes).
 */
export function NodeLiveControls({ id, run, then }: { id: NodeId; run: RunHandle; then?: () => void }) {
  const store = useSimStore();
  const r = run.replay;
  const pos = r.positionOf(id);
  if (pos < 0) return null;
  const at = liveTime(r.trace, r.step);
  const down = r.crashed[pos] === 1;
  // A fault already in the scenario that has not happened yet at the cursor: say when it comes.
  const f = store.getState().scenario.faults;
  const coming = (down ? f.recover : f.crashes)?.find((c) => c.id === id && c.at >= at);
  const act = () => {
    if (down) recoverNodeNow(store, id);
    else crashNodeNow(store, id);
    then?.();
  };
  return (
    <div className="live-controls">
      <button
        type="button"
        className={down ? 'live-recover' : 'live-crash'}
        onClick={act}
        title={`Adds ${down ? 'a recovery' : 'a crash'} of ${id} at ${unitOf(run)} ${at} to the scenario; the run goes on from here`}
      >
        {down ? 'Recover now' : 'Crash now'}
      </button>
      <span className="muted">
        at {unitOf(run)} {at}
        {coming ? ` · ${down ? 'recovers' : 'crashes'} at ${unitOf(run)} ${coming.at}` : ''}
      </span>
    </div>
  );
}

/** Cut this link now (for a number of time units, or until healed) / heal it now. */
export function LinkLiveControls({
  a,
  b,
  run,
  then,
}: {
  a: NodeId;
  b: NodeId;
  run: RunHandle;
  then?: () => void;
}) {
  const store = useSimStore();
  const [lasts, setLasts] = useState('');
  const r = run.replay;
  const at = liveTime(r.trace, r.step);
  const s = store.getState().scenario;
  const healable = (s.faults.down ?? []).some(
    (d) => ((d.a === a && d.b === b) || (d.a === b && d.b === a)) && (d.to === null || d.to > at),
  );
  const lastsValue = lasts.trim() === '' ? null : Number(lasts);
  const bad = lastsValue !== null && !(Number.isInteger(lastsValue) && lastsValue >= 1);
  return (
    <div className="live-controls">
      <label className="live-lasts">
        Down for ({unitOf(run) === 'round' ? 'rounds' : 'time units'}; empty: until healed){' '}
        <input
          type="text"
          inputMode="numeric"
          value={lasts}
          size={5}
          aria-invalid={bad}
          onChange={(e) => setLasts(e.target.value)}
        />
      </label>
      {bad && <p className="live-error">the time the link is down must be a whole number of at least 1</p>}
      <div className="live-row">
        <button
          type="button"
          className="live-crash"
          disabled={bad}
          onClick={() => {
            cutLinkNow(store, a, b, lastsValue);
            then?.();
          }}
          title={`Adds link ${a}–${b} down from ${unitOf(run)} ${at} to the scenario; the run goes on from here`}
        >
          Cut now
        </button>
        {healable && (
          <button
            type="button"
            className="live-recover"
            onClick={() => {
              healLinkNow(store, a, b);
              then?.();
            }}
          >
            Heal now
          </button>
        )}
        <span className="muted">
          at {unitOf(run)} {at}
          {linkDownAt(s, a, b, r.time) ? ' · down now' : ''}
        </span>
      </div>
    </div>
  );
}

/**
 * Drop this message (C25): the message in flight joins the scenario's drops by its name, and the run
 * goes on from the cursor without it. Where it cannot be dropped, the reason instead of the button.
 */
export function MessageLiveControls({ seq, run, then }: { seq: number; run: RunHandle; then?: () => void }) {
  const store = useSimStore();
  const refusal = dropRefusal(store, seq);
  const m = run.replay.message(seq);
  if (!m) return null;
  return (
    <div className="live-controls">
      {refusal === null ? (
        <div className="live-row">
          <button
            type="button"
            className="live-crash"
            onClick={() => {
              dropMessageNow(store, seq);
              then?.();
            }}
            title={`Adds this message from ${m.from} to ${m.to} to the scenario's drops; the run goes on from here without it`}
          >
            Drop this message
          </button>
        </div>
      ) : (
        <p className="muted">{refusal}</p>
      )}
    </div>
  );
}
