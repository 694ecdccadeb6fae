import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { EdgeLook } from '../algorithms/contract';
import type { Role } from '../engine/types';
import { NODE_SIZE } from './layout';
import { badgeCentre, centreOf } from './drawing';
import {
  EDGE_LOOK,
  GRAPH_THEMES,
  ROLE_LOOK,
  ROLE_ORDER,
  textOn,
  WAIT_NOTICE,
  type GraphTheme,
} from './palette';
import { leaderLine } from './labelPlace';
import { LOST_HUE, mix, PARTITION_HUE, RECOVERING_HUE } from './faults';

/**
 * The graph view as an SVG file. Written here rather than with a Cytoscape SVG plugin: the picture
 * is only circles, squares, octagons, lines, arrows and text, read from the same positions, labels and
 * role looks (palette.ts) the canvas uses, so ~150 lines replace a dependency and its canvas shim.
 */
export interface SvgNode {
  x: number;
  y: number;
  /** As shown: marker, id, and the value it carries (plain text; escaped here). */
  label: string;
  role: Role;
  /** The node's id (the `data-id` of its group). */
  id?: number;
  /** Its group's colour, drawn as a ring (DrawingDecl.group). */
  ring?: string | null;
  /** The text beside its id (DrawingDecl.badge). */
  badge?: string | null;
  /** It acted in the step shown. */
  actor?: boolean;
  /** What is left of a wait running on it (0…1), and whether it is the failure detector's notice. */
  waits?: { left: number; notice: boolean }[];
  /** Back from its crash within the last time unit (C17): a dashed green ring and "back". */
  recovering?: boolean;
  /** A service (store, server, storage): its name is a word, written under the disc. */
  service?: boolean;
}

export interface SvgEdge {
  source: number;
  target: number;
  /** Arrow at the target end / at the source end (directed links). */
  fwd: boolean;
  back: boolean;
  /** The weight, where the graph is weighted. */
  label: string | null;
  /** Its state in the algorithm's drawing (DrawingDecl.edgeStates), e.g. `branch`, and how it looks. */
  state?: string | null;
  look?: EdgeLook | null;
  /** A thick edge's group colour. */
  colour?: string | null;
  /** The convergecast's arrow: at the source end or the target end. */
  up?: 'source' | 'target' | null;
  /** Cut at the step shown (C17: down, or across a partition): dashed red. */
  down?: boolean;
}

/** A partition holding at the step shown: its side's node centres, shaded as a hull or one halo each. */
export interface SvgCut {
  nodes: { x: number; y: number }[];
  /** The hull's corners (faults.ts cutHull), or null for a halo round each node. */
  hull: { x: number; y: number }[] | null;
  pad: number;
  label: string;
  at: { x: number; y: number };
}

/** A message lost at the step shown (or just before): its puff's centre, size and kind's colour. */
export interface SvgPuff {
  x: number;
  y: number;
  size: number;
  colour: string;
  /** Its link's ends, by id. */
  from: number;
  to: number;
}

/** A message in flight, where it is drawn, in the graph's coordinates. */
export interface SvgMessage {
  x: number;
  y: number;
  r: number;
  colour: string;
  /** Sent to a crashed node, or lost by the network when sent (C17): it will be lost. */
  dead: boolean;
  /** Its label pill, where one is shown: centre, width and height, font size. */
  label: string | null;
  lx: number;
  ly: number;
  w: number;
  h: number;
  font: number;
}

export interface SvgGraph {
  nodes: SvgNode[];
  edges: SvgEdge[];
  title: string;
  messages?: SvgMessage[];
  /** The groups' legend (GHS's fragments): name, colour, number of nodes. */
  names?: readonly { text: string; colour: string; size: number }[];
  /** The network's faults (faults.ts): partitions holding, and the messages just lost. */
  cuts?: SvgCut[];
  puffs?: SvgPuff[];
  /** The delivered message's trail: from a point on its link to the receiver's rim. */
  trail?: { x1: number; y1: number; x2: number; y2: number; colour: string } | null;
  /** For a slide: the step number and its sentence, written under the graph. */
  step?: number;
  caption?: string;
  theme?: 'light' | 'dark';
}

const ROLES = new Set<string>(ROLE_ORDER);
const FONT = 'system-ui, Segoe UI, Roboto, sans-serif';
/** Around the picture, so no node or label touches a slide's border. */
export const SLIDE_MARGIN = 40;

const THEMES = GRAPH_THEMES;
type Theme = GraphTheme;

/** Text as XML character data or attribute value: ids and labels never become markup. */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const num = (v: number) => String(Math.round(v * 10) / 10);

/** What Cytoscape shows now: node positions, role classes and labels, edges with their arrows. */
export function snapshotOf(cy: Core, title: string): SvgGraph {
  const index = new Map<string, number>();
  const nodes: SvgNode[] = [];
  cy.nodes().forEach((n: NodeSingular) => {
    index.set(n.id(), nodes.length);
    const p = n.position();
    const role = (n.classes() as string[]).find((c) => ROLES.has(c)) ?? 'idle';
    const id = n.data('nid') as number | undefined;
    nodes.push({
      x: p.x,
      y: p.y,
      label: String(n.data('label') ?? ''),
      role: role as Role,
      ...(id === undefined ? {} : { id }),
      ...(n.hasClass('service') ? { service: true } : {}),
    });
  });
  const edges: SvgEdge[] = [];
  cy.edges().forEach((e: EdgeSingular) => {
    const source = index.get(e.source().id());
    const target = index.get(e.target().id());
    if (source === undefined || target === undefined) return;
    edges.push({
      source,
      target,
      fwd: e.hasClass('fwd'),
      back: e.hasClass('back'),
      label: e.hasClass('weighted') ? String(e.data('w') ?? '') : null,
      ...(e.hasClass('down') ? { down: true } : {}),
    });
  });
  return { nodes, edges, title };
}

const radius = (n: SvgNode) => (NODE_SIZE * ROLE_LOOK[n.role].scale) / 2;
const badgeWidth = (text: string) => text.length * 9 + 12;

function shape(n: SvgNode, t: Theme, centre: { x: number; y: number }): string {
  const look = ROLE_LOOK[n.role];
  const r = radius(n);
  const dash =
    look.borderStyle === 'dashed'
      ? ' stroke-dasharray="8 5"'
      : look.borderStyle === 'dotted'
        ? ' stroke-dasharray="2 4"'
        : '';
  // A double border is drawn as Cytoscape does: two thin rings a third of the width each.
  const w = look.borderStyle === 'double' ? look.borderWidth / 3 : look.borderWidth;
  const paint = `fill="${look.fill}" stroke="${t.border}" stroke-width="${num(w)}"${dash}`;
  const outline = (inset: number, attrs: string) => {
    const q = r - inset;
    if (look.shape === 'round-rectangle')
      return `<rect x="${num(n.x - q)}" y="${num(n.y - q)}" width="${num(2 * q)}" height="${num(2 * q)}" rx="${num(q / 4)}" ${attrs}/>`;
    if (look.shape === 'octagon') {
      const pts: string[] = [];
      for (let k = 0; k < 8; k++) {
        const a = (Math.PI / 8) * (2 * k + 1);
        pts.push(`${num(n.x + q * Math.cos(a))},${num(n.y + q * Math.sin(a))}`);
      }
      return `<polygon points="${pts.join(' ')}" ${attrs}/>`;
    }
    return `<circle cx="${num(n.x)}" cy="${num(n.y)}" r="${num(q)}" ${attrs}/>`;
  };
  const cls = `node ${n.role}${n.actor ? ' actor' : ''}`;
  let out = `<g class="${cls}"${n.id === undefined ? '' : ` data-id="${n.id}"`}>`;
  // The group's ring just outside the border, as Cytoscape's outline.
  if (n.ring) out += outline(-6, `fill="none" stroke="${n.ring}" stroke-width="7"`);
  out += outline(w / 2, paint);
  if (look.borderStyle === 'double')
    out += outline(look.borderWidth - w / 2, `fill="none" stroke="${t.border}" stroke-width="${num(w)}"`);
  const size = look.scale > 1 ? 24 : 18;
  if (n.service) {
    // As on screen (style.ts): the name under the disc, in ink on a pill of paper.
    const y = n.y + r + 16;
    const w = n.label.length * 11 + 8;
    out += `<rect x="${num(n.x - w / 2)}" y="${num(y - 12)}" width="${num(w)}" height="24" rx="4" fill="${t.paper}" fill-opacity="0.85"/>`;
    out += `<text x="${num(n.x)}" y="${num(y)}" fill="${t.ink}" font-size="${size}" font-weight="bold" text-anchor="middle" dominant-baseline="central">${xmlEscape(n.label)}</text>`;
  } else
    out += `<text x="${num(n.x)}" y="${num(n.y)}" fill="${look.text}" font-size="${size}" font-weight="bold" text-anchor="middle" dominant-baseline="central">${xmlEscape(n.label)}</text>`;
  if (n.actor)
    out += `<circle cx="${num(n.x)}" cy="${num(n.y)}" r="${num(r + 5)}" fill="none" stroke="${t.ink}" stroke-width="3"/>`;
  for (const wt of n.waits ?? []) {
    const q = r + 10;
    const a = -Math.PI / 2 + 2 * Math.PI * Math.min(0.9999, Math.max(0, wt.left));
    const x1 = n.x;
    const y1 = n.y - q;
    const x2 = n.x + q * Math.cos(a);
    const y2 = n.y + q * Math.sin(a);
    out += `<circle class="wait-track" cx="${num(n.x)}" cy="${num(n.y)}" r="${num(q)}" fill="none" stroke="${t.ink}" stroke-opacity="0.18" stroke-width="4"/>`;
    if (wt.left >= 0.999)
      out += `<circle class="wait" cx="${num(n.x)}" cy="${num(n.y)}" r="${num(q)}" fill="none" stroke="${wt.notice ? WAIT_NOTICE : t.ink}" stroke-width="4"/>`;
    else if (wt.left > 0)
      out += `<path class="wait" d="M${num(x1)},${num(y1)} A${num(q)},${num(q)} 0 ${wt.left > 0.5 ? 1 : 0} 1 ${num(x2)},${num(y2)}" fill="none" stroke="${wt.notice ? WAIT_NOTICE : t.ink}" stroke-width="4"/>`;
  }
  if (n.recovering) {
    const green = RECOVERING_HUE[t === THEMES.dark ? 'dark' : 'light'];
    out += `<g class="recovering"><circle cx="${num(n.x)}" cy="${num(n.y)}" r="${num(r + 11)}" fill="none" stroke="${green}" stroke-width="5" stroke-dasharray="10 6"/>`;
    const at = badgeCentre(n.x, n.y, r + 7, 50, 22, 2 * n.x - centre.x, 2 * n.y - centre.y);
    out += `<rect x="${num(at.x - 25)}" y="${num(at.y - 11)}" width="50" height="22" rx="11" fill="${green}"/><text x="${num(at.x)}" y="${num(at.y)}" fill="${t === THEMES.dark ? '#000000' : '#ffffff'}" font-size="15" font-weight="bold" text-anchor="middle" dominant-baseline="central">back</text></g>`;
  }
  if (n.badge) {
    const h = 22;
    const bw = badgeWidth(n.badge);
    const c = badgeCentre(n.x, n.y, r, bw, h, centre.x, centre.y);
    out += `<rect class="badge" x="${num(c.x - bw / 2)}" y="${num(c.y - h / 2)}" width="${num(bw)}" height="${h}" rx="${h / 2}" fill="${t.paper}" stroke="${t.ink}" stroke-width="1.5"/>`;
    out += `<text x="${num(c.x)}" y="${num(c.y)}" fill="${t.ink}" font-size="15" font-weight="bold" text-anchor="middle" dominant-baseline="central">${xmlEscape(n.badge)}</text>`;
  }
  return `${out}</g>`;
}

function line(g: SvgGraph, e: SvgEdge, t: Theme): string {
  const a = g.nodes[e.source]!;
  const b = g.nodes[e.target]!;
  const ids = a.id === undefined || b.id === undefined ? '' : ` data-a="${a.id}" data-b="${b.id}"`;
  if (e.source === e.target) {
    const r = radius(a);
    return `<circle class="edge loop" cx="${num(a.x)}" cy="${num(a.y - r - 14)}" r="16" fill="none" stroke="${t.edge}" stroke-width="2.5"${ids}/>`;
  }
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  // Arrow tips stop at the node's rim, as Cytoscape draws them.
  const ra = radius(a);
  const rb = radius(b);
  const x1 = a.x + (dx / len) * ra;
  const y1 = a.y + (dy / len) * ra;
  const x2 = b.x - (dx / len) * rb;
  const y2 = b.y - (dy / len) * rb;
  const look = e.look ? EDGE_LOOK[e.look] : null;
  // A cut link is dashed red over any look of the algorithm's, as on screen.
  const cut = LOST_HUE[t === THEMES.dark ? 'dark' : 'light'];
  const colour = e.down ? cut : e.look === 'thick' ? (e.colour ?? t.ink) : t.edge;
  const width = e.down ? 4 : look ? look.width : 2.5;
  const style = e.down
    ? ' stroke-dasharray="12 8"'
    : look?.dash
      ? ` stroke-dasharray="${look.dash.join(' ')}"`
      : '';
  const opacity = look && look.opacity < 1 ? ` stroke-opacity="${look.opacity}"` : '';
  const end = e.fwd ? ' marker-end="url(#arrow)"' : e.up === 'target' ? ' marker-end="url(#up)"' : '';
  const start = e.back
    ? ' marker-start="url(#arrow-back)"'
    : e.up === 'source'
      ? ' marker-start="url(#up-back)"'
      : '';
  const cls = ['edge', e.state ?? '', e.up ? 'up' : '', e.down ? 'down' : ''].filter(Boolean).join(' ');
  let out = `<line class="${cls}"${ids} x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke="${colour}" stroke-width="${num(width)}"${style}${opacity}${end}${start}/>`;
  if (e.label) {
    const mx = (a.x + b.x) / 2;
    const my = (a.y + b.y) / 2;
    const w = e.label.length * 9 + 6;
    out += `<rect x="${num(mx - w / 2)}" y="${num(my - 10)}" width="${num(w)}" height="20" fill="${t.paper}" fill-opacity="0.9"/>`;
    out += `<text x="${num(mx)}" y="${num(my)}" fill="${t.ink}" font-size="15" font-weight="bold" text-anchor="middle" dominant-baseline="central">${xmlEscape(e.label)}</text>`;
  }
  return out;
}

function message(m: SvgMessage, t: Theme): string {
  const fade = m.dead ? ' opacity="0.45"' : '';
  let out = `<g class="message${m.dead ? ' lost' : ''}"${fade}><circle cx="${num(m.x)}" cy="${num(m.y)}" r="${num(m.r)}" fill="${m.colour}" stroke="${t.border}" stroke-width="1.2"/>`;
  if (m.label !== null) {
    // As on screen: a label moved off its dot is joined to it.
    const line = leaderLine(m.x, m.y, m.r, m.lx, m.ly, m.w, m.h);
    if (line)
      out += `<line class="leader" x1="${num(line.x1)}" y1="${num(line.y1)}" x2="${num(line.x2)}" y2="${num(line.y2)}" stroke="${t.ink}" stroke-width="${num(m.r / 5)}"/>`;
    out += `<rect x="${num(m.lx - m.w / 2)}" y="${num(m.ly - m.h / 2)}" width="${num(m.w)}" height="${num(m.h)}" rx="${num(m.h / 2)}" fill="${m.colour}" stroke="${t.border}" stroke-width="1.2"/>`;
    out += `<text x="${num(m.lx)}" y="${num(m.ly)}" fill="${textOn(m.colour)}" font-size="${num(m.font)}" font-weight="bold" text-anchor="middle" dominant-baseline="central">${xmlEscape(m.label)}</text>`;
  }
  return `${out}</g>`;
}

/** A partition's shading: the rim, then the inside in an opaque tint, then its label. */
function cutSvg(c: SvgCut, t: Theme, dark: boolean): string {
  const hue = PARTITION_HUE[dark ? 'dark' : 'light'];
  const shape = (pad: number, colour: string) => {
    if (!c.hull)
      return c.nodes
        .map((p) => `<circle cx="${num(p.x)}" cy="${num(p.y)}" r="${num(pad)}" fill="${colour}"/>`)
        .join('');
    const d = `M${c.hull.map((p) => `${num(p.x)},${num(p.y)}`).join(' L')} Z`;
    return `<path d="${d}" fill="${colour}" stroke="${colour}" stroke-width="${num(2 * pad)}" stroke-linejoin="round" stroke-linecap="round"/>`;
  };
  const w = c.label.length * 9.5 + 16;
  const ink = dark ? hue : mix(hue, '#000000', 0.25);
  return (
    `<g class="partition">${shape(c.pad + 4, hue)}${shape(c.pad, mix(t.paper, hue, dark ? 0.3 : 0.2))}` +
    `<rect class="partition-label" x="${num(c.at.x - w / 2)}" y="${num(c.at.y - 13)}" width="${num(w)}" height="26" rx="13" fill="${t.paper}" stroke="${hue}" stroke-width="2.5"/>` +
    `<text x="${num(c.at.x)}" y="${num(c.at.y)}" fill="${ink}" font-size="17" font-weight="bold" text-anchor="middle" dominant-baseline="central">${xmlEscape(c.label)}</text></g>`
  );
}

/** A lost message's puff, as the fault layer draws it: a cloud with a red rim and a burst. */
function puffSvg(p: SvgPuff, dark: boolean): string {
  const rim = LOST_HUE[dark ? 'dark' : 'light'];
  let lobes = '';
  for (let k = 0; k < 6; k++) {
    const a = (2 * Math.PI * k) / 6;
    lobes += `<circle cx="${num(p.x + Math.cos(a) * p.size * 0.5)}" cy="${num(p.y + Math.sin(a) * p.size * 0.5)}" r="${num(p.size * 0.5)}"/>`;
  }
  let burst = '';
  for (let k = 0; k < 8; k++) {
    const a = (2 * Math.PI * (k + 0.5)) / 8;
    burst += `M${num(p.x + Math.cos(a) * p.size * 1.25)},${num(p.y + Math.sin(a) * p.size * 1.25)} L${num(p.x + Math.cos(a) * p.size * 1.7)},${num(p.y + Math.sin(a) * p.size * 1.7)} `;
  }
  return (
    `<g class="lost puff" data-from="${p.from}" data-to="${p.to}">` +
    `<g fill="none" stroke="${rim}" stroke-width="4">${lobes}</g><g fill="${p.colour}">${lobes}</g>` +
    `<path d="${burst.trim()}" stroke="${rim}" stroke-width="3" stroke-linecap="round"/></g>`
  );
}

/** Splits a sentence into lines of at most `width` characters, at spaces where it can. */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = '';
    }
    line = line ? `${line} ${word}` : word;
    while (line.length > width) {
      out.push(line.slice(0, width));
      line = line.slice(width);
    }
  }
  if (line) out.push(line);
  return out;
}

/**
 * A standalone SVG document of the graph: the theme's background, a margin all round, and for a
 * slide the messages in flight with their labels and the step's number and sentence underneath.
 */
export function graphSvg(g: SvgGraph): string {
  const t = THEMES[g.theme ?? 'light'];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const take = (x0: number, y0: number, x1: number, y1: number) => {
    minX = Math.min(minX, x0);
    minY = Math.min(minY, y0);
    maxX = Math.max(maxX, x1);
    maxY = Math.max(maxY, y1);
  };
  const centre = centreOf(
    g.nodes.map((n) => n.x),
    g.nodes.map((n) => n.y),
  );
  for (const n of g.nodes) {
    const r = radius(n) + 34;
    take(n.x - r, n.y - r, n.x + r, n.y + r);
    if (n.badge) {
      const bw = badgeWidth(n.badge);
      const c = badgeCentre(n.x, n.y, radius(n), bw, 22, centre.x, centre.y);
      take(c.x - bw / 2 - 4, c.y - 15, c.x + bw / 2 + 4, c.y + 15);
    }
  }
  for (const c of g.cuts ?? [])
    for (const p of c.nodes) take(p.x - c.pad - 4, p.y - c.pad - 4, p.x + c.pad + 4, p.y + c.pad + 4);
  for (const p of g.puffs ?? [])
    take(p.x - p.size * 1.8, p.y - p.size * 1.8, p.x + p.size * 1.8, p.y + p.size * 1.8);
  for (const m of g.messages ?? []) {
    take(m.x - m.r, m.y - m.r, m.x + m.r, m.y + m.r);
    if (m.label !== null) take(m.lx - m.w / 2, m.ly - m.h / 2, m.lx + m.w / 2, m.ly + m.h / 2);
  }
  if (minX === Infinity) [minX, minY, maxX, maxY] = [0, 0, 100, 100];
  const slide = g.caption !== undefined || g.step !== undefined;
  const margin = slide ? SLIDE_MARGIN : 0;
  minX -= margin;
  minY -= margin;
  maxX += margin;
  maxY += margin;
  let w = maxX - minX;
  // The caption: the step number, then its sentence wrapped to the picture's width.
  const font = Math.max(18, Math.min(28, w / 28));
  const lines: string[] = [];
  if (slide) {
    w = Math.max(w, 28 * font);
    maxX = minX + w;
    if (g.step !== undefined) lines.push(`Step ${g.step}`);
    if (g.caption)
      lines.push(...wrapText(g.caption, Math.max(20, Math.floor((w - 2 * margin) / (font * 0.56)))));
  }
  // The groups' legend under the graph: one pill per group, as many to a row as fit.
  const legend: string[] = [];
  {
    let x = minX + margin;
    let y = maxY + 6;
    for (const nm of g.names ?? []) {
      const text = `${nm.text}  (${nm.size})`;
      const lw = text.length * 10 + 40;
      if (x + lw > minX + w - margin && x > minX + margin) {
        x = minX + margin;
        y += 36;
      }
      legend.push(
        `<g class="group-name"><circle cx="${num(x + 13)}" cy="${num(y + 14)}" r="9" fill="${t.paper}" stroke="${nm.colour}" stroke-width="6"/><text x="${num(x + 30)}" y="${num(y + 14)}" fill="${t.ink}" font-size="17" font-weight="bold" dominant-baseline="central">${xmlEscape(text)}</text></g>`,
      );
      x += lw;
    }
    if (legend.length) maxY = y + 36;
  }
  const captionTop = maxY;
  maxY += lines.length * font * 1.35 + (lines.length ? margin / 2 : 0);
  const h = maxY - minY;
  const marker = (id: string, orient: string, fill: string) =>
    `<marker id="${id}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="5" markerHeight="5" orient="${orient}" markerUnits="strokeWidth"><path d="M0,0 L10,5 L0,10 z" fill="${fill}"/></marker>`;
  const upMarker = (id: string, orient: string) =>
    `<marker id="${id}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="3" markerHeight="3" orient="${orient}" markerUnits="strokeWidth"><path d="M0,0 L10,5 L0,10 z" fill="${t.ink}"/></marker>`;
  const trail = g.trail
    ? `<g class="trail"><defs><linearGradient id="trail" gradientUnits="userSpaceOnUse" x1="${num(g.trail.x2)}" y1="${num(g.trail.y2)}" x2="${num(g.trail.x1)}" y2="${num(g.trail.y1)}"><stop offset="0" stop-color="${g.trail.colour}"/><stop offset="1" stop-color="${g.trail.colour}" stop-opacity="0"/></linearGradient></defs><path d="M${num(g.trail.x1)},${num(g.trail.y1)} L${num(g.trail.x2)},${num(g.trail.y2)}" stroke="url(#trail)" stroke-width="7" stroke-linecap="round"/></g>`
    : '';
  const caption = lines
    .map(
      (l, i) =>
        `<text x="${num(minX + margin)}" y="${num(captionTop + (i + 0.8) * font * 1.35)}" fill="${t.ink}" font-size="${num(font)}"${i === 0 && g.step !== undefined ? ' font-weight="bold"' : ''}>${xmlEscape(l)}</text>`,
    )
    .join('');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${num(minX)} ${num(minY)} ${num(w)} ${num(h)}" width="${Math.ceil(w)}" height="${Math.ceil(h)}" font-family="${FONT}" class="theme-${g.theme ?? 'light'}">`,
    `<title>${xmlEscape(g.title)}</title>`,
    `<defs>${marker('arrow', 'auto', t.arrow)}${marker('arrow-back', 'auto-start-reverse', t.arrow)}${upMarker('up', 'auto')}${upMarker('up-back', 'auto-start-reverse')}</defs>`,
    `<rect x="${num(minX)}" y="${num(minY)}" width="${num(w)}" height="${num(h)}" fill="${t.paper}"/>`,
    g.cuts?.length
      ? `<g class="cuts">${g.cuts.map((c) => cutSvg(c, t, g.theme === 'dark')).join('')}</g>`
      : '',
    `<g class="edges">${g.edges.map((e) => line(g, e, t)).join('')}</g>`,
    trail,
    `<g class="nodes">${[...g.nodes]
      .sort((a, b) => ROLE_LOOK[a.role].scale - ROLE_LOOK[b.role].scale)
      .map((n) => shape(n, t, centre))
      .join('')}</g>`,
    legend.length ? `<g class="legend">${legend.join('')}</g>` : '',
    g.messages?.length ? `<g class="messages">${g.messages.map((m) => message(m, t)).join('')}</g>` : '',
    g.puffs?.length
      ? `<g class="puffs">${g.puffs.map((p) => puffSvg(p, g.theme === 'dark')).join('')}</g>`
      : '',
    caption ? `<g class="caption">${caption}</g>` : '',
    '</svg>',
    '',
  ]
    .filter((l) => l !== '')
    .concat([''])
    .join('\n');
}
