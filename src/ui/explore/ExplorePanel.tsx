import { useMemo, useState } from 'react';
import { wholeIn } from '../../algorithms/params';
import { DEFAULT_MAX_STATES, MAX_MAX_STATES } from '../../explorer';
import { buildRun } from '../../scenario/build';
import type { Scenario } from '../../scenario/types';
import { linkBody } from '../../scenario/url';
import { useSim, useSimStore } from '../../store/react';
import { fmt } from '../format';
import { checkLink } from '../links/check';
import { EXPLORE_EXAMPLES } from './examples';
import { Results } from './Results';
import { useExploration } from './useExploration';
import { systemText } from './words';
import './explore.css';

/** A sentence as the panel shows it: capital first, full stop last. */
const sentence = (text: string) =>
  `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;

/** What a scenario is, in words; the problem with it when it cannot even be built. */
function describe(s: Scenario): string {
  const run = buildRun({ ...s, timing: { ...s.timing, mode: 'async' } });
  return run.ok ? systemText(run.value) : run.errors.map((e) => e.message).join('; ');
}

/**
 * The "All schedules" panel: explores the simulator's scenario (or a small example) in a Web
 * Worker, with progress and Cancel, and shows every figure in words. Its witnesses open in the
 * simulator as links do: the address bar gets the link (a history entry), the store loads it.
 */
export function ExplorePanel({ onOpened }: { onOpened(): void }) {
  const store = useSimStore();
  const current = useSim((s) => s.scenario);
  const [example, setExample] = useState<Scenario | null>(null);
  const [budget, setBudget] = useState(String(DEFAULT_MAX_STATES));
  const [openProblem, setOpenProblem] = useState<string | null>(null);
  const { state, run, cancel, refuse } = useExploration();
  const scenario = example ?? current;
  const what = useMemo(() => describe(scenario), [scenario]);
  const busy = state.status === 'running' || state.status === 'cancelling';

  const explore = (s: Scenario) => {
    setOpenProblem(null);
    const b = wholeIn('the state budget', budget.trim(), 1, MAX_MAX_STATES);
    if (!b.ok) refuse(b.message, s);
    else run(s, b.value);
  };

  const openExample = (link: string) => {
    const checked = checkLink(link);
    if (!checked.ok) return setOpenProblem(sentence(checked.problem.errors[0]!.message));
    setExample(checked.scenario);
    explore(checked.scenario);
  };

  const openInSimulator = (url: string) => {
    const checked = checkLink(url);
    if (!checked.ok) return setOpenProblem(sentence(checked.problem.errors.map((e) => e.message).join('; ')));
    history.pushState(null, '', `#${linkBody(url)}`);
    store.getState().load(checked.scenario);
    onOpened();
  };

  return (
    <section className="explore-panel" aria-label="All schedules">
      <div className="explore-controls">
        <p className="explore-what">
          <span className="muted">{example ? 'Example: ' : 'The simulator’s scenario: '}</span>
          <span data-testid="explore-system">{what}</span>
        </p>
        <div className="explore-actions">
          <button type="button" className="explore-go" disabled={busy} onClick={() => explore(scenario)}>
            Explore every schedule
          </button>
          <button type="button" disabled={state.status !== 'running'} onClick={cancel}>
            Cancel
          </button>
          {example && (
            <button type="button" disabled={busy} onClick={() => setExample(null)}>
              Back to the simulator’s scenario
            </button>
          )}
        </div>
        <label className="explore-budget">
          State budget{' '}
          <input
            type="text"
            inputMode="numeric"
            value={budget}
            onChange={(e) => setBudget(e.target.value)}
            aria-describedby="explore-budget-note"
          />
          <small id="explore-budget-note">
            at most {fmt(MAX_MAX_STATES)} distinct states; the search stops at the budget
          </small>
        </label>
      </div>
      <div className="explore-output" aria-live="polite">
        {openProblem && (
          <p className="explore-problem" role="alert">
            {openProblem}
          </p>
        )}
        {state.status === 'idle' && (
          <p className="explore-intro">
            The explorer follows every order in which the messages can be delivered, merges equal states, and
            counts the schedules exactly. Press “Explore every schedule”.
          </p>
        )}
        {busy && (
          <div className="explore-progress" data-testid="explore-progress">
            <progress aria-label="Exploring" />
            <p>
              {state.status === 'cancelling' ? 'Cancelling… ' : 'Exploring… '}
              {state.progress
                ? `${fmt(state.progress.states)} states, ${fmt(state.progress.transitions)} transitions so far`
                : 'starting'}
            </p>
          </div>
        )}
        {state.status === 'refused' && (
          <p className="explore-problem" role="alert" data-testid="explore-refusal">
            {sentence(state.message!)}
          </p>
        )}
        {state.status === 'done' && state.summary && (
          <>
            {state.scenario && state.scenario !== scenario && (
              <p className="muted">For {describe(state.scenario)}:</p>
            )}
            <Results summary={state.summary} seconds={state.seconds} onOpen={openInSimulator} />
          </>
        )}
      </div>
      <fieldset className="explore-examples" disabled={busy}>
        <legend>Small systems to explore</legend>
        {EXPLORE_EXAMPLES.map((x) => (
          <button key={x.id} type="button" onClick={() => openExample(x.link)}>
            <strong>{x.title}</strong>
            <span>{x.question}</span>
          </button>
        ))}
      </fieldset>
    </section>
  );
}
