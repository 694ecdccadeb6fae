import { useLayoutEffect, useRef } from 'react';
import { codeFocus } from '../../store/pseudocode';
import { useSim, useSimStore } from '../../store/react';

/**
 * The algorithm's pseudo-code with the lines the handler ran highlighted, for the node that acted
 * at the cursor or, when a node is selected, for that node's own last step; the step's note beside
 * it. The shown step and lines are also data attributes, for tests and for anyone reading the DOM.
 */
export function PseudocodePanel() {
  const store = useSimStore();
  useSim((s) => s.version);
  useSim((s) => s.selection);
  const s = store.getState();
  const alg = s.run.sim.algorithm;
  const focus = codeFocus(s);
  const hit = new Set(focus.lines);
  const list = useRef<HTMLOListElement>(null);
  const first = focus.lines.length ? Math.min(...focus.lines) : -1;
  const last = focus.lines.length ? Math.max(...focus.lines) : -1;

  // Keep the highlighted lines in view inside the panel (never scroll the page).
  useLayoutEffect(() => {
    const el = list.current;
    if (!el || first < 0) return;
    const a = el.children[first] as HTMLElement | undefined;
    const b = el.children[last] as HTMLElement | undefined;
    if (!a || !b) return;
    const top = a.offsetTop;
    const bottom = b.offsetTop + b.offsetHeight;
    if (top >= el.scrollTop && bottom <= el.scrollTop + el.clientHeight) return;
    // One line of context above the highlight where it fits, snapped to a whole line.
    const before = el.children[first - 1] as HTMLElement | undefined;
    const withContext = before ? before.offsetTop : 0;
    el.scrollTop = bottom - withContext <= el.clientHeight ? withContext : top;
  }, [first, last, alg]);

  const mode = s.scenario.timing.mode;
  const e = focus.entry;
  const who =
    focus.node === null
      ? 'Before the first step'
      : e === null
        ? `Node ${focus.node} has not acted yet`
        : `Step ${e.step} · ${mode === 'sync' ? 'round' : 'time'} ${e.time} · node ${focus.node}${focus.selected ? ' (selected: its last step)' : ''}`;
  const note =
    e === null ? (focus.node === null ? 'Press Step forward (→) to run the first step.' : '') : e.note;
  return (
    <section
      className="pseudocode"
      aria-label="Pseudo-code"
      data-testid="pseudocode"
      data-step={e?.step ?? 0}
      data-node={focus.node ?? ''}
      data-lines={focus.lines.join(',')}
    >
      <div className="pc-head">
        <h2>Pseudo-code</h2>
        <span className="pc-who">{who}</span>
      </div>
      <div className="pc-body">
        <ol className="pc-lines" ref={list} aria-label={`${alg.name} pseudo-code`}>
          {alg.pseudocode.map((text, i) => (
            <li
              key={i}
              data-line={i}
              className={hit.has(i) ? 'hit' : undefined}
              aria-current={hit.has(i) ? 'true' : undefined}
            >
              <span className="pc-ln" aria-hidden="true">
                {i + 1}
              </span>
              <code>{text}</code>
            </li>
          ))}
        </ol>
        <p className="pc-note" data-testid="pseudocode-note" title={note}>
          {note}
        </p>
      </div>
    </section>
  );
}
