import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/simulation';
import { buildRun } from '../../src/scenario/build';
import { parseFlat } from '../../src/scenario/parse';
import { summarize } from '../../src/scenario/summary';
import type { Scenario } from '../../src/scenario/types';
import { decodeScenario, encodeScenario } from '../../src/scenario/url';
import { versusChoices, versusScenario } from '../../src/scenario/versus';
import { versusOf, withScreen, withVersus } from '../../src/ui/screenLink';

function scenario(link: string): Scenario {
  const d = decodeScenario(link);
  if (!d.ok) throw new Error(d.errors[0]!.message);
  return d.value;
}

function messages(s: Scenario): { total: number; leader: number | null } {
  const r = buildRun(s);
  if (!r.ok) throw new Error(r.errors[0]!.message);
  const sum = summarize(new Simulation({ ...r.value, record: false }).runToEnd());
  return { total: sum.messages, leader: sum.leader };
}

describe('a second algorithm on the same graph', () => {
  const lcr16 = scenario('v=1&alg=lcr&n=16&ids=desc&mode=sync');

  it('HS runs the same ring of 16, read both ways, with the same ids, timing and seed', () => {
    const v = versusScenario(lcr16, 'hs');
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.value.scenario.topology).toEqual({ kind: 'ring-bi', n: 16 });
    expect(v.value.scenario.ids).toEqual(lcr16.ids);
    expect(v.value.scenario.timing).toEqual(lcr16.timing);
    expect(v.value.scenario.seed).toBe(lcr16.seed);
    expect(v.value.leftOut).toEqual([]);
  });

  it('LCR and HS at n = 16, ids decreasing: both send 152 (docs/algorithms.md §3)', () => {
    const n = 16;
    const log = Math.ceil(Math.log2(n));
    // LCR, ids decreasing clockwise: n(n+1)/2; HS on a sorted ring: 5n + 2^(⌈log n⌉+2) − 8; each + n announcing.
    const lcr = (n * (n + 1)) / 2 + n;
    const hs = 5 * n + 2 ** (log + 2) - 8 + n;
    expect([lcr, hs]).toEqual([152, 152]);
    const v = versusScenario(lcr16, 'hs');
    if (!v.ok) throw new Error(v.errors[0]!.message);
    expect(messages(lcr16)).toEqual({ total: lcr, leader: 16 });
    expect(messages(v.value.scenario)).toEqual({ total: hs, leader: 16 });
  });

  it('offers the ring algorithms and says why the others are not', () => {
    const { offered, refused } = versusChoices(lcr16);
    const ids = offered.map((v) => v.algorithm.id).sort();
    expect(ids).toEqual(['chang-roberts', 'floodmax', 'franklin', 'hs', 'itai-rodeh', 'peterson']);
    const bully = refused.find((r) => r.algorithm.id === 'bully');
    expect(bully?.reason).toBe('Bully runs on a complete graph, not on this unidirectional ring');
    expect(refused.map((r) => r.algorithm.id)).not.toContain('lcr');
    // Every registered algorithm but the first is either offered or refused.
    expect(offered.length + refused.length).toBeGreaterThan(5);
  });

  it('names the options the second algorithm does not take, and leaves them out', () => {
    const cr = scenario('v=1&alg=chang-roberts&n=8&ids=desc&mode=sync&initiators=3,5');
    const v = versusScenario(cr, 'lcr');
    expect(v.ok && v.value.leftOut).toEqual(['initiators']);
    const plain = parseFlat({ v: '1', alg: 'lcr', n: '8' });
    expect(v.ok && v.value.scenario.params).toEqual(plain.ok && plain.value.params);
  });

  it('refuses the same algorithm and an unknown one', () => {
    expect(versusScenario(lcr16, 'lcr').ok).toBe(false);
    const r = versusScenario(lcr16, 'nope');
    expect(!r.ok && r.errors[0]!.message).toBe('vs names no algorithm: "nope"');
  });
});

describe('the vs key', () => {
  it('is read and checked, and is no part of the scenario', () => {
    const plain = parseFlat({ v: '1', alg: 'lcr', n: '16' });
    const withKey = parseFlat({ v: '1', alg: 'lcr', n: '16', screen: 'compare', vs: 'hs' });
    expect(withKey.ok && plain.ok && withKey.value).toEqual(plain.ok && plain.value);
  });

  it('refuses an algorithm that does not run on the graph, naming where it runs', () => {
    const r = parseFlat({ v: '1', alg: 'lcr', n: '8', vs: 'ghs' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.field).toBe('vs');
    if (!r.ok)
      expect(r.errors[0]!.message).toBe(
        'GHS runs on a random connected graph, a custom edge list or 6 other kinds of graph, not on this unidirectional ring',
      );
    const same = parseFlat({ v: '1', alg: 'lcr', n: '8', vs: 'lcr' });
    expect(!same.ok && same.errors[0]!.message).toBe(
      'vs=lcr is the algorithm alg already runs: compare it with another',
    );
  });

  it('stays outside a compressed part and reads back; leaving the compare screen drops it', () => {
    const ids = Array.from({ length: 300 }, (_, i) => 300 - i).join(',');
    const d = decodeScenario(`v=1&alg=lcr&ids=${ids}`);
    if (!d.ok) throw new Error(d.errors[0]!.message);
    const link = encodeScenario(d.value);
    expect(link).toMatch(/^v=1&z=/);
    const opened = withVersus(withScreen(`#${link}`, 'compare'), 'hs');
    expect(opened).toBe(`#${link}&screen=compare&vs=hs`);
    expect(decodeScenario(opened)).toEqual(d);
    expect(versusOf(opened)).toBe('hs');
    expect(withVersus(opened, null)).toBe(`#${link}&screen=compare`);
    expect(withScreen(opened, 'simulator')).toBe(`#${link}`);
    expect(versusOf(`#${link}`)).toBeNull();
  });
});
