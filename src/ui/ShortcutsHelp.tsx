import { useEffect, useRef } from 'react';

const SHORTCUTS: [string, string][] = [
  ['Space', 'Play / Pause'],
  ['→', 'Step forward'],
  ['←', 'Step back'],
  ['PageDown or ]', 'Next round (sync) or time unit (async): every step of it'],
  ['PageUp or [', 'Back to the start of the round'],
  ['Home', 'Reset to step 0'],
  ['End', 'Go to the last step (as far as computed)'],
  ['?', 'Show or hide this list'],
  ['Esc', 'Close this list, or leave presentation mode'],
];

/** The `?` list of keyboard shortcuts (they act unless the focus is in a text field). */
export function ShortcutsHelp({ onClose }: { onClose(): void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        className="dialog"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <table>
          <tbody>
            {SHORTCUTS.map(([key, what]) => (
              <tr key={key}>
                <th scope="row">
                  <kbd>{key}</kbd>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          In the graph: click a node or a message to inspect it; double-click a node to toggle its per-node
          option (the graph's hint names it, e.g. crashed) and restart the run; scroll to zoom, drag to pan.
        </p>
        <button type="button" ref={close} onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
