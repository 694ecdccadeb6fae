import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSlice, type Steppable } from '../../src/store/compute';

/** A run whose k-th step costs cost(k) milliseconds of a fake clock; it ends after `length` steps. */
function fakeRun(cost: (k: number) => number, length = Infinity) {
  const clock = { t: 1000, reads: 0 };
  const sim: Steppable & { step: number; readsBetween: number[] } = {
    step: 0,
    readsBetween: [],
    stepForward() {
      if (this.step >= length) return false;
      clock.t += cost(this.step);
      this.step++;
      return true;
    },
  };
  let lastRead = 0;
  const now = () => {
    clock.reads++;
    sim.readsBetween.push(sim.step - lastRead);
    lastRead = sim.step;
    return clock.t;
  };
  return { sim, clock, now };
}

const O = { limit: Infinity, budgetMs: 8, maxCheckEvery: 16 };

describe('computeSlice: a background slice keeps to its time budget', () => {
  it('expensive steps (3 ms each): the slice stops within 8 ms, before a step that would not fit', () => {
    const { sim, now } = fakeRun(() => 3);
    const r = computeSlice(sim, { ...O, now });
    // 3 + 3 = 6 ms fits; a third step would end at 9 ms > 8.
    expect(r.steps).toBe(2);
    expect(r.elapsed).toBeLessThanOrEqual(8);
    expect(r.stopped).toBe(false);
  });

  it('a step longer than the whole budget still makes progress, one step per slice', () => {
    const { sim, now } = fakeRun(() => 40);
    const r = computeSlice(sim, { ...O, now });
    expect(r.steps).toBe(1);
    expect(sim.step).toBe(1);
  });

  it('cheap steps: the clock is read at most every 16 steps, and the slice uses its budget', () => {
    const { sim, now, clock } = fakeRun(() => 0.001);
    const r = computeSlice(sim, { ...O, now });
    expect(r.elapsed).toBeLessThanOrEqual(8);
    // Within one 16-step check of the budget.
    expect(r.elapsed).toBeGreaterThan(8 - 16 * 0.001 - 1e-9);
    expect(Math.max(...sim.readsBetween.slice(1))).toBeLessThanOrEqual(16);
    // Cheap reads: about one read per 16 steps, not one per step.
    expect(clock.reads).toBeLessThan(r.steps / 8);
  });

  it('property: uniform steps of any cost end within the budget (or after the one step that exceeds it alone)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.0001, max: 30, noNaN: true }), (cost) => {
        const { sim, now } = fakeRun(() => cost);
        const r = computeSlice(sim, { ...O, now });
        if (cost > 8) expect(r.steps).toBe(1);
        else expect(r.elapsed).toBeLessThanOrEqual(8 + 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('property: steps that turn expensive midway overrun by at most the steps between two reads', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.double({ min: 0.0001, max: 0.05, noNaN: true }),
        fc.double({ min: 0.1, max: 30, noNaN: true }),
        (switchAt, cheap, dear) => {
          const { sim, now } = fakeRun((k) => (k < switchAt ? cheap : dear));
          const r = computeSlice(sim, { ...O, now });
          expect(r.steps).toBeGreaterThan(0);
          // The change is seen at the next read, at most 16 steps later; from then on every step is read.
          expect(r.elapsed).toBeLessThanOrEqual(8 + 16 * dear + 1e-9);
          if (switchAt === 0 && dear <= 8) expect(r.elapsed).toBeLessThanOrEqual(8 + 1e-9);
          // Reads are never further apart than 16 steps.
          expect(Math.max(...sim.readsBetween.slice(1))).toBeLessThanOrEqual(16);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stops at the end of the run and at the recording limit', () => {
    const a = fakeRun(() => 0.01, 5);
    expect(computeSlice(a.sim, { ...O, now: a.now })).toMatchObject({ steps: 5, stopped: true });
    const b = fakeRun(() => 0.01);
    expect(computeSlice(b.sim, { ...O, limit: 7, now: b.now })).toMatchObject({ steps: 7, stopped: true });
  });
});
