import { describe, expect, it } from 'vitest';
import { MAX_N_VALUES, parseNRange } from '../../src/experiments/range';

const values = (t: string) => {
  const r = parseNRange(t);
  if (!r.ok) throw new Error(r.error);
  return r.values;
};
const error = (t: string) => {
  const r = parseNRange(t);
  if (r.ok) throw new Error(`"${t}" was accepted as ${r.values.join(',')}`);
  return r.error;
};

describe('parseNRange', () => {
  it('reads a list, sorted and without repeats', () => {
    expect(values('4,8,16')).toEqual([4, 8, 16]);
    expect(values(' 16, 4 ,8,4 ')).toEqual([4, 8, 16]);
    expect(values('7')).toEqual([7]);
  });

  it('reads a range: every n from the first to the last', () => {
    const r = values('4-64');
    expect(r).toHaveLength(61);
    expect(r[0]).toBe(4);
    expect(r[60]).toBe(64);
    expect(values('5-5')).toEqual([5]);
  });

  it('reads a step, stopping at or before the end', () => {
    expect(values('4-64:4')).toEqual([4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56, 60, 64]);
    expect(values('1-10:4')).toEqual([1, 5, 9]);
  });

  it('reads powers of two as a factor x2 (also *2)', () => {
    expect(values('4-64:x2')).toEqual([4, 8, 16, 32, 64]);
    expect(values('1-100:*2')).toEqual([1, 2, 4, 8, 16, 32, 64]);
    expect(values('3-100:x3')).toEqual([3, 9, 27, 81]);
  });

  it('reads a mix of parts', () => {
    expect(values('4-8,16-64:x2,100')).toEqual([4, 5, 6, 7, 8, 16, 32, 64, 100]);
  });

  it('refuses what is not a size, naming the part', () => {
    expect(error('')).toMatch(/n is empty/);
    expect(error('4-x')).toMatch(/"4-x" is not a size or a range/);
    expect(error('4,,8')).toMatch(/"" is not a size/);
    expect(error('-4')).toMatch(/not a size or a range/);
    expect(error('0-4')).toMatch(/at least one process/);
    expect(error('64-4')).toMatch(/runs backwards/);
    expect(error('4-64:0')).toMatch(/step must be at least 1/);
    expect(error('4-64:x1')).toMatch(/never grows/);
    expect(error('4-20001')).toMatch(/more than the 20000 nodes/);
    expect(error(`1-${MAX_N_VALUES + 1}`)).toMatch(/more than 2000 sizes/);
  });
});
