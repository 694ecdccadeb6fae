import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { BROWSER_MAX_STEPS } from '../store/limits';
import { useSimStore, useSim } from '../store/react';
import { channelName } from '../scenario/schedule';
import { stallOf } from '../store/status';
import { fmt } from './format';
import './eventlog.css';

const ROW = 28;
const OVERSCAN = 6;

/**
 * One line per step (step, round or time, the step's note), virtualised: only the lines in view are
 * in the DOM. Clicking a line moves the cursor there; the cursor's line is highlighted and kept in view.
 * The steps after the cursor are hidden behind one line ("show the rest of the run"): a log that lists
 * the future gives the run away in a lecture. Shown, they are greyed. The cursor's line wraps to its
 * whole sentence (the lines after it move down by what it takes); any other line shows its whole text
 * over its neighbours while hovered or focused (↑ ↓ move between lines, Enter goes to one), and in its
 * tooltip.
 */
export function EventLog() {
  const store = useSimStore();
  const cursor = useSim((s) => s.cursor);
  const known = useSim((s) => s.knownSteps);
  const truncated = useSim((s) => s.truncated);
  const mode = useSim((s) => s.scenario.timing.mode);
  const run = useSim((s) => s.run);
  const box = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(200);
  const [future, setFuture] = useState(false);
  /** What the cursor's wrapped line takes beyond one row: the lines after it are that much lower. */
  const [extra, setExtra] = useState(0);
  const currentLine = useRef<HTMLLIElement | null>(null);
  // A new run starts with its future hidden again.
  useEffect(() => setFuture(false), [run]);
  const computing = useSim((s) => s.computing);
  // A replayed schedule that named an empty channel: the run stops there (src/engine/plan.ts).
  const stopped = computing ? null : stallOf(store.getState());
  const hidden = !future && cursor < known;
  // Rows: steps 0 … last shown, then the "show the rest" line, or the stop or truncation note.
  const lastStep = hidden ? cursor : known;
  const rows = lastStep + 1 + (hidden || truncated || stopped ? 1 : 0);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Keep the cursor's line in view (centred when it has to move).
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const y = cursor * ROW;
    const h = ROW + extra;
    if (y < el.scrollTop || y + h > el.scrollTop + el.clientHeight) {
      el.scrollTop = Math.max(0, y - el.clientHeight / 2 + h / 2);
      setTop(el.scrollTop);
    }
  }, [cursor, known, extra]);

  // Measure the cursor's wrapped line after each render and whenever its width changes.
  useLayoutEffect(() => {
    const li = currentLine.current;
    const measure = () => setExtra(li ? Math.max(0, Math.ceil(li.getBoundingClientRect().height) - ROW) : 0);
    measure();
    if (!li) return;
    const ro = new ResizeObserver(measure);
    ro.observe(li);
    return () => ro.disconnect();
  });

  const onLineKey = (e: KeyboardEvent<HTMLLIElement>, k: number) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      store.getState().seek(k);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = k + (e.key === 'ArrowDown' ? 1 : -1);
      if (next < 0 || next > lastStep) return;
      const el = box.current;
      // Bring the line into the rendered window first, then focus it.
      if (el && (topOf(next) < el.scrollTop || topOf(next) + ROW > el.scrollTop + el.clientHeight)) {
        el.scrollTop = Math.max(0, topOf(next) - el.clientHeight / 2);
        setTop(el.scrollTop);
      }
      requestAnimationFrame(() =>
        box.current?.querySelector<HTMLElement>(`li[data-k="${next}"]`)?.focus({ preventScroll: false }),
      );
    }
  };
  const first = Math.max(0, Math.floor(top / ROW) - OVERSCAN);
  /** Where line k starts: below the cursor's line, lower by what it wraps to. */
  const topOf = (k: number) => k * ROW + (k > cursor ? extra : 0);
  const last = Math.min(rows - 1, Math.ceil((top + height) / ROW) + OVERSCAN);
  const trace = run.sim.trace;
  const scheduled = store.getState().scenario.timing.schedule !== undefined;
  const items = [];
  for (let k = first; k <= last; k++) {
    if (k > lastStep) {
      items.push(
        hidden ? (
          <li key="rest" className="rest" style={{ top: topOf(k), height: ROW }}>
            <button
              type="button"
              onClick={() => setFuture(true)}
              aria-label={`Show the rest of the run (${fmt(known - cursor)} more step${known - cursor === 1 ? '' : 's'}${truncated ? ' recorded' : ''})`}
              title="The steps after the cursor are hidden so that the log does not give the run away"
            >
              Show the rest ({fmt(known - cursor)} more)
            </button>
          </li>
        ) : (
          <li key="cut" className="future" style={{ top: topOf(k), height: ROW }}>
            <span className="k" />
            <span className="t" />
            <span className="note">
              {stopped
                ? `stopped: ${stopped}`
                : `… the browser keeps the first ${fmt(BROWSER_MAX_STEPS)} steps; run the CLI (npm run sim) for the rest`}
            </span>
          </li>
        ),
      );
      continue;
    }
    let text: string;
    let time = '';
    if (k === 0) text = 'initial state: no process has started';
    else {
      const e = trace[k - 1]!;
      // A replayed schedule: each delivery says which channel the schedule chose.
      const chosen = scheduled && (e.kind === 'deliver' || e.kind === 'drop');
      text = chosen ? `${channelName({ from: e.from!, to: e.node })} · ${e.note}` : e.note;
      time = `${mode === 'sync' ? 'r' : 't'}${e.time}`;
    }
    const cls = k === cursor ? 'current' : k > cursor ? 'future' : undefined;
    items.push(
      <li
        key={k}
        ref={k === cursor ? currentLine : undefined}
        className={cls}
        aria-current={k === cursor ? 'step' : undefined}
        data-k={k}
        // The cursor's line is the one Tab reaches; ↑ ↓ go on from there.
        tabIndex={k === cursor ? 0 : -1}
        style={{ top: topOf(k) }}
        onClick={() => store.getState().seek(k)}
        onKeyDown={(e) => onLineKey(e, k)}
        title={`Step ${k}${time ? ` (${time})` : ''}: ${text}`}
      >
        <span className="k">{k}</span>
        <span className="t">{time}</span>
        <span className="note">{text}</span>
      </li>,
    );
  }
  return (
    <section className="log" aria-label="Event log">
      <h2 className="sr-only">Event log</h2>
      <div
        className="log-scroll"
        ref={box}
        onScroll={(e) => setTop(e.currentTarget.scrollTop)}
        tabIndex={0}
        aria-label={`Event log, ${fmt(known)} steps`}
      >
        <ol style={{ height: rows * ROW + extra }}>{items}</ol>
      </div>
      {future && cursor < known && (
        <button type="button" className="log-hide" onClick={() => setFuture(false)}>
          Hide the rest
        </button>
      )}
    </section>
  );
}
