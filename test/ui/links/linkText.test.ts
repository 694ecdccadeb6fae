import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeScenario, encodeScenario } from '../../../src/scenario/url';
import { linkText } from '../../../src/ui/links/linkText';
import { validScenario } from '../../scenario/arbitraries';

describe('linkText', () => {
  it('is encodeScenario with the step put in (or left out at step 0), short or compressed', () => {
    fc.assert(
      fc.property(validScenario, fc.integer({ min: 0, max: 10_000 }), (s, step) => {
        const { step: _s, ...rest } = s;
        const expected = encodeScenario(step > 0 ? { ...rest, step } : rest);
        // Twice: the second call reads the cached step-less encoding.
        expect(linkText(s, step)).toBe(expected);
        expect(linkText(s, step)).toBe(expected);
        const back = decodeScenario(expected);
        expect(back.ok && back.value.step).toBe(step > 0 ? step : undefined);
      }),
      { numRuns: 300 },
    );
  });

  it('a compressed link keeps step outside z, and the cached base is reused', () => {
    const ids = Array.from({ length: 300 }, (_, i) => i + 1).join(',');
    const s = decodeScenario(`v=1&alg=lcr&ids=${ids}`);
    if (!s.ok) throw new Error('bad scenario');
    expect(linkText(s.value, 0)).toMatch(/^v=1&z=[^&]+$/);
    expect(linkText(s.value, 17)).toBe(encodeScenario({ ...s.value, step: 17 }));
    expect(linkText(s.value, 17)).toMatch(/^v=1&z=[^&]+&step=17$/);
  });
});
