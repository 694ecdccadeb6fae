import type { Core } from 'cytoscape';
import type { Graph, SentMessage } from '../engine/types';
import type { Replay } from '../store/replay';
import type { Layout } from './layout';
import type { SvgMessage } from './svgExport';
import { graphThemeOf, kindColours, kindIndex, textOn } from './palette';
import { clearCanvas, sizeCanvas } from './canvas';
import { fanOut, fanOutScratch } from './fanOut';
import { LabelPlacer, leaderLine } from './labelPlace';

/**
 * Past this many messages in flight, or on a crowded graph (more than CROWDED_DEGREE links per node:
 * Bully's complete graph), only the current step's, the hovered and the selected messages are labelled.
 */
export const LABEL_LIMIT = 48;
const CROWDED_DEGREE = 2;
/** A step that sent more than this (a broadcast on a big graph) has its messages unlabelled. */
const MAX_FRESH_LABELS = 16;
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
  /** Milliseconds the last frame spent choosing and placing labels. */
  placeMs: number;
}

/**
 * Messages in flight, drawn on a 2D canvas above Cytoscape (moving Cytoscape elements would redraw
 * the whole graph every frame). Each message sits on its link at the fraction of its delay that has
 * passed at the clock; later messages on the same link queue behind earlier ones (FIFO), and the two
 * directions of a link keep to their own side.
 */
export class MessageOverlay {
  readonly stats: OverlayStats = { drawn: 0, labelled: 0, draws: 0, placeMs: 0 };
  private readonly ctx: CanvasRenderingContext2D;
  private graph: Graph | null = null;
  private layout: Layout | null = null;
  private label: (m: SentMessage) => string = (m) => m.msg.kind;
  private kindOf: (kind: string) => number = () => 0;
  private position = new Map<number, number>();
  private reverse = new Set<number>();
  private twoWay = false;
  /** More links than CROWDED_DEGREE per node: label only the messages asked about. */
  private crowded = false;
  private colours: (kind: number) => string = kindColours(false);
  private hovered: number | null = null;

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
  private q = new Float64Array(0);
  private gap = new Float64Array(0);
  private nx = new Float64Array(0);
  private ny = new Float64Array(0);
  private order = new Int32Array(0);
  private fan = fanOutScratch(0);
  private obstacles = new Float64Array(0);
  private readonly placer = new LabelPlacer();
  /** Every message was offered a label in the last frame (else only those asked about). */
  private labelled = false;
  /** Whether a message's label is drawn: 1 placed, 0 not (no room, or not offered). */
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
    this.crowded = graph.edges.length > CROWDED_DEGREE * n;
    this.hovered = null;
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

  /** The message under the pointer (labelled while hovered); true if that changed. */
  setHovered(seq: number | null): boolean {
    if (seq === this.hovered) return false;
    this.hovered = seq;
    return true;
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
      this.q = new Float64Array(size);
      this.gap = new Float64Array(size);
      this.nx = new Float64Array(size);
      this.ny = new Float64Array(size);
      this.order = new Int32Array(size);
      this.fan = fanOutScratch(size);
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
      // Doomed: its receiver is down, or the network lost it when it was sent (C17 fixes that then).
      this.dead[i] = replay.crashed[b] || m.lost ? 1 : 0;
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
    this.shown.fill(0, 0, k);
    if (!layout || k === 0) {
      this.stats.drawn = 0;
      this.stats.labelled = 0;
      this.stats.placeMs = 0;
      return;
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const zoom = this.cyOf().zoom();
    const pan = this.cyOf().pan();
    const nodeR = (layout.nodeSize / 2) * zoom;
    // Every message labelled on a sparse graph with few in flight; else only the current step's, the
    // hovered and the selected one (the rest are dots in their kind's colour).
    const all = k <= LABEL_LIMIT && !this.crowded && nodeR >= 9;
    const r = Math.max(2, Math.min(all ? 7 : 9, nodeR * 0.42));
    this.labelled = all;
    this.lastR = r;
    this.colours = kindColours(document.documentElement.dataset.theme === 'dark');
    ctx.font = FONT;
    this.layOut(clock, zoom, pan, nodeR, r);
    const started = performance.now();
    const labels = this.chooseLabels(all, selectedSeq);
    if (labels > 0) this.placeLabels(labels, zoom, pan, nodeR, r);
    this.stats.placeMs = performance.now() - started;
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = '#000000';
    if (k > DENSE_LIMIT) this.drawPixels(ctx, r, selectedSeq);
    else this.drawDots(ctx, r, selectedSeq);
    if (k <= DENSE_LIMIT) this.ringFresh(ctx, r);
    if (this.choosing && k <= DENSE_LIMIT) this.ringHeads(ctx, r, labels > 0);
    if (labels > 0) this.drawPills(ctx, r, selectedSeq);
    this.stats.drawn = k;
    let shown = 0;
    if (labels > 0) for (let t = 0; t < labels; t++) shown += this.shown[this.order[t]!]!;
    this.stats.labelled = shown;
  }

  /**
   * Where each message's dot is at the clock: on its link at the fraction of its delay that has
   * passed, behind the message ahead of it on its channel, the channel's queue spread along the link
   * (fanOut.ts); the two directions of a link each on their own side.
   */
  private layOut(clock: number, zoom: number, pan: { x: number; y: number }, nodeR: number, r: number): void {
    const layout = this.layout!;
    const k = this.count;
    const n = this.graph!.ids.length;
    const msgs = this.msgs;
    // Travel between the node borders, so a message is never hidden under a node.
    const inner = (a: number, b: number) => {
      const dx = (layout.x[b]! - layout.x[a]!) * zoom;
      const dy = (layout.y[b]! - layout.y[a]!) * zoom;
      return Math.max(1, Math.sqrt(dx * dx + dy * dy) - 2 * nodeR - 2 * r);
    };
    for (let i = 0; i < k; i++) {
      const m = msgs[i]!;
      const span = m.deliverAt - m.sendTime;
      const p = span > 0 ? (clock - m.sendTime) / span : 1;
      this.p[i] = p < 0 ? 0 : p > 1 ? 1 : p;
      const a = this.from[i]!;
      const b = this.to[i]!;
      // Dots a little more than a dot apart.
      this.gap[i] = a === b ? 0 : (2 * r + 4) / inner(a, b);
    }
    fanOut(k, this.prev, this.p, this.gap, this.q, this.fan);
    for (let i = 0; i < k; i++) {
      const a = this.from[i]!;
      const b = this.to[i]!;
      const ax = layout.x[a]! * zoom + pan.x;
      const ay = layout.y[a]! * zoom + pan.y;
      if (a === b) {
        // A self-loop (n = 1): go round a circle beside the node.
        const t = -Math.PI / 2 + 2 * Math.PI * this.p[i]!;
        const cx = ax + nodeR * 1.8;
        this.sx[i] = cx + nodeR * 1.8 * Math.cos(t);
        this.sy[i] = ay + nodeR * 1.8 * Math.sin(t);
        this.nx[i] = Math.cos(t);
        this.ny[i] = Math.sin(t);
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
      const off = nodeR + r + Math.max(1, len - 2 * nodeR - 2 * r) * this.q[i]!;
      const lane = this.twoWay || this.reverse.has(a * n + b) ? r + 1 : 0;
      this.sx[i] = ax + ux * off + nx * lane;
      this.sy[i] = ay + uy * off + ny * lane;
      this.nx[i] = nx;
      this.ny[i] = ny;
    }
  }

  /**
   * Which messages get a label, in the order they are placed (the first get the best places): the
   * selected, the hovered, the current step's, then (all) the rest in send order. Returns how many.
   */
  private chooseLabels(all: boolean, selectedSeq: number | null): number {
    const k = this.count;
    let count = 0;
    const take = (i: number) => {
      if (i < 0 || this.shown[i] === 2) return;
      this.shown[i] = 2; // chosen (placement sets 1 or 0)
      this.order[count++] = i;
    };
    take(this.indexOf(selectedSeq));
    take(this.indexOf(this.hovered));
    if (this.fresh.length <= MAX_FRESH_LABELS) for (const m of this.fresh) take(this.indexOf(m.seq));
    if (all) for (let i = 0; i < k; i++) take(i);
    for (let t = 0; t < count; t++) {
      const i = this.order[t]!;
      this.sw[i] = this.textWidth(this.label(this.msgs[i]!)) + 12;
    }
    return count;
  }

  /** Greedy placement of the chosen labels (labelPlace.ts), clear of node ids and other dots. */
  private placeLabels(
    count: number,
    zoom: number,
    pan: { x: number; y: number },
    nodeR: number,
    r: number,
  ): void {
    const layout = this.layout!;
    const n = layout.x.length;
    const k = this.count;
    const dpr = window.devicePixelRatio || 1;
    // Node ids (small graphs: a large graph is not read id by id) and dots (when few) stay visible.
    const nodes = n <= 400 ? n : 0;
    const dots = k <= 200 ? k : 0;
    const size = 4 * (nodes + dots);
    if (this.obstacles.length < size) this.obstacles = new Float64Array(size);
    const ob = this.obstacles;
    for (let v = 0; v < nodes; v++) {
      ob[4 * v] = layout.x[v]! * zoom + pan.x;
      ob[4 * v + 1] = layout.y[v]! * zoom + pan.y;
      // The id in the middle of the disc: a label may cover the rim, never the id.
      ob[4 * v + 2] = nodeR * 0.5;
      ob[4 * v + 3] = nodeR * 0.45;
    }
    for (let i = 0; i < dots; i++) {
      const q = 4 * (nodes + i);
      ob[q] = this.sx[i]!;
      ob[q + 1] = this.sy[i]!;
      ob[q + 2] = r;
      ob[q + 3] = r;
    }
    this.placer.place(
      {
        count,
        order: this.order,
        x: this.sx,
        y: this.sy,
        nx: this.nx,
        ny: this.ny,
        w: this.sw,
        r,
        h: PILL_H,
        width: this.canvas.width / dpr,
        height: this.canvas.height / dpr,
        obstacles: ob,
        obstacleCount: nodes + dots,
      },
      { shown: this.shown, lx: this.lx, ly: this.ly },
    );
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
        c = packed(this.colours(this.kind[i]!), this.dead[i] ? 115 : 255);
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
        ctx.fillStyle = this.colours(kind);
        ctx.fill();
        if (r >= 4) ctx.stroke();
      }
    }
    ctx.globalAlpha = 1;
    // The selected message's ring goes round its label when it has one.
    const sel = this.indexOf(selectedSeq);
    if (sel >= 0 && this.shown[sel] !== 1) this.ring(ctx, this.sx[sel]!, this.sy[sel]!, r + 4, r + 4);
  }

  /** The placed labels: a leader line to each one moved off its dot, then the pills. */
  private drawPills(ctx: CanvasRenderingContext2D, r: number, selectedSeq: number | null): void {
    const k = this.count;
    ctx.save();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = graphThemeOf().ink;
    ctx.beginPath();
    for (let i = 0; i < k; i++) {
      if (this.shown[i] !== 1) continue;
      const line = leaderLine(this.sx[i]!, this.sy[i]!, r, this.lx[i]!, this.ly[i]!, this.sw[i]!, PILL_H);
      if (!line) continue;
      ctx.moveTo(line.x1, line.y1);
      ctx.lineTo(line.x2, line.y2);
    }
    ctx.stroke();
    ctx.restore();
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (let i = 0; i < k; i++) {
      if (this.shown[i] !== 1) continue;
      const w = this.sw[i]!;
      const x = this.lx[i]! - w / 2;
      const y = this.ly[i]! - PILL_H / 2;
      const fill = this.colours(this.kind[i]!);
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
    if (sel >= 0 && this.shown[sel] === 1)
      this.ring(ctx, this.lx[sel]!, this.ly[sel]!, this.sw[sel]! / 2 + 4, PILL_H / 2 + 4);
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
      const shown = this.shown[i] === 1;
      msgs.push({
        x: this.sx[i]!,
        y: this.sy[i]!,
        colour: this.colours(this.kind[i]!),
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
    const r = Math.max(3, this.lastR) + 3;
    for (let i = this.count - 1; i >= 0; i--) {
      const onPill =
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
    return this.shown[i] === 1 ? { x: this.lx[i]!, y: this.ly[i]! } : { x: this.sx[i]!, y: this.sy[i]! };
  }

  /**
   * The last frame's messages as drawn (CSS pixels in the panel), for the tests: each dot with its
   * channel, and its label's box where one was placed.
   */
  laidOut(): {
    r: number;
    all: boolean;
    msgs: {
      seq: number;
      from: number;
      to: number;
      x: number;
      y: number;
      label: { x: number; y: number; w: number; h: number } | null;
    }[];
  } {
    const msgs = [];
    for (let i = 0; i < this.count; i++) {
      const m = this.msgs[i]!;
      msgs.push({
        seq: m.seq,
        from: m.from,
        to: m.to,
        x: this.sx[i]!,
        y: this.sy[i]!,
        label: this.shown[i] === 1 ? { x: this.lx[i]!, y: this.ly[i]!, w: this.sw[i]!, h: PILL_H } : null,
      });
    }
    return { r: this.lastR, all: this.labelled, msgs };
  }
}

/** #rrggbb and an alpha as one RGBA pixel in a little-endian Uint32Array over ImageData. */
function packed(hex: string, alpha: number): number {
  const v = parseInt(hex.slice(1), 16);
  return ((alpha << 24) | ((v & 255) << 16) | (v & 0xff00) | ((v >> 16) & 255)) >>> 0;
}
