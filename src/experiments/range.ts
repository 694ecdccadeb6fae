import { LIMITS } from '../topology/spec';

/** At most this many distinct n in one experiment: a typo like 4-400000 is refused, not run. */
export const MAX_N_VALUES = 2_000;

export type RangeResult = { ok: true; values: number[] } | { ok: false; error: string };

/**
 * The sizes an experiment runs, written as the CLI and the panel accept them:
 * `4,8,16` (a list), `4-64` (every n), `4-64:4` (step 4), `4-64:x2` (×2 each time: powers of two
 * from 4), and any comma-separated mix of these. The result is ascending and without repeats.
 */
export function parseNRange(text: string): RangeResult {
  const t = text.trim();
  if (t === '') return { ok: false, error: 'n is empty: give sizes like 4-64, 4-64:4, 4-64:x2 or 4,8,16' };
  const out = new Set<number>();
  for (const raw of t.split(',')) {
    const part = raw.trim();
    const m = /^(\d{1,9})\s*(?:-\s*(\d{1,9})\s*(?::\s*([x*×]?)\s*(\d{1,9}))?)?$/.exec(part);
    if (!m)
      return {
        ok: false,
        error: `n: "${part.slice(0, 20)}" is not a size or a range like 4-64, 4-64:4 or 4-64:x2`,
      };
    const from = Number(m[1]);
    const to = m[2] !== undefined ? Number(m[2]) : from;
    const geometric = m[3] !== undefined && m[3] !== '';
    const step = m[4] !== undefined ? Number(m[4]) : 1;
    if (from < 1) return { ok: false, error: `n: ${from} is too small: a system needs at least one process` };
    if (to > LIMITS.maxNodes)
      return { ok: false, error: `n: ${to} is more than the ${LIMITS.maxNodes} nodes supported` };
    if (to < from) return { ok: false, error: `n: the range ${from}-${to} runs backwards` };
    if (geometric && step < 2)
      return { ok: false, error: `n: a factor of x${step} never grows; use x2 or more` };
    if (!geometric && step < 1) return { ok: false, error: 'n: the step must be at least 1' };
    for (let v = from; v <= to; v = geometric ? v * step : v + step) {
      out.add(v);
      if (out.size > MAX_N_VALUES)
        return { ok: false, error: `n: more than ${MAX_N_VALUES} sizes; use a step, e.g. 4-4000:100` };
    }
  }
  return { ok: true, values: [...out].sort((a, b) => a - b) };
}
