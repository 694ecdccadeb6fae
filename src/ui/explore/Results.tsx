import type { ExploreSummary } from '../../explorer';
import { fmt } from '../format';
import { Histogram } from './Histogram';
import { exact, headline, leaderList, magnitude, VIOLATION_TITLES } from './words';

interface Props {
  summary: ExploreSummary;
  /** Wall time the worker took, as the page saw it. */
  seconds: number | null;
  /** Opens a link (a witness) in the simulator. */
  onOpen(url: string): void;
}

/** Every figure of one exploration: the sentence, the counts, the witnesses and the violations. */
export function Results({ summary: s, seconds, onOpen }: Props) {
  const big = magnitude(s.schedules);
  const m = s.messages;
  const kinds = m ? [...new Set([...Object.keys(m.minByKind), ...Object.keys(m.maxByKind)])] : [];
  return (
    <div className="explore-results">
      <p className="explore-headline" data-testid="explore-headline">
        {headline(s)}
      </p>
      <dl className="explore-figures">
        <dt>Schedules</dt>
        <dd data-testid="explore-schedules">
          {s.schedules === 'infinite' ? 'infinitely many' : exact(s.schedules)}
          {big && <span className="muted"> (≈ {big})</span>}
        </dd>
        <dt>States</dt>
        <dd>
          <span data-testid="explore-states">{fmt(s.states)}</span> states, {fmt(s.transitions)} transitions
          {seconds !== null && seconds > 0 && (
            <span className="muted" data-testid="explore-speed" data-seconds={seconds.toFixed(3)}>
              {' '}
              in {seconds.toFixed(1)} s ({fmt(Math.round(s.states / seconds))} states/s)
            </span>
          )}
        </dd>
        <dt>Leaders</dt>
        <dd>{s.leaders.length > 0 ? leaderList(s.leaders) : '—'}</dd>
      </dl>
      {m && (
        <table className="explore-messages">
          <caption>Messages sent</caption>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Fewest</th>
              <th scope="col">Most</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">all</th>
              <td>{m.min}</td>
              <td>{m.max}</td>
            </tr>
            {kinds.map((k) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td>{m.minByKind[k] ?? 0}</td>
                <td>{m.maxByKind[k] ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {s.histogram && <Histogram bars={s.histogram} />}
      {s.best && s.worst && (
        <div className="explore-open">
          <button type="button" onClick={() => onOpen(s.best!.url)}>
            Open the fewest-message schedule ({s.best.messages})
          </button>
          <button type="button" onClick={() => onOpen(s.worst!.url)}>
            Open the most-message schedule ({s.worst.messages})
          </button>
        </div>
      )}
      <section className="explore-violations" aria-label="Violations">
        <h3>Violations</h3>
        {s.violations.length === 0 ? (
          <p>{s.complete ? 'None in any schedule.' : 'None in the part explored.'}</p>
        ) : (
          <ul>
            {s.violations.map((v) => (
              <li key={v.kind}>
                <strong>{VIOLATION_TITLES[v.kind]}</strong>: {v.message}. Shortest witness: {v.deliveries}{' '}
                deliveries.{' '}
                <button type="button" onClick={() => onOpen(v.url)}>
                  Open at step {v.step}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
