import { ErrorBoundary } from '../ErrorBoundary';
import { ThemeButton } from '../presentation/LookButtons';
import { ExplorePanel } from './ExplorePanel';

/** The "All schedules" screen: a header with the way back, and the panel. Kept while hidden. */
export function ExploreScreen({ hidden, onBack }: { hidden: boolean; onBack(): void }) {
  return (
    <div className="screen-experiments screen-explore" hidden={hidden}>
      <header className="screen-top">
        <h1>
          Leader Election Lab <span className="muted">· All schedules</span>
        </h1>
        <ThemeButton />
        <button type="button" className="screen-back" onClick={onBack}>
          Back to the simulator
        </button>
      </header>
      <div className="screen-body">
        <ErrorBoundary name="All schedules">
          <ExplorePanel onOpened={onBack} />
        </ErrorBoundary>
      </div>
    </div>
  );
}
