import { useEffect, useRef } from 'react';
import { findAlgorithm } from '../algorithms/registry';
import { toggleOf } from '../scenario/options';
import { useSimStore, useSim } from '../store/react';
import { followTheme } from '../view/graphTheme';
import { mountGraphView, type GraphView } from '../view/graphView';
import { followZoom } from '../view/labelScale';
import { GraphFocus } from './GraphFocus';
import { LiveMenu } from './live/LiveMenu';
import { exposeView } from './testHook';

/** The graph: Cytoscape and the message overlay, mounted once and driven by the store, not React. */
export function GraphPanel({
  viewRef,
  onFit,
}: {
  viewRef?: { current: GraphView | null };
  onFit?: () => void;
}) {
  const store = useSimStore();
  const box = useRef<HTMLDivElement>(null);
  const own = useRef<GraphView | null>(null);
  const alg = useSim((s) => s.scenario.algorithm);
  const algName = useSim((s) => s.run.sim.algorithm.name);
  const n = useSim((s) => s.run.sim.candidates);
  const services = useSim((s) => s.run.sim.graph.services);
  // A lease's store and storage are not candidates (C19): named beside the count.
  const nodes = `${n} nodes${services?.length ? ` + ${services.join(', ')}` : ''}`;
  const mode = useSim((s) => s.scenario.timing.mode);

  useEffect(() => {
    const view = mountGraphView(box.current!, store);
    own.current = view;
    if (viewRef) viewRef.current = view;
    exposeView(view);
    // Edge and border colours follow the page's light or dark theme (one Cytoscape per run).
    const unfollow = view.onCy((cy) => followTheme(cy));
    // Ids stay readable when the graph is fitted small (after the theme: see labelScale.ts).
    const unzoom = view.onCy((cy) => followZoom(cy));
    return () => {
      unzoom();
      unfollow();
      view.destroy();
      own.current = null;
      if (viewRef) viewRef.current = null;
      exposeView(null);
    };
  }, [store, viewRef]);

  const toggles = toggleOf(findAlgorithm(alg))?.spec.toggle?.noun ?? null;
  // What the last live control did (or why it could not), in the hint's place while it is current.
  const live = useSim((s) => (s.notice !== null && s.notice === s.liveNotice ? s.notice : null));
  return (
    <section className="graph-panel" aria-label="Graph">
      <div className="graph-box" ref={box} data-testid="graph" />
      <GraphFocus view={own} box={box} />
      <LiveMenu box={box} />
      {onFit && (
        <button
          type="button"
          className="fit-button"
          aria-label="Fit graph to panel"
          title="Fit the whole graph in the panel"
          onClick={onFit}
        >
          Fit
        </button>
      )}
      <p
        className="graph-title"
        title={`${algName} · ${nodes} · ${mode === 'sync' ? 'synchronous' : 'asynchronous'}`}
      >
        {algName}{' '}
        <span className="muted">
          · {nodes} · {mode === 'sync' ? 'sync' : 'async'}
        </span>
      </p>
      <p className="live-notice" aria-live="polite" data-testid="live-notice" hidden={live === null}>
        {live}
      </p>
      <p
        className="hint"
        hidden={live !== null}
        title={`Click a node, link or message to inspect it; right-click a node or link to crash, recover, cut or heal it now (the run goes on from this step)${toggles ? `; double-click a node to toggle it ${toggles} from the start (this restarts the run)` : ''}. Scroll to zoom, drag to pan.`}
      >
        Click: inspect · right-click: fault now{toggles ? ` · double-click: ${toggles} (restarts)` : ''} ·
        scroll: zoom
      </p>
    </section>
  );
}
