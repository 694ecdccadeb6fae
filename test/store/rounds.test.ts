import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextRoundCursor, previousRoundCursor } from '../../src/store/rounds';

const at = (...times: number[]) => times.map((time) => ({ time }));

describe('moving by rounds', () => {
  // Hand-worked: round 0 has 3 start-ups (steps 0–2), round 1 two deliveries (3–4), round 3 one (5).
  const trace = at(0, 0, 0, 1, 1, 3);

  it('next: to the end of the next step’s round', () => {
    expect(nextRoundCursor(trace, 6, 0)).toBe(3);
    expect(nextRoundCursor(trace, 6, 3)).toBe(5);
    expect(nextRoundCursor(trace, 6, 4)).toBe(5);
    expect(nextRoundCursor(trace, 6, 5)).toBe(6);
    expect(nextRoundCursor(trace, 6, 6)).toBe(6);
    // Only 4 steps computed so far: it stops there.
    expect(nextRoundCursor(trace, 4, 3)).toBe(4);
  });

  it('previous: to the start of the last executed step’s round', () => {
    expect(previousRoundCursor(trace, 6)).toBe(5);
    expect(previousRoundCursor(trace, 5)).toBe(3);
    expect(previousRoundCursor(trace, 4)).toBe(3);
    expect(previousRoundCursor(trace, 3)).toBe(0);
    expect(previousRoundCursor(trace, 0)).toBe(0);
  });

  it('agrees with a step-by-step walk on any sorted trace', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(6), { maxLength: 30 }), fc.nat(30), (raw, c) => {
        const times = [...raw].sort((a, b) => a - b);
        const tr = at(...times);
        const cursor = Math.min(c, tr.length);
        // Naive: step forward while the next step is in the same unit as the first one taken.
        let k = cursor;
        if (k < tr.length) {
          const t = tr[k]!.time;
          while (k < tr.length && tr[k]!.time === t) k++;
        }
        expect(nextRoundCursor(tr, tr.length, cursor)).toBe(k);
        let j = cursor;
        if (j > 0) {
          const t = tr[j - 1]!.time;
          while (j > 0 && tr[j - 1]!.time === t) j--;
        }
        expect(previousRoundCursor(tr, cursor)).toBe(j);
      }),
    );
  });
});
