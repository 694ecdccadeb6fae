import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Faults } from '../../src/engine/types';
import {
  boxDistance,
  convexHull,
  cutHull,
  cutLabel,
  cutLabelAt,
  cutsAt,
  hasFaults,
  mix,
  nextPuffs,
  polygonDistance,
  PUFF_MS,
  puffAlpha,
  puffPoint,
  Recoveries,
} from '../../src/view/faults';

const NONE: Faults = { crashed: [], crashes: [] };

/** n points on a circle of radius r round (0, 0), position 0 at the top, clockwise (as layout.ts). */
function ring(n: number, r = 200): { xs: number[]; ys: number[] } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
    xs.push(r * Math.cos(a));
    ys.push(r * Math.sin(a));
  }
  return { xs, ys };
}

describe('which runs have faults', () => {
  it('none, or any one of them', () => {
    expect(hasFaults(NONE)).toBe(false);
    expect(hasFaults({ ...NONE, loss: 0 })).toBe(false);
    expect(hasFaults({ ...NONE, loss: 0.1 })).toBe(true);
    expect(hasFaults({ ...NONE, crashed: [3] })).toBe(true);
    expect(hasFaults({ ...NONE, crashes: [{ id: 3, at: 4 }] })).toBe(true);
    expect(hasFaults({ ...NONE, down: [{ a: 1, b: 2, from: 0, to: 4 }] })).toBe(true);
    expect(hasFaults({ ...NONE, part: [{ ids: [1], from: 0, to: null }] })).toBe(true);
    expect(hasFaults({ ...NONE, drop: [{ from: 1, to: 2, k: 1 }] })).toBe(true);
    // Duplicates lose nothing: no fault is drawn for them.
    expect(hasFaults({ ...NONE, dup: 0.5 })).toBe(false);
  });
});

describe('partitions holding at a time', () => {
  const f: Faults = {
    ...NONE,
    part: [
      { ids: [1, 2, 3], from: 2, to: 5 },
      { ids: [7], from: 4, to: null },
    ],
  };
  const pos = (id: number) => id - 1;
  it('from t1 up to, not including, t2; a partition without t2 never ends', () => {
    expect(cutsAt(f, pos, 1)).toEqual([]);
    expect(cutsAt(f, pos, 2)).toEqual([{ side: [0, 1, 2], from: 2, to: 5 }]);
    expect(cutsAt(f, pos, 4).map((c) => c.side)).toEqual([[0, 1, 2], [6]]);
    expect(cutsAt(f, pos, 5)).toEqual([{ side: [6], from: 4, to: null }]);
    expect(cutsAt(f, pos, 1e9)).toHaveLength(1);
  });
  it('labels say when it heals, in the run’s unit', () => {
    expect(cutLabel({ side: [0], from: 2, to: 5 }, false)).toBe('partition until t = 5');
    expect(cutLabel({ side: [0], from: 2, to: 5 }, true)).toBe('partition until round 5');
    expect(cutLabel({ side: [0], from: 2, to: null }, true)).toBe('partition, never heals');
  });
});

describe('hull geometry', () => {
  it('a square with a point inside and one on an edge: the four corners', () => {
    const hull = convexHull([
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 5, y: 0 },
      { x: 10, y: 10 },
      { x: 0, y: 10 },
      { x: 4, y: 6 },
    ]);
    expect(hull).toHaveLength(4);
    expect(new Set(hull.map((p) => `${p.x},${p.y}`))).toEqual(new Set(['0,0', '10,0', '10,10', '0,10']));
  });

  it('one point, two points, the same point twice', () => {
    expect(convexHull([{ x: 1, y: 2 }])).toEqual([{ x: 1, y: 2 }]);
    expect(
      convexHull([
        { x: 3, y: 0 },
        { x: 1, y: 0 },
      ]),
    ).toEqual([
      { x: 1, y: 0 },
      { x: 3, y: 0 },
    ]);
    expect(
      convexHull([
        { x: 1, y: 1 },
        { x: 1, y: 1 },
      ]),
    ).toEqual([{ x: 1, y: 1 }]);
  });

  it('distance to a polygon: 0 inside, to the nearest edge or corner outside', () => {
    const sq = convexHull([
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 10 },
      { x: 0, y: 10 },
    ]);
    expect(polygonDistance({ x: 5, y: 5 }, sq)).toBe(0);
    expect(polygonDistance({ x: 5, y: -3 }, sq)).toBeCloseTo(3);
    expect(polygonDistance({ x: 13, y: 14 }, sq)).toBeCloseTo(5);
    // A segment and a dot.
    expect(
      polygonDistance({ x: 5, y: 4 }, [
        { x: 0, y: 0 },
        { x: 10, y: 0 },
      ]),
    ).toBeCloseTo(4);
    expect(polygonDistance({ x: 3, y: 4 }, [{ x: 0, y: 0 }])).toBeCloseTo(5);
  });

  it('every point is in its hull (property)', () => {
    const pt = fc.record({ x: fc.integer({ min: -500, max: 500 }), y: fc.integer({ min: -500, max: 500 }) });
    fc.assert(
      fc.property(fc.array(pt, { minLength: 3, maxLength: 30 }), (pts) => {
        const hull = convexHull(pts);
        if (hull.length < 3) return true; // all on one line: the hull is a segment
        return pts.every((p) => polygonDistance(p, hull) < 1e-9);
      }),
    );
  });

  it('an arc of a ring gets one hull; a side scattered round it a halo per node', () => {
    const { xs, ys } = ring(8);
    const arc = cutHull(xs, ys, [5, 6, 7], 40, 22);
    expect(arc).not.toBeNull();
    expect(arc).toHaveLength(3);
    // {0, 2, 4}: the triangle's hull passes within 40 + 22 of node 1 (on the arc between 0 and 2).
    expect(cutHull(xs, ys, [0, 2, 4], 40, 22)).toBeNull();
    // Half the ring: the chord 0–4 runs through the middle, far from 5, 6, 7 on a ring this size.
    expect(cutHull(xs, ys, [0, 1, 2, 3, 4], 40, 22)).not.toBeNull();
  });
});

describe('where the cut’s label goes', () => {
  const { xs, ys } = ring(8);
  const all = xs.map((x, i) => ({ x, y: ys[i]! }));
  const side = [5, 6, 7].map((i) => all[i]!);
  const mid = { x: side.reduce((s, p) => s + p.x, 0) / 3, y: side.reduce((s, p) => s + p.y, 0) / 3 };

  it('with room round the picture: outside its arc, on the line from the centre, clear of every node', () => {
    const at = cutLabelAt(side, all, 0, 0, 90, 13, 30);
    for (const p of all) expect(boxDistance(p, at.x, at.y, 90, 13)).toBeGreaterThanOrEqual(30);
    expect(Math.abs(mid.x * at.y - mid.y * at.x)).toBeLessThan(1e-6);
    expect(Math.hypot(at.x, at.y)).toBeGreaterThan(Math.hypot(mid.x, mid.y));
  });

  it('kept inside the bounds: another way, still clear of every node', () => {
    const bounds = [-260, -300, 300, 300] as const;
    const at = cutLabelAt(side, all, 0, 0, 90, 13, 30, bounds);
    expect(at.x - 90).toBeGreaterThanOrEqual(bounds[0]);
    expect(at.x + 90).toBeLessThanOrEqual(bounds[2]);
    for (const p of all) expect(boxDistance(p, at.x, at.y, 90, 13)).toBeGreaterThanOrEqual(30);
  });
});

describe('a puff’s place and life', () => {
  it('`gap` before the receiver on its link, or the middle of a short link', () => {
    const p = puffPoint(0, 0, 100, 0, 30);
    expect(p).toEqual({ x: 70, y: 0 });
    const q = puffPoint(0, 0, 30, 40, 10);
    expect(Math.hypot(q.x - 30, q.y - 40)).toBeCloseTo(10);
    expect(q.x / q.y).toBeCloseTo(30 / 40);
    expect(puffPoint(0, 0, 20, 0, 30)).toEqual({ x: 10, y: 0 });
  });

  const loss = (step: number) => ({ step, from: 0, to: 1, kind: 0 });

  it('held while the cursor is on its step, fading for PUFF_MS once it left, then gone', () => {
    let puffs = nextPuffs([], 0, 3, [loss(3)], 1000);
    expect(puffs).toEqual([{ ...loss(3), born: 1000, left: null }]);
    expect(puffAlpha(puffs[0]!, 99_999)).toBe(1);
    // Forward one step: it starts fading.
    puffs = nextPuffs(puffs, 3, 4, [], 2000);
    expect(puffs[0]!.left).toBe(2000);
    expect(puffAlpha(puffs[0]!, 2000 + PUFF_MS / 2)).toBeCloseTo(0.5);
    expect(nextPuffs(puffs, 4, 5, [], 2000 + PUFF_MS)).toEqual([]);
  });

  it('steps passed over in playback each leave a fading puff; a move back keeps only the cursor’s', () => {
    const passed = nextPuffs([], 2, 6, [loss(3), loss(5)], 500);
    expect(passed.map((p) => [p.step, p.left])).toEqual([
      [3, 500],
      [5, 500],
    ]);
    const withOwn = nextPuffs(passed, 6, 7, [loss(7)], 600);
    expect(withOwn.map((p) => [p.step, p.left])).toEqual([
      [3, 500],
      [5, 500],
      [7, null],
    ]);
    const back = nextPuffs(withOwn, 7, 3, [loss(3)], 700);
    expect(back).toEqual([{ ...loss(3), born: 700, left: null }]);
  });
});

describe('nodes re-joining after a crash', () => {
  const e = (step: number, time: number, kind: string, node: number) => ({ step, time, kind, node });
  const trace = [
    e(1, 0, 'init', 1),
    e(2, 3, 'crash', 2),
    e(3, 5, 'deliver', 1),
    e(4, 8, 'recover', 2),
    e(5, 8, 'deliver', 1),
    e(6, 9, 'deliver', 1),
    e(7, 9.5, 'crash', 2),
    e(8, 10, 'deliver', 1),
  ];
  const rec = new Recoveries((id) => id - 1);
  rec.index(trace);
  const up = [0, 0];

  it('from its recovery step for one time unit, and only while up', () => {
    expect(rec.recoveringAt(3, 5, up)).toEqual([]);
    expect(rec.recoveringAt(4, 8, up)).toEqual([1]);
    expect(rec.recoveringAt(6, 9, up)).toEqual([1]);
    expect(rec.recoveringAt(8, 10, up)).toEqual([]);
    // Crashed again within the unit: drawn as crashed, not as back.
    expect(rec.recoveringAt(7, 9.5, [0, 1])).toEqual([]);
  });

  it('indexes a growing trace once', () => {
    const grown = new Recoveries((id) => id - 1);
    grown.index(trace.slice(0, 3));
    expect(grown.recoveringAt(4, 8, up)).toEqual([]);
    grown.index(trace);
    expect(grown.recoveringAt(4, 8, up)).toEqual([1]);
  });
});

describe('tints', () => {
  it('mixes toward a colour by a fraction', () => {
    expect(mix('#ffffff', '#000000', 0.5)).toBe('#808080');
    expect(mix('#ffffff', '#7b2fbf', 0)).toBe('#ffffff');
    expect(mix('#102030', '#7b2fbf', 1)).toBe('#7b2fbf');
  });
});
