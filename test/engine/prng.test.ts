import { describe, expect, it } from 'vitest';
import { Prng } from '../../src/engine/prng';

// Expected values printed by CPython 3.11: random.Random(seed).randint(1, 10) etc.
describe('Prng (CPython-compatible MT19937)', () => {
  it('matches random.Random(42).randint(1, 10)', () => {
    const r = new Prng(42);
    expect(Array.from({ length: 10 }, () => r.int(1, 10))).toEqual([2, 1, 5, 4, 4, 3, 2, 9, 2, 10]);
  });
  it('matches random.Random(0) and a seed wider than 32 bits', () => {
    const r0 = new Prng(0);
    expect(Array.from({ length: 5 }, () => r0.int(1, 10))).toEqual([7, 7, 1, 5, 9]);
    const big = new Prng(2 ** 40 + 7);
    expect(Array.from({ length: 5 }, () => big.int(1, 1000))).toEqual([629, 766, 835, 961, 968]);
  });
  it('shuffles as random.Random(7).shuffle(list(range(10)))', () => {
    expect(new Prng(7).shuffle([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual([8, 3, 1, 4, 7, 0, 9, 6, 2, 5]);
  });
  it('save/restore replays the same stream', () => {
    const r = new Prng(5);
    r.int(1, 100);
    const saved = r.save();
    const a = Array.from({ length: 700 }, () => r.nextUint32());
    r.restore(saved);
    expect(Array.from({ length: 700 }, () => r.nextUint32())).toEqual(a);
  });
  it('refills its state as the textbook MT19937 does, over several refills', () => {
    // A naive generator with the reference's `% 624` indexing, started from the same state.
    const r = new Prng(20261203);
    // The state before the first refill (private: read through a cast, a test only).
    const mt = Uint32Array.from((r as unknown as { mt: Uint32Array }).mt);
    let i = 624;
    const naive = () => {
      if (i >= 624) {
        for (let k = 0; k < 624; k++) {
          const y = (mt[k]! & 0x80000000) | (mt[(k + 1) % 624]! & 0x7fffffff);
          mt[k] = mt[(k + 397) % 624]! ^ (y >>> 1) ^ ((y & 1) === 1 ? 0x9908b0df : 0);
        }
        i = 0;
      }
      let y = mt[i++]!;
      y ^= y >>> 11;
      y ^= (y << 7) & 0x9d2c5680;
      y ^= (y << 15) & 0xefc60000;
      y ^= y >>> 18;
      return y >>> 0;
    };
    const n = 3 * 624 + 5;
    expect(Array.from({ length: n }, () => r.nextUint32())).toEqual(Array.from({ length: n }, naive));
  });
});
