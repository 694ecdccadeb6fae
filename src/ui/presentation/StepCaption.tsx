import { cursorEntry } from '../../store/pseudocode';
import { useSim, useSimStore } from '../../store/react';

/**
 * The current step's sentence under the graph, so the room reads what happened where it looks.
 * The sentence is the trace entry's own note (the one the pseudo-code panel shows), not rewritten.
 */
export function StepCaption() {
  const store = useSimStore();
  useSim((s) => s.version);
  useSim((s) => s.cursor);
  const s = store.getState();
  const e = cursorEntry(s);
  // The round or time is in the header's step counter; the caption names who acted.
  const where = e ? `Step ${e.step} · node ${e.node}` : 'Step 0';
  const note = e ? e.note : 'Press Step forward (→) to run the first step.';
  return (
    <p
      className="step-caption"
      data-testid="step-caption"
      data-step={e?.step ?? 0}
      title={`${where}: ${note}`}
    >
      <span className="step-caption-where">{where}</span>
      {note && <span className="step-caption-note">{note}</span>}
    </p>
  );
}
