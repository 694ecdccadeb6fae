/**
 * Mersenne Twister MT19937, seeded like CPython's `random.Random(seed)` for integer seeds, with
 * `randint` drawn as CPython draws it (rejection sampling on getrandbits), so a seed gives the same
 * delays here as in a reference implementation written with `random.Random(seed)` (C6).
 * The whole state is a Uint32Array plus an index, so a checkpoint is one copy.
 */
const N = 624;
const M = 397;

export interface PrngState {
  mt: Uint32Array;
  index: number;
  draws: number;
}

function initGenrand(mt: Uint32Array, s: number): void {
  mt[0] = s >>> 0;
  for (let i = 1; i < N; i++) {
    const prev = mt[i - 1]!;
    mt[i] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) >>> 0;
  }
}

function initByArray(key: number[]): Uint32Array {
  const mt = new Uint32Array(N);
  initGenrand(mt, 19650218);
  let i = 1;
  let j = 0;
  for (let k = Math.max(N, key.length); k > 0; k--) {
    const prev = mt[i - 1]!;
    mt[i] = ((mt[i]! ^ Math.imul(prev ^ (prev >>> 30), 1664525)) + key[j]! + j) >>> 0;
    i++;
    j++;
    if (i >= N) {
      mt[0] = mt[N - 1]!;
      i = 1;
    }
    if (j >= key.length) j = 0;
  }
  for (let k = N - 1; k > 0; k--) {
    const prev = mt[i - 1]!;
    mt[i] = ((mt[i]! ^ Math.imul(prev ^ (prev >>> 30), 1566083941)) - i) >>> 0;
    i++;
    if (i >= N) {
      mt[0] = mt[N - 1]!;
      i = 1;
    }
  }
  mt[0] = 0x80000000;
  return mt;
}

/** CPython splits abs(seed) into 32-bit words, least significant first. */
function seedKey(seed: number): number[] {
  let rest = Math.abs(Math.trunc(seed));
  if (rest === 0) return [0];
  const key: number[] = [];
  while (rest > 0) {
    key.push(rest % 0x100000000);
    rest = Math.floor(rest / 0x100000000);
  }
  return key;
}

export class Prng {
  private mt: Uint32Array;
  private index: number;
  /** 32-bit words drawn so far: a checkpoint shares the previous copy of the state while it is unchanged. */
  draws = 0;

  constructor(seed: number) {
    this.mt = initByArray(seedKey(seed));
    this.index = N;
  }

  // The reference generator's three loops: no `% N` per word (the modulo was most of the refill's cost).
  // `-(y & 1) & MATRIX_A` is MATRIX_A when y is odd, else 0, without a branch.
  private twist(): void {
    const mt = this.mt;
    let kk = 0;
    let y: number;
    for (; kk < N - M; kk++) {
      y = (mt[kk]! & 0x80000000) | (mt[kk + 1]! & 0x7fffffff);
      mt[kk] = mt[kk + M]! ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
    }
    for (; kk < N - 1; kk++) {
      y = (mt[kk]! & 0x80000000) | (mt[kk + 1]! & 0x7fffffff);
      mt[kk] = mt[kk + M - N]! ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
    }
    y = (mt[N - 1]! & 0x80000000) | (mt[0]! & 0x7fffffff);
    mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
    this.index = 0;
  }

  /** A uniform 32-bit unsigned integer (genrand_uint32). */
  nextUint32(): number {
    if (this.index >= N) this.twist();
    this.draws++;
    let y = this.mt[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** Uniform integer in [0, n) for 1 ≤ n ≤ 2^32, as CPython's `_randbelow`. */
  below(n: number): number {
    const k = 32 - Math.clz32(n);
    const shift = 32 - k;
    let r = this.nextUint32() >>> shift;
    while (r >= n) r = this.nextUint32() >>> shift;
    return r;
  }

  /** Uniform integer in [a, b], as CPython's `randint(a, b)`. */
  int(a: number, b: number): number {
    return a + this.below(b - a + 1);
  }

  /** Fisher–Yates in place, as CPython's `shuffle`. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.below(i + 1);
      const t = items[i]!;
      items[i] = items[j]!;
      items[j] = t;
    }
    return items;
  }

  save(): PrngState {
    return { mt: this.mt.slice(), index: this.index, draws: this.draws };
  }

  restore(s: PrngState): void {
    this.mt = s.mt.slice();
    this.index = s.index;
    this.draws = s.draws;
  }
}
