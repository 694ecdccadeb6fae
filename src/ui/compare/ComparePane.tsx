import { useEffect, useRef } from 'react';
import { SimStoreContext, useSim, useSimStore } from '../../store/react';
import type { SimStore } from '../../store/simStore';
import { countsOf, statusOf } from '../../store/status';
import { followTheme } from '../../view/graphTheme';
import { mountGraphView } from '../../view/graphView';
import { followZoom } from '../../view/labelScale';
import { fmt } from '../format';
import { SpaceTimePanel } from '../teaching/SpaceTimePanel';

/** One run of the comparison: its graph, its space-time diagram, its status and counts. */
export function ComparePane({
  store,
  title,
  detail,
  testId,
  span,
  spaceTime,
}: {
  store: SimStore;
  title: string;
  detail: string;
  testId: string;
  /** The longer run's duration: both diagrams share one time scale. */
  span: number;
  /**
   * The space-time diagrams open (the reader's Space-time fold, shared with the simulator): folded,
   * the graph takes the pane's height, and a 16-node ring's ids stay readable at 1280×720.
   */
  spaceTime: boolean;
}) {
  return (
    <SimStoreContext.Provider value={store}>
      <section
        className={`cmp-pane${spaceTime ? ' with-spacetime' : ''}`}
        aria-label={title}
        data-testid={testId}
      >
        <header className="cmp-pane-head">
          <h2>{title}</h2>
          <span className="muted">{detail}</span>
        </header>
        <PaneStatus />
        <PaneGraph />
        {spaceTime && (
          <div className="cmp-spacetime" id={`${testId}-spacetime`}>
            <SpaceTimePanel expose={false} minSpan={span} leadership={false} />
          </div>
        )}
      </section>
    </SimStoreContext.Provider>
  );
}

/** The graph of one pane: the same view as the main graph; the linked controls move its store. */
function PaneGraph() {
  const store = useSimStore();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Not driving: playback comes from the linked controls, not from this store's own clock.
    const view = mountGraphView(box.current!, store, { drive: false });
    const unfollow = view.onCy((cy) => followTheme(cy));
    // Ids readable in a pane as on the main graph (after followTheme: see followZoom).
    const unzoom = view.onCy((cy) => followZoom(cy));
    return () => {
      unzoom();
      unfollow();
      view.destroy();
    };
  }, [store]);
  return <div className="cmp-graph" ref={box} />;
}

/** Status, step, time and messages of one pane (not role="status": the page keeps one of those). */
function PaneStatus() {
  const store = useSimStore();
  useSim((s) => s.version);
  useSim((s) => s.clock);
  const s = store.getState();
  const status = statusOf(s);
  const c = countsOf(s);
  return (
    <div className={`cmp-status status-${status.kind}`}>
      <p className="cmp-status-line" data-testid="pane-status">
        {status.text}
      </p>
      <p className="cmp-figures">
        <span>
          step <b data-testid="pane-step">{s.cursor}</b>
          <span className="muted"> / {fmt(s.knownSteps)}</span>
        </span>
        <span>
          {s.scenario.timing.mode === 'sync' ? 'round' : 'time'}{' '}
          <b data-testid="pane-time">{s.run.replay.time}</b>
        </span>
        <span>
          messages <b data-testid="pane-messages">{fmt(c.sent)}</b>
          {c.bound && (
            <span className="muted">
              {' '}
              / {c.bound.formula} = {fmt(c.bound.value)}
            </span>
          )}
        </span>
      </p>
    </div>
  );
}
