import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRun } from '../../src/scenario/build';
import { PRESETS } from '../../src/scenario/presets';
import { salvage } from '../../src/scenario/salvage';
import type { Result, Scenario } from '../../src/scenario/types';
import { decodeScenario, encodeScenario } from '../../src/scenario/url';
import { validScenario } from './arbitraries';
import { mutateLink, randomText, Rng } from './mutate';

/**
 * Whatever comes in, decodeScenario returns a valid scenario or errors that each name a field and say
 * something; it never throws. A valid result is in normal form (re-encoding it gives it back) and
 * buildRun on it never throws either.
 */
function checkOutcome(text: string): 'ok' | 'error' {
  let r: Result<Scenario>;
  try {
    r = decodeScenario(text);
  } catch (e) {
    throw new Error(`decodeScenario threw on ${JSON.stringify(text.slice(0, 200))}`, { cause: e });
  }
  if (!r.ok) {
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) {
      expect(typeof e.field === 'string' && e.field.length > 0, `field of ${JSON.stringify(e)}`).toBe(true);
      expect(
        typeof e.message === 'string' && e.message.trim().length > 0,
        `message of ${JSON.stringify(e)}`,
      ).toBe(true);
    }
    return 'error';
  }
  expect(decodeScenario(encodeScenario(r.value))).toEqual(r);
  const run = buildRun(r.value);
  if (!run.ok) for (const e of run.errors) expect(e.field.length > 0 && e.message.length > 0).toBe(true);
  return 'ok';
}

const VALID_LINKS = [
  ...PRESETS.map((p) => p.link),
  ...fc.sample(validScenario, { numRuns: 400, seed: 42 }).map(encodeScenario),
];

describe('codec fuzz', () => {
  it('10,000 random strings and key soups', () => {
    const r = new Rng(20240601);
    const tally = { ok: 0, error: 0 };
    for (let i = 0; i < 10_000; i++) tally[checkOutcome(randomText(r))]++;
    // Key soups do sometimes make a valid scenario: the check above saw both outcomes.
    expect(tally.error).toBeGreaterThan(0);
    expect(tally.ok).toBeGreaterThan(0);
  });

  it('10,000 mutations of valid links (truncate, flip, duplicate keys, huge numbers, unicode, %-garbage, broken z=)', () => {
    const r = new Rng(777);
    const tally = { ok: 0, error: 0 };
    for (let i = 0; i < 10_000; i++) tally[checkOutcome(mutateLink(r.pick(VALID_LINKS), r))]++;
    expect(tally.error).toBeGreaterThan(1000);
    expect(tally.ok).toBeGreaterThan(0);
  });

  it('salvage never throws and what it keeps is a valid scenario', () => {
    const r = new Rng(99);
    for (let i = 0; i < 1500; i++) {
      const text = i % 3 === 0 ? randomText(r) : mutateLink(r.pick(VALID_LINKS), r);
      const s = salvage(text);
      for (const e of s.errors) expect(e.field.length > 0 && e.message.length > 0).toBe(true);
      if (s.scenario)
        expect(decodeScenario(encodeScenario(s.scenario))).toEqual({ ok: true, value: s.scenario });
      // a valid link loses nothing
      if (decodeScenario(text).ok) expect(s.dropped).toEqual([]);
    }
  });
});
