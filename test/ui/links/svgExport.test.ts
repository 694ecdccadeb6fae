import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/topology/build';
import { graphElements } from '../../../src/view/elements';
import { layoutGraph } from '../../../src/view/layout';
import { ROLE_LOOK } from '../../../src/view/palette';
import { graphSvg, snapshotOf, xmlEscape, type SvgGraph } from '../../../src/view/svgExport';

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
