/**
 * A typed array grown to `cap` elements with its contents kept: the event queue, the event journal
 * and the recorded trace's columns each grow this way (amortised: rare, never on a step's hot path).
 */
export function grown(a: Float64Array, cap: number): Float64Array<ArrayBuffer>;
export function grown(a: Int32Array, cap: number): Int32Array<ArrayBuffer>;
export function grown(a: Int16Array, cap: number): Int16Array<ArrayBuffer>;
export function grown(
  a: Int16Array | Int32Array,
  cap: number,
): Int16Array<ArrayBuffer> | Int32Array<ArrayBuffer>;
export function grown(a: Uint8Array, cap: number): Uint8Array<ArrayBuffer>;
export function grown(
  a: Int32Array | Float64Array,
  cap: number,
): Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;
export function grown(
  a: Float64Array | Int32Array | Int16Array | Uint8Array,
  cap: number,
): Float64Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Int16Array<ArrayBuffer> | Uint8Array<ArrayBuffer> {
  if (a instanceof Float64Array) {
    const b = new Float64Array(cap);
    b.set(a);
    return b;
  }
  if (a instanceof Int32Array) {
    const b = new Int32Array(cap);
    b.set(a);
    return b;
  }
  if (a instanceof Int16Array) {
    const b = new Int16Array(cap);
    b.set(a);
    return b;
  }
  const b = new Uint8Array(cap);
  b.set(a);
  return b;
}

/**
 * `a`, or a Float64Array copy of it if `a` is an Int32Array and `v` is not a 32-bit integer: a column
 * of whole numbers that nearly always fit 32 bits costs 4 B a value until one does not.
 */
export function fitted(a: Int32Array | Float64Array, v: number): Int32Array | Float64Array {
  return (v | 0) === v || a instanceof Float64Array ? a : Float64Array.from(a);
}

/**
 * A column of node positions (−1: none) for a run of n nodes: 2 B a value wherever positions fit 16
 * bits (n ≤ 32,767; the scenario's limit is 20,000 nodes), else 4 B.
 */
export function positionColumn(n: number, cap: number): Int16Array | Int32Array {
  return n <= 0x7fff ? new Int16Array(cap) : new Int32Array(cap);
}
