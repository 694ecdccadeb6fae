import type { TraceEntry } from '../../engine/types';
import type { RunHandle, SimStore } from '../../store/simStore';
import { AXIS_H, LABEL_W, PAD, rowAt, type Scale } from './geometry';
import type { Hits } from './hits';
import type { TraceIndex } from './traceIndex';

/** How close (CSS pixels) the pointer must be to an arrow to hover or click it. */
const HIT_PX = 6;

/** What the pointer handlers read of the diagram at the moment of an event. */
export interface PointerHost {
  store: SimStore;
  container: HTMLElement;
  scroller: HTMLElement;
  tip: HTMLElement;
  run(): RunHandle | null;
  index(): TraceIndex | null;
  scale(): Scale;
  /** The scroll offsets. */
  sl(): number;
  st(): number;
  /** The arrows drawn: in flight (this frame) and delivered (the base layer). */
  live: Hits;
  delivered: Hits;
  /** The hovered message changed (null: none). */
  setHover(seq: number | null): void;
  hover(): number | null;
}

/** The arrow nearest a point in view coordinates, within HIT_PX; its message index or −1. */
export function arrowAt(h: PointerHost, vx: number, vy: number): number {
  if (vx < LABEL_W || vy < AXIS_H) return -1;
  const cx = vx + h.sl();
  const cy = vy + h.st();
  const a = h.live.nearest(cx, cy, HIT_PX * HIT_PX);
  const b = h.delivered.nearest(cx, cy, a.d2);
  return b.i >= 0 ? b.i : a.i;
}

/** The last step at or before time t among the first `known` (0 before the first step). */
export function stepAtTime(trace: readonly TraceEntry[], known: number, t: number): number {
  let lo = 0;
  let hi = Math.min(known, trace.length);
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (trace[mid]!.time <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The tooltip's sentence for message i. */
function describe(run: RunHandle, ix: TraceIndex, i: number): string {
  const m = run.replay.message(ix.seq[i]!);
  const label = m ? (run.sim.algorithm.label?.(m.msg) ?? m.msg.kind) : 'message';
  const unit = run.sim.timing.mode === 'sync' ? 'round' : 'time';
  const done = ix.doneStep[i]!;
  const end =
    done === 0
      ? 'not delivered yet'
      : `${ix.dropped[i] ? 'lost' : 'delivered'} at ${unit} ${ix.deliverAt[i]} (step ${done})`;
  return `${label}: ${ix.ids[ix.from[i]!]} → ${ix.ids[ix.to[i]!]}, sent at ${unit} ${ix.sendTime[i]}, ${end}. Click to go there.`;
}

/**
 * Hover shows a message's tooltip; a click on an arrow selects it and seeks to its delivery, on the
 * time axis seeks to that time, on a row selects its node. Returns the function that detaches them.
 */
export function attachPointer(h: PointerHost): () => void {
  const { scroller, tip, container } = h;
  const local = (e: MouseEvent) => {
    const rect = scroller.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };
  const onMove = (e: MouseEvent) => {
    const ix = h.index();
    const run = h.run();
    if (!ix || !run) return;
    const p = local(e);
    const i = arrowAt(h, p.x, p.y);
    const seq = i >= 0 ? ix.seq[i]! : null;
    scroller.style.cursor = i >= 0 || p.x < LABEL_W || p.y < AXIS_H ? 'pointer' : '';
    if (seq !== h.hover()) h.setHover(seq);
    if (i >= 0) {
      tip.textContent = describe(run, ix, i);
      tip.hidden = false;
      tip.style.left = `${Math.min(p.x + 14, Math.max(0, container.clientWidth - tip.offsetWidth - 4))}px`;
      tip.style.top = `${p.y + 18 > container.clientHeight - 40 ? p.y - 44 : p.y + 18}px`;
    } else tip.hidden = true;
  };
  const onLeave = () => {
    tip.hidden = true;
    if (h.hover() !== null) h.setHover(null);
  };
  const onClick = (e: MouseEvent) => {
    const ix = h.index();
    const run = h.run();
    if (!ix || !run) return;
    const p = local(e);
    const s = h.store.getState();
    const i = arrowAt(h, p.x, p.y);
    if (i >= 0) {
      s.select({ kind: 'message', seq: ix.seq[i]! });
      const done = ix.doneStep[i]!;
      if (done > 0) h.store.getState().seek(done);
      return;
    }
    if (p.y < AXIS_H && p.x >= LABEL_W) {
      // The axis: the last step at or before that time (times are whole numbers: snap to one).
      const t = Math.round((p.x + h.sl() - LABEL_W - PAD) / h.scale().pxPerTime);
      s.seek(stepAtTime(run.sim.trace, s.knownSteps, t));
      return;
    }
    const row = rowAt(h.scale(), p.y + h.st(), ix.n);
    if (row >= 0) s.select({ kind: 'node', id: ix.ids[row]! });
  };
  scroller.addEventListener('mousemove', onMove);
  scroller.addEventListener('mouseleave', onLeave);
  scroller.addEventListener('click', onClick);
  return () => {
    scroller.removeEventListener('mousemove', onMove);
    scroller.removeEventListener('mouseleave', onLeave);
    scroller.removeEventListener('click', onClick);
  };
}
