import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NODE_SIZE } from '../../src/view/layout';
import { BIG_NODE_FONT, labelRules, labelScale, MIN_ID_PX, NODE_FONT } from '../../src/view/labelScale';
import { ROLE_LOOK } from '../../src/view/palette';
import { graphStyle } from '../../src/view/style';

describe('label scale', () => {
  it('uses the stylesheet font sizes it scales', () => {
    const rules = graphStyle() as { selector: string; style: Record<string, unknown> }[];
    expect(rules.find((r) => r.selector === 'node')!.style['font-size']).toBe(NODE_FONT);
    for (const r of rules.filter((r) => /^node\.\w+$/.test(r.selector) && r.style['font-size'] !== undefined))
      expect(r.style['font-size']).toBe(BIG_NODE_FONT);
  });

  it('leaves labels alone where they are already big enough on screen', () => {
    expect(labelScale(1, 2)).toBe(1);
    expect(labelScale(MIN_ID_PX / NODE_FONT, 2)).toBeCloseTo(1, 12);
    expect(labelScale(0, 2)).toBe(1);
    expect(labelScale(Number.NaN, 2)).toBe(1);
  });

  it('two-digit ids: capped at 1.6 when zoomed far out, exactly 16.5 px on screen otherwise (hand-worked)', () => {
    // 16.5 / (18 × 0.55) = 1.667 > the 1.6 cap; the cap gives 18 × 1.6 × 0.55 = 15.84 px.
    expect(labelScale(0.55, 2)).toBeCloseTo(1.6, 12);
    // At zoom 0.8: 16.5 / 14.4 = 1.1458…, under both caps (the label fits: 0.62·18·1.1458·2 = 25.6 < 38).
    expect(labelScale(0.8, 2)).toBeCloseTo(16.5 / 14.4, 12);
  });

  it('never shrinks, reaches 16.5 px when the label fits in its disc, and never overflows it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 4, noNaN: true }),
        fc.integer({ min: 1, max: 8 }),
        (zoom, chars) => {
          const s = labelScale(zoom, chars);
          expect(s).toBeGreaterThanOrEqual(1);
          const px = NODE_FONT * s * zoom;
          const width = 0.62 * NODE_FONT * s * chars;
          if (s > 1) expect(width).toBeLessThanOrEqual(NODE_SIZE - 6 + 1e-9);
          if (s > 1 && s < 1.6 && width < NODE_SIZE - 6 - 1e-6) expect(px).toBeCloseTo(MIN_ID_PX, 9);
          // Left at 1 only when big enough already, or when a larger label would not fit its disc.
          if (s === 1) expect(px >= MIN_ID_PX - 1e-9 || width >= NODE_SIZE - 6 - 1e-9).toBe(true);
        },
      ),
    );
  });

  it('scales the larger roles with the rest, after the base rule (later rules win in Cytoscape)', () => {
    const rules = labelRules(1.5) as { selector: string; style: Record<string, number> }[];
    expect(rules[0]).toEqual({ selector: 'node', style: { 'font-size': NODE_FONT * 1.5 } });
    const big = Object.entries(ROLE_LOOK)
      .filter(([, l]) => l.scale !== 1)
      .map(([r]) => `node.${r}`);
    expect(rules.slice(1).map((r) => r.selector)).toEqual(big);
    for (const r of rules.slice(1)) expect(r.style['font-size']).toBe(BIG_NODE_FONT * 1.5);
  });
});
