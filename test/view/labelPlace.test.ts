import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fanOut, fanOutScratch } from '../../src/view/fanOut';
import { CLEAR, LabelPlacer, leaderLine, reachAlong, RINGS } from '../../src/view/labelPlace';

/** The distance from (x, y) to the nearest point of a w × h box centred at (cx, cy). */
function toBox(x: number, y: number, cx: number, cy: number, w: number, h: number): number {
  const dx = Math.max(cx - w / 2 - x, 0, x - (cx + w / 2));
  const dy = Math.max(cy - h / 2 - y, 0, y - (cy + h / 2));
  return Math.hypot(dx, dy);
}

describe('reachAlong', () => {
  it('puts the box’s nearest point exactly d away, in every direction', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 4, max: 200, noNaN: true }),
        fc.double({ min: 4, max: 40, noNaN: true }),
        fc.double({ min: 1, max: 60, noNaN: true }),
        (a, w, h, d) => {
          const ux = Math.cos(a);
          const uy = Math.sin(a);
          const t = reachAlong(ux, uy, w, h, d);
          expect(toBox(0, 0, ux * t, uy * t, w, h)).toBeCloseTo(d, 6);
        },
      ),
    );
  });
});

/** Places `k` labels 60 px wide on one dot at (200, 150) preferring the side above, in a 400 × 300 panel. */
function onOneSpot(k: number) {
  const out = { shown: new Uint8Array(k), lx: new Float64Array(k), ly: new Float64Array(k) };
  new LabelPlacer().place(
    {
      count: k,
      order: Int32Array.from({ length: k }, (_, i) => i),
      x: new Float64Array(k).fill(200),
      y: new Float64Array(k).fill(150),
      nx: new Float64Array(k),
      ny: new Float64Array(k).fill(-1),
      w: new Float64Array(k).fill(60),
      r: 7,
      h: 22,
      width: 400,
      height: 300,
      obstacles: new Float64Array(0),
      obstacleCount: 0,
    },
    out,
  );
  return out;
}

describe('LabelPlacer', () => {
  /** A random scene: dots in a 400 × 300 panel, labels 30–110 px wide, a few obstacles. */
  const scene = fc.record({
    dots: fc.array(
      fc.record({
        x: fc.double({ min: 0, max: 400, noNaN: true }),
        y: fc.double({ min: 0, max: 300, noNaN: true }),
        a: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        w: fc.double({ min: 30, max: 110, noNaN: true }),
      }),
      { minLength: 1, maxLength: 40 },
    ),
    obstacles: fc.array(
      fc.record({
        x: fc.double({ min: 0, max: 400, noNaN: true }),
        y: fc.double({ min: 0, max: 300, noNaN: true }),
        s: fc.double({ min: 2, max: 20, noNaN: true }),
      }),
      { maxLength: 10 },
    ),
  });

  it('never overlaps two labels, nor a label and an obstacle; each within the last ring of its dot, inside the panel', () => {
    const placer = new LabelPlacer();
    fc.assert(
      fc.property(scene, ({ dots, obstacles }) => {
        const k = dots.length;
        const r = 7;
        const h = 22;
        const out = { shown: new Uint8Array(k), lx: new Float64Array(k), ly: new Float64Array(k) };
        const ob = new Float64Array(obstacles.flatMap((o) => [o.x, o.y, o.s, o.s]));
        placer.place(
          {
            count: k,
            order: Int32Array.from(dots.keys()),
            x: Float64Array.from(dots.map((d) => d.x)),
            y: Float64Array.from(dots.map((d) => d.y)),
            nx: Float64Array.from(dots.map((d) => Math.cos(d.a))),
            ny: Float64Array.from(dots.map((d) => Math.sin(d.a))),
            w: Float64Array.from(dots.map((d) => d.w)),
            r,
            h,
            width: 400,
            height: 300,
            obstacles: ob,
            obstacleCount: obstacles.length,
          },
          out,
        );
        const boxes = dots.flatMap((d, i) =>
          out.shown[i] ? [{ x: out.lx[i]!, y: out.ly[i]!, w: d.w }] : [],
        );
        for (const [i, d] of dots.entries()) {
          if (!out.shown[i]) continue;
          const gap = toBox(d.x, d.y, out.lx[i]!, out.ly[i]!, d.w, h);
          expect(gap).toBeGreaterThanOrEqual(r + CLEAR - 1e-6);
          expect(gap).toBeLessThanOrEqual(r + CLEAR + RINGS[RINGS.length - 1]! + 1e-6);
          expect(out.lx[i]! - d.w / 2).toBeGreaterThanOrEqual(2);
          expect(out.lx[i]! + d.w / 2).toBeLessThanOrEqual(398);
          for (const o of obstacles)
            expect(
              Math.abs(out.lx[i]! - o.x) >= d.w / 2 + o.s - 1e-9 ||
                Math.abs(out.ly[i]! - o.y) >= h / 2 + o.s - 1e-9,
            ).toBe(true);
        }
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i]!;
            const b = boxes[j]!;
            const apart = Math.abs(a.x - b.x) >= (a.w + b.w) / 2 || Math.abs(a.y - b.y) >= h;
            expect(apart).toBe(true);
          }
      }),
    );
  });

  it('a lone label sits on its preferred side, against its dot, with no leader line', () => {
    const out = onOneSpot(1);
    // Straight above: centre x the dot's, bottom edge r + CLEAR above the dot's centre.
    expect(out.shown[0]).toBe(1);
    expect(out.lx[0]).toBeCloseTo(200);
    expect(out.ly[0]! + 11).toBeCloseTo(150 - 7 - CLEAR);
    expect(leaderLine(200, 150, 7, out.lx[0]!, out.ly[0]!, 60, 22)).toBeNull();
  });

  it('a label pushed off by a second one on the same spot moves to the other side, then further out with a leader line', () => {
    const out = onOneSpot(3);
    expect([...out.shown]).toEqual([1, 1, 1]);
    expect(out.ly[0]).toBeLessThan(150);
    expect(out.ly[1]).toBeGreaterThan(150);
    const line = leaderLine(200, 150, 7, out.lx[2]!, out.ly[2]!, 60, 22);
    expect(line).not.toBeNull();
    // The line starts on the dot's rim.
    expect(Math.hypot(line!.x1 - 200, line!.y1 - 150)).toBeCloseTo(7);
  });
});

describe('fanOut', () => {
  it('keeps each message at its own place while the queue fits', () => {
    const prev = Int32Array.of(-1, 0, -1);
    const p = Float64Array.of(0.8, 0.5, 0.3);
    const gap = Float64Array.of(0.1, 0.1, 0.1);
    const out = new Float64Array(3);
    fanOut(3, prev, p, gap, out, fanOutScratch(3));
    expect([...out]).toEqual([0.8, 0.5, 0.3]);
  });

  it('spreads a queue piled at the sender along the link, the first one ahead', () => {
    // Four messages all just sent on one channel (hand-worked: 0.2 apart from the sender on).
    const prev = Int32Array.of(-1, 0, 1, 2);
    const p = new Float64Array(4);
    const gap = Float64Array.of(0.2, 0.2, 0.2, 0.2);
    const out = new Float64Array(4);
    fanOut(4, prev, p, gap, out, fanOutScratch(4));
    expect([...out].map((v) => +v.toFixed(9))).toEqual([0.6, 0.4, 0.2, 0]);
  });

  it('property: FIFO order, in [0, 1], neighbours min(gap, 1/(m − 1)) apart', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            link: fc.integer({ min: 0, max: 3 }),
            p: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { maxLength: 30 },
        ),
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        (msgs, g) => {
          const k = msgs.length;
          // Later sends on a link are no further along than earlier ones (FIFO, same delays).
          const last = new Map<number, number>();
          const prev = new Int32Array(k);
          const p = new Float64Array(k);
          for (const [i, m] of msgs.entries()) {
            const a = last.get(m.link);
            prev[i] = a ?? -1;
            p[i] = a === undefined ? m.p : Math.min(m.p, p[a]!);
            last.set(m.link, i);
          }
          const out = new Float64Array(k);
          fanOut(k, prev, p, new Float64Array(k).fill(g), out, fanOutScratch(k));
          for (let link = 0; link < 4; link++) {
            const queue = msgs.flatMap((m, i) => (m.link === link ? [i] : []));
            const want = queue.length > 1 ? Math.min(g, 1 / (queue.length - 1)) : g;
            for (let j = 0; j < queue.length; j++) {
              const v = out[queue[j]!]!;
              expect(v).toBeGreaterThanOrEqual(0);
              expect(v).toBeLessThanOrEqual(1 + 1e-9);
              if (j > 0) expect(out[queue[j - 1]!]! - v).toBeGreaterThanOrEqual(want - 1e-9);
            }
          }
        },
      ),
    );
  });
});
