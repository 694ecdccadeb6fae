import { useId } from 'react';
import type { Unapplied } from './unapplied';

/**
 * Apply and Revert, with the mark saying whether the editor and the graph agree. The mark names the
 * fields that differ and what the graph is running meanwhile: an editor reading GHS above a graph that
 * still runs LCR must not look like a GHS run.
 */
export function ApplyBar({
  changes,
  running,
  onRevert,
}: {
  changes: readonly Unapplied[];
  running: string;
  onRevert(): void;
}) {
  const markId = useId();
  const dirty = changes.length > 0;
  const names = changes.map((c) => c.label);
  const listed =
    names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
  return (
    <div className={`apply-bar${dirty ? ' dirty' : ''}`} data-testid="apply-bar">
      <p
        id={markId}
        className="apply-mark"
        data-testid="unapplied"
        data-unapplied={dirty ? changes.map((c) => c.key).join(' ') : ''}
      >
        {dirty ? (
          <>
            <strong>Unapplied changes</strong>: {listed}.{' '}
            <span className="apply-running">The graph still runs {running}.</span>
          </>
        ) : (
          <span className="apply-running">Applied: the graph runs {running}.</span>
        )}
      </p>
      <div className="apply-buttons">
        <button
          type="submit"
          className="apply"
          title="Validate the scenario and start a new run (Enter)"
          aria-describedby={markId}
        >
          Apply
        </button>
        <button
          type="button"
          className="revert"
          disabled={!dirty}
          onClick={onRevert}
          title="Put the run on screen back into the editor, dropping the changes typed since"
        >
          Revert
        </button>
      </div>
    </div>
  );
}
