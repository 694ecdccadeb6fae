import { describe, expect, it } from 'vitest';
import { textbookCurves, type Curve, type CurveOptions } from '../../src/experiments/curves';
import type { OrderName } from '../../src/experiments/orders';

// Expected values are the golden table and §1 of docs/algorithms.md (sync, no announcement).
const curve = (
  alg: string,
  order: OrderName,
  formula: RegExp,
  opts: CurveOptions = { mode: 'sync', announce: false },
) => {
  const c = textbookCurves(alg, order, opts).find((x) => formula.test(x.formula));
  if (!c) throw new Error(`no curve ${formula} for ${alg} ${order}`);
  return c;
};
const at = (c: Curve, ns: number[]) => ns.map((n) => c.value(n, 0));
const GOLDEN_N = [4, 5, 8, 12, 16, 32, 64];

describe('textbook curves (docs/algorithms.md golden values)', () => {
  it('LCR: worst n(n+1)/2 and best 2n−1, exact; rounds n', () => {
    const worst = curve('lcr', 'worst', /n\(n\+1\)\/2/);
    expect(worst.kind).toBe('exact');
    expect(at(worst, GOLDEN_N)).toEqual([10, 15, 36, 78, 136, 528, 2080]);
    expect(at(curve('lcr', 'desc', /n\(n\+1\)\/2/), GOLDEN_N)).toEqual([10, 15, 36, 78, 136, 528, 2080]);
    const best = curve('lcr', 'best', /2n−1/);
    expect(best.kind).toBe('exact');
    expect(at(best, GOLDEN_N)).toEqual([7, 9, 15, 23, 31, 63, 127]);
    const rounds = textbookCurves('lcr', 'worst', { mode: 'sync', announce: false }).find(
      (c) => c.metric === 'rounds',
    )!;
    expect(at(rounds, [4, 64])).toEqual([4, 64]);
  });

  it('LCR/Chang–Roberts random: the mean n·H_n over all rings (25/3, 137/12, 761/35 …)', () => {
    for (const alg of ['lcr', 'chang-roberts']) {
      const mean = curve(alg, 'random', /n·H_n/);
      expect(mean.kind).toBe('mean');
      expect(mean.value(4, 0)).toBeCloseTo(25 / 3, 12);
      expect(mean.value(5, 0)).toBeCloseTo(137 / 12, 12);
      expect(mean.value(8, 0)).toBeCloseTo(761 / 35, 12);
      expect(mean.value(9, 0)).toBeCloseTo(7129 / 280, 12);
    }
  });

  it('HS: the bound 8n(1+⌈log n⌉), the sorted ring exactly, rounds 2^(⌈log n⌉+1)+n−2', () => {
    const bound = curve('hs', 'worst', /8n/);
    expect(bound.kind).toBe('upper');
    expect(at(bound, GOLDEN_N)).toEqual([96, 160, 256, 480, 640, 1536, 3584]);
    const sorted = curve('hs', 'best', /5n/);
    expect(sorted.kind).toBe('exact');
    expect(at(sorted, [2, 3, ...GOLDEN_N])).toEqual([10, 23, 28, 49, 64, 116, 136, 280, 568]);
    expect(sorted.from).toBe(2); // n = 1 sends 2 outs (C13), not 5 + 4 − 8
    // no worst ring is known exactly: only the bound is drawn for messages
    const worst = textbookCurves('hs', 'worst', { mode: 'sync', announce: false });
    expect(worst.some((c) => c.metric === 'messages' && c.kind === 'exact')).toBe(false);
    const rounds = textbookCurves('hs', 'random', { mode: 'sync', announce: false }).find(
      (c) => c.metric === 'rounds',
    )!;
    expect(at(rounds, GOLDEN_N)).toEqual([10, 19, 22, 42, 46, 94, 190]);
  });

  it('Peterson: the bound 2n⌊log n⌋+n is the worst ring exactly; sorted rings 3n', () => {
    const worst = curve('peterson', 'worst', /2n⌊log n⌋/);
    expect(worst.kind).toBe('exact');
    expect(at(worst, [1, 2, 3, ...GOLDEN_N])).toEqual([1, 6, 9, 20, 25, 56, 84, 144, 352, 832]);
    expect(at(curve('peterson', 'asc', /3n/), GOLDEN_N)).toEqual([12, 15, 24, 36, 48, 96, 192]);
    expect(curve('peterson', 'random', /2n⌊log n⌋/).kind).toBe('upper');
    expect(curve('peterson', 'random', /3n/).kind).toBe('lower');
  });

  it('Bully, no crash: n²−1 (lowest detects), n−1 (highest); async only bounds', () => {
    expect(at(curve('bully', 'worst', /n²−1/), [2, 3, 4, 5, 8, 16, 64])).toEqual([
      3, 8, 15, 24, 63, 255, 4095,
    ]);
    expect(at(curve('bully', 'best', /n−1/), [4, 8])).toEqual([3, 7]);
    // mean over the detector's rank k of (n−k+1)(n−k) + n − 1, worked by hand for n = 4: (15+9+5+3)/4 = 8
    expect(curve('bully', 'random', /\/3/).value(4, 0)).toBe(8);
    const async = { mode: 'async' as const, announce: false };
    expect(curve('bully', 'worst', /n²−1/, async).kind).toBe('upper');
  });

  it('GHS: 5n log n + 2|E| reads the graph, plus at most n convergecast messages', () => {
    const c = curve('ghs', 'random', /5n log n/);
    expect(c.kind).toBe('upper');
    expect(c.value(8, 12)).toBe(5 * 8 * 3 + 24 + 8);
  });

  it('the announcement adds n on a ring (and n rounds), n−1 on a tree, nothing for Bully', () => {
    const on = { mode: 'sync' as const, announce: true };
    const lcr = textbookCurves('lcr', 'worst', on);
    expect(lcr.find((c) => c.metric === 'messages')!.value(10, 0)).toBe(55 + 10);
    expect(lcr.find((c) => c.metric === 'messages')!.formula).toBe('n(n+1)/2 + n');
    expect(lcr.find((c) => c.metric === 'rounds')!.value(10, 0)).toBe(20);
    expect(textbookCurves('tree', 'asc', on).map((c) => c.value(10, 9))).toEqual([18, 19]);
    expect(textbookCurves('bully', 'worst', on)[0]!.value(10, 0)).toBe(99);
  });

  it('labels say the algorithm, the order, the formula and the kind', () => {
    const on = { mode: 'sync' as const, announce: true };
    expect(textbookCurves('hs', 'worst', on)[0]!.label).toBe('HS worst: 8n(1+⌈log n⌉) + n (bound)');
    expect(textbookCurves('lcr', 'worst', on)[0]!.label).toBe('LCR worst: n(n+1)/2 + n (exact)');
  });
});
