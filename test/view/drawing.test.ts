import { describe, expect, it } from 'vitest';
import type { DrawingDecl } from '../../src/algorithms/contract';
import { ALGORITHMS, findAlgorithm } from '../../src/algorithms/registry';
import type { Graph, TraceEntry } from '../../src/engine/types';
import { linkPairs } from '../../src/view/edgeLayer';
import { badgeCentre, GroupColours, stageOf, TraceMarks } from '../../src/view/drawing';
import { GROUP_COLOURS } from '../../src/view/palette';
import { simulate } from '../util/run';

const GHS_EDGES =
  '1-2:3,1-5:12,2-3:7,2-6:1,3-4:9,3-7:14,4-8:5,5-6:10,5-9:2,6-7:6,7-8:13,7-10:4,8-10:11,9-10:15,6-9:8';

/** Kruskal with a plain list of components, from the edge text: independent of the app. */
function kruskal(text: string): string[] {
  const edges = text
    .split(',')
    .map((e) => e.split(/[-:]/).map(Number) as [number, number, number])
    .sort((p, q) => p[2] - q[2]);
  const comp = new Map<number, number>();
  for (const [a, b] of edges) comp.set(a, a).set(b, b);
  const out: string[] = [];
  for (const [a, b] of edges) {
    const [ca, cb] = [comp.get(a)!, comp.get(b)!];
    if (ca === cb) continue;
    for (const [k, v] of comp) if (v === cb) comp.set(k, ca);
    out.push(`${Math.min(a, b)}-${Math.max(a, b)}`);
  }
  return out.sort();
}

const drawing = (id: string) => findAlgorithm(id)!.drawing as DrawingDecl<unknown>;

/** The stage of a recorded run at step k. */
function stageAt(flat: Record<string, string>, k: number | 'end', colours = new GroupColours()) {
  const sim = simulate(flat, { record: true });
  if (k !== 'end') sim.seek(k);
  const pairs = linkPairs(sim.graph);
  const states = sim.nodeStates().map((s, i) => (sim.isCrashed(sim.graph.ids[i]!) ? null : s));
  return { sim, pairs, stage: stageOf(drawing(sim.algorithm.id), sim.graph, states, pairs, colours) };
}

function pairsWith(stage: ReturnType<typeof stageOf>, pairs: Int32Array, graph: Graph, state: number) {
  const out: string[] = [];
  for (let k = 0; k < pairs.length / 2; k++)
    if (stage.edgeState[k] === state) {
      const [a, b] = [graph.ids[pairs[2 * k]!]!, graph.ids[pairs[2 * k + 1]!]!];
      out.push(`${Math.min(a, b)}-${Math.max(a, b)}`);
    }
  return out.sort();
}

describe('GHS draws its fragments, edge states and convergecast', () => {
  const flat = { alg: 'ghs', ids: '1,2,3,4,5,6,7,8,9,10', edges: GHS_EDGES, mode: 'async', seed: '3' };

  it('at the end: the Branch edges are the MST, the rest Rejected, one fragment, arrows on tree edges', () => {
    const { sim, pairs, stage } = stageAt(flat, 'end');
    const names = drawing('ghs').edgeStates!.map((e) => e.name);
    expect(names).toEqual(['branch', 'rejected', 'basic']);
    const mst = kruskal(GHS_EDGES);
    expect(pairsWith(stage, pairs, sim.graph, 0)).toEqual(mst);
    expect(pairsWith(stage, pairs, sim.graph, 1)).toHaveLength(15 - 9);
    expect(pairsWith(stage, pairs, sim.graph, 2)).toEqual([]);
    expect(new Set(stage.colours).size).toBe(1);
    expect(stage.names).toHaveLength(1);
    // GHS: a fragment of level L has at least 2^L nodes, so ten nodes reach a level with 2^L ≤ 10.
    const level = Number(/L (\d+)/.exec(stage.names[0]!.text)![1]);
    expect(2 ** level).toBeLessThanOrEqual(10);
    expect(stage.names[0]!.size).toBe(10);
    // Every branch edge is drawn in the fragment's colour.
    for (let k = 0; k < pairs.length / 2; k++)
      if (stage.edgeState[k] === 0) expect(stage.edgeColour[k]).toBe(stage.colours[0]);
    // The convergecast: each node's `up` went along an MST edge; n − 1 or n of them (C12).
    const ups: string[] = [];
    stage.toward.forEach((t, i) => {
      if (t < 0) return;
      const [a, b] = [sim.graph.ids[i]!, sim.graph.ids[t]!];
      ups.push(`${Math.min(a, b)}-${Math.max(a, b)}`);
    });
    expect(ups.length).toBeGreaterThanOrEqual(9);
    for (const e of ups) expect(mst).toContain(e);
  });

  it('before any step every edge is Basic and nobody is coloured; mid-run fragments differ', () => {
    const start = stageAt(flat, 0);
    expect([...start.stage.edgeState].every((s) => s === -1)).toBe(true);
    expect(start.stage.colours.every((c) => c === null)).toBe(true);
    const { sim } = start;
    const barrier = sim.trace.findIndex((e) => e.kind === 'barrier');
    const mid = stageAt(flat, Math.floor(barrier / 3));
    expect(new Set(mid.stage.colours.filter(Boolean)).size).toBeGreaterThanOrEqual(2);
    // A fragment's tree edges only join nodes of that fragment... or are being merged right now:
    // either way no branch edge is ever tinted in a colour neither end has.
    for (let k = 0; k < mid.pairs.length / 2; k++) {
      const c = mid.stage.edgeColour[k];
      if (c)
        expect([mid.stage.colours[mid.pairs[2 * k]!], mid.stage.colours[mid.pairs[2 * k + 1]!]]).toContain(c);
    }
  });
});

describe('ring algorithms: badges', () => {
  it('Peterson: at start every process is active and stands for its own id; at the end nobody', () => {
    const flat = { alg: 'peterson', ids: '3,7,1,8,5,2,6,4', mode: 'sync' };
    const sim = simulate(flat, { record: true });
    // After the start-ups (one step per node), each active process's tid is its own uid.
    const started = stageAt(flat, 8).stage;
    expect(started.badges).toEqual(sim.graph.ids.map((id) => `tid ${id}`));
    expect(stageAt(flat, 'end').stage.badges.every((b) => b === null)).toBe(true);
  });

  it('HS: every candidate probes 1 hop in phase 0; relays and the decided show nothing', () => {
    const flat = { alg: 'hs', ids: '5,1,4,2,3', mode: 'sync' };
    expect(stageAt(flat, 5).stage.badges).toEqual(['d 1', 'd 1', 'd 1', 'd 1', 'd 1']);
    expect(stageAt(flat, 'end').stage.badges.every((b) => b === null)).toBe(true);
    // Ring 5,1,4,2,3: 1 and 2 are smaller than a neighbour, so phase 0 defeats them; they show nothing.
    const { sim } = stageAt(flat, 0);
    const k = sim.trace.findIndex((e) => e.time === 3);
    const mid = stageAt(flat, k).stage.badges;
    const pos = (id: number) => sim.graph.ids.indexOf(id);
    expect(mid[pos(1)]).toBeNull();
    expect(mid[pos(2)]).toBeNull();
  });
});

describe('stageOf with a hand-made declaration', () => {
  const graph: Graph = {
    kind: 'path',
    ids: [10, 20, 30],
    directed: false,
    edges: [
      { a: 0, b: 1, w: 1 },
      { a: 1, b: 2, w: 1 },
    ],
    weighted: false,
    ring: false,
  };
  type S = { g: string | null; e: Record<number, string>; up: number | null };
  const decl: DrawingDecl<S> = {
    group: (s) => (s.g ? { key: s.g, label: s.g === 'x' ? 'X' : '' } : null),
    edgeStates: [
      { name: 'strong', look: 'thick', meaning: '' },
      { name: 'weak', look: 'faded', meaning: '' },
    ],
    edgeState: (s, j) => s.e[j] ?? null,
    toward: (s) => s.up,
  };

  it('an edge whose ends disagree is drawn as the stronger state; tinted only inside one group', () => {
    const states: S[] = [
      { g: 'x', e: { 20: 'weak' }, up: 20 },
      { g: 'x', e: { 10: 'strong', 30: 'weak' }, up: null },
      { g: 'y', e: { 20: 'strong' }, up: 20 },
    ];
    const st = stageOf(decl as DrawingDecl<unknown>, graph, states, linkPairs(graph), new GroupColours());
    expect([...st.edgeState]).toEqual([0, 0]);
    expect(st.edgeColour[0]).toBe(st.colours[0]);
    expect(st.edgeColour[1]).toBeNull();
    expect(st.colours[0]).toBe(st.colours[1]);
    expect(st.colours[2]).not.toBe(st.colours[0]);
    // Only the named group is in the legend, with its size.
    expect(st.names).toEqual([{ text: 'X', colour: st.colours[0], size: 2 }]);
    expect([...st.toward]).toEqual([1, -1, 1]);
  });

  it('a node with no state (not started, crashed) draws nothing', () => {
    const states = [null, { g: 'x', e: { 10: 'weak' }, up: 10 }, null];
    const st = stageOf(decl as DrawingDecl<unknown>, graph, states, linkPairs(graph), new GroupColours());
    expect(st.colours).toEqual([null, st.colours[1], null]);
    expect([...st.edgeState]).toEqual([1, -1]);
    expect([...st.toward]).toEqual([-1, 0, -1]);
  });
});

describe('GroupColours', () => {
  it('a group keeps its colour while others come and go; two shown at once never share one', () => {
    const c = new GroupColours();
    const first = c.assign(['a', 'b', 'c']);
    expect(new Set(first.values()).size).toBe(3);
    const later = c.assign(['c', 'd', 'a']);
    expect(later.get('a')).toBe(first.get('a'));
    expect(later.get('c')).toBe(first.get('c'));
    expect(new Set(later.values()).size).toBe(3);
    const many = c.assign(Array.from({ length: GROUP_COLOURS.length }, (_, i) => `g${i}`));
    expect(new Set(many.values()).size).toBe(GROUP_COLOURS.length);
  });
});

describe('TraceMarks: waits and lost messages from the trace', () => {
  const graph: Graph = {
    kind: 'complete',
    ids: [1, 2, 3],
    directed: false,
    edges: [],
    weighted: false,
    ring: false,
  };
  const entry = (
    step: number,
    time: number,
    kind: TraceEntry['kind'],
    node: number,
    timers?: TraceEntry['timers'],
  ) => ({ step, time, kind, node, ...(timers ? { timers } : {}) }) as const;

  it('a timer runs from the step that set it to its time; the notice from the crash for the delay', () => {
    const m = new TraceMarks(graph, 4);
    m.index([
      entry(1, 0, 'init', 1, [{ label: 'ok-timeout', at: 5, timer: { kind: 'ok-timeout', epoch: 0 } }]),
      entry(2, 1, 'crash', 3),
      entry(3, 2, 'drop', 3),
      entry(4, 3, 'drop', 3),
      entry(5, 5, 'timer', 1),
    ]);
    const none = new Uint8Array(3);
    expect(m.waitsAt(0, 0, none)).toEqual([]);
    expect(m.waitsAt(1, 0, none)).toEqual([{ at: 0, from: 0, until: 5, label: 'ok-timeout' }]);
    const crashed = Uint8Array.from([0, 0, 1]);
    expect(m.waitsAt(2, 1, crashed)).toEqual([
      { at: 2, from: 1, until: 5, label: 'notice' },
      { at: 0, from: 0, until: 5, label: 'ok-timeout' },
    ]);
    // A timer the node has reset since (Algorithm.timerCancelled) draws no ring; the notice stays.
    expect(m.waitsAt(2, 1, crashed, (_at, t) => (t as { kind: string }).kind === 'ok-timeout')).toEqual([
      { at: 2, from: 1, until: 5, label: 'notice' },
    ]);
    // At time 5 both have run out.
    expect(m.waitsAt(5, 5, crashed)).toEqual([]);
    expect([m.lostAt(2, 2), m.lostAt(2, 3), m.lostAt(2, 5), m.lostAt(0, 5)]).toEqual([0, 1, 2, 0]);
  });

  it('Bully: the node that opens an election waits T_ok = 2 rounds (sync)', () => {
    const sim = simulate({ alg: 'bully', n: '4', ids: 'asc', mode: 'sync' }, { record: true });
    const m = new TraceMarks(sim.graph, 2);
    m.index(sim.trace);
    const k = sim.trace.findIndex((e) => e.timers?.length);
    const e = sim.trace[k]!;
    const w = m.waitsAt(k + 1, e.time, new Uint8Array(4));
    expect(w).toContainEqual({
      at: sim.graph.ids.indexOf(e.node),
      from: e.time,
      until: e.time + 2,
      label: 'ok-timeout',
    });
  });
});

describe('badgeCentre', () => {
  it('puts the badge just outside the node, away from the centre', () => {
    // A node right of the centre: the badge's left edge is 4 past the rim.
    const c = badgeCentre(100, 0, 20, 40, 20, 0, 0);
    expect(c).toEqual({ x: 100 + 20 + 4 + 20, y: 0 });
    const up = badgeCentre(0, -100, 20, 40, 20, 0, 0);
    expect(up).toEqual({ x: 0, y: -100 - 20 - 4 - 10 });
  });
});

describe('every drawing declaration in the registry', () => {
  for (const mod of ALGORITHMS) {
    const d = mod.drawing as DrawingDecl<unknown> | undefined;
    if (!d) continue;
    it(`${mod.id}: declared states only, short badges, arrows to neighbours, at every step of a run`, () => {
      const names = (d.edgeStates ?? []).map((e) => e.name);
      expect(new Set(names).size).toBe(names.length);
      for (const nm of names) expect(nm).toMatch(/^[a-z][a-z-]*$/);
      expect(!!d.edgeState).toBe(!!d.edgeStates);
      const sim = simulate({ alg: mod.id, n: '7', seed: '2' }, { record: true });
      const g = sim.graph;
      const nbrs = g.ids.map(() => new Set<number>());
      for (const e of g.edges) {
        nbrs[e.a]!.add(g.ids[e.b]!);
        nbrs[e.b]!.add(g.ids[e.a]!);
      }
      for (let k = 0; k <= sim.trace.length; k++) {
        sim.seek(k);
        sim.nodeStates().forEach((s, i) => {
          if (s === null) return;
          const b = d.badge?.(s) ?? null;
          if (b !== null) expect(b.length).toBeLessThanOrEqual(12);
          const t = d.toward?.(s) ?? null;
          if (t !== null) expect(nbrs[i]!.has(t)).toBe(true);
          if (d.edgeState) for (const j of nbrs[i]!) expect([...names, null]).toContain(d.edgeState(s, j));
        });
      }
    });
  }
});
