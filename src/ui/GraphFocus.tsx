import { useEffect, useRef, useState } from 'react';
import { useSimStore, useSim } from '../store/react';
import type { GraphView } from '../view/graphView';
import { GRAPH_CONTEXT, type GraphContext } from '../view/taps';
import { ROLE_LOOK } from '../view/palette';
import { fmt } from './format';
import './graphfocus.css';

/** Beyond these the graph is for looking at: a Tab stop per node or message would be a trap. */
const MAX_NODES = 200;
const MAX_MESSAGES = 60;

type Target = { kind: 'node'; id: number } | { kind: 'message'; seq: number };

/**
 * The graph's nodes and messages in flight as keyboard stops. The graph is a canvas, so each node
 * and message gets a button (hidden until focused) in Tab order — nodes in ring or position order,
 * then messages oldest first — and a ring drawn over it on the graph while it has the focus. Enter
 * (or a click) opens it in the inspector.
 */
export function GraphFocus({
  view,
  box,
}: {
  view: { current: GraphView | null };
  box: { current: HTMLElement | null };
}) {
  const store = useSimStore();
  useSim((s) => s.version);
  const run = useSim((s) => s.run);
  const [focused, setFocused] = useState<Target | null>(null);
  const ring = useRef<HTMLDivElement>(null);

  // The focused item moves (play, pan, zoom): follow it every frame while it has the focus.
  useEffect(() => {
    if (!focused) return;
    let frame = 0;
    const follow = () => {
      const v = view.current;
      const el = ring.current;
      const b = box.current;
      if (v && el && b) {
        const p = focused.kind === 'node' ? v.nodePoint(focused.id) : v.overlay.pointOf(focused.seq);
        el.hidden = p === null;
        if (p) el.style.transform = `translate(${b.offsetLeft + p.x}px, ${b.offsetTop + p.y}px)`;
      }
      frame = requestAnimationFrame(follow);
    };
    follow();
    return () => cancelAnimationFrame(frame);
  }, [focused, view, box]);

  const { sim, replay } = run;
  const ids = sim.graph.ids;
  const label = (msg: { kind: string }) => sim.algorithm.label?.(msg) ?? msg.kind;
  const messages = [];
  for (const m of replay.inFlight.values()) {
    if (messages.length === MAX_MESSAGES) break;
    messages.push(m);
  }
  messages.sort((a, b) => a.seq - b.seq);
  const inFlight = replay.inFlight.size;
  const open = (t: Target) =>
    store.getState().select(t.kind === 'node' ? { kind: 'node', id: t.id } : { kind: 'message', seq: t.seq });
  const stop = (t: Target, name: string, key: string) => (
    <li key={key}>
      <button
        type="button"
        className="graph-stop"
        aria-label={name}
        onFocus={() => setFocused(t)}
        onBlur={() => setFocused(null)}
        onClick={() => open(t)}
        onContextMenu={(e) => {
          // The menu key (Shift F10) on a node's stop opens the live menu there, as a right-click does.
          if (t.kind !== 'node') return;
          e.preventDefault();
          open(t);
          const p = view.current?.nodePoint(t.id);
          const detail: GraphContext = { target: t, x: p?.x ?? 0, y: p?.y ?? 0 };
          box.current?.dispatchEvent(new CustomEvent(GRAPH_CONTEXT, { detail, bubbles: true }));
        }}
      />
    </li>
  );
  return (
    <>
      <ul className="graph-stops" aria-label="Nodes and messages in flight">
        {ids.length <= MAX_NODES &&
          ids.map((id, i) =>
            stop({ kind: 'node', id }, `Node ${id}, ${ROLE_LOOK[replay.roles[i]!].label}`, `n${id}`),
          )}
        {ids.length <= MAX_NODES &&
          messages.map((m) =>
            stop(
              { kind: 'message', seq: m.seq },
              `Message ${label(m.msg)}, ${m.from} → ${m.to}, in flight`,
              `m${m.seq}`,
            ),
          )}
        {ids.length <= MAX_NODES && inFlight > MAX_MESSAGES && (
          <li className="sr-only">
            and {fmt(inFlight - MAX_MESSAGES)} more messages in flight (click them in the graph)
          </li>
        )}
      </ul>
      <div ref={ring} className="graph-focus-ring" hidden={focused === null} aria-hidden="true" />
    </>
  );
}
