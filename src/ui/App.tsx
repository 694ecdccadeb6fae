import { useCallback, useEffect, useRef, useState } from 'react';
import { useSim, useSimStore } from '../store/react';
import type { GraphView } from '../view/graphView';
import { ChoosePanel } from './adversary/ChoosePanel';
import { Controls } from './Controls';
import { Counts } from './Counts';
import { Editor } from './Editor';
import { ErrorBoundary } from './ErrorBoundary';
import { EventLog } from './EventLog';
import { GraphPanel } from './GraphPanel';
import { Inspector } from './Inspector';
import { FoldToggle } from './layout/FoldToggle';
import { useFolds } from './layout/useFolds';
import { Legend } from './Legend';
import { LookButtons } from './presentation/LookButtons';
import { StepCaption } from './presentation/StepCaption';
import { ViewButtons } from './Screens';
import { ShareTools } from './links/ShareTools';
import { useKeyboard } from './keyboard';
import { ShortcutsHelp } from './ShortcutsHelp';
import { StatusBar } from './StatusBar';
import { PseudocodePanel } from './teaching/PseudocodePanel';
import { SpaceTimePanel } from './teaching/SpaceTimePanel';

/**
 * The app shell: one grid whose areas (header, editor, graph, caption bar, controls, folded
 * panels, side column) are placed by layout.css for the projector, presentation mode and phones.
 * The graph gets the room; the editor, space-time diagram, pseudo-code and event log fold (see
 * layout/folds.ts). Each panel is wrapped in its own error boundary.
 */
export function App() {
  const store = useSimStore();
  const view = useRef<GraphView | null>(null);
  const [help, setHelp] = useState(false);
  const toggleHelp = useCallback(() => setHelp((h) => !h), []);
  const closeHelp = useCallback(() => setHelp(false), []);
  useKeyboard(store, toggleHelp, closeHelp);
  const { folds, toggle, reveal } = useFolds();
  // Problems with the scenario and notices about it are said in the editor: it opens to say them.
  // A live control's notice is said on the graph instead (GraphPanel), which must not move under the
  // pointer that just clicked it.
  const errors = useSim((s) => s.errors);
  const notice = useSim((s) => s.notice);
  const liveNotice = useSim((s) => s.liveNotice);
  useEffect(() => {
    if (errors.length > 0 || (notice && notice !== liveNotice)) reveal('editor');
  }, [errors, notice, liveNotice, reveal]);
  const open = Object.entries(folds)
    .filter(([, v]) => v)
    .map(([k]) => k)
    .join(' ');
  return (
    <div className="app" data-open={open}>
      <header className="area-top">
        <h1>Leader Election Lab</h1>
        <ErrorBoundary name="Status">
          <StatusBar />
        </ErrorBoundary>
        <ErrorBoundary name="Links and files">
          <ShareTools view={view} />
        </ErrorBoundary>
        <LookButtons />
        <button
          type="button"
          className="help-button"
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
          onClick={toggleHelp}
        >
          ?
        </button>
      </header>
      <aside className="area-editor" data-folded={folds.editor ? undefined : ''}>
        <FoldToggle
          panel="editor"
          name="Scenario editor"
          open={folds.editor}
          onToggle={toggle}
          className="editor-toggle"
        />
        {/* Folded, the editor stays mounted (hidden): a draft being typed survives folding. */}
        <div id="panel-editor" className="editor-body" hidden={!folds.editor}>
          <ErrorBoundary name="Scenario editor">
            <Editor />
          </ErrorBoundary>
        </div>
      </aside>
      <main className="area-graph">
        <ErrorBoundary name="Graph">
          <GraphPanel viewRef={view} onFit={() => view.current?.fit()} />
        </ErrorBoundary>
      </main>
      {/* Folded panels are not mounted: no canvas drawing for what nobody sees. */}
      <div id="panel-spacetime" className="area-spacetime" hidden={!folds.spacetime}>
        {folds.spacetime && (
          <ErrorBoundary name="Space-time diagram">
            <SpaceTimePanel />
          </ErrorBoundary>
        )}
      </div>
      <div className="area-bar">
        <ErrorBoundary name="Step caption">
          <StepCaption />
        </ErrorBoundary>
        <div className="fold-toggles" role="group" aria-label="Panels">
          <FoldToggle panel="spacetime" name="Space-time" open={folds.spacetime} onToggle={toggle} />
          <FoldToggle panel="code" name="Pseudo-code" open={folds.code} onToggle={toggle} />
          <FoldToggle panel="log" name="Event log" open={folds.log} onToggle={toggle} />
        </div>
      </div>
      <div className="area-controls">
        <ErrorBoundary name="Controls">
          <Controls />
        </ErrorBoundary>
      </div>
      <div className="area-dock" hidden={!folds.log && !folds.code}>
        <div id="panel-log" className="fold-log" hidden={!folds.log}>
          {folds.log && (
            <ErrorBoundary name="Event log">
              <EventLog />
            </ErrorBoundary>
          )}
        </div>
        <div id="panel-code" className="fold-code" hidden={!folds.code}>
          {folds.code && (
            <ErrorBoundary name="Pseudo-code">
              <PseudocodePanel />
            </ErrorBoundary>
          )}
        </div>
      </div>
      <aside className="area-side">
        <ViewButtons />
        <ErrorBoundary name="You choose">
          <ChoosePanel />
        </ErrorBoundary>
        <ErrorBoundary name="Legend">
          <section aria-label="Legend" className="legend-section">
            <h2>Roles</h2>
            <Legend />
          </section>
        </ErrorBoundary>
        <ErrorBoundary name="Counts">
          <Counts />
        </ErrorBoundary>
        <ErrorBoundary name="Inspector">
          <Inspector />
        </ErrorBoundary>
      </aside>
      {help && <ShortcutsHelp onClose={closeHelp} />}
    </div>
  );
}
