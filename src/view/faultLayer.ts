import { badgeCentre, centreOf } from './drawing';
import { clearCanvas, sizeCanvas } from './canvas';
import {
  cutHull,
  cutLabelAt,
  LOST_HUE,
  mix,
  PARTITION_HUE,
  puffAlpha,
  puffGrowth,
  puffPoint,
  RECOVERING_HUE,
  type Point,
  type Puff,
} from './faults';
import type { Layout } from './layout';
import { graphThemeOf, kindColours, ROLE_LOOK } from './palette';
import type { Role } from '../engine/types';

/** A partition's shading as drawn: its side, its hull (null: a halo per node) and its label. */
export interface CutShape {
  side: number[];
  hull: Point[] | null;
  label: string;
  at: Point;
}

/** Room round a cut-off node inside its shading, in model units (a node's radius is 22). */
export const CUT_PAD = 40;
const FONT = 'system-ui, "Segoe UI", Roboto, sans-serif';

/**
 * The network's faults on the graph (C17), on two canvases: under Cytoscape, the side each partition
 * cuts off, shaded violet with a rim; over the nodes, each cut's label, the puffs of messages lost at
 * the steps just passed and a dashed green ring with "back" on a node re-joining after its crash.
 * Small graphs only, and only runs with faults: the others never draw here.
 */
export class FaultLayer {
  private readonly under: CanvasRenderingContext2D;
  private readonly over: CanvasRenderingContext2D;
  private layout: Layout | null = null;
  private roles: readonly Role[] = [];
  private centre: Point = { x: 0, y: 0 };
  private cuts: CutShape[] = [];
  private cutKey = '';
  private puffs: readonly Puff[] = [];
  private recovering: readonly number[] = [];

  constructor(
    private readonly underCanvas: HTMLCanvasElement,
    private readonly overCanvas: HTMLCanvasElement,
  ) {
    this.under = underCanvas.getContext('2d')!;
    this.over = overCanvas.getContext('2d')!;
  }

  /** A new run: its layout (null: nothing to draw) and its roles by position (read at each draw). */
  setGraph(layout: Layout | null, roles: readonly Role[]): void {
    this.layout = layout;
    this.roles = roles;
    this.centre = layout ? centreOf(layout.x, layout.y) : { x: 0, y: 0 };
    this.cuts = [];
    this.cutKey = '';
    this.puffs = [];
    this.recovering = [];
    const show = layout ? '' : 'none';
    this.underCanvas.style.display = show;
    this.overCanvas.style.display = show;
  }

  /** The partitions holding now, as sides and labels; the hulls are worked out when the sides change. */
  setCuts(cuts: readonly { side: number[]; label: string }[]): void {
    const key = cuts.map((c) => `${c.side.join(',')}|${c.label}`).join(';');
    if (key === this.cutKey || !this.layout) return;
    this.cutKey = key;
    const { x, y, nodeSize } = this.layout;
    this.cuts = cuts.map((c) => ({
      side: c.side,
      label: c.label,
      hull: cutHull(x, y, c.side, CUT_PAD, nodeSize / 2),
      // On the slide the label is 17 px type, about 9.5 px a character (svgExport.ts).
      at: cutLabelAt(
        c.side.map((i) => ({ x: x[i]!, y: y[i]! })),
        Array.from(x, (xi, i) => ({ x: xi, y: y[i]! })),
        this.centre.x,
        this.centre.y,
        (c.label.length * 9.5 + 16) / 2,
        13,
        nodeSize / 2 + 6,
      ),
    }));
  }

  get shapes(): readonly CutShape[] {
    return this.cuts;
  }

  setPuffs(puffs: readonly Puff[]): void {
    this.puffs = puffs;
  }

  setRecovering(at: readonly number[]): void {
    this.recovering = at;
  }

  /** A puff is growing or fading: the layer must be drawn again next frame. */
  needsFrame(now: number): boolean {
    return this.puffs.some((p) => (p.left !== null && puffAlpha(p, now) > 0) || puffGrowth(p, now) < 1);
  }

  resize(width: number, height: number): void {
    sizeCanvas(this.underCanvas, width, height);
    sizeCanvas(this.overCanvas, width, height);
  }

  draw(zoom: number, pan: Point, now: number): void {
    const dprU = clearCanvas(this.under, this.underCanvas);
    const dpr = clearCanvas(this.over, this.overCanvas);
    const width = this.overCanvas.width / dpr;
    const height = this.overCanvas.height / dpr;
    const layout = this.layout;
    if (!layout) return;
    const dark = document.documentElement.dataset.theme === 'dark';
    const theme = dark ? 'dark' : 'light';
    const { paper } = graphThemeOf();
    const X = (i: number) => layout.x[i]! * zoom + pan.x;
    const Y = (i: number) => layout.y[i]! * zoom + pan.y;
    const base = (layout.nodeSize / 2) * zoom;
    const R = (i: number) => base * ROLE_LOOK[this.roles[i] ?? 'idle'].scale;
    const font = Math.round(Math.max(14, Math.min(22, base * 0.62)));
    const colour = kindColours(dark);

    if (this.cuts.length) {
      const u = this.under;
      u.setTransform(dprU, 0, 0, dprU, 0, 0);
      const hue = PARTITION_HUE[theme];
      const pad = CUT_PAD * zoom;
      // The rim first, then the inside over it in an opaque tint: overlapping shapes never darken.
      for (const [grow, colour] of [
        [Math.max(3, 4 * zoom), hue],
        [0, mix(paper, hue, dark ? 0.3 : 0.2)],
      ] as const)
        for (const c of this.cuts) this.shape(u, c, zoom, pan, pad + grow, colour);
    }

    const o = this.over;
    o.setTransform(dpr, 0, 0, dpr, 0, 0);
    o.textAlign = 'center';
    o.textBaseline = 'middle';
    o.font = `bold ${font}px ${FONT}`;
    for (const c of this.cuts) {
      const hue = PARTITION_HUE[theme];
      const w = o.measureText(c.label).width + 14;
      const h = font + 8;
      const { x: cx, y: cy } = cutLabelAt(
        c.side.map((i) => ({ x: X(i), y: Y(i) })),
        Array.from(layout.x, (_, i) => ({ x: X(i), y: Y(i) })),
        this.centre.x * zoom + pan.x,
        this.centre.y * zoom + pan.y,
        w / 2,
        h / 2,
        base * ROLE_LOOK.leader.scale + 4,
        [4, 4, width - 4, height - 4],
      );
      o.fillStyle = paper;
      o.strokeStyle = hue;
      o.lineWidth = 2.5;
      o.beginPath();
      o.roundRect(cx - w / 2, cy - h / 2, w, h, h / 2);
      o.fill();
      o.stroke();
      o.fillStyle = dark ? hue : mix(hue, '#000000', 0.25);
      o.fillText(c.label, cx, cy + 1);
    }

    for (const i of this.recovering) {
      const green = RECOVERING_HUE[theme];
      const r = R(i) + Math.max(9, base * 0.4);
      o.strokeStyle = green;
      o.lineWidth = Math.max(4, base * 0.22);
      o.setLineDash([Math.max(8, base * 0.4), Math.max(5, base * 0.25)]);
      o.beginPath();
      o.arc(X(i), Y(i), r, 0, 2 * Math.PI);
      o.stroke();
      o.setLineDash([]);
      // "back" inside the picture, away from the algorithm's badges (which stand outside).
      const w = o.measureText('back').width + 12;
      const h = font + 6;
      const sx = this.centre.x * zoom + pan.x;
      const sy = this.centre.y * zoom + pan.y;
      const at = badgeCentre(X(i), Y(i), r - 4, w, h, 2 * X(i) - sx, 2 * Y(i) - sy);
      o.fillStyle = green;
      o.beginPath();
      o.roundRect(at.x - w / 2, at.y - h / 2, w, h, h / 2);
      o.fill();
      o.fillStyle = dark ? '#000000' : '#ffffff';
      o.fillText('back', at.x, at.y + 1);
    }

    for (const p of this.puffs) {
      const alpha = puffAlpha(p, now);
      if (alpha <= 0) continue;
      const size = Math.max(14, base * 0.7) * puffGrowth(p, now);
      const at = puffPoint(X(p.from), Y(p.from), X(p.to), Y(p.to), R(p.to) + size * 1.3);
      o.globalAlpha = alpha;
      drawPuff(o, at.x, at.y, size, colour(p.kind), LOST_HUE[theme]);
      o.globalAlpha = 1;
    }
  }

  /** A cut's shading grown by `pad` (screen pixels): its hull with round corners, or a disc per node. */
  private shape(
    ctx: CanvasRenderingContext2D,
    c: CutShape,
    zoom: number,
    pan: Point,
    pad: number,
    colour: string,
  ): void {
    const { x: xs, y: ys } = this.layout!;
    const X = (i: number) => xs[i]! * zoom + pan.x;
    const Y = (i: number) => ys[i]! * zoom + pan.y;
    ctx.fillStyle = colour;
    ctx.strokeStyle = colour;
    if (!c.hull) {
      ctx.beginPath();
      for (const i of c.side) {
        ctx.moveTo(X(i) + pad, Y(i));
        ctx.arc(X(i), Y(i), pad, 0, 2 * Math.PI);
      }
      ctx.fill();
      return;
    }
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    ctx.lineWidth = 2 * pad;
    ctx.beginPath();
    c.hull.forEach((q, k) => {
      const x = q.x * zoom + pan.x;
      const y = q.y * zoom + pan.y;
      if (k === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    });
    ctx.closePath();
    ctx.fill();
    ctx.stroke();
  }
}

/**
 * A puff: a small cloud in the message kind's colour with a red rim and a burst of short strokes, so
 * it reads as "gone" from the back of the room.
 */
export function drawPuff(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  size: number,
  fill: string,
  rim: string,
): void {
  const lobes = 6;
  ctx.beginPath();
  for (let k = 0; k < lobes; k++) {
    const a = (2 * Math.PI * k) / lobes;
    const lx = x + Math.cos(a) * size * 0.5;
    const ly = y + Math.sin(a) * size * 0.5;
    ctx.moveTo(lx + size * 0.5, ly);
    ctx.arc(lx, ly, size * 0.5, 0, 2 * Math.PI);
  }
  ctx.strokeStyle = rim;
  ctx.lineWidth = 4;
  ctx.stroke();
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.strokeStyle = rim;
  ctx.lineWidth = 3;
  ctx.lineCap = 'round';
  ctx.beginPath();
  for (let k = 0; k < 8; k++) {
    const a = (2 * Math.PI * (k + 0.5)) / 8;
    ctx.moveTo(x + Math.cos(a) * size * 1.25, y + Math.sin(a) * size * 1.25);
    ctx.lineTo(x + Math.cos(a) * size * 1.7, y + Math.sin(a) * size * 1.7);
  }
  ctx.stroke();
  ctx.lineCap = 'butt';
}
