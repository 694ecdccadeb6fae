import {
  createContext,
  lazy,
  Suspense,
  useCallback,
  useContext,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { useSimStore } from '../store/react';
import { CompareView } from './compare/CompareView';
import { ErrorBoundary } from './ErrorBoundary';
import { ThemeButton } from './presentation/LookButtons';
import './screens.css';
import './teaching/layout.css';

// The experiments (uPlot, the worker's client) load when first opened: the simulator starts lighter.
const ExperimentsPanel = lazy(() =>
  import('./experiments/ExperimentsPanel').then((m) => ({ default: m.ExperimentsPanel })),
);

// The explorer of every schedule, likewise loaded when first opened.
const ExploreScreen = lazy(() =>
  import('./explore/ExploreScreen').then((m) => ({ default: m.ExploreScreen })),
);

export type Screen = 'simulator' | 'compare' | 'experiments' | 'explore';

interface ScreenApi {
  screen: Screen;
  open(screen: Screen): void;
}

const ScreenContext = createContext<ScreenApi>({ screen: 'simulator', open: () => {} });

/**
 * The app's screens: the simulator (the shell), sync vs async side by side, and the experiments.
 * Only the simulator takes the simulator's shortcuts and its status line; the comparison is made
 * afresh from the current scenario each time; the experiments keep their results while hidden.
 */
export function Screens({ simulator }: { simulator: ReactNode }) {
  const [screen, setScreen] = useState<Screen>('simulator');
  const [experimentsOpened, setExperimentsOpened] = useState(false);
  const [exploreOpened, setExploreOpened] = useState(false);
  const store = useSimStore();
  const open = useCallback((next: Screen) => {
    if (next === 'experiments') setExperimentsOpened(true);
    if (next === 'explore') setExploreOpened(true);
    setScreen(next);
  }, []);
  const back = useCallback(() => setScreen('simulator'), []);
  const api = useMemo(() => ({ screen, open }), [screen, open]);
  return (
    <ScreenContext.Provider value={api}>
      {screen === 'simulator' && simulator}
      {screen === 'compare' && (
        <ErrorBoundary name="Sync vs async">
          <CompareView scenario={store.getState().scenario} onExit={back} />
        </ErrorBoundary>
      )}
      {experimentsOpened && (
        <div className="screen-experiments" hidden={screen !== 'experiments'}>
          <header className="screen-top">
            <h1>
              Leader Election Lab <span className="muted">· Experiments</span>
            </h1>
            <ThemeButton />
            <button type="button" className="screen-back" onClick={back}>
              Back to the simulator
            </button>
          </header>
          <div className="screen-body">
            <ErrorBoundary name="Experiments">
              <Suspense fallback={<p className="screen-loading">Loading the experiments…</p>}>
                <ExperimentsPanel />
              </Suspense>
            </ErrorBoundary>
          </div>
        </div>
      )}
      {exploreOpened && (
        <Suspense fallback={<p className="screen-loading">Loading the explorer…</p>}>
          <ExploreScreen hidden={screen !== 'explore'} onBack={back} />
        </Suspense>
      )}
    </ScreenContext.Provider>
  );
}

/** The simulator's way to the other screens. */
export function ViewButtons() {
  const { open } = useContext(ScreenContext);
  return (
    <nav className="view-buttons" aria-label="Views">
      <button
        type="button"
        onClick={() => open('compare')}
        title="Run this scenario in both timing models side by side"
      >
        Compare sync and async
      </button>
      <button
        type="button"
        onClick={() => open('experiments')}
        title="Many runs against n, plotted beside the textbook counts"
      >
        Experiments
      </button>
      <button
        type="button"
        onClick={() => open('explore')}
        title="Every delivery order of this scenario: exact counts, the best and worst schedule, any violation"
      >
        All schedules
      </button>
    </nav>
  );
}
