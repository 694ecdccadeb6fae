import { useStore } from 'zustand';
import { scheduleOf } from '../../scenario/scheduleOf';
import type { SchedulerName } from '../../engine/types';
import {
  adversaryOf,
  cannotChoose,
  channelHeads,
  chooseDelivery,
  switchScheduler,
} from '../../store/adversary';
import { useSim, useSimStore } from '../../store/react';
import { fmt } from '../format';
import './adversary.css';
import { SchedulerOptions } from './SchedulerOptions';

/** Past this many heads the list stops; the graph still rings every one of them. */
const MAX_LISTED = 40;

/**
 * "You choose" (issue 11, item 3): the lecturer is the adversary and picks which message is
 * delivered next. Every channel's head is ringed on the graph and listed here; a click delivers it
 * and the order so far goes into the link (`sched`), so the link replays exactly this run.
 */
export function ChoosePanel() {
  const store = useSimStore();
  const adversary = adversaryOf(store);
  const choosing = useStore(adversary, (a) => a.choosing);
  useSim((s) => s.version);
  const s = store.getState();
  const reason = choosing ? cannotChoose(s) : null;
  const heads = choosing && !reason ? channelHeads(s.run.replay.inFlight.values()) : [];
  const label = (msg: { kind: string }) => s.run.sim.algorithm.label?.(msg) ?? msg.kind;
  const scheduled = s.scenario.timing.schedule?.length ?? 0;
  const later = choosing && !reason ? scheduled - scheduleOf(s.run.replay.trace, s.cursor).length : 0;
  const async = s.scenario.timing.mode === 'async' && !s.run.spec.algorithm.timed;
  const scheduler = s.scenario.timing.scheduler ?? '';
  return (
    <section className="adversary" aria-label="You choose">
      {async && (
        <label
          className="scheduler-pick"
          title="From this step on, a rule chooses each delivery among the heads of the channels; the deliveries so far are kept as the schedule"
        >
          <span>Scheduler from here</span>
          <select
            value={scheduler || (scheduled > 0 ? 'own' : '')}
            onChange={(e) =>
              switchScheduler(store, e.target.value === '' ? null : (e.target.value as SchedulerName))
            }
          >
            <option value="">the seed’s delays (from step 0)</option>
            {scheduled > 0 && !scheduler && (
              <option value="own" disabled>
                your schedule, then oldest first
              </option>
            )}
            <SchedulerOptions />
          </select>
        </label>
      )}
      <button
        type="button"
        className="choose-toggle"
        aria-pressed={choosing}
        title="Pick which message is delivered next: the ringed messages on the graph are the heads of their channels"
        onClick={() => adversary.getState().setChoosing(!choosing)}
      >
        You choose the next delivery
      </button>
      {reason && <p className="choose-reason">{reason}</p>}
      {choosing && !reason && (
        <>
          <p className="choose-help">
            Click a ringed message on the graph or below. The link records the order (<code>sched</code>,{' '}
            {fmt(scheduled)} so far).
          </p>
          {later > 0 && (
            <p className="choose-replace" data-testid="choose-replace">
              Choosing here replaces the {fmt(later)} later scheduled deliveries.
            </p>
          )}
          {heads.length === 0 ? (
            <p className="choose-none">Nothing in flight at this step.</p>
          ) : (
            <ul className="choose-list" aria-label="Messages that may be delivered next">
              {heads.slice(0, MAX_LISTED).map((m) => (
                <li key={m.seq}>
                  <button type="button" onClick={() => chooseDelivery(store, { from: m.from, to: m.to })}>
                    Deliver {label(m.msg)} {m.from}→{m.to}
                  </button>
                </li>
              ))}
              {heads.length > MAX_LISTED && (
                <li className="muted">and {fmt(heads.length - MAX_LISTED)} more (click them on the graph)</li>
              )}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
