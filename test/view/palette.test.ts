import { describe, expect, it } from 'vitest';
import { MAX_SPEED, MIN_SPEED } from '../../src/store/limits';
import { SLIDER_MAX, sliderToSpeed, speedToSlider } from '../../src/ui/speedScale';
import { kindColour, kindIndex, ROLE_LOOK, ROLE_ORDER, textOn } from '../../src/view/palette';

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
