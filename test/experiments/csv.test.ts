import { describe, expect, it } from 'vitest';
import { CSV_HEADER, csvLine, publicRow, toCsv } from '../../src/experiments/csv';
import { planExperiment, runExperiment, type ExperimentRow } from '../../src/experiments/runner';
import { SPEC_DEFAULTS } from '../../src/experiments/spec';

const row: ExperimentRow = {
  algorithm: 'lcr',
  n: 4,
  order: 'worst',
  seed: 1,
  messages: 14,
  rounds: 8,
  edges: 4,
  terminated: true,
};

describe('CSV', () => {
  it('has exactly the header algorithm,n,order,seed,messages,rounds', () => {
    expect(CSV_HEADER).toBe('algorithm,n,order,seed,messages,rounds');
  });

  it('writes one line per run in the header order, nothing else', () => {
    expect(csvLine(row)).toBe('lcr,4,worst,1,14,8');
    expect(toCsv([row, { ...row, n: 5, messages: 20, rounds: 10 }])).toBe(
      'algorithm,n,order,seed,messages,rounds\nlcr,4,worst,1,14,8\nlcr,5,worst,1,20,10\n',
    );
    expect(toCsv([])).toBe('algorithm,n,order,seed,messages,rounds\n');
    expect(Object.keys(publicRow(row))).toEqual(['algorithm', 'n', 'order', 'seed', 'messages', 'rounds']);
  });

  it('a whole experiment: header + one line per planned run', () => {
    const plan = planExperiment({
      ...SPEC_DEFAULTS,
      algorithms: ['lcr', 'hs'],
      ns: [4, 8, 16],
      orders: ['worst', 'random'],
      seeds: 2,
    });
    if (!plan.ok) throw new Error(plan.error);
    const lines = toCsv([...runExperiment(plan.runs)])
      .trimEnd()
      .split('\n');
    // 2 algorithms × 3 sizes × (worst once + random with 2 seeds)
    expect(lines).toHaveLength(1 + 2 * 3 * 3);
    expect(lines[0]).toBe(CSV_HEADER);
    for (const l of lines.slice(1)) expect(l).toMatch(/^(lcr|hs),(4|8|16),(worst|random),[12],\d+,\d+$/);
  });
});
