/**
 * Canonical text of a node state or a message, and the interning that turns it into a small integer.
 * Two values get the same number exactly when their canonical texts are equal, so the explorer
 * merges states by equality, not by a fingerprint that could collide (docs/explorer.md, "The hash").
 */

/** A value a handler cannot have produced as plain data: the explorer cannot compare it. */
export class NotPlainData extends Error {}

/**
 * The canonical text: object keys sorted (two handlers may build the same state in another key
 * order), a class with `toJSON` read through it (PVec, GHS's edge table and queue: what they hold,
 * not how the trie happens to be shaped), `undefined` fields left out as JSON does.
 */
export function canonical(v: unknown): string {
  switch (typeof v) {
    case 'number':
      return Object.is(v, -0) ? '0' : String(v);
    case 'string':
      return JSON.stringify(v);
    case 'boolean':
      return v ? 't' : 'f';
    case 'undefined':
      return 'u';
    case 'object':
      break;
    default:
      throw new NotPlainData(`a ${typeof v} in a state or message`);
  }
  if (v === null) return 'n';
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) out += (i ? ',' : '') + canonical(v[i]);
    return `${out}]`;
  }
  const o = v as { toJSON?: () => unknown } & Record<string, unknown>;
  if (typeof o.toJSON === 'function') return canonical(o.toJSON());
  if (v instanceof Map || v instanceof Set)
    // Their iteration order is insertion order, which a handler may read: keep it.
    return `${v instanceof Map ? 'M' : 'S'}${canonical([...v])}`;
  const keys = Object.keys(o).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const x = o[k];
    if (x === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(k)}:${canonical(x)}`;
    first = false;
  }
  return `${out}}`;
}

/**
 * Numbers values by their canonical text. Handlers reuse objects (a relay forwards the message it
 * got, a discard returns the state it was given), so the text is computed once per object.
 */
export class Interner<T = unknown> {
  private readonly byText = new Map<string, number>();
  private readonly byObject = new WeakMap<object, number>();
  /** The first value seen with each number. */
  readonly values: T[] = [];

  /** `byIdentity`: remember each object's number, for values met again and again as the same object. */
  constructor(private readonly byIdentity = true) {}

  id(v: T): number {
    const isObject = this.byIdentity && typeof v === 'object' && v !== null;
    if (isObject) {
      const known = this.byObject.get(v);
      if (known !== undefined) return known;
    }
    const text = canonical(v);
    let id = this.byText.get(text);
    if (id === undefined) {
      id = this.values.length;
      this.byText.set(text, id);
      this.values.push(v);
    }
    if (isObject) this.byObject.set(v, id);
    return id;
  }

  get size(): number {
    return this.values.length;
  }
}
