import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { Role } from '../engine/types';
import { NODE_SIZE } from './layout';
import { ROLE_LOOK, ROLE_ORDER } from './palette';

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
}

export interface SvgEdge {
  source: number;
  target: number;
  /** Arrow at the target end / at the source end (directed links). */
  fwd: boolean;
  back: boolean;
  /** The weight, where the graph is weighted. */
  label: string | null;
}

export interface SvgGraph {
  nodes: SvgNode[];
  edges: SvgEdge[];
  title: string;
}

const ROLES = new Set<string>(ROLE_ORDER);
const EDGE = '#8a8a8a';
const ARROW = '#5a5a5a';
const FONT = 'system-ui, Segoe UI, Roboto, sans-serif';

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
    nodes.push({ x: p.x, y: p.y, label: String(n.data('label') ?? ''), role: role as Role });
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
    });
  });
  return { nodes, edges, title };
}

function shape(n: SvgNode): string {
  const look = ROLE_LOOK[n.role];
  const r = (NODE_SIZE * look.scale) / 2;
  const dash =
    look.borderStyle === 'dashed'
      ? ' stroke-dasharray="8 5"'
      : look.borderStyle === 'dotted'
        ? ' stroke-dasharray="2 4"'
        : '';
  // A double border is drawn as Cytoscape does: two thin rings a third of the width each.
  const w = look.borderStyle === 'double' ? look.borderWidth / 3 : look.borderWidth;
  const paint = `fill="${look.fill}" stroke="#000000" stroke-width="${num(w)}"${dash}`;
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
  let out = outline(w / 2, paint);
  if (look.borderStyle === 'double')
    out += outline(look.borderWidth - w / 2, `fill="none" stroke="#000000" stroke-width="${num(w)}"`);
  const size = look.scale > 1 ? 24 : 18;
  out += `<text x="${num(n.x)}" y="${num(n.y)}" fill="${look.text}" font-size="${size}" font-weight="bold" text-anchor="middle" dominant-baseline="central">${xmlEscape(n.label)}</text>`;
  return out;
}

function line(g: SvgGraph, e: SvgEdge): string {
  const a = g.nodes[e.source]!;
  const b = g.nodes[e.target]!;
  if (e.source === e.target) {
    const r = (NODE_SIZE * ROLE_LOOK[a.role].scale) / 2;
    return `<circle cx="${num(a.x)}" cy="${num(a.y - r - 14)}" r="16" fill="none" stroke="${EDGE}" stroke-width="2.5"/>`;
  }
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  // Arrow tips stop at the node's rim, as Cytoscape draws them.
  const ra = (NODE_SIZE * ROLE_LOOK[a.role].scale) / 2;
  const rb = (NODE_SIZE * ROLE_LOOK[b.role].scale) / 2;
  const x1 = a.x + (dx / len) * ra;
  const y1 = a.y + (dy / len) * ra;
  const x2 = b.x - (dx / len) * rb;
  const y2 = b.y - (dy / len) * rb;
  const ends = `${e.fwd ? ' marker-end="url(#arrow)"' : ''}${e.back ? ' marker-start="url(#arrow-back)"' : ''}`;
  let out = `<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke="${EDGE}" stroke-width="2.5"${ends}/>`;
  if (e.label) {
    const mx = (a.x + b.x) / 2;
    const my = (a.y + b.y) / 2;
    const w = e.label.length * 9 + 6;
    out += `<rect x="${num(mx - w / 2)}" y="${num(my - 10)}" width="${num(w)}" height="20" fill="#ffffff" fill-opacity="0.9"/>`;
    out += `<text x="${num(mx)}" y="${num(my)}" fill="#222222" font-size="15" font-weight="bold" text-anchor="middle" dominant-baseline="central">${xmlEscape(e.label)}</text>`;
  }
  return out;
}

/** A standalone SVG document of the graph (white background, 24 px margin). */
export function graphSvg(g: SvgGraph): string {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of g.nodes) {
    const r = (NODE_SIZE * ROLE_LOOK[n.role].scale) / 2 + 34;
    minX = Math.min(minX, n.x - r);
    minY = Math.min(minY, n.y - r);
    maxX = Math.max(maxX, n.x + r);
    maxY = Math.max(maxY, n.y + r);
  }
  if (g.nodes.length === 0) [minX, minY, maxX, maxY] = [0, 0, 100, 100];
  const w = maxX - minX;
  const h = maxY - minY;
  const marker = (id: string, orient: string) =>
    `<marker id="${id}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="5" markerHeight="5" orient="${orient}" markerUnits="strokeWidth"><path d="M0,0 L10,5 L0,10 z" fill="${ARROW}"/></marker>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${num(minX)} ${num(minY)} ${num(w)} ${num(h)}" width="${Math.ceil(w)}" height="${Math.ceil(h)}" font-family="${FONT}">`,
    `<title>${xmlEscape(g.title)}</title>`,
    `<defs>${marker('arrow', 'auto')}${marker('arrow-back', 'auto-start-reverse')}</defs>`,
    `<rect x="${num(minX)}" y="${num(minY)}" width="${num(w)}" height="${num(h)}" fill="#ffffff"/>`,
    `<g class="edges">${g.edges.map((e) => line(g, e)).join('')}</g>`,
    `<g class="nodes">${[...g.nodes]
      .sort((a, b) => ROLE_LOOK[a.role].scale - ROLE_LOOK[b.role].scale)
      .map(shape)
      .join('')}</g>`,
    '</svg>',
    '',
  ].join('\n');
}
