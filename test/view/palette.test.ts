import { describe, expect, it } from 'vitest';
import { MAX_SPEED, MIN_SPEED } from '../../src/store/limits';
import { SLIDER_MAX, sliderToSpeed, speedToSlider } from '../../src/ui/speedScale';
import {
  GRAPH_THEMES,
  kindColour,
  kindColourOn,
  kindIndex,
  ROLE_LOOK,
  ROLE_ORDER,
  textOn,
} from '../../src/view/palette';

/** WCAG 2 contrast ratio, written out here apart from the palette's. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) =>
    [1, 3, 5]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((s) => (s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4))
      .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('palette', () => {
  it('every role differs from every other by a cue other than colour', () => {
    const cue = (r: (typeof ROLE_ORDER)[number]) => {
      const l = ROLE_LOOK[r];
      return `${l.borderStyle}/${l.shape}/${l.marker}/${l.scale}`;
    };
    const cues = new Set(ROLE_ORDER.map(cue));
    expect(cues.size).toBe(ROLE_ORDER.length);
    expect(ROLE_LOOK.leader.scale).toBeGreaterThan(1);
    expect(ROLE_LOOK.leader.marker).toBe('★');
  });

  it('message kinds get distinct colours by their order, and unknown kinds still get one', () => {
    const index = kindIndex(['out', 'in', 'elected']);
    expect([index('out'), index('in'), index('elected'), index('surprise')]).toEqual([0, 1, 2, 3]);
    expect(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8].map(kindColour)).size).toBe(9);
    expect(kindColour(9)).toBe(kindColour(0));
  });

  it('on the dark theme every message kind stands out 3:1 from the paper; the light theme keeps Tol’s colours', () => {
    // The navy of the first kind was 1.3:1 on the dark paper: it vanished.
    expect(contrast(kindColour(0), GRAPH_THEMES.dark.paper)).toBeLessThan(1.5);
    for (let i = 0; i < 9; i++) {
      expect(contrast(kindColourOn(i, true), GRAPH_THEMES.dark.paper)).toBeGreaterThanOrEqual(3);
      expect(kindColourOn(i, false)).toBe(kindColour(i));
    }
    // Lightened, not replaced: the kinds stay told apart.
    expect(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => kindColourOn(i, true))).size).toBe(9);
  });

  it('text on a fill is black on light colours and white on dark ones', () => {
    expect(textOn('#ffffff')).toBe('#000000');
    expect(textOn('#F0E442')).toBe('#000000');
    expect(textOn('#332288')).toBe('#ffffff');
    expect(textOn('#000000')).toBe('#ffffff');
  });
});

describe('the logarithmic speed slider', () => {
  it('spans MIN_SPEED..MAX_SPEED and each position maps back to itself', () => {
    expect(sliderToSpeed(0)).toBeCloseTo(MIN_SPEED);
    expect(sliderToSpeed(SLIDER_MAX)).toBeCloseTo(MAX_SPEED);
    // equal steps of the slider multiply the speed by the same factor
    expect(sliderToSpeed(600) / sliderToSpeed(500)).toBeCloseTo(sliderToSpeed(200) / sliderToSpeed(100));
    for (const v of [0, 1, 137, 500, 999, SLIDER_MAX]) expect(speedToSlider(sliderToSpeed(v))).toBe(v);
  });
});
