/**
 * A persistent vector: a 32-way trie with path copying. `set` and `push` return a new vector that
 * shares every untouched node with the old one, so a pure handler changes one entry of a hub's
 * 20,000-entry table in O(log₃₂ n) — three small array copies — without touching the state it was
 * given. A subtree that was never written reads as the vector's `fill` value, so a table of n equal
 * entries costs nothing to create.
 */
const BITS = 5;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;

/** A trie node: an inner node holds child nodes, a leaf holds values; `undefined` = never written. */
type Trie = readonly unknown[];

function setIn(node: Trie | undefined, shift: number, i: number, value: unknown): Trie {
  const copy = node === undefined ? [] : node.slice();
  if (shift === 0) copy[i & MASK] = value;
  else {
    const slot = (i >>> shift) & MASK;
    copy[slot] = setIn(node?.[slot] as Trie | undefined, shift - BITS, i, value);
  }
  return copy;
}

export class PVec<T> {
  private constructor(
    readonly size: number,
    /** Bits of the index above the leaf level: 0 when the root is a leaf. */
    private readonly shift: number,
    private readonly root: Trie | undefined,
    private readonly fill: T,
  ) {}

  /** `size` entries, all `fill`, in O(1). */
  static filled<T>(size: number, fill: T): PVec<T> {
    let shift = 0;
    while (size > 1 << (shift + BITS)) shift += BITS;
    return new PVec(size, shift, undefined, fill);
  }

  static empty<T>(fill: T): PVec<T> {
    return new PVec(0, 0, undefined, fill);
  }

  get(i: number): T {
    let node = this.root;
    for (let s = this.shift; s > 0 && node !== undefined; s -= BITS) node = node[(i >>> s) & MASK] as Trie;
    const v = node?.[i & MASK];
    return v === undefined ? this.fill : (v as T);
  }

  set(i: number, value: T): PVec<T> {
    if (!(i >= 0 && i < this.size)) throw new RangeError(`index ${i} outside 0..${this.size - 1}`);
    return new PVec(this.size, this.shift, setIn(this.root, this.shift, i, value), this.fill);
  }

  push(value: T): PVec<T> {
    let shift = this.shift;
    let root = this.root;
    if (this.size === 1 << (shift + BITS)) {
      // Full: the old trie becomes the first child of a root one level higher.
      root = root === undefined ? undefined : [root];
      shift += BITS;
    }
    return new PVec(this.size + 1, shift, setIn(root, shift, this.size, value), this.fill);
  }

  /** Calls f on every entry in index order. */
  forEach(f: (value: T, i: number) => void): void {
    for (let i = 0; i < this.size; i++) f(this.get(i), i);
  }

  toArray(): T[] {
    const out = new Array<T>(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.get(i);
    return out;
  }

  /** JSON (trace export) sees a plain array, not the trie. */
  toJSON(): T[] {
    return this.toArray();
  }
}
