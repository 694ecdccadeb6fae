import type { NodeId } from '../../engine/types';
import type { RunHandle, SimStore } from '../../store/simStore';
import { ROLE_LOOK } from '../palette';
import { readInk, type Ink } from './colours';
import type { SpaceTimeView } from './diagram';
import { LABEL_W, PAD } from './geometry';
import { LeadershipIndex, type Reign } from './leadership';
import { FONT } from './paint';
import { stepAtTime } from './pointer';

/** Height of one node's row, and of the bar in it (CSS pixels): bars a back row can see. */
export const STRIP_ROW = 26;
const BAR_H = 20;
const TOP = 4;
/** Up to this many nodes every node has a row; above, only the nodes that ever led (said in words). */
export const ALL_ROWS_UP_TO = 12;

export interface LeadershipStrip {
  readonly index: LeadershipIndex | null;
  /** The nodes that have a row, top to bottom. */
  rows(): readonly NodeId[];
  /** A point (CSS pixels relative to the strip) on a node's row at time t, if it is in view. */
  point(id: NodeId, t: number): { x: number; y: number } | null;
  destroy(): void;
}

/**
 * The leadership timeline under the space-time diagram: one row per node, a bar while the node
 * believes it leads (labelled with its term where the module declares one), red where two or more
 * believe it at once (split brain), the "now" line, the future veiled. It draws on the diagram's
 * time axis after each of its frames, so the two stay aligned through zoom and scroll; a click seeks
 * to the last step at or before the time clicked.
 */
export function mountLeadership(
  container: HTMLElement,
  store: SimStore,
  view: SpaceTimeView,
): LeadershipStrip {
  const canvas = document.createElement('canvas');
  canvas.className = 'lead-canvas';
  canvas.style.cssText = 'display:block;width:100%;cursor:pointer';
  container.append(canvas);
  const ctx = canvas.getContext('2d')!;
  let run: RunHandle | null = null;
  let index: LeadershipIndex | null = null;
  let shown: NodeId[] = [];
  let w = 0;
  let dpr = 1;

  const showRun = (next: RunHandle) => {
    run = next;
    const alg = next.sim.algorithm;
    index = new LeadershipIndex(next.sim.trace, alg.term ? (s) => alg.term!(s) : undefined);
    index.update();
  };

  /** Every node up to ALL_ROWS_UP_TO, else the ones that ever led, in the diagram's order. */
  const rowsOf = (): NodeId[] => {
    if (!run || !index) return [];
    const ids = run.sim.graph.ids;
    if (ids.length <= ALL_ROWS_UP_TO) return [...ids];
    const led = new Set(index.reigns.map((r) => r.node));
    return ids.filter((id) => led.has(id));
  };

  const xOf = (t: number) => LABEL_W + PAD + t * view.axis().pxPerTime - view.axis().sl;

  function paint() {
    if (!run || !index) return;
    const rows = rowsOf();
    const h = TOP * 2 + Math.max(1, rows.length) * STRIP_ROW;
    if (
      rows.join() !== shown.join() ||
      canvas.height !== Math.round(h * dpr) ||
      w !== container.clientWidth
    ) {
      shown = rows;
      w = container.clientWidth;
      dpr = window.devicePixelRatio || 1;
      canvas.style.height = `${h}px`;
      canvas.width = Math.max(1, Math.round(w * dpr));
      canvas.height = Math.round(h * dpr);
    }
    const ink = readInk(container);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = ink.panel;
    ctx.fillRect(0, 0, w, h);
    const s = store.getState();
    const axis = view.axis();
    const end = Math.max(axis.maxTime, s.run.replay.time);
    ctx.font = `bold 15px ${FONT}`;
    ctx.textBaseline = 'middle';
    rows.forEach((id, i) => {
      const y = TOP + i * STRIP_ROW + STRIP_ROW / 2;
      ctx.fillStyle = ink.ink;
      ctx.textAlign = 'right';
      ctx.fillText(String(id), LABEL_W - 10, y);
      ctx.strokeStyle = ink.line;
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(LABEL_W, Math.round(y) + 0.5);
      ctx.lineTo(w, Math.round(y) + 0.5);
      ctx.stroke();
    });
    ctx.save();
    ctx.beginPath();
    ctx.rect(LABEL_W, 0, w - LABEL_W, h);
    ctx.clip();
    const rowOf = new Map(rows.map((id, i) => [id, i]));
    const overlaps = index.allOverlaps();
    for (const r of index.reigns) {
      const row = rowOf.get(r.node);
      if (row !== undefined) drawReign(r, row, end, overlaps, ink);
    }
    // The future is faint, as in the diagram above.
    const xNow = xOf(s.clock);
    if (xNow < w) {
      ctx.fillStyle = ink.panel;
      ctx.globalAlpha = 0.55;
      ctx.fillRect(Math.max(LABEL_W, xNow), 0, w, h);
      ctx.globalAlpha = 1;
    }
    ctx.strokeStyle = ink.focus;
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    ctx.moveTo(Math.round(xNow) + 0.5, 0);
    ctx.lineTo(Math.round(xNow) + 0.5, h);
    ctx.stroke();
    ctx.restore();
  }

  function drawReign(
    r: Reign,
    row: number,
    end: number,
    overlaps: { from: number; to: number | null }[],
    ink: Ink,
  ) {
    const y = TOP + row * STRIP_ROW + (STRIP_ROW - BAR_H) / 2;
    const to = r.to ?? end;
    const x0 = xOf(r.from);
    // A reign shorter than a pixel stays visible.
    const x1 = Math.max(xOf(to), x0 + 3);
    if (x1 < LABEL_W || x0 > w) return;
    ctx.fillStyle = ROLE_LOOK.leader.fill;
    ctx.fillRect(x0, y, x1 - x0, BAR_H);
    ctx.fillStyle = ink.bad;
    for (const o of overlaps) {
      const a = Math.max(o.from, r.from);
      const b = Math.min(o.to ?? end, to);
      if (b > a) ctx.fillRect(xOf(a), y, xOf(b) - xOf(a), BAR_H);
    }
    if (r.term === null) return;
    ctx.font = `bold 14px ${FONT}`;
    const label = x1 - x0 > 70 ? `term ${r.term}` : `t${r.term}`;
    if (ctx.measureText(label).width + 8 > x1 - x0) return;
    ctx.fillStyle = '#ffffff';
    ctx.textAlign = 'left';
    ctx.fillText(label, Math.max(x0, LABEL_W) + 4, y + BAR_H / 2 + 0.5);
  }

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.run !== run) showRun(s.run);
    else if (s.version !== prev.version) index!.update();
  });
  const stopPainting = view.onPaint(paint);
  const observer = new ResizeObserver(() => requestAnimationFrame(paint));
  observer.observe(container);

  const onClick = (e: MouseEvent) => {
    if (!run) return;
    const x = e.clientX - canvas.getBoundingClientRect().left;
    if (x < LABEL_W) return;
    const a = view.axis();
    const t = Math.round((x + a.sl - LABEL_W - PAD) / a.pxPerTime);
    const s = store.getState();
    s.seek(stepAtTime(run.sim.trace, s.knownSteps, t));
  };
  canvas.addEventListener('click', onClick);
  showRun(store.getState().run);
  paint();

  return {
    get index() {
      return index;
    },
    rows: () => shown,
    point(id, t) {
      const row = shown.indexOf(id);
      const x = xOf(t);
      if (row < 0 || x < LABEL_W || x > w) return null;
      return { x, y: TOP + row * STRIP_ROW + STRIP_ROW / 2 };
    },
    destroy() {
      observer.disconnect();
      stopPainting();
      unsubscribe();
      canvas.removeEventListener('click', onClick);
      canvas.remove();
    },
  };
}
