import { ScreenFrame } from '../ScreenFrame';
import { ExplorePanel } from './ExplorePanel';

/** The "All schedules" screen: a header with the way back, and the panel. Kept while hidden. */
export function ExploreScreen({ hidden, onBack }: { hidden: boolean; onBack(): void }) {
  return (
    <ScreenFrame title="All schedules" className="screen-explore" hidden={hidden} onBack={onBack}>
      <ExplorePanel onOpened={onBack} />
    </ScreenFrame>
  );
}
