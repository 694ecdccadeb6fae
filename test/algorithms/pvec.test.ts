import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PVec } from '../../src/algorithms/pvec';

type Op = { push: number } | { set: [number, number] };

describe('PVec: a persistent vector', () => {
  it('behaves as a copied array under any mix of set and push, and old versions never change', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1200 }),
        fc.array(
          fc.oneof(
            fc.record({ push: fc.integer() }),
            fc.record({ set: fc.tuple(fc.nat(), fc.integer()) }),
          ) as fc.Arbitrary<Op>,
          { maxLength: 300 },
        ),
        (size, ops) => {
          let v = PVec.filled(size, -1);
          let model: number[] = new Array<number>(size).fill(-1);
          const history: [PVec<number>, number[]][] = [[v, model]];
          for (const op of ops) {
            if ('push' in op) {
              v = v.push(op.push);
              model = [...model, op.push];
            } else if (model.length > 0) {
              const i = op.set[0] % model.length;
              v = v.set(i, op.set[1]);
              model = model.map((x, k) => (k === i ? op.set[1] : x));
            }
            history.push([v, model]);
          }
          for (const [version, expected] of history) {
            expect(version.size).toBe(expected.length);
            expect(version.toArray()).toEqual(expected);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('grows past every level boundary (32, 1024, 32768) by push alone', () => {
    let v = PVec.empty<number>(0);
    for (let i = 0; i < 33_000; i++) v = v.push(i * 3);
    expect(v.size).toBe(33_000);
    for (const i of [0, 31, 32, 1023, 1024, 32_767, 32_768, 32_999]) expect(v.get(i)).toBe(i * 3);
  });

  it('refuses an index outside the vector, and shows as a plain array in JSON', () => {
    const v = PVec.filled(3, 'Basic');
    expect(() => v.set(3, 'x')).toThrow(RangeError);
    expect(() => v.set(-1, 'x')).toThrow(RangeError);
    expect(JSON.stringify({ SE: v.set(1, 'Branch') })).toBe('{"SE":["Basic","Branch","Basic"]}');
  });
});
