import { dropName } from '../../scenario/network';
import { undropMessage } from '../../store/live';
import { useSim, useSimStore } from '../../store/react';
import './live.css';

/**
 * The scenario's dropped messages (C25), each with a button that takes the drop back: the lecturer's
 * undo for "Drop this message". Nothing is shown while the scenario drops nothing.
 */
export function DropList() {
  const store = useSimStore();
  const drops = useSim((s) => s.scenario.faults.drop) ?? [];
  if (drops.length === 0) return null;
  return (
    <section className="drop-list" aria-label="Dropped messages">
      <h3>Dropped messages</h3>
      <ul>
        {drops.map((d) => (
          <li key={dropName(d)}>
            <span>
              {d.from} → {d.to}, message {d.k} <code className="muted">{dropName(d)}</code>
            </span>
            <button
              type="button"
              aria-label={`Remove drop ${dropName(d)}`}
              title="Takes the drop back: the message arrives, and the run goes on from before it was lost"
              onClick={() => undropMessage(store, d)}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
