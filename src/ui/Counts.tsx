import { useSimStore, useSim } from '../store/react';
import { figuresAt } from '../store/figures';
import { countsOf } from '../store/status';
import { kindColour, kindIndex, textOn } from '../view/palette';
import { fmt } from './format';
import { MonitorBanner } from './MonitorBanner';

/**
 * Live counts at the cursor beside the textbook bound ("44 / n(n+1)/2 + n = 44"); the message
 * kinds double as the legend of the message colours on the graph.
 */
export function Counts() {
  const store = useSimStore();
  useSim((s) => s.version);
  const s = store.getState();
  const c = countsOf(s);
  const index = kindIndex(s.run.sim.algorithm.kinds);
  const figures = figuresAt(s);
  return (
    <section className="counts" aria-label="Counts">
      <h2>Counts</h2>
      <MonitorBanner />
      <p className="total">
        <span className="label">Messages sent</span>{' '}
        <b className="big" data-testid="messages-total">
          {c.sent}
        </b>
        {c.expected && (
          <span className="bound" title="expected over the random draws for this n (no run is bounded)">
            {' '}
            / {c.expected.formula} = {c.expected.value.toFixed(1)}
            <span className="bound-kind"> (expected)</span>
          </span>
        )}
        {c.bound && Number.isFinite(c.bound.value) && (
          <span
            className="bound"
            title={c.bound.exact ? 'exact count for this n' : 'textbook bound for this n'}
          >
            {' '}
            / {c.bound.formula} = {fmt(c.bound.value)}
            <span className="bound-kind">{c.bound.exact ? ' (exact)' : ' (bound)'}</span>
          </span>
        )}
      </p>
      <table className="kinds">
        <tbody>
          {c.byKind.map(({ kind, count }) => {
            const colour = kindColour(index(kind));
            return (
              <tr key={kind}>
                <th scope="row">
                  <span className="kind-pill" style={{ background: colour, color: textOn(colour) }}>
                    {kind}
                  </span>
                </th>
                <td data-testid={`kind-${kind}`}>{fmt(count)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>
        <span className="label">{c.timeLabel === 'rounds' ? 'Rounds' : 'Time'}</span>{' '}
        <b data-testid={c.timeLabel}>{c.time}</b>
        {c.delivered !== c.sent && <span className="muted"> · delivered {fmt(c.delivered)}</span>}
      </p>
      {c.lost > 0 && (
        <p title="sent and never delivered: lost in the network or dropped at a crashed receiver">
          <span className="label">Lost</span> <b data-testid="lost">{fmt(c.lost)}</b>
        </p>
      )}
      {c.duplicated > 0 && (
        <p title="second copies the network delivered on the same channel (C26); the senders sent each once">
          <span className="label">Duplicated</span> <b data-testid="duplicated">{fmt(c.duplicated)}</b>
        </p>
      )}
      {figures && figures.length > 0 && (
        <dl className="figures" aria-label="Run figures">
          {figures.map((f) => (
            <div key={f.key} title={f.help || undefined}>
              <dt>{f.label}</dt>
              <dd data-testid={`figure-${f.key}`}>{fmt(f.value)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
