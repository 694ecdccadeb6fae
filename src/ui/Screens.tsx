import {
  createContext,
  lazy,
  Suspense,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { useSimStore } from '../store/react';
import { CompareView } from './compare/CompareView';
import { ErrorBoundary } from './ErrorBoundary';
import { ScreenFrame } from './ScreenFrame';
import { hashOf } from './links/urlSync';
import { screenOf, versusOf, withScreen, withVersus, type Screen } from './screenLink';
import './screens.css';

// The experiments (uPlot, the worker's client) load when first opened: the simulator starts lighter.
const ExperimentsPanel = lazy(() =>
  import('./experiments/ExperimentsPanel').then((m) => ({ default: m.ExperimentsPanel })),
);

// The explorer of every schedule, likewise loaded when first opened.
const ExploreScreen = lazy(() =>
  import('./explore/ExploreScreen').then((m) => ({ default: m.ExploreScreen })),
);

export type { Screen };

interface ScreenApi {
  screen: Screen;
  open(screen: Screen): void;
  /** Shows the screen a link just opened names (a side-by-side preset: `screen=compare&vs=hs`). */
  follow(link: string): void;
}

const ScreenContext = createContext<ScreenApi>({
  screen: 'simulator',
  open: () => {},
  follow: () => {},
});

/** The screens' controls, for what opens a link in the simulator (the presets gallery). */
export const useScreens = (): ScreenApi => useContext(ScreenContext);

/**
 * The app's screens: the simulator (the shell), sync vs async side by side, and the experiments.
 * Only the simulator takes the simulator's shortcuts and its status line; the comparison is made
 * afresh from the current scenario each time; the experiments keep their results while hidden.
 * The screen is in the URL (`screen=experiments|compare|explore`, screenLink.ts), and so is the compare
 * screen's second algorithm (`vs=hs`): a link opens on it, and the browser's Back and Forward move
 * between screens.
 */
export function Screens({ simulator }: { simulator: ReactNode }) {
  const store = useSimStore();
  const [screen, setScreen] = useState<Screen>(() => screenOf(location.hash));
  // The compare screen's second algorithm (`vs`): null compares the two timing models.
  const [versus, setVersus] = useState<string | null>(() => versusOf(location.hash));
  const [experimentsOpened, setExperimentsOpened] = useState(screen === 'experiments');
  const [exploreOpened, setExploreOpened] = useState(screen === 'explore');
  const show = useCallback((next: Screen, vs: string | null) => {
    if (next === 'experiments') setExperimentsOpened(true);
    if (next === 'explore') setExploreOpened(true);
    setScreen(next);
    setVersus(vs);
  }, []);
  // A new history entry per screen, naming the run on screen (the simulator's hash may lag behind it).
  const open = useCallback(
    (next: Screen) => {
      const hash = withScreen(hashOf(store.getState()), next);
      if (hash !== location.hash) history.pushState(null, '', hash);
      show(next, null);
    },
    [store, show],
  );
  const back = useCallback(() => open('simulator'), [open]);
  // Another choice of second algorithm is the same screen: it replaces the link, it is no new entry.
  const chooseVersus = useCallback((vs: string | null) => {
    history.replaceState(history.state, '', withVersus(location.hash, vs));
    setVersus(vs);
  }, []);
  useEffect(() => {
    const onNavigate = () => show(screenOf(location.hash), versusOf(location.hash));
    window.addEventListener('popstate', onNavigate);
    window.addEventListener('hashchange', onNavigate);
    return () => {
      window.removeEventListener('popstate', onNavigate);
      window.removeEventListener('hashchange', onNavigate);
    };
  }, [show]);
  // The link is in the address bar already (the URL sync pushed it): only the screen changes.
  const follow = useCallback((link: string) => show(screenOf(link), versusOf(link)), [show]);
  const api = useMemo(() => ({ screen, open, follow }), [screen, open, follow]);
  return (
    <ScreenContext.Provider value={api}>
      {screen === 'simulator' && simulator}
      {screen === 'compare' && (
        <ErrorBoundary name="Sync vs async">
          <CompareView
            scenario={store.getState().scenario}
            versus={versus}
            onVersus={chooseVersus}
            onExit={back}
          />
        </ErrorBoundary>
      )}
      {experimentsOpened && (
        <ScreenFrame title="Experiments" hidden={screen !== 'experiments'} onBack={back}>
          <Suspense fallback={<p className="screen-loading">Loading the experiments…</p>}>
            <ExperimentsPanel autoRun />
          </Suspense>
        </ScreenFrame>
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
        title="Run this scenario in both timing models side by side, or beside another algorithm on the same graph"
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
