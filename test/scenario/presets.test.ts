import { describe, expect, it } from 'vitest';
import { ALGORITHMS, findAlgorithm } from '../../src/algorithms/registry';
import { Simulation } from '../../src/engine/simulation';
import { buildRun } from '../../src/scenario/build';
import { findPreset, presetShelves, PRESETS, sideBySide } from '../../src/scenario/presets';
import type { Scenario } from '../../src/scenario/types';
import { versusScenario } from '../../src/scenario/versus';
import { summarize, type RunSummary } from '../../src/scenario/summary';
import { decodeScenario, encodeScenario } from '../../src/scenario/url';

/** The algorithm id a preset link names, read without the validator (which needs it registered). */
const algOf = (link: string) => new URLSearchParams(link).get('alg') ?? '';
const registered = PRESETS.filter((p) => findAlgorithm(algOf(p.link)));

function run(id: string): RunSummary {
  const d = decodeScenario(findPreset(id)!.link);
  if (!d.ok) throw new Error(d.errors[0]!.message);
  const r = buildRun(d.value);
  if (!r.ok) throw new Error(r.errors[0]!.message);
  const sim = new Simulation({ ...r.value, record: false, checkInvariants: true }).runToEnd();
  expect(sim.violations).toEqual([]);
  expect(sim.terminated).toBe(true);
  return summarize(sim);
}

/** Kruskal's minimum spanning tree as sorted id pairs: the reference GHS must reach. */
function kruskal(edges: { a: number; b: number; w: number }[]): [number, number][] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    while (parent.has(x) && parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  const out: [number, number][] = [];
  for (const e of [...edges].sort((x, y) => x.w - y.w)) {
    const [ra, rb] = [find(e.a), find(e.b)];
    if (ra === rb) continue;
    parent.set(ra, rb);
    parent.set(rb, rb);
    out.push([Math.min(e.a, e.b), Math.max(e.a, e.b)]);
  }
  return out.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

describe('presets', () => {
  it('every preset’s algorithm is registered (fails until hs, peterson, bully, tree and ghs land)', () => {
    expect(PRESETS.map((p) => algOf(p.link)).filter((a) => !findAlgorithm(a))).toEqual([]);
  });

  it('cover the teaching scenarios the brief names, every registered algorithm, with distinct ids', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    const algs = PRESETS.map((p) => algOf(p.link));
    for (const a of ['bully', 'chang-roberts', 'ghs', 'hs', 'lcr', 'peterson', 'tree'])
      expect(algs).toContain(a);
    // LCR's worst and best case, and two comparisons from LCR's ring (the compare screen).
    expect(PRESETS.filter((p) => algOf(p.link) === 'lcr' && !sideBySide(p))).toHaveLength(2);
    expect(PRESETS.filter((p) => algOf(p.link) === 'lcr' && sideBySide(p))).toHaveLength(2);
    for (const a of ALGORITHMS) expect(algs).toContain(a.id);
  });

  for (const p of registered) {
    it(`${p.id}: decodes, is in canonical form, and builds`, () => {
      expect(p.title.trim()).not.toBe('');
      // one sentence: ends with a full stop and has no other sentence break
      expect(p.watch).toMatch(/^[^\n]+\.$/);
      expect(p.watch).not.toMatch(/\.\s+[A-Z]/);
      const d = decodeScenario(p.link);
      expect(d.ok).toBe(true);
      if (!d.ok) return;
      // The viewer's keys (the compare screen and its second algorithm) come last, after the run.
      const viewer = /^(screen|vs)=/;
      const keys = p.link.split('&');
      const first = keys.findIndex((k) => viewer.test(k));
      if (first >= 0) expect(keys.slice(first).every((k) => viewer.test(k))).toBe(true);
      expect(encodeScenario(d.value)).toBe(keys.filter((k) => !viewer.test(k)).join('&'));
      const r = buildRun(d.value);
      expect(r.ok ? [] : r.errors).toEqual([]);
    });
  }
});

describe('presets do what their sentence says', () => {
  const has = (alg: string) => Boolean(findAlgorithm(alg));

  /** A preset's run, changed: another algorithm on the same ring (`vs`) or the other timing model. */
  function runOf(id: string, change: (s: Scenario) => Scenario): RunSummary {
    const d = decodeScenario(findPreset(id)!.link);
    if (!d.ok) throw new Error(d.errors[0]!.message);
    const r = buildRun(change(d.value));
    if (!r.ok) throw new Error(r.errors[0]!.message);
    return summarize(new Simulation({ ...r.value, record: false }).runToEnd());
  }

  it('side by side: LCR vs HS on 16 nodes, ids decreasing: both n(n+1)/2 + n = 5n + 2^(⌈log n⌉+2) − 8 + n = 152', () => {
    const n = 16;
    const lcr = (n * (n + 1)) / 2 + n;
    const hs = 5 * n + 2 ** (Math.ceil(Math.log2(n)) + 2) - 8 + n;
    expect([lcr, hs]).toEqual([152, 152]);
    expect(
      presetShelves()
        .find((s) => s.shelf === 'Side by side')!
        .presets.map((p) => p.id),
    ).toContain('lcr-vs-hs-16');
    expect(runOf('lcr-vs-hs-16', (s) => s).messages).toBe(lcr);
    const other = (s: Scenario) => {
      const v = versusScenario(s, new URLSearchParams(findPreset('lcr-vs-hs-16')!.link).get('vs')!);
      if (!v.ok) throw new Error(v.errors[0]!.message);
      return v.value.scenario;
    };
    const h = runOf('lcr-vs-hs-16', other);
    expect(h.messages).toBe(hs);
    expect(h.leader).toBe(16);
  });

  it('side by side: LCR worst case on 8 nodes sends 36 + 8 = 44 in both timing models', () => {
    for (const mode of ['sync', 'async'] as const) {
      const s = runOf('lcr-sync-vs-async', (sc) => ({ ...sc, timing: { ...sc.timing, mode } }));
      expect(s.messagesByKind).toEqual({ election: (8 * 9) / 2, elected: 8 });
    }
  });

  it('LCR worst case: n(n+1)/2 = 36 election messages on 8 nodes, + n announcement', () => {
    const s = run('lcr-worst');
    expect(s.messagesByKind).toEqual({ election: (8 * 9) / 2, elected: 8 });
    expect(s.leader).toBe(8);
  });

  it('LCR best case: 2n − 1 = 15 election messages, n rounds (2n with the announcement)', () => {
    const s = run('lcr-best');
    expect(s.messagesByKind).toEqual({ election: 2 * 8 - 1, elected: 8 });
    expect(s.rounds).toBe(16);
  });

  it('Chang–Roberts, initiators 1 and 5 on 3,7,1,8,5,2,6,4: 16 election messages (hand-worked)', () => {
    // 1→8 (8 replaces it), 5→2→6 (6 replaces it)→4→3→7 (7 replaces it)→1→8 (swallowed),
    // and 8's own uid all the way round: 2 + 1 + 5 + 8 = 16. LCR on this ring: Σ distances = 20.
    const s = run('chang-roberts-two-initiators');
    expect(s.messagesByKind).toEqual({ election: 16, elected: 8 });
    expect(s.leader).toBe(8);
  });

  it.skipIf(!has('hs'))('HS on 16 nodes: within 8n(1 + ⌈log n⌉) = 640, leader the max id', () => {
    const s = run('hs-16');
    expect((s.messagesByKind.out ?? 0) + (s.messagesByKind.in ?? 0)).toBeLessThanOrEqual(8 * 16 * (1 + 4));
    expect(s.leader).toBe(16);
  });

  it.skipIf(!has('peterson'))(
    'Peterson on 8: value 8, detected by 4, 2n·2 + n = 40 election messages',
    () => {
      // phase 1: the local maxima 7, 8, 6 pass on to 1, 5, 4; phase 2: only 4 (holding 8) survives
      const s = run('peterson-8');
      expect(s.leader).toBe(8);
      expect(s.chosenProcess).toBe(4);
      expect((s.messagesByKind.p1 ?? 0) + (s.messagesByKind.p2 ?? 0)).toBe(2 * 8 * 2 + 8);
    },
  );

  it.skipIf(!has('bully'))('Bully: after 8 crashes, 7 is the coordinator; messages to 8 are lost', () => {
    const s = run('bully-coordinator-crash');
    expect(s.leader).toBe(7);
    expect(s.messagesDelivered).toBeLessThan(s.messages);
  });

  it.skipIf(!has('tree'))(
    'tree on a path of 8: the two middle nodes saturate, the larger (7) leads, n up messages',
    () => {
      const s = run('tree-two-saturated');
      expect([...(s.saturated as number[])].sort((a, b) => a - b)).toEqual([3, 7]);
      expect(s.leader).toBe(7);
      expect(s.messagesByKind.up).toBe(8);
      expect(s.messagesByKind.elected).toBe(7);
    },
  );

  it.skipIf(!has('ghs'))('GHS on 10 nodes: the tree is Kruskal’s MST, weights 1..9, total 45', () => {
    const d = decodeScenario(findPreset('ghs-10')!.link);
    if (!d.ok) throw new Error('decode');
    const edges = d.value.topology.edges!.map((e) => ({ a: e.a, b: e.b, w: e.w! }));
    const mst = kruskal(edges);
    const weight = (a: number, b: number) =>
      edges.find((e) => (e.a === a && e.b === b) || (e.a === b && e.b === a))!.w;
    expect(mst.reduce((t, [a, b]) => t + weight(a, b), 0)).toBe(45);
    const s = run('ghs-10');
    const got = (s.mst as [number, number][])
      .map(([a, b]) => [Math.min(a, b), Math.max(a, b)])
      .sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!);
    expect(got).toEqual(mst);
  });
});
