import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { Scenario } from '../../scenario/types';
import { versusChoices, versusScenario } from '../../scenario/versus';
import type { LinkBy } from '../../store/linked';
import type { SimStore } from '../../store/simStore';
import { fmtSpeed } from '../format';
import { PlaybackButtons } from '../PlaybackButtons';
import { SLIDER_MAX, sliderToSpeed, speedToSlider } from '../speedScale';
import { FoldToggle } from '../layout/FoldToggle';
import { useFolds } from '../layout/useFolds';
import { ComparePane } from './ComparePane';
import { MessageGap } from './MessageGap';
import { timingPair, versusPair, type Pair } from './pairs';
import { VersusPicker } from './VersusPicker';
import './compare.css';

const LINK_TEXT: Record<LinkBy, string> = {
  time: 'Linked by simulated time: both show time t. A synchronous round is 1 time unit; an asynchronous message takes 1 to maxDelay units. Step goes to the next moment either run does something.',
  step: 'Linked by step number: both show their k-th event, whatever its time; the shorter run waits at its end.',
};

/**
 * Two runs side by side, driven by one set of controls: the same scenario in both timing models
 * (left Lynch's synchronous rounds, right asynchronous delays from the scenario's seed), or — with
 * `versus` (the link's `vs` key) — the scenario's algorithm and a second one on the same graph.
 */
export function CompareView({
  scenario,
  versus,
  onVersus,
  onExit,
}: {
  scenario: Scenario;
  versus: string | null;
  onVersus: (vs: string | null) => void;
  onExit: () => void;
}) {
  const choices = useMemo(() => versusChoices(scenario), [scenario]);
  const chosen = useMemo(
    () => (versus === null ? null : versusScenario(scenario, versus)),
    [scenario, versus],
  );
  // Made in an effect, so the background computations stop when the view closes (and a Strict Mode
  // remount makes a fresh pair instead of reusing a disposed one).
  const [pair, setPair] = useState<Pair | null>(null);
  useEffect(() => {
    const p = chosen?.ok ? versusPair(scenario, chosen.value) : timingPair(scenario);
    setPair(p);
    return () => {
      p.link.getState().pause();
      p.left.store.getState().dispose();
      p.right.store.getState().dispose();
    };
  }, [scenario, chosen]);
  if (!pair) return null;
  const picker = (
    <VersusPicker
      first={shortNameOf(pair.left.store)}
      offered={choices.offered}
      refused={choices.refused}
      value={chosen?.ok ? versus : null}
      onChange={onVersus}
    />
  );
  const refusal = chosen && !chosen.ok ? chosen.errors[0]!.message : null;
  return <CompareRuns pair={pair} scenario={scenario} onExit={onExit} picker={picker} refusal={refusal} />;
}

const shortNameOf = (store: SimStore) => store.getState().run.spec.algorithm.shortName;

function CompareRuns({
  pair,
  scenario,
  onExit,
  picker,
  refusal,
}: {
  pair: Pair;
  scenario: Scenario;
  onExit: () => void;
  picker: React.ReactNode;
  refusal: string | null;
}) {
  const link = pair.link;
  const { folds, toggle } = useFolds();
  const playing = useStore(link, (s) => s.playing);
  const linkBy = useStore(link, (s) => s.linkBy);
  const speed = useStore(link, (s) => s.speed);
  const time = useStore(link, (s) => s.time);
  useStore(link, (s) => s.version);
  // Re-render the buttons' enabled state as the runs are computed and moved.
  useStore(pair.left.store, (s) => s.version);
  useStore(pair.right.store, (s) => s.version);
  const act = link.getState();
  const atStart = act.atStart();
  const atEnd = act.atEnd();

  // One animation loop drives both panes while playing.
  useEffect(() => {
    if (!playing) return;
    let raf = 0;
    let last = 0;
    const loop = (now: number) => {
      const dt = last ? Math.min(0.1, (now - last) / 1000) : 0;
      last = now;
      link.getState().tick(dt);
      if (link.getState().playing) raf = requestAnimationFrame(loop);
    };
    raf = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(raf);
  }, [playing, link]);

  // The same shortcuts as the simulator; Escape leaves. Captured first, so nothing else acts on them.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const t = e.target;
      if (t instanceof HTMLInputElement && t.type !== 'range' && t.type !== 'button') return;
      if (t instanceof HTMLInputElement && t.type === 'range' && e.key !== ' ' && e.key !== 'Escape') return;
      if (t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return;
      const s = link.getState();
      const actions: Record<string, () => void> = {
        ' ': s.toggle,
        ArrowRight: s.stepForward,
        ArrowLeft: s.stepBack,
        Home: s.reset,
        Escape: onExit,
      };
      const run = actions[e.key];
      if (!run) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      run();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [link, onExit]);

  const sim = pair.left.store.getState().run.sim;
  const endOf = (p: SimStore) => {
    const t = p.getState().run.sim.trace;
    return t.length ? t[t.length - 1]!.time : 0;
  };
  const span = Math.max(endOf(pair.left.store), endOf(pair.right.store));
  const versus = pair.kind === 'versus';
  const timing = scenario.timing.mode === 'sync' ? 'synchronous rounds' : `async, seed ${scenario.seed}`;
  const unit = linkBy === 'time' ? 'time units/s' : 'steps/s';
  return (
    <div className="compare" data-testid="compare">
      <header className="cmp-top">
        <h1>
          {versus ? `${shortNameOf(pair.left.store)} vs ${shortNameOf(pair.right.store)}` : 'Sync vs async'}{' '}
          <span className="muted">
            {versus
              ? ` · ${sim.n} nodes · ${timing}`
              : ` · ${sim.algorithm.name} · ${sim.n} nodes · seed ${scenario.seed}`}
          </span>
        </h1>
        <button type="button" className="cmp-exit" onClick={onExit} title="Back to the simulator (Esc)">
          Back to the simulator
        </button>
      </header>
      <div className="cmp-controls">
        <div className="controls-row" role="toolbar" aria-label="Playback of both runs">
          <PlaybackButtons
            act={act}
            playing={playing}
            atStart={atStart}
            atEnd={atEnd}
            resetTitle="Both back to the start (Home)"
          />
          <label className="speed" title="Playback speed, logarithmic">
            <span>Speed</span>
            <input
              type="range"
              aria-label="Speed"
              min={0}
              max={SLIDER_MAX}
              step={1}
              value={speedToSlider(speed)}
              onChange={(e) => act.setSpeed(sliderToSpeed(Number(e.target.value)))}
            />
            <span className="speed-value">
              {fmtSpeed(speed)} {unit}
            </span>
          </label>
          <FoldToggle
            panel="spacetime"
            name="Space-time"
            open={folds.spacetime}
            onToggle={toggle}
            controls={[pair.left, pair.right].map((side) => `${side.testId}-spacetime`).join(' ')}
          />
          <span className="cmp-now" data-testid="linked-position">
            {linkBy === 'time'
              ? `time ${time < 0 ? 0 : Number.isInteger(time) ? time : time.toFixed(1)}`
              : `step ${link.getState().step}`}
          </span>
        </div>
        <fieldset className="cmp-link">
          <legend>Link the runs by</legend>
          <label>
            <input
              type="radio"
              name="link-by"
              checked={linkBy === 'time'}
              onChange={() => act.setLinkBy('time')}
            />{' '}
            simulated time
          </label>
          <label>
            <input
              type="radio"
              name="link-by"
              checked={linkBy === 'step'}
              onChange={() => act.setLinkBy('step')}
            />{' '}
            step number
          </label>
        </fieldset>
        {picker}
        <p className="cmp-explain" data-testid="link-explanation">
          {LINK_TEXT[linkBy]}
        </p>
        {refusal && (
          <p className="cmp-refusal" role="alert">
            {refusal}: showing sync vs async instead.
          </p>
        )}
        {versus && <MessageGap first={pair.left.store} second={pair.right.store} />}
      </div>
      <div className="cmp-panes">
        {[pair.left, pair.right].map((side) => (
          <ComparePane
            key={side.testId}
            store={side.store}
            title={side.title}
            detail={side.detail}
            testId={side.testId}
            span={span}
            spaceTime={folds.spacetime}
          />
        ))}
      </div>
    </div>
  );
}
