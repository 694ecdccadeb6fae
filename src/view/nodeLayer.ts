import type { Role } from '../engine/types';
import type { Layout } from './layout';
import { ROLE_LOOK, ROLE_ORDER } from './palette';
import { clearCanvas, sizeCanvas } from './canvas';

const DASH: Record<string, number[]> = { solid: [], double: [], dashed: [5, 3], dotted: [2, 2.5] };

/**
 * The nodes of a large graph, drawn on a canvas instead of as Cytoscape elements: styling a few
 * thousand elements costs Cytoscape most of a second before the first paint, and at that scale a
 * node is a dot. Same look as the small-graph view (palette.ts): role fill, and once nodes are big
 * enough on screen, the border style, the shape, the leader's size and ★, the ids.
 */
export class NodeLayer {
  private readonly ctx: CanvasRenderingContext2D;
  private layout: Layout | null = null;
  private roles: Role[] = [];
  private labels: string[] = [];
  private selected = -1;

  constructor(private readonly canvas: HTMLCanvasElement) {
    this.ctx = canvas.getContext('2d')!;
  }

  setGraph(layout: Layout | null, labels: string[]): void {
    this.layout = layout;
    this.labels = labels;
    this.roles = labels.map(() => 'idle');
    this.selected = -1;
  }

  get active(): boolean {
    return this.layout !== null;
  }

  setRole(i: number, role: Role, label: string): void {
    this.roles[i] = role;
    this.labels[i] = label;
  }

  setSelected(i: number | null): void {
    this.selected = i ?? -1;
  }

  resize(width: number, height: number): void {
    sizeCanvas(this.canvas, width, height);
  }

  private radius(zoom: number, role: Role): number {
    return (this.layout!.nodeSize / 2) * zoom * ROLE_LOOK[role].scale;
  }

  draw(zoom: number, pan: { x: number; y: number }): void {
    const ctx = this.ctx;
    const dpr = clearCanvas(ctx, this.canvas);
    const layout = this.layout;
    if (!layout) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const w = this.canvas.width / dpr;
    const h = this.canvas.height / dpr;
    const base = (layout.nodeSize / 2) * zoom;
    const detailed = base >= 5;
    // Leaders last, so they are on top.
    for (const role of [...ROLE_ORDER].reverse()) {
      const look = ROLE_LOOK[role];
      const r = Math.max(1.2, base * look.scale);
      ctx.beginPath();
      let any = false;
      for (let i = 0; i < this.roles.length; i++) {
        if (this.roles[i] !== role) continue;
        const x = layout.x[i]! * zoom + pan.x;
        const y = layout.y[i]! * zoom + pan.y;
        if (x < -r || y < -r || x > w + r || y > h + r) continue;
        any = true;
        if (!detailed) ctx.rect(x - r, y - r, 2 * r, 2 * r);
        else this.shape(ctx, look.shape, x, y, r);
      }
      if (!any) continue;
      ctx.fillStyle = look.fill;
      ctx.fill();
      if (detailed) {
        ctx.setLineDash(DASH[look.borderStyle]!);
        ctx.lineWidth = Math.max(1, Math.min(look.borderWidth, look.borderWidth * zoom));
        ctx.strokeStyle = '#000000';
        ctx.stroke();
        ctx.setLineDash([]);
      } else if (role === 'idle') {
        ctx.strokeStyle = '#777777';
        ctx.lineWidth = 0.5;
        ctx.stroke();
      }
    }
    // The leader: a ring around it however small the graph is drawn.
    for (let i = 0; i < this.roles.length; i++) {
      if (this.roles[i] !== 'leader') continue;
      const r = Math.max(6, this.radius(zoom, 'leader') + 3);
      ctx.beginPath();
      ctx.arc(layout.x[i]! * zoom + pan.x, layout.y[i]! * zoom + pan.y, r, 0, 2 * Math.PI);
      ctx.lineWidth = 2.5;
      ctx.strokeStyle = '#000000';
      ctx.stroke();
    }
    if (this.selected >= 0) {
      const i = this.selected;
      ctx.beginPath();
      ctx.arc(
        layout.x[i]! * zoom + pan.x,
        layout.y[i]! * zoom + pan.y,
        Math.max(7, this.radius(zoom, this.roles[i]!) + 6),
        0,
        2 * Math.PI,
      );
      ctx.lineWidth = 3;
      ctx.setLineDash([4, 3]);
      ctx.strokeStyle = '#000000';
      ctx.stroke();
      ctx.setLineDash([]);
    }
    if (base >= 9) this.drawLabels(ctx, zoom, pan, w, h);
  }

  private drawLabels(
    ctx: CanvasRenderingContext2D,
    zoom: number,
    pan: { x: number; y: number },
    w: number,
    h: number,
  ) {
    const layout = this.layout!;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (let i = 0; i < this.roles.length; i++) {
      const x = layout.x[i]! * zoom + pan.x;
      const y = layout.y[i]! * zoom + pan.y;
      if (x < 0 || y < 0 || x > w || y > h) continue;
      const look = ROLE_LOOK[this.roles[i]!];
      ctx.font = `bold ${Math.round(Math.min(24, this.radius(zoom, this.roles[i]!) * 0.8))}px system-ui, sans-serif`;
      ctx.fillStyle = look.text;
      ctx.fillText(this.labels[i]!, x, y + 1);
    }
  }

  private shape(ctx: CanvasRenderingContext2D, shape: string, x: number, y: number, r: number): void {
    if (shape === 'round-rectangle') {
      ctx.moveTo(x + r, y);
      ctx.roundRect(x - r, y - r, 2 * r, 2 * r, r * 0.3);
    } else if (shape === 'octagon') {
      for (let k = 0; k < 8; k++) {
        const a = Math.PI / 8 + (k * Math.PI) / 4;
        if (k === 0) ctx.moveTo(x + r * Math.cos(a), y + r * Math.sin(a));
        else ctx.lineTo(x + r * Math.cos(a), y + r * Math.sin(a));
      }
      ctx.closePath();
    } else {
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
    }
  }

  /** The node under a point (CSS pixels), nearest first; -1 if none. */
  hitTest(x: number, y: number, zoom: number, pan: { x: number; y: number }): number {
    const layout = this.layout;
    if (!layout) return -1;
    let best = -1;
    let bestD = Infinity;
    for (let i = 0; i < this.roles.length; i++) {
      const dx = layout.x[i]! * zoom + pan.x - x;
      const dy = layout.y[i]! * zoom + pan.y - y;
      const d = dx * dx + dy * dy;
      const r = Math.max(4, this.radius(zoom, this.roles[i]!));
      if (d <= r * r && d < bestD) {
        best = i;
        bestD = d;
      }
    }
    return best;
  }
}
