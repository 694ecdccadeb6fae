import type { Core } from 'cytoscape';
import type { Graph, SentMessage } from '../engine/types';
import type { Replay } from '../store/replay';
import type { Layout } from './layout';
import type { SvgMessage } from './svgExport';
import { kindColour, kindIndex, textOn } from './palette';
import { clearCanvas, sizeCanvas } from './canvas';

/** Past this many messages in flight, messages are drawn as dots without labels. */
export const LABEL_LIMIT = 48;
/**
 * Past this many, as small squares written straight into the canvas's pixels: Bully on a complete
 * graph of 400 nodes has ~80,000 messages in flight, and 80,000 arcs cost the software rasteriser
 * over a second per frame; 80,000 pixel squares cost a few milliseconds.
 */
export const DENSE_LIMIT = 2_000;
/** Up to this many ordered node pairs (2,048 nodes), the FIFO order per link is read through a typed table. */
const MAX_LINK_TABLE = 2048 * 2048;
const FONT = 'bold 14px system-ui, "Segoe UI", Roboto, sans-serif';
const PILL_H = 22;

export interface OverlayStats {
  /** Messages drawn in the last frame, and how many carried a label. */
  drawn: number;
  labelled: number;
  draws: number;
}

/**
 * Messages in flight, drawn on a 2D canvas above Cytoscape (moving Cytoscape elements would redraw
 * the whole graph every frame). Each message sits on its link at the fraction of its delay that has
 * passed at the clock; later messages on the same link queue behind earlier ones (FIFO), and the two
 * directions of a link keep to their own side.
 */
export class MessageOverlay {
  readonly stats: OverlayStats = { drawn: 0, labelled: 0, draws: 0 };
  private readonly ctx: CanvasRenderingContext2D;
  private graph: Graph | null = null;
  private layout: Layout | null = null;
  private label: (m: SentMessage) => string = (m) => m.msg.kind;
  private kindOf: (kind: string) => number = () => 0;
  private position = new Map<number, number>();
  private reverse = new Set<number>();
  private twoWay = false;

  // The messages in flight at the cursor, in seq order (rebuilt when the cursor moves).
  private count = 0;
  private msgs: SentMessage[] = [];
  private from = new Int32Array(0);
  private to = new Int32Array(0);
  private prev = new Int32Array(0);
  private kind = new Int32Array(0);
  private dead = new Uint8Array(0);
  // Where each was drawn last (CSS pixels), for hit tests.
  private sx = new Float64Array(0);
  private sy = new Float64Array(0);
  private sw = new Float64Array(0);
  private lx = new Float64Array(0);
  private ly = new Float64Array(0);
  private p = new Float64Array(0);
  private labelled = false;
  /** Whether a message's label is drawn (a label that would cover another is left out). */
  private shown = new Uint8Array(0);
  private widths = new Map<string, number>();
  private image: ImageData | null = null;
  private pixels = new Uint32Array(0);
  /** The replay whose messages are to be read at the next draw (null: read already). */
  private source: Replay | null = null;
  private links = new Int32Array(0);
  /** The dot radius of the last draw (CSS pixels). */
  private lastR = 0;
  /** The messages the cursor's step sent: ringed, so they are seen leaving the sender. */
  private fresh: readonly { seq: number }[] = [];
  /** "You choose" mode: the head of every channel (prev = −1) is ringed as clickable. */
  private choosing = false;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    /** The current Cytoscape instance (the view makes a new one per run). */
    private readonly cyOf: () => Core,
  ) {
    this.ctx = canvas.getContext('2d')!;
  }

  setGraph(
    graph: Graph,
    layout: Layout,
    label: ((msg: { kind: string }) => string) | undefined,
    kinds: readonly string[],
  ): void {
    this.graph = graph;
    this.layout = layout;
    this.label = label ? (m) => label(m.msg) : (m) => m.msg.kind;
    this.kindOf = kindIndex(kinds);
    this.position = new Map(graph.ids.map((id, i) => [id, i]));
    const n = graph.ids.length;
    this.reverse.clear();
    // A link whose opposite direction also carries messages: keep each direction to its side.
    // Undirected links all do (no set needed: a complete graph of 400 nodes has 159,600 directions).
    this.twoWay = !graph.directed;
    if (graph.directed) {
      const links = new Set(graph.edges.map((e) => e.a * n + e.b));
      for (const e of graph.edges)
        if (links.has(e.b * n + e.a)) this.reverse.add(e.a * n + e.b).add(e.b * n + e.a);
    }
    this.count = 0;
    this.source = null;
  }

  /** Rings the head of every channel (the messages that may be delivered next) while on. */
  setChoosing(on: boolean): void {
    this.choosing = on;
  }

  /** Whether the message was, at the last draw, the oldest in flight on its channel. */
  isHead(seq: number): boolean {
    const i = this.indexOf(seq);
    return i >= 0 && this.prev[i] === -1;
  }

  /** The messages sent by the step at the cursor (they are ringed where they are drawn). */
  setFresh(sent: readonly { seq: number }[]): void {
    this.fresh = sent;
  }

  /**
   * Takes the messages in flight at the replay's cursor. They are read at the next draw, once per
   * frame however often the cursor moved: a broadcast on a complete graph of 400 nodes has ~80,000
   * in flight, and reading them at every cursor move cost more than the frame.
   */
  setMessages(replay: Replay): void {
    this.source = replay;
  }

  /** Reads the messages in flight from the replay given last, if it has not been read yet. */
  private take(): void {
    const replay = this.source;
    if (!replay) return;
    this.source = null;
    const k = replay.inFlight.size;
    if (this.from.length < k) {
      const size = Math.max(k, this.from.length * 2, 64);
      this.from = new Int32Array(size);
      this.to = new Int32Array(size);
      this.prev = new Int32Array(size);
      this.kind = new Int32Array(size);
      this.dead = new Uint8Array(size);
      this.sx = new Float64Array(size);
      this.sy = new Float64Array(size);
      this.sw = new Float64Array(size);
      this.lx = new Float64Array(size);
      this.ly = new Float64Array(size);
      this.p = new Float64Array(size);
      this.shown = new Uint8Array(size);
    }
    // One array reused from frame to frame (80,000 entries copied anew each time were most of it).
    const msgs = this.msgs;
    msgs.length = k;
    let j = 0;
    for (const m of replay.inFlight.values()) msgs[j++] = m;
    // In send order already unless the cursor went back (undone deliveries re-enter at the end).
    let sorted = true;
    for (let i = 1; i < k && sorted; i++) sorted = msgs[i - 1]!.seq < msgs[i]!.seq;
    if (!sorted) msgs.sort((a, b) => a.seq - b.seq);
    this.count = k;
    const n = this.graph?.ids.length ?? 0;
    // The last message seen on each link, by link a·n + b: a typed table up to 2,048 nodes.
    const table = n * n <= MAX_LINK_TABLE ? this.linkTable(n * n) : null;
    const lastOnLink = table ? null : new Map<number, number>();
    for (let i = 0; i < k; i++) {
      const m = msgs[i]!;
      const a = this.position.get(m.from) ?? 0;
      const b = this.position.get(m.to) ?? 0;
      this.from[i] = a;
      this.to[i] = b;
      this.kind[i] = this.kindOf(m.msg.kind);
      this.dead[i] = replay.crashed[b] ? 1 : 0;
      const link = a * n + b;
      if (table) {
        this.prev[i] = table[link]! - 1;
        table[link] = i + 1;
      } else {
        this.prev[i] = lastOnLink!.get(link) ?? -1;
        lastOnLink!.set(link, i);
      }
    }
    // Cleared through the messages just read, not the whole n² table.
    if (table) for (let i = 0; i < k; i++) table[this.from[i]! * n + this.to[i]!] = 0;
  }

  /** A zeroed table of `size` entries, kept between frames. */
  private linkTable(size: number): Int32Array {
    if (this.links.length < size) this.links = new Int32Array(size);
    return this.links;
  }

  resize(width: number, height: number): void {
    sizeCanvas(this.canvas, width, height);
  }

  draw(clock: number, selectedSeq: number | null): void {
    this.take();
    const ctx = this.ctx;
    const dpr = clearCanvas(ctx, this.canvas);
    this.stats.draws++;
    const layout = this.layout;
    const k = this.count;
    if (!layout || k === 0) {
      this.stats.drawn = 0;
      this.stats.labelled = 0;
      return;
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const zoom = this.cyOf().zoom();
    const pan = this.cyOf().pan();
    const nodeR = (layout.nodeSize / 2) * zoom;
    const labels = k <= LABEL_LIMIT && nodeR >= 9;
    const r = Math.max(2, Math.min(labels ? 7 : 9, nodeR * 0.42));
    this.labelled = labels;
    this.lastR = r;
    ctx.font = FONT;
    const n = this.graph!.ids.length;
    const msgs = this.msgs;
    for (let i = 0; i < k; i++) {
      const m = msgs[i]!;
      const a = this.from[i]!;
      const b = this.to[i]!;
      const ax = layout.x[a]! * zoom + pan.x;
      const ay = layout.y[a]! * zoom + pan.y;
      const w = labels ? this.textWidth(this.label(m)) + 12 : 2 * r;
      this.sw[i] = w;
      const span = m.deliverAt - m.sendTime;
      let p = span > 0 ? (clock - m.sendTime) / span : 1;
      p = p < 0 ? 0 : p > 1 ? 1 : p;
      if (a === b) {
        // A self-loop (n = 1): go round a circle beside the node.
        const t = -Math.PI / 2 + 2 * Math.PI * p;
        this.sx[i] = ax + nodeR * 1.8 * Math.cos(t) + nodeR * 1.8;
        this.sy[i] = ay + nodeR * 1.8 * Math.sin(t);
        this.lx[i] = this.sx[i]! + r + 3 + w / 2;
        this.ly[i] = this.sy[i]!;
        this.p[i] = p;
        continue;
      }
      const bx = layout.x[b]! * zoom + pan.x;
      const by = layout.y[b]! * zoom + pan.y;
      const dx = bx - ax;
      const dy = by - ay;
      const len = Math.sqrt(dx * dx + dy * dy) || 1;
      const ux = dx / len;
      const uy = dy / len;
      // The left of the direction of travel (screen y points down): clockwise ring traffic keeps
      // outside the ring, and the two directions of a link keep to opposite sides.
      const nx = uy;
      const ny = -ux;
      // Travel between the node borders, so a message is never hidden under a node.
      const inner = Math.max(1, len - 2 * nodeR - 2 * r);
      // A label's extent along and across the link (an axis-aligned pill on a slanted link).
      const along = labels ? Math.abs(ux) * w + Math.abs(uy) * PILL_H : 2 * r;
      const across = labels ? (Math.abs(nx) * w + Math.abs(ny) * PILL_H) / 2 : 0;
      const prev = this.prev[i]!;
      if (prev >= 0) {
        // FIFO: queue behind the message ahead on this link, a little more than a message apart.
        const gap = (Math.max(along, 2 * r) * 1.1) / inner;
        p = Math.max(0, Math.min(p, this.p[prev]! - gap));
      }
      this.p[i] = p;
      const off = nodeR + r + inner * p;
      const lane = this.twoWay || this.reverse.has(a * n + b) ? r + 1 : 0;
      this.sx[i] = ax + ux * off + nx * lane;
      this.sy[i] = ay + uy * off + ny * lane;
      // The label rides beside its dot, clear of the link.
      this.lx[i] = this.sx[i]! + nx * (r + 3 + across);
      this.ly[i] = this.sy[i]! + ny * (r + 3 + across);
    }
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = '#000000';
    if (labels) this.placeLabels(selectedSeq, zoom, pan, nodeR);
    if (k > DENSE_LIMIT) this.drawPixels(ctx, r, selectedSeq);
    else this.drawDots(ctx, r, labels ? null : selectedSeq);
    if (k <= DENSE_LIMIT) this.ringFresh(ctx, r);
    if (this.choosing && k <= DENSE_LIMIT) this.ringHeads(ctx, r, labels);
    if (labels) this.drawPills(ctx, selectedSeq);
    this.stats.drawn = k;
    let shown = 0;
    if (labels) for (let i = 0; i < k; i++) shown += this.shown[i]!;
    this.stats.labelled = shown;
  }

  /** Every message as a square of about 2r CSS pixels (at most 3), its kind's colour, in one putImageData. */
  private drawPixels(ctx: CanvasRenderingContext2D, r: number, selectedSeq: number | null): void {
    const w = this.canvas.width;
    const h = this.canvas.height;
    if (!this.image || this.image.width !== w || this.image.height !== h) {
      this.image = ctx.createImageData(w, h);
      this.pixels = new Uint32Array(this.image.data.buffer);
    }
    const px = this.pixels;
    px.fill(0);
    const dpr = window.devicePixelRatio || 1;
    const half = Math.max(1, Math.round(Math.min(r, 1.5) * dpr));
    const colours = new Map<number, number>();
    for (let i = 0; i < this.count; i++) {
      const key = this.kind[i]! * 2 + this.dead[i]!;
      let c = colours.get(key);
      if (c === undefined) {
        c = packed(kindColour(this.kind[i]!), this.dead[i] ? 115 : 255);
        colours.set(key, c);
      }
      const x0 = Math.round(this.sx[i]! * dpr) - half;
      const y0 = Math.round(this.sy[i]! * dpr) - half;
      for (let y = Math.max(0, y0); y < Math.min(h, y0 + 2 * half); y++) {
        const row = y * w;
        for (let x = Math.max(0, x0); x < Math.min(w, x0 + 2 * half); x++) px[row + x] = c;
      }
    }
    ctx.putImageData(this.image, 0, 0);
    const sel = this.indexOf(selectedSeq);
    if (sel >= 0) this.ring(ctx, this.sx[sel]!, this.sy[sel]!, r + 4, r + 4);
  }

  private drawDots(ctx: CanvasRenderingContext2D, r: number, selectedSeq: number | null): void {
    const k = this.count;
    // One path per kind: a fill style change per kind, not per message.
    const kinds = new Set<number>();
    for (let i = 0; i < k; i++) kinds.add(this.kind[i]!);
    for (const kind of kinds) {
      for (const dead of [0, 1]) {
        ctx.beginPath();
        let any = false;
        for (let i = 0; i < k; i++) {
          if (this.kind[i] !== kind || this.dead[i] !== dead) continue;
          ctx.moveTo(this.sx[i]! + r, this.sy[i]!);
          ctx.arc(this.sx[i]!, this.sy[i]!, r, 0, 2 * Math.PI);
          any = true;
        }
        if (!any) continue;
        ctx.globalAlpha = dead ? 0.45 : 1;
        ctx.fillStyle = kindColour(kind);
        ctx.fill();
        if (r >= 4) ctx.stroke();
      }
    }
    ctx.globalAlpha = 1;
    const sel = this.indexOf(selectedSeq);
    if (sel >= 0) this.ring(ctx, this.sx[sel]!, this.sy[sel]!, r + 4, r + 4);
  }

  /**
   * Greedy label placement in send order: each label goes on the left of its link, else on the
   * right, else it is left out (its dot stays; a click shows it). The selected message goes first.
   */
  private placeLabels(
    selectedSeq: number | null,
    zoom: number,
    pan: { x: number; y: number },
    nodeR: number,
  ): void {
    const placed: number[] = [];
    const dpr = window.devicePixelRatio || 1;
    const width = this.canvas.width / dpr;
    const height = this.canvas.height / dpr;
    const clash = (x: number, y: number, w: number) => {
      // A label cut by the panel's edge is no label.
      if (x - w / 2 < 2 || x + w / 2 > width - 2 || y - PILL_H / 2 < 2 || y + PILL_H / 2 > height - 2)
        return true;
      for (let q = 0; q < placed.length; q += 3)
        if (
          Math.abs(x - placed[q]!) < (w + placed[q + 2]!) / 2 + 3 &&
          Math.abs(y - placed[q + 1]!) < PILL_H + 3
        )
          return true;
      // Keep node ids readable: a label may touch a node but not cover its id (small graphs only).
      const layout = this.layout!;
      const n = layout.x.length;
      if (n <= 400)
        for (let v = 0; v < n; v++) {
          const cx = layout.x[v]! * zoom + pan.x;
          const cy = layout.y[v]! * zoom + pan.y;
          if (Math.abs(x - cx) < w / 2 + nodeR * 0.45 && Math.abs(y - cy) < PILL_H / 2 + nodeR * 0.4)
            return true;
        }
      return false;
    };
    const sel = this.indexOf(selectedSeq);
    const order =
      sel >= 0 ? [sel, ...Array.from({ length: this.count }, (_, i) => i).filter((i) => i !== sel)] : null;
    for (let t = 0; t < this.count; t++) {
      const i = order ? order[t]! : t;
      const w = this.sw[i]!;
      let x = this.lx[i]!;
      let y = this.ly[i]!;
      let ok = !clash(x, y, w);
      if (!ok) {
        // The mirror image across the dot: the other side of the link.
        x = 2 * this.sx[i]! - x;
        y = 2 * this.sy[i]! - y;
        ok = !clash(x, y, w);
      }
      this.shown[i] = ok ? 1 : 0;
      if (!ok) continue;
      this.lx[i] = x;
      this.ly[i] = y;
      placed.push(x, y, w);
    }
  }

  private drawPills(ctx: CanvasRenderingContext2D, selectedSeq: number | null): void {
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (let i = 0; i < this.count; i++) {
      if (!this.shown[i]) continue;
      const w = this.sw[i]!;
      const x = this.lx[i]! - w / 2;
      const y = this.ly[i]! - PILL_H / 2;
      const fill = kindColour(this.kind[i]!);
      ctx.globalAlpha = this.dead[i] ? 0.5 : 1;
      ctx.beginPath();
      ctx.roundRect(x, y, w, PILL_H, PILL_H / 2);
      ctx.fillStyle = fill;
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = textOn(fill);
      ctx.fillText(this.label(this.msgs[i]!), this.lx[i]!, this.ly[i]! + 1);
    }
    ctx.globalAlpha = 1;
    const sel = this.indexOf(selectedSeq);
    if (sel >= 0) this.ring(ctx, this.lx[sel]!, this.ly[sel]!, this.sw[sel]! / 2 + 4, PILL_H / 2 + 4);
  }

  /** A halo round each message the current step sent (a handful: a step sends to its neighbours). */
  private ringFresh(ctx: CanvasRenderingContext2D, r: number): void {
    if (this.fresh.length === 0 || this.fresh.length > 64) return;
    ctx.save();
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = document.documentElement.dataset.theme === 'dark' ? '#ffffff' : '#000000';
    for (const m of this.fresh) {
      const i = this.indexOf(m.seq);
      if (i < 0) continue;
      ctx.beginPath();
      ctx.arc(this.sx[i]!, this.sy[i]!, r + 3.5, 0, 2 * Math.PI);
      ctx.stroke();
    }
    ctx.restore();
  }

  /**
   * "You choose": a thick amber ring with a dark rim round each channel's head, and its pill framed
   * the same way, so the messages a click may deliver stand out from the back row.
   */
  private ringHeads(ctx: CanvasRenderingContext2D, r: number, labels: boolean): void {
    ctx.save();
    for (const [width, colour] of [
      [9, '#1a1a1a'],
      [5, '#ffb300'],
    ] as const) {
      ctx.lineWidth = width;
      ctx.strokeStyle = colour;
      for (let i = 0; i < this.count; i++) {
        if (this.prev[i] !== -1) continue;
        ctx.beginPath();
        ctx.arc(this.sx[i]!, this.sy[i]!, r + 6, 0, 2 * Math.PI);
        ctx.stroke();
        if (labels && this.shown[i]) {
          const w = this.sw[i]!;
          ctx.beginPath();
          ctx.roundRect(
            this.lx[i]! - w / 2 - 3,
            this.ly[i]! - PILL_H / 2 - 3,
            w + 6,
            PILL_H + 6,
            PILL_H / 2 + 3,
          );
          ctx.stroke();
        }
      }
    }
    ctx.restore();
  }

  /**
   * Where each message was drawn in the last frame (CSS pixels in the panel): its dot, and its label
   * where one was shown. For the slide export, which writes the picture on screen.
   */
  placements(): {
    r: number;
    pill: number;
    /** In screen pixels; the size of a dot and a pill is the same for all (r, pill). */
    msgs: Omit<SvgMessage, 'r' | 'h' | 'font'>[];
  } {
    const msgs = [];
    for (let i = 0; i < this.count; i++) {
      const shown = this.labelled && this.shown[i] === 1;
      msgs.push({
        x: this.sx[i]!,
        y: this.sy[i]!,
        colour: kindColour(this.kind[i]!),
        dead: this.dead[i] === 1,
        label: shown ? this.label(this.msgs[i]!) : null,
        lx: this.lx[i]!,
        ly: this.ly[i]!,
        w: this.sw[i]!,
      });
    }
    return { r: this.lastR, pill: PILL_H, msgs };
  }

  private ring(ctx: CanvasRenderingContext2D, x: number, y: number, rx: number, ry: number): void {
    ctx.save();
    ctx.lineWidth = 3;
    ctx.setLineDash([5, 3]);
    ctx.beginPath();
    ctx.ellipse(x, y, rx, ry, 0, 0, 2 * Math.PI);
    ctx.stroke();
    ctx.restore();
  }

  private indexOf(seq: number | null): number {
    if (seq === null) return -1;
    for (let i = 0; i < this.count; i++) if (this.msgs[i]!.seq === seq) return i;
    return -1;
  }

  private textWidth(text: string): number {
    let w = this.widths.get(text);
    if (w === undefined) {
      w = this.ctx.measureText(text).width;
      if (this.widths.size > 5000) this.widths.clear();
      this.widths.set(text, w);
    }
    return w;
  }

  /** The message drawn under a point (CSS pixels in the panel), topmost first; null if none. */
  hitTest(x: number, y: number): number | null {
    const zoom = this.cyOf().zoom();
    const r =
      Math.max(
        3,
        Math.min(this.labelled ? 7 : 9, (this.layout ? this.layout.nodeSize / 2 : 20) * zoom * 0.42),
      ) + 3;
    for (let i = this.count - 1; i >= 0; i--) {
      const onPill =
        this.labelled &&
        this.shown[i] === 1 &&
        Math.abs(x - this.lx[i]!) <= this.sw[i]! / 2 + 2 &&
        Math.abs(y - this.ly[i]!) <= PILL_H / 2 + 2;
      if (onPill || (x - this.sx[i]!) ** 2 + (y - this.sy[i]!) ** 2 <= r * r) return this.msgs[i]!.seq;
    }
    return null;
  }

  /** Where a message was last drawn (tests click it). */
  pointOf(seq: number): { x: number; y: number } | null {
    const i = this.indexOf(seq);
    if (i < 0) return null;
    return this.labelled && this.shown[i]
      ? { x: this.lx[i]!, y: this.ly[i]! }
      : { x: this.sx[i]!, y: this.sy[i]! };
  }
}

/** #rrggbb and an alpha as one RGBA pixel in a little-endian Uint32Array over ImageData. */
function packed(hex: string, alpha: number): number {
  const v = parseInt(hex.slice(1), 16);
  return ((alpha << 24) | ((v & 255) << 16) | (v & 0xff00) | ((v >> 16) & 255)) >>> 0;
}
