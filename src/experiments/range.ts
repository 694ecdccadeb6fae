import { LIMITS } from '../topology/spec';

/** At most this many distinct n in one experiment: a typo like 4-400000 is refused, not run. */
export const MAX_N_VALUES = 2_000;

export type RangeResult = { ok: true; values: number[] } | { ok: false; error: string };

/** How a range's errors name what it counts; n's own sentences are the CLI's contract. */
interface RangeWords {
  name: string;
  min: number;
  max: number;
  /** `a size`, `a value`. */
  noun: string;
  tooSmall(v: number): string;
  tooBig(v: number): string;
  /** An example of a step that keeps the count under MAX_N_VALUES. */
  stepExample: string;
}

const N_WORDS: RangeWords = {
  name: 'n',
  min: 1,
  max: LIMITS.maxNodes,
  noun: 'a size',
  tooSmall: (v) => `n: ${v} is too small: a system needs at least one process`,
  tooBig: (v) => `n: ${v} is more than the ${LIMITS.maxNodes} nodes supported`,
  stepExample: '4-4000:100',
};

/**
 * The values an experiment runs, written as the CLI and the panel accept them:
 * `4,8,16` (a list), `4-64` (every value), `4-64:4` (step 4), `4-64:x2` (×2 each time: powers of two
 * from 4), and any comma-separated mix of these. The result is ascending and without repeats.
 */
function parseValues(text: string, w: RangeWords): RangeResult {
  const t = text.trim();
  if (t === '')
    return {
      ok: false,
      error: `${w.name} is empty: give ${w.name === 'n' ? 'sizes' : 'values'} like 4-64, 4-64:4, 4-64:x2 or 4,8,16`,
    };
  const out = new Set<number>();
  for (const raw of t.split(',')) {
    const part = raw.trim();
    const m = /^(\d{1,9})\s*(?:-\s*(\d{1,9})\s*(?::\s*([x*×]?)\s*(\d{1,9}))?)?$/.exec(part);
    if (!m)
      return {
        ok: false,
        error: `${w.name}: "${part.slice(0, 20)}" is not ${w.noun} or a range like 4-64, 4-64:4 or 4-64:x2`,
      };
    const from = Number(m[1]);
    const to = m[2] !== undefined ? Number(m[2]) : from;
    const geometric = m[3] !== undefined && m[3] !== '';
    const step = m[4] !== undefined ? Number(m[4]) : 1;
    if (from < w.min) return { ok: false, error: w.tooSmall(from) };
    if (to > w.max) return { ok: false, error: w.tooBig(to) };
    if (to < from) return { ok: false, error: `${w.name}: the range ${from}-${to} runs backwards` };
    if (geometric && step < 2)
      return { ok: false, error: `${w.name}: a factor of x${step} never grows; use x2 or more` };
    if (!geometric && step < 1) return { ok: false, error: `${w.name}: the step must be at least 1` };
    for (let v = from; v <= to; v = geometric ? v * step : v + step) {
      out.add(v);
      if (out.size > MAX_N_VALUES)
        return {
          ok: false,
          error: `${w.name}: more than ${MAX_N_VALUES} ${w.name === 'n' ? 'sizes' : 'values'}; use a step, e.g. ${w.stepExample}`,
        };
    }
  }
  return { ok: true, values: [...out].sort((a, b) => a - b) };
}

/** The sizes n of an experiment (see parseValues). */
export function parseNRange(text: string): RangeResult {
  return parseValues(text, N_WORDS);
}

/** The values of a varied parameter `name`, each from `min` to `max` (see parseValues). */
export function parseRange(text: string, name: string, min: number, max: number): RangeResult {
  return parseValues(text, {
    name,
    min,
    max,
    noun: 'a whole number',
    tooSmall: (v) => `${name}: ${v} is below the smallest value, ${min}`,
    tooBig: (v) => `${name}: ${v} is above the largest value, ${max}`,
    stepExample: `${min}-${min + 1000}:10`,
  });
}
