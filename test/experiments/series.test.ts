import { describe, expect, it } from 'vitest';
import type { ExperimentRow } from '../../src/experiments/runner';
import { plotData } from '../../src/experiments/series';

const r = (
  algorithm: string,
  order: ExperimentRow['order'],
  n: number,
  seed: number,
  messages: number,
  rounds = 0,
) => ({ algorithm, order, n, seed, messages, rounds, edges: n, terminated: true }) as ExperimentRow;

describe('plot data', () => {
  const rows = [
    r('lcr', 'worst', 4, 1, 14, 8),
    r('lcr', 'worst', 8, 1, 44, 16),
    r('lcr', 'random', 4, 1, 12),
    r('lcr', 'random', 4, 2, 13),
    r('hs', 'worst', 8, 1, 100),
  ];

  it('puts every n on the x axis once, ascending', () => {
    expect(plotData(rows, { metric: 'messages', mode: 'sync', announce: true }).x).toEqual([4, 8]);
  });

  it('plots the mean of the seeds and leaves gaps where a series has no run', () => {
    const p = plotData(rows, { metric: 'messages', mode: 'sync', announce: true });
    const measured = p.series.filter((s) => s.kind === 'measured');
    expect(measured.map((s) => [s.label, s.values])).toEqual([
      ['LCR worst: measured', [14, 44]],
      ['LCR random: measured (mean of 2 seeds)', [12.5, null]],
      ['HS worst: measured', [null, 100]],
    ]);
  });

  it('follows each measured series with its textbook curves, evaluated at the same n', () => {
    const p = plotData(rows, { metric: 'messages', mode: 'sync', announce: true });
    const lcrWorst = p.series.find((s) => s.kind !== 'measured' && s.label.startsWith('LCR worst'))!;
    expect(lcrWorst).toMatchObject({ kind: 'exact', values: [14, 44] }); // n(n+1)/2 + n at 4 and 8
    const hsBound = p.series.find((s) => s.kind !== 'measured' && s.label.startsWith('HS worst'))!;
    expect(hsBound).toMatchObject({ kind: 'upper', values: [null, 8 * 8 * 4 + 8] });
    const rounds = plotData(rows, { metric: 'rounds', mode: 'sync', announce: true });
    // LCR's 2n rounds hold for every order, so worst and random share one curve
    const lcrRounds = rounds.series.filter((s) => s.kind !== 'measured' && s.algorithm === 'lcr');
    expect(lcrRounds.map((s) => [s.label, s.values])).toEqual([['LCR: n + n (exact)', [8, 16]]]);
  });
});

describe('plot data: shared laws', () => {
  it('draws a curve several orders share once, without the order in its name, over all their n', () => {
    const rows = [r('hs', 'worst', 4, 1, 40), r('hs', 'random', 8, 1, 90), r('hs', 'random', 4, 1, 35)];
    const p = plotData(rows, { metric: 'messages', mode: 'sync', announce: false });
    const bounds = p.series.filter((s) => s.kind === 'upper');
    expect(bounds).toHaveLength(1);
    expect(bounds[0]!.label).toBe('HS: 8n(1+⌈log n⌉) (bound)');
    expect(bounds[0]!.values).toEqual([8 * 4 * 3, 8 * 8 * 4]);
  });
});
