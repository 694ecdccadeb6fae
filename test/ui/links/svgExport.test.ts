import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/topology/build';
import { addServices } from '../../../src/topology/services';
import { NODE_SIZE } from '../../../src/view/layout';
import { graphElements } from '../../../src/view/elements';
import { layoutGraph } from '../../../src/view/layout';
import { ROLE_LOOK } from '../../../src/view/palette';
import {
  graphSvg,
  SLIDE_MARGIN,
  snapshotOf,
  wrapText,
  xmlEscape,
  type SvgGraph,
} from '../../../src/view/svgExport';

function ring(n: number, kind: 'ring-uni' | 'ring-bi') {
  const ids = Array.from({ length: n }, (_, i) => i + 1);
  const g = buildGraph({ kind, n }, ids, 1, { weights: 'unit' });
  if (!g.ok) throw new Error(g.error);
  return g.graph;
}

const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

describe('graphSvg', () => {
  it('draws a shape and a label per node, a line per edge, arrows where the links are directed', () => {
    const graph = ring(5, 'ring-uni');
    const cy = cytoscape({ headless: true, elements: graphElements(graph, layoutGraph(graph)) });
    cy.getElementById('n2').removeClass('idle').addClass('leader').data('label', '★ 3');
    cy.getElementById('n4').removeClass('idle').addClass('nonLeader');
    const snap = snapshotOf(cy, 'LCR, 5 nodes');
    expect(snap.nodes.map((n) => n.role)).toEqual(['idle', 'idle', 'leader', 'idle', 'nonLeader']);
    expect(snap.edges).toHaveLength(5);
    expect(snap.edges.every((e) => e.fwd && !e.back)).toBe(true);

    const svg = graphSvg(snap);
    // A leader's double border is two rings; the non-leader is a square; the others one circle each.
    expect(count(svg, /<circle /g)).toBe(3 + 2);
    expect(count(svg, /<rect [^>]*rx=/g)).toBe(1);
    expect(count(svg, /<line /g)).toBe(5);
    expect(count(svg, /marker-end="url\(#arrow\)"/g)).toBe(5);
    expect(svg).toContain(`fill="${ROLE_LOOK.leader.fill}"`);
    expect(svg).toContain('>★ 3</text>');
    for (const id of [1, 2, 4, 5]) expect(svg).toContain(`>${id}</text>`);
    expect(svg).toContain('<title>LCR, 5 nodes</title>');
  });

  it('a bidirectional pair gets an arrow at each end; an undirected graph none', () => {
    const bi = ring(4, 'ring-bi');
    const svg = graphSvg(
      snapshotOf(cytoscape({ headless: true, elements: graphElements(bi, layoutGraph(bi)) }), 'x'),
    );
    expect(count(svg, /marker-end=/g)).toBe(4);
    expect(count(svg, /marker-start=/g)).toBe(4);
  });

  it("a service's name (wider than the disc) is written under its disc; a candidate's id inside", () => {
    const graph = addServices(ring(3, 'ring-bi'), ['store', 'storage']);
    const cy = cytoscape({ headless: true, elements: graphElements(graph, layoutGraph(graph)) });
    const snap = snapshotOf(cy, 'lease');
    expect(snap.nodes.map((n) => Boolean(n.service))).toEqual([false, false, false, true, true]);
    const svg = graphSvg(snap);
    for (const [k, name] of [
      [3, 'store'],
      [4, 'storage'],
    ] as const) {
      const n = snap.nodes[k]!;
      const y = Number(new RegExp(`y="([-\\d.]+)"[^>]*>${name}</text>`).exec(svg)![1]);
      // Below the disc's bottom edge (radius NODE_SIZE / 2), not at its centre.
      expect(y).toBeGreaterThan(n.y + NODE_SIZE / 2);
    }
    const one = snap.nodes[0]!;
    expect(svg).toMatch(new RegExp(`y="${one.y}"[^>]*>1</text>`));
  });

  it('labels and titles are text, never markup', () => {
    const g: SvgGraph = {
      title: '<script>alert(1)</script>',
      nodes: [
        { x: 0, y: 0, label: '<img src=x onerror=alert(1)>', role: 'idle' },
        { x: 100, y: 0, label: `a&b"c'`, role: 'crashed' },
      ],
      edges: [{ source: 0, target: 1, fwd: false, back: false, label: '<w>' }],
    };
    const svg = graphSvg(g);
    expect(svg).not.toMatch(/<script|<img|<w>/);
    expect(svg).toContain(xmlEscape('<img src=x onerror=alert(1)>'));
    expect(svg).toContain('a&#38;b&#34;c&#39;');
    expect(count(svg, /<polygon /g)).toBe(1);
  });

  it('the viewBox holds every node', () => {
    const g: SvgGraph = {
      title: 't',
      nodes: [
        { x: -300, y: 40, label: '1', role: 'idle' },
        { x: 500, y: 900, label: '2', role: 'leader' },
      ],
      edges: [],
    };
    const m = /viewBox="([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)"/.exec(graphSvg(g))!;
    const [x, y, w, h] = m.slice(1).map(Number) as [number, number, number, number];
    expect(x).toBeLessThan(-300 - 22);
    expect(y).toBeLessThan(40 - 22);
    expect(x + w).toBeGreaterThan(500 + 37);
    expect(y + h).toBeGreaterThan(900 + 37);
  });
});

describe('graphSvg as a slide', () => {
  const slide = (over: Partial<SvgGraph> = {}): SvgGraph => ({
    title: 'GHS',
    nodes: [
      { x: 0, y: 0, label: '1', role: 'candidate', id: 1, ring: '#D81B60', actor: true },
      { x: 200, y: 0, label: '2', role: 'candidate', id: 2, ring: '#D81B60', badge: 'tid 7' },
      { x: 100, y: 150, label: '3', role: 'crashed', id: 3, waits: [{ left: 0.25, notice: true }] },
    ],
    edges: [
      {
        source: 0,
        target: 1,
        fwd: false,
        back: false,
        label: '3',
        state: 'branch',
        look: 'thick',
        colour: '#D81B60',
        up: 'target',
      },
      { source: 1, target: 2, fwd: false, back: false, label: '5', state: 'rejected', look: 'faded' },
      { source: 0, target: 2, fwd: false, back: false, label: '9', state: 'basic', look: 'thin' },
    ],
    messages: [
      {
        x: 100,
        y: -20,
        r: 7,
        colour: '#332288',
        dead: false,
        label: 'test(1, 3)',
        lx: 100,
        ly: -50,
        w: 90,
        h: 22,
        font: 14,
      },
      {
        x: 150,
        y: 75,
        r: 7,
        colour: '#CC6677',
        dead: true,
        label: null,
        lx: 0,
        ly: 0,
        w: 14,
        h: 22,
        font: 14,
      },
    ],
    names: [{ text: 'F 3 · L 1', colour: '#D81B60', size: 2 }],
    step: 12,
    caption: 'initiate(1, 3, find) from 1: 2 is now in fragment 3 at level 1',
    ...over,
  });

  it('edges carry their state as a class, nodes their role; the convergecast arrow is marked', () => {
    const svg = graphSvg(slide());
    expect(svg).toMatch(
      /<line class="edge branch up" data-a="1" data-b="2"[^>]*stroke="#D81B60" stroke-width="8"[^>]*marker-end="url\(#up\)"/,
    );
    expect(svg).toMatch(
      /<line class="edge rejected" data-a="2" data-b="3"[^>]*stroke-dasharray="7 6" stroke-opacity="0.35"/,
    );
    expect(svg).toMatch(/<line class="edge basic" data-a="1" data-b="3"[^>]*stroke-width="1.5"/);
    expect(svg).toContain('<g class="node candidate actor" data-id="1">');
    expect(svg).toContain('<g class="node crashed" data-id="3">');
    expect(svg).toContain('>tid 7</text>');
    expect(count(svg, /class="wait"/g)).toBe(1);
  });

  it('messages in flight with their labels; the lost one faded; the legend, step and sentence', () => {
    const svg = graphSvg(slide());
    expect(count(svg, /<g class="message"/g)).toBe(1);
    expect(count(svg, /<g class="message lost" opacity="0.45"/g)).toBe(1);
    expect(svg).toContain('>test(1, 3)</text>');
    expect(svg).toContain('>F 3 · L 1  (2)</text>');
    expect(svg).toContain('>Step 12</text>');
    // The sentence, wrapped into lines that together give it back word for word.
    const lines = [
      ...svg.matchAll(/<text x="[^"]*" y="[^"]*" fill="[^"]*" font-size="[^"]*">([^<]*)<\/text>/g),
    ].map((m) => m[1]);
    expect(lines.join(' ')).toBe(slide().caption);
  });

  it('a margin of SLIDE_MARGIN beyond every node, badge and label; the theme’s background', () => {
    const svg = graphSvg(slide());
    const [x, y, w] = /viewBox="([-\d.]+) ([-\d.]+) ([-\d.]+)/.exec(svg)!.slice(1).map(Number) as [
      number,
      number,
      number,
    ];
    // Node 1's disc (r 22 + 34 room for its ring) and the label above the top edge (y −61).
    expect(x).toBeLessThanOrEqual(0 - 22 - 34 - SLIDE_MARGIN);
    expect(y).toBeLessThanOrEqual(-61 - SLIDE_MARGIN);
    expect(x + w).toBeGreaterThanOrEqual(200 + 22 + 34 + SLIDE_MARGIN);
    expect(svg).toMatch(/<rect [^>]*fill="#ffffff"\/>/);
    const dark = graphSvg(slide({ theme: 'dark' }));
    expect(dark).toMatch(/<rect [^>]*fill="#1b1f24"\/>/);
    expect(dark).not.toMatch(/<rect [^>]*height="[\d.]+" fill="#ffffff"\/>/);
  });

  it('wrapText keeps words whole and lines within the width', () => {
    const text = 'one two three four five six seven eight nine ten';
    const lines = wrapText(text, 12);
    expect(lines.join(' ')).toBe(text);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(12);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
});
