import { useEffect, useRef, useState } from 'react';
import { BROWSER_MAX_STEPS } from '../store/limits';
import { useSimStore, useSim } from '../store/react';
import { channelName } from '../scenario/schedule';
import { stallOf } from '../store/status';
import { fmt } from './format';

const ROW = 28;
const OVERSCAN = 6;

/**
 * One line per step (step, round or time, the step's note), virtualised: only the lines in view are
 * in the DOM. Clicking a line moves the cursor there; the cursor's line is highlighted and kept in view.
 */
export function EventLog() {
  const store = useSimStore();
  const cursor = useSim((s) => s.cursor);
  const known = useSim((s) => s.knownSteps);
  const truncated = useSim((s) => s.truncated);
  const mode = useSim((s) => s.scenario.timing.mode);
  useSim((s) => s.run);
  const box = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(200);
  const computing = useSim((s) => s.computing);
  const stopped = computing ? null : stallOf(store.getState());
  const rows = known + 1 + (truncated || stopped ? 1 : 0);

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
    if (y < el.scrollTop || y + ROW > el.scrollTop + el.clientHeight) {
      el.scrollTop = Math.max(0, y - el.clientHeight / 2 + ROW / 2);
      setTop(el.scrollTop);
    }
  }, [cursor, known]);

  const first = Math.max(0, Math.floor(top / ROW) - OVERSCAN);
  const last = Math.min(rows - 1, Math.ceil((top + height) / ROW) + OVERSCAN);
  const trace = store.getState().run.sim.trace;
  // A replayed schedule: each delivery says which channel the schedule chose.
  const scheduled = store.getState().scenario.timing.schedule !== undefined;
  const items = [];
  for (let k = first; k <= last; k++) {
    let text: string;
    let time = '';
    if (k === 0) text = 'initial state: no process has started';
    else if (k > known && stopped) text = `stopped: ${stopped}`;
    else if (k > known)
      text = `… the browser keeps the first ${fmt(BROWSER_MAX_STEPS)} steps; run the CLI (npm run sim) for the rest`;
    else {
      const e = trace[k - 1]!;
      const chosen = scheduled && (e.kind === 'deliver' || e.kind === 'drop');
      text = chosen ? `${channelName({ from: e.from!, to: e.node })} · ${e.note}` : e.note;
      time = `${mode === 'sync' ? 'r' : 't'}${e.time}`;
    }
    items.push(
      <li
        key={k}
        className={k === cursor ? 'current' : undefined}
        aria-current={k === cursor ? 'step' : undefined}
        style={{ top: k * ROW, height: ROW }}
        onClick={() => k <= known && store.getState().seek(k)}
        title={k <= known ? `Go to step ${k}` : undefined}
      >
        <span className="k">{k <= known ? k : ''}</span>
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
        <ol style={{ height: rows * ROW }}>{items}</ol>
      </div>
    </section>
  );
}
