import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './keyboard';

/**
 * The `?` list of keyboard shortcuts, made from the table the keyboard handler runs on (keyboard.ts);
 * they act unless the focus is in a text field.
 */
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
            {SHORTCUTS.map(({ label, what }) => (
              <tr key={label}>
                <th scope="row">
                  <kbd>{label}</kbd>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          In the graph: click a node, a link or a message to inspect it. Right-click a node or a link (or use
          the inspector's buttons) to crash, recover, cut or heal it now: the fault joins the scenario at the
          next time unit and the run goes on from this step. Double-click a node to toggle its per-node option
          from the start (the graph's hint names it, e.g. crashed from the start) and restart the run; scroll
          to zoom, drag to pan.
        </p>
        <button type="button" ref={close} onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
