/**
 * A growable Int32Array: the state graph keeps a few numbers per state and per transition, and a
 * million states in typed arrays cost megabytes where arrays of objects would cost ten times more.
 */
export class IntVec {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(v: number): number {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length] = v;
    return this.length++;
  }

  get(i: number): number {
    return this.data[i]!;
  }

  set(i: number, v: number): void {
    this.data[i] = v;
  }

  /** The filled part, shared (not copied). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}
