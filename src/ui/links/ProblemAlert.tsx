import type { Problem } from './check';

const SHOWN = 6;

/**
 * What is wrong with a link or file that could not be opened: every error as field + message, what
 * is on screen instead, and "Open in editor" to carry the good parts (and the bad ones, to fix) over.
 * All text goes in as React text nodes: ids, labels and file names are never read as HTML.
 */
export function ProblemAlert({
  problem,
  fallback,
  showing,
  onEdit,
  onDismiss,
}: {
  problem: Problem;
  fallback: 'default' | 'previous';
  /** The run on screen, e.g. "LCR on 8 nodes". */
  showing: string;
  onEdit: () => void;
  onDismiss: () => void;
}) {
  const { errors, source, what } = problem;
  const head =
    source === 'link' ? 'This link cannot be opened' : `The file ${what.slice(0, 80)} cannot be opened`;
  return (
    <div className="problem" role="alert" data-testid="link-problem">
      <p className="problem-head">{head}:</p>
      {source === 'link' && (
        <p className="problem-what">
          <code>{what.length > 160 ? `${what.slice(0, 160)}…` : what}</code>
        </p>
      )}
      <ul>
        {errors.slice(0, SHOWN).map((e, i) => (
          <li key={i}>
            <code className="field-name">{e.field.slice(0, 60)}</code> {e.message.slice(0, 300)}
          </li>
        ))}
        {errors.length > SHOWN && <li>… and {errors.length - SHOWN} more</li>}
      </ul>
      <p className="problem-keep">
        {fallback === 'default'
          ? 'Showing the default scenario instead'
          : 'Still showing the scenario you had'}
        : {showing}. Open in editor keeps every part that can be read and marks what to fix.
      </p>
      <div className="row">
        <button type="button" onClick={onEdit}>
          Open in editor
        </button>
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
