import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clipToBox } from '../../src/view/spacetime/nowLayer';

type Box = [number, number, number, number];

const inside = (x: number, y: number, b: Box) => x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];

/** The naive cut: walk the segment in 20,000 steps and keep the first and last point inside. */
function naive(x0: number, y0: number, x1: number, y1: number, b: Box) {
  let first = -1;
  let last = -1;
  const N = 20_000;
  for (let i = 0; i <= N; i++) {
    const t = i / N;
    if (inside(x0 + t * (x1 - x0), y0 + t * (y1 - y0), b)) {
      if (first < 0) first = t;
      last = t;
    }
  }
  return first < 0 ? null : { first, last };
}

describe('clipToBox: an arrow in flight is cut to the view before it is dashed', () => {
  it('a segment across the view keeps its direction and ends on the box', () => {
    const seg = new Float64Array([-100, 50, 300, 50]);
    expect(clipToBox(seg, [0, 0, 200, 100])).toBe(true);
    expect([...seg]).toEqual([0, 50, 200, 50]);
    const back = new Float64Array([300, 150, -100, -50]);
    expect(clipToBox(back, [0, 0, 200, 100])).toBe(true);
    expect([...back]).toEqual([200, 100, 0, 0]);
  });

  it('a segment wholly outside is left out; one wholly inside is unchanged', () => {
    expect(clipToBox(new Float64Array([-10, -10, -1, 500]), [0, 0, 200, 100])).toBe(false);
    expect(clipToBox(new Float64Array([250, -10, 210, 500]), [0, 0, 200, 100])).toBe(false);
    const seg = new Float64Array([10, 20, 30, 40]);
    expect(clipToBox(seg, [0, 0, 200, 100])).toBe(true);
    expect([...seg]).toEqual([10, 20, 30, 40]);
  });

  it('property: the cut is the part of the segment inside the box (against a walk along it)', () => {
    const coord = fc.integer({ min: -400, max: 400 });
    fc.assert(
      fc.property(coord, coord, coord, coord, coord, coord, coord, coord, (x0, y0, x1, y1, a, b, c, d) => {
        const box: Box = [Math.min(a, c), Math.min(b, d), Math.max(a, c) + 1, Math.max(b, d) + 1];
        const seg = new Float64Array([x0, y0, x1, y1]);
        const kept = clipToBox(seg, box);
        const walk = naive(x0, y0, x1, y1, box);
        const len = Math.hypot(x1 - x0, y1 - y0);
        // The walk misses a piece shorter than its own step.
        if (walk === null) {
          if (kept)
            expect(Math.hypot(seg[2]! - seg[0]!, seg[3]! - seg[1]!)).toBeLessThan(len / 10_000 + 1e-9);
          return;
        }
        expect(kept).toBe(true);
        const tol = len / 10_000 + 1e-6;
        expect(Math.abs(seg[0]! - (x0 + walk.first * (x1 - x0)))).toBeLessThan(tol);
        expect(Math.abs(seg[1]! - (y0 + walk.first * (y1 - y0)))).toBeLessThan(tol);
        expect(Math.abs(seg[2]! - (x0 + walk.last * (x1 - x0)))).toBeLessThan(tol);
        expect(Math.abs(seg[3]! - (y0 + walk.last * (y1 - y0)))).toBeLessThan(tol);
      }),
      { numRuns: 400 },
    );
  });
});
