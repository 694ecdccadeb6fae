import type { Role } from '../engine/types';
import { badgeCentre, centreOf, type GroupName, type Wait } from './drawing';
import type { Layout } from './layout';
import { graphThemeOf, ROLE_LOOK, WAIT_NOTICE } from './palette';
import { clearCanvas, sizeCanvas } from './canvas';

/** The step at the cursor, as the graph marks it. */
export interface StepMark {
  /** Position of the node that acted, or −1 (step 0). */
  actor: number;
  /** A delivery: the sender's position (−1: not a delivery) and the message kind's colour. */
  from: number;
  colour: string;
}

export const NO_STEP: StepMark = { actor: -1, from: -1, colour: '#000000' };

/** How long one pulse of the acting node takes, in ms. */
const PULSE_MS = 1200;
/**
 * Pulses after each step; then the ring rests. A paused stage would otherwise redraw every frame for
 * as long as the page stays open, and a pulse that never stops pulls the eye from the lecturer.
 */
const PULSES = 3;

/**
 * What the graph shows of the current step and of the algorithm's drawing beyond Cytoscape's nodes
 * and edges, on a canvas between them and the messages: the badges beside the ids (DrawingDecl.badge),
 * the groups' names, the waits as rings that empty, the acting node's pulse and the delivered
 * message's trail. Small graphs only (the canvas layers of large ones draw dots).
 */
export class StageLayer {
  private readonly ctx: CanvasRenderingContext2D;
  private layout: Layout | null = null;
  private roles: readonly Role[] = [];
  private badges: readonly (string | null)[] = [];
  private names: readonly GroupName[] = [];
  private centre = { x: 0, y: 0 };
  private waits: readonly Wait[] = [];
  private step: StepMark = NO_STEP;
  private stepAt = 0;
  /** Whether the last frame drew the pulse running. */
  private pulsing = false;

  constructor(private readonly canvas: HTMLCanvasElement) {
    this.ctx = canvas.getContext('2d')!;
  }

  setGraph(layout: Layout | null, roles: readonly Role[]): void {
    this.layout = layout;
    this.roles = roles;
    // Large graphs draw nothing here: out of the page's layers, so compositing costs nothing either.
    this.canvas.style.display = layout ? '' : 'none';
    this.centre = layout ? centreOf(layout.x, layout.y) : { x: 0, y: 0 };
    this.badges = [];
    this.names = [];
    this.waits = [];
    this.step = NO_STEP;
  }

  setStage(badges: readonly (string | null)[], names: readonly GroupName[]): void {
    this.badges = badges;
    this.names = names;
  }

  setWaits(waits: readonly Wait[]): void {
    this.waits = waits;
  }

  /** The cursor's step; its pulse starts again when the step changes. */
  setStep(step: StepMark, now: number): void {
    if (step.actor !== this.step.actor || step.from !== this.step.from || step !== this.step)
      this.stepAt = now;
    this.step = step;
  }

  /**
   * True where the frame must redraw the layer though nothing it shows changed: while the acting
   * node's pulse runs, and once more when it comes to rest. (A wait empties with the clock, which the
   * caller watches.)
   */
  needsFrame(now: number): boolean {
    const running = this.pulseRuns(now);
    const need = running || this.pulsing;
    this.pulsing = running;
    return need;
  }

  private pulseRuns(now: number): boolean {
    return this.layout !== null && this.step.actor >= 0 && now - this.stepAt < PULSES * PULSE_MS;
  }

  resize(width: number, height: number): void {
    sizeCanvas(this.canvas, width, height);
  }

  draw(zoom: number, pan: { x: number; y: number }, clock: number, now: number): void {
    const ctx = this.ctx;
    const dpr = clearCanvas(ctx, this.canvas);
    const layout = this.layout;
    if (!layout) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const { ink, paper } = graphThemeOf();
    const base = (layout.nodeSize / 2) * zoom;
    const X = (i: number) => layout.x[i]! * zoom + pan.x;
    const Y = (i: number) => layout.y[i]! * zoom + pan.y;
    const R = (i: number) => base * ROLE_LOOK[this.roles[i] ?? 'idle'].scale;
    const { actor, from, colour } = this.step;

    if (actor >= 0 && from >= 0 && from !== actor) {
      // The delivered message's trail: the last stretch of its link, fading toward the sender.
      const dx = X(from) - X(actor);
      const dy = Y(from) - Y(actor);
      const len = Math.hypot(dx, dy) || 1;
      const x0 = X(actor) + (dx / len) * R(actor);
      const y0 = Y(actor) + (dy / len) * R(actor);
      const reach = Math.min(len * 0.5, Math.max(40, base * 3.2));
      const x1 = x0 + (dx / len) * reach;
      const y1 = y0 + (dy / len) * reach;
      const g = ctx.createLinearGradient(x0, y0, x1, y1);
      g.addColorStop(0, colour);
      g.addColorStop(1, `${colour}00`);
      ctx.strokeStyle = g;
      ctx.lineCap = 'round';
      ctx.lineWidth = Math.max(4, base * 0.32);
      ctx.beginPath();
      ctx.moveTo(x0, y0);
      ctx.lineTo(x1, y1);
      ctx.stroke();
      ctx.lineCap = 'butt';
    }

    for (const w of this.waits) {
      // The part of the wait still to run, clockwise from the top; the whole ring faint beneath it.
      const left = w.until > w.from ? Math.max(0, Math.min(1, (w.until - clock) / (w.until - w.from))) : 0;
      const r = R(w.at) + Math.max(7, base * 0.35);
      ctx.lineWidth = Math.max(4, base * 0.22);
      ctx.strokeStyle = ink;
      ctx.globalAlpha = 0.18;
      ctx.beginPath();
      ctx.arc(X(w.at), Y(w.at), r, 0, 2 * Math.PI);
      ctx.stroke();
      ctx.globalAlpha = 1;
      ctx.strokeStyle = w.label === 'notice' ? WAIT_NOTICE : ink;
      ctx.beginPath();
      ctx.arc(X(w.at), Y(w.at), r, -Math.PI / 2, -Math.PI / 2 + 2 * Math.PI * left);
      ctx.stroke();
    }

    if (actor >= 0) {
      const r = R(actor) + 5;
      ctx.strokeStyle = ink;
      ctx.lineWidth = 3;
      ctx.beginPath();
      ctx.arc(X(actor), Y(actor), r, 0, 2 * Math.PI);
      ctx.stroke();
      if (this.pulseRuns(now)) {
        const phase = ((now - this.stepAt) % PULSE_MS) / PULSE_MS;
        ctx.globalAlpha = 0.6 * (1 - phase);
        ctx.lineWidth = 4;
        ctx.beginPath();
        ctx.arc(X(actor), Y(actor), r + phase * Math.max(16, base * 0.8), 0, 2 * Math.PI);
        ctx.stroke();
        ctx.globalAlpha = 1;
      }
    }

    const font = Math.round(Math.max(12, Math.min(22, base * 0.62)));
    ctx.font = `bold ${font}px system-ui, "Segoe UI", Roboto, sans-serif`;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'center';
    const h = font + 8;
    const cx = this.centre.x * zoom + pan.x;
    const cy = this.centre.y * zoom + pan.y;
    ctx.lineWidth = 1.5;
    for (let i = 0; i < this.badges.length; i++) {
      const b = this.badges[i];
      if (!b) continue;
      const w = ctx.measureText(b).width + 12;
      const c = badgeCentre(X(i), Y(i), R(i), w, h, cx, cy);
      ctx.fillStyle = paper;
      ctx.strokeStyle = ink;
      ctx.beginPath();
      ctx.roundRect(c.x - w / 2, c.y - h / 2, w, h, h / 2);
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = ink;
      ctx.fillText(b, c.x, c.y + 1);
    }
    if (this.names.length) this.drawLegend(ctx, font, ink, paper);
  }

  /** The groups' names (GHS: fragment and level), each with its colour, in the top left corner. */
  private drawLegend(ctx: CanvasRenderingContext2D, font: number, ink: string, paper: string): void {
    // A narrow panel (a phone) gets a tighter legend of at most four rows, so it does not hide the graph.
    const narrow = this.canvas.width / (window.devicePixelRatio || 1) < 420;
    const size = narrow ? 14 : Math.max(14, Math.min(18, font));
    ctx.font = `bold ${size}px system-ui, "Segoe UI", Roboto, sans-serif`;
    ctx.textAlign = 'left';
    const row = size + (narrow ? 6 : 10);
    const max = narrow ? 4 : 8;
    const shown = this.names.slice(0, max);
    const more = this.names.length - shown.length;
    const lines = shown.map((g) => `${g.text}  (${g.size})`);
    if (more > 0) lines.push(`+ ${more} more`);
    let w = 0;
    for (const l of lines) w = Math.max(w, ctx.measureText(l).width);
    w += size + 26;
    // Below the panel's title line.
    const top = 36;
    ctx.globalAlpha = 0.88;
    ctx.fillStyle = paper;
    ctx.fillRect(6, top, w, lines.length * row + 8);
    ctx.globalAlpha = 1;
    lines.forEach((l, k) => {
      const y = top + 4 + k * row + row / 2;
      const g = shown[k];
      if (g) {
        ctx.beginPath();
        ctx.arc(12 + size / 2, y, size / 2, 0, 2 * Math.PI);
        ctx.fillStyle = paper;
        ctx.fill();
        ctx.lineWidth = 5;
        ctx.strokeStyle = g.colour;
        ctx.stroke();
      }
      ctx.fillStyle = ink;
      ctx.fillText(l, 18 + size, y + 1);
    });
  }
}
