import { useEffect, useRef, useState } from 'react';
import { useSim } from '../../store/react';
import type { RunHandle } from '../../store/simStore';
import { GRAPH_CONTEXT, type GraphContext } from '../../view/taps';
import { LinkLiveControls, MessageLiveControls, NodeLiveControls } from './LiveControls';

/**
 * The graph's context menu: right-click (long-press) a node or a link, or press the menu key (Shift
 * F10) on a node's keyboard stop, for the live controls at that spot. Escape or a click elsewhere
 * closes it; it takes the focus when it opens, so it works without a pointer.
 */
export function LiveMenu({ box }: { box: { current: HTMLElement | null } }) {
  const [open, setOpen] = useState<GraphContext | null>(null);
  const run = useSim((s) => s.run);
  useSim((s) => s.version);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const host = box.current?.parentElement;
    if (!host) return;
    const onContext = (e: Event) => setOpen((e as CustomEvent<GraphContext>).detail);
    // The graph's right-click is this menu, not the browser's.
    const quiet = (e: Event) => {
      if (box.current?.contains(e.target as Node)) e.preventDefault();
    };
    host.addEventListener(GRAPH_CONTEXT, onContext);
    host.addEventListener('contextmenu', quiet);
    return () => {
      host.removeEventListener(GRAPH_CONTEXT, onContext);
      host.removeEventListener('contextmenu', quiet);
    };
  }, [box]);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('.live-controls :is(button, input)')?.focus();
    const away = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node)) setOpen(null);
    };
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(null);
    };
    document.addEventListener('pointerdown', away);
    document.addEventListener('keydown', esc);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('keydown', esc);
    };
  }, [open]);

  // A new run from elsewhere (Apply, a link) closes it; a live fault keeps the same ids and reopens nothing.
  if (!open) return null;
  const b = box.current;
  const close = () => setOpen(null);
  const t = open.target;
  const title = t.kind === 'node' ? `Node ${t.id}` : `Link ${t.a}–${t.b}`;
  return (
    <div
      ref={menu}
      className="live-menu"
      role="dialog"
      aria-label={`Live faults: ${title}`}
      style={{ left: (b?.offsetLeft ?? 0) + open.x + 8, top: (b?.offsetTop ?? 0) + open.y + 8 }}
    >
      <h3>{title}</h3>
      <button type="button" className="live-close" aria-label="Close" onClick={close}>
        ×
      </button>
      {t.kind === 'node' ? (
        <NodeLiveControls id={t.id} run={run} then={close} />
      ) : (
        <LinkLiveControls a={t.a} b={t.b} run={run} then={close} />
      )}
      {open.seq !== undefined && (
        <>
          <p className="live-message">{messageTitle(run, open.seq)}</p>
          <MessageLiveControls seq={open.seq} run={run} then={close} />
        </>
      )}
    </div>
  );
}

/** The line naming the message under the pointer (C25): its kind and channel. */
function messageTitle(run: RunHandle, seq: number): string {
  const m = run.replay.message(seq);
  return m ? `Message ${m.msg.kind} ${m.from} → ${m.to}` : 'Message';
}
