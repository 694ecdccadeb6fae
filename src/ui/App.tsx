import { useCallback, useRef, useState } from 'react';
import { useSimStore } from '../store/react';
import type { GraphView } from '../view/graphView';
import { Controls } from './Controls';
import { Counts } from './Counts';
import { Editor } from './Editor';
import { ErrorBoundary } from './ErrorBoundary';
import { EventLog } from './EventLog';
import { GraphPanel } from './GraphPanel';
import { Inspector } from './Inspector';
import { Legend } from './Legend';
import { LookButtons } from './presentation/LookButtons';
import { ViewButtons } from './Screens';
import { ShareTools } from './links/ShareTools';
import { useKeyboard } from './keyboard';
import { ShortcutsHelp } from './ShortcutsHelp';
import { StatusBar } from './StatusBar';
import { PseudocodePanel } from './teaching/PseudocodePanel';
import { SpaceTimePanel } from './teaching/SpaceTimePanel';

/**
 * The app shell: a grid of panels (header, editor, graph with controls and log, counts and
 * inspector). Later panels slot into a grid area; each is wrapped in its own error boundary.
 */
export function App() {
  const store = useSimStore();
  const view = useRef<GraphView | null>(null);
  const [help, setHelp] = useState(false);
  const toggleHelp = useCallback(() => setHelp((h) => !h), []);
  const closeHelp = useCallback(() => setHelp(false), []);
  useKeyboard(store, toggleHelp, closeHelp);
  return (
    <div className="app">
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
      <aside className="area-editor">
        <ErrorBoundary name="Scenario editor">
          <Editor />
        </ErrorBoundary>
      </aside>
      <main className="area-stage">
        <div className="stage-top">
          <ErrorBoundary name="Graph">
            <GraphPanel viewRef={view} onFit={() => view.current?.fit()} />
          </ErrorBoundary>
          <ErrorBoundary name="Space-time diagram">
            <SpaceTimePanel />
          </ErrorBoundary>
        </div>
        <ErrorBoundary name="Controls">
          <Controls />
        </ErrorBoundary>
        <div className="stage-bottom">
          <ErrorBoundary name="Event log">
            <EventLog />
          </ErrorBoundary>
          <ErrorBoundary name="Pseudo-code">
            <PseudocodePanel />
          </ErrorBoundary>
        </div>
      </main>
      <aside className="area-side">
        <ViewButtons />
        <ErrorBoundary name="Legend">
          <section aria-label="Legend">
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
