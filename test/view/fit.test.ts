import { describe, expect, it } from 'vitest';
import { fitViewport } from '../../src/view/fit';

const layout = (pts: [number, number][], nodeSize = 10) => ({
  x: Float64Array.from(pts.map((p) => p[0])),
  y: Float64Array.from(pts.map((p) => p[1])),
  nodeSize,
});

describe('fitting the graph to its panel', () => {
  it('frames the bounding box with a node-size margin and 40 px of padding, centred', () => {
    // Box 0..100 × 0..50, margin 10 (not a ring): 120 × 70 to fit in (500 − 80) × (400 − 80).
    const v = fitViewport(
      layout([
        [0, 0],
        [100, 50],
      ]),
      500,
      400,
      false,
    )!;
    expect(v.zoom).toBeCloseTo(Math.min(420 / 120, 320 / 70));
    // The box's centre (50, 25) lands on the panel's centre (250, 200).
    expect(50 * v.zoom + v.pan.x).toBeCloseTo(250);
    expect(25 * v.zoom + v.pan.y).toBeCloseTo(200);
  });

  it('leaves small rings room for labels outside (1.8 node sizes)', () => {
    const v = fitViewport(
      layout([
        [0, 0],
        [100, 100],
      ]),
      500,
      500,
      true,
    )!;
    expect(v.zoom).toBeCloseTo(420 / (100 + 2 * 18));
  });

  it("pads a phone's panel by 8 px instead of 40, so the graph gets the width", () => {
    // 390 × 366 (a phone): the ring's box 100 + 2·18 must fit in 390 − 16 and 366 − 16.
    const v = fitViewport(
      layout([
        [0, 0],
        [100, 100],
      ]),
      390,
      366,
      true,
    )!;
    expect(v.zoom).toBeCloseTo(350 / (100 + 2 * 18));
  });

  it('has nothing to frame without nodes or room', () => {
    expect(fitViewport(layout([]), 500, 400, false)).toBeNull();
    expect(fitViewport(layout([[0, 0]]), 0, 400, false)).toBeNull();
  });
});
