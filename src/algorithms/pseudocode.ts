/**
 * Pseudo-code with typed line keys. An algorithm writes its code as `[key, text]` pairs; handlers name
 * the lines they ran by key (`code.lines('start', 'send')`), a typo is a type error, and the engine,
 * the trace and the pseudo-code panel keep working with plain 0-based indices into `text`.
 */
export interface Pseudocode<K extends string> {
  /** The lines as shown, in order. */
  readonly text: readonly string[];
  /** Every key, in line order. */
  readonly keys: readonly K[];
  /** The index of one line. */
  line(key: K): number;
  /** The indices of several lines, in the order given: a handler's `lines`. */
  lines(...keys: K[]): number[];
}

export function pseudocode<const K extends string>(
  code: readonly (readonly [key: K, text: string])[],
): Pseudocode<K> {
  const index = new Map<K, number>();
  code.forEach(([key], i) => {
    if (index.has(key)) throw new Error(`pseudo-code key "${key}" is used twice`);
    index.set(key, i);
  });
  const line = (key: K): number => index.get(key)!;
  return {
    text: code.map(([, text]) => text),
    keys: code.map(([key]) => key),
    line,
    lines: (...keys: K[]) => keys.map(line),
  };
}
