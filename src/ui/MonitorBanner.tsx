import { useSimStore, useSim } from '../store/react';
import { monitorViolations } from '../store/status';
import { fmt } from './format';

/**
 * What the monitors found in the run computed so far (docs/algorithms.md §2.1): the first violation,
 * how many more, and a button to the step where it happened — ahead of the cursor or behind it.
 */
export function MonitorBanner() {
  const store = useSimStore();
  useSim((s) => s.version);
  const found = monitorViolations(store.getState());
  if (found.length === 0) return null;
  const first = found[0]!;
  return (
    <div role="alert" className="violation monitor-violation" data-testid="monitor-violation">
      <p>
        Monitor: {first.message} (step {fmt(first.step)})
        {found.length > 1 ? ` (+${found.length - 1} more)` : ''}
      </p>
      <button type="button" onClick={() => store.getState().seek(first.step)}>
        Go to step {fmt(first.step)}
      </button>
    </div>
  );
}
