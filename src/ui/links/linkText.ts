import type { Scenario } from '../../scenario/types';
import { encodeScenario } from '../../scenario/url';

/** The step-less encoding of each loaded scenario: a big custom graph is compressed once, not per step. */
const baseOf = new WeakMap<Scenario, string>();

/**
 * The link body (hash without `#`) for a scenario viewed at `step` (0 = no step key), exactly what
 * encodeScenario({...s, step}) gives. A compressed link keeps `step` outside `z` and appends it last,
 * so the compressed base is reused; short links are encoded afresh (they are cheap).
 */
export function linkText(s: Scenario, step: number): string {
  const { step: _drop, ...rest } = s;
  let base = baseOf.get(s);
  if (base === undefined) {
    base = encodeScenario(rest);
    baseOf.set(s, base);
  }
  if (step <= 0) return base;
  if (/^v=\d+&z=/.test(base)) return `${base}&step=${step}`;
  return encodeScenario({ ...rest, step });
}
