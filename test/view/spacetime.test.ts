import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/simulation';
import { buildRun } from '../../src/scenario/build';
import { parseFlat, type Flat } from '../../src/scenario/parse';
import { clockText } from '../../src/view/spacetime/nowLayer';
import { Replay } from '../../src/store/replay';
import {
  distToSegment2,
  fitScale,
  LABEL_W,
  MIN_ROW,
  PAD,
  tickStep,
  xOfTime,
  yOfRow,
} from '../../src/view/spacetime/geometry';
import { TraceIndex } from '../../src/view/spacetime/traceIndex';

function sim(flat: Flat): Simulation {
  const p = parseFlat({ v: '1', ...flat });
  if (!p.ok) throw new Error(p.errors[0]!.message);
  const spec = buildRun(p.value);
  if (!spec.ok) throw new Error(spec.errors[0]!.message);
  return new Simulation({ ...spec.value, record: true });
}

describe('the space-time index', () => {
  it('knows when each node crashed and came back (C17): 2 crashes at round 1 and recovers at round 3', () => {
    const s = sim({ alg: 'lcr', ids: '1,2,3,4,5,6', mode: 'sync', crashes: '2@1', recover: '2@3' });
    s.runToEnd();
    const ix = new TraceIndex(s.trace, s.graph.ids, s.algorithm.kinds);
    // Row = position: ids 1..6 sit at rows 0..5.
    expect([ix.crashAt[1], ix.recoverAt[1]]).toEqual([1, 3]);
    expect([ix.crashAt[0], ix.recoverAt[0]]).toEqual([Infinity, Infinity]);
  });

  it('lists every message of hand-worked LCR on 3 → 1 → 2 with its rows, times and steps', () => {
    const s = sim({ alg: 'lcr', ids: '3,1,2', mode: 'sync' });
    s.runToEnd();
    const ix = new TraceIndex(s.trace, s.graph.ids, s.algorithm.kinds);
    // 5 election messages (3 sends, 3 forwarded twice) + 3 elected (docs/algorithms.md §1.1: 5 + n).
    expect(ix.count).toBe(8);
    const rows = (i: number) => [ix.ids[ix.from[i]!], ix.ids[ix.to[i]!]];
    const all = Array.from({ length: ix.count }, (_, i) => ({
      link: rows(i),
      sent: ix.sendTime[i],
      at: ix.deliverAt[i],
      sendStep: ix.sendStep[i],
      doneStep: ix.doneStep[i],
      kind: ix.kind[i],
    }));
    // election = kind 0, elected = kind 1; sync: delivered one round after sending (C5).
    expect(all).toEqual([
      { link: [3, 1], sent: 0, at: 1, sendStep: 1, doneStep: 4, kind: 0 },
      { link: [1, 2], sent: 0, at: 1, sendStep: 2, doneStep: 5, kind: 0 },
      { link: [2, 3], sent: 0, at: 1, sendStep: 3, doneStep: 6, kind: 0 },
      { link: [1, 2], sent: 1, at: 2, sendStep: 4, doneStep: 7, kind: 0 },
      { link: [2, 3], sent: 2, at: 3, sendStep: 7, doneStep: 8, kind: 0 },
      { link: [3, 1], sent: 3, at: 4, sendStep: 8, doneStep: 9, kind: 1 },
      { link: [1, 2], sent: 4, at: 5, sendStep: 9, doneStep: 10, kind: 1 },
      { link: [2, 3], sent: 5, at: 6, sendStep: 10, doneStep: 11, kind: 1 },
    ]);
    expect(ix.maxTime).toBe(6);
    expect(ix.maxSpan).toBe(1);
    expect(ix.sentBy(0)).toBe(0);
    expect(ix.sentBy(3)).toBe(3);
    expect(ix.sentBy(6)).toBe(4);
    expect(ix.sentBy(11)).toBe(8);
    expect(ix.firstSentAtOrAfter(1)).toBe(3);
    expect(ix.firstSentAtOrAfter(0.5)).toBe(3);
    expect(ix.firstSentAtOrAfter(99)).toBe(8);
  });

  it('grows with the run: indexing as it is computed equals indexing it at the end (async, with drops)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 2, max: 12 }),
        fc.integer({ min: 1, max: 17 }),
        (seed, n, chunk) => {
          const flat: Flat = {
            alg: 'chang-roberts',
            n: String(n),
            ids: 'random',
            seed: String(seed),
            mode: 'async',
            maxDelay: '5',
          };
          const live = sim(flat);
          const ix = new TraceIndex(live.trace, live.graph.ids, live.algorithm.kinds);
          for (let more = true; more;) {
            for (let i = 0; i < chunk && (more = live.stepForward()); i++);
            ix.update();
          }
          const whole = sim(flat);
          whole.runToEnd();
          const ref = new TraceIndex(whole.trace, whole.graph.ids, whole.algorithm.kinds);
          expect(ix.count).toBe(ref.count);
          expect([...ix.seq.subarray(0, ix.count)]).toEqual([...ref.seq.subarray(0, ref.count)]);
          expect([...ix.doneStep.subarray(0, ix.count)]).toEqual([...ref.doneStep.subarray(0, ref.count)]);
          expect(ix.maxTime).toBe(ref.maxTime);
          // Against the Replay's own search: every message's delivery step, at its delivery time.
          const replay = new Replay(whole);
          for (let i = 0; i < ref.count; i++) {
            const seq = ref.seq[i]!;
            expect(ref.doneStep[i]).toBe(replay.deliveryStep(seq));
            const e = whole.trace[ref.doneStep[i]! - 1]!;
            expect(e.msgSeq).toBe(seq);
            expect(e.time).toBe(ref.deliverAt[i]);
            expect(ref.indexOfSeq(seq)).toBe(i);
            if (i > 0) expect(ref.sendTime[i]).toBeGreaterThanOrEqual(ref.sendTime[i - 1]!);
            expect(ref.deliverAt[i]! - ref.sendTime[i]!).toBeLessThanOrEqual(ref.maxSpan);
          }
        },
      ),
      { numRuns: 40, seed: 7 },
    );
  });

  it('marks messages to a crashed node as dropped, and the crash time of the node', () => {
    const s = sim({
      alg: 'bully',
      n: '5',
      ids: 'asc',
      crashed: '5',
      mode: 'async',
      maxDelay: '3',
      seed: '2',
    });
    s.runToEnd();
    const ix = new TraceIndex(s.trace, s.graph.ids, s.algorithm.kinds, s.faults.crashed);
    const row5 = ix.rowOf(5);
    expect(ix.crashAt[row5]).toBe(0);
    let toCrashed = 0;
    for (let i = 0; i < ix.count; i++) {
      if (ix.to[i] !== row5) continue;
      toCrashed++;
      expect(ix.dropped[i]).toBe(1);
      expect(s.trace[ix.doneStep[i]! - 1]!.kind).toBe('drop');
    }
    // The detector sends ELECTION to every higher id, including the crashed 5 (docs/algorithms.md, Bully).
    expect(toCrashed).toBeGreaterThan(0);
  });
  it('finds every message that crosses a window of rows and times, once, without scanning the run', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('lcr', 'hs', 'bully'),
        fc.integer({ min: 40, max: 90 }),
        fc.integer({ min: 1, max: 500 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (alg, n, seed, a, b, c) => {
          const s = sim({
            alg,
            n: String(n),
            ids: 'random',
            seed: String(seed),
            mode: 'async',
            maxDelay: '5',
            ...(alg === 'bully' ? { crashed: String(n) } : {}),
          });
          s.runToEnd();
          const ix = new TraceIndex(s.trace, s.graph.ids, s.algorithm.kinds, s.faults.crashed);
          const cursor = Math.floor((0.3 + 0.7 * a) * s.trace.length);
          // A window of 6 rows away from both ends, where long messages pass over it.
          const r0 = 10 + Math.floor(b * (n - 26));
          const r1 = r0 + 5;
          const t0 = c * ix.maxTime * 0.6;
          const t1 = t0 + ix.maxTime * 0.4;
          const seen: number[] = [];
          ix.forEachNear(r0, r1, t0, t1, cursor, (i) => seen.push(i));
          expect(new Set(seen).size).toBe(seen.length);
          const got = new Set(seen);
          for (let i = 0; i < ix.count; i++) {
            const lo = Math.min(ix.from[i]!, ix.to[i]!);
            const hi = Math.max(ix.from[i]!, ix.to[i]!);
            const crosses =
              lo <= r1 &&
              hi >= r0 &&
              ix.sendTime[i]! <= t1 &&
              ix.deliverAt[i]! >= t0 &&
              ix.sendStep[i]! <= cursor;
            if (crosses) expect(got.has(i), `message ${i}`).toBe(true);
          }
        },
      ),
      { numRuns: 60, seed: 11 },
    );
  });
});

describe('the space-time geometry', () => {
  it('fits the whole run in the width at zoom 1, and scrolls beyond it when zoomed', () => {
    const s = fitScale(400, 300, 8, 16);
    expect(xOfTime(s, 0)).toBe(LABEL_W + PAD);
    expect(xOfTime(s, 16)).toBeCloseTo(400 - PAD);
    expect(s.width).toBeCloseTo(400);
    const z = fitScale(400, 300, 8, 16, 4);
    expect(z.width).toBeGreaterThan(1000);
    expect(z.pxPerTime).toBeCloseTo(4 * s.pxPerTime);
  });

  it('fits 32 rows in a 380 px high view, and scrolls down with more nodes', () => {
    const s = fitScale(400, 380, 32, 64);
    expect(s.height).toBeLessThanOrEqual(380);
    expect(yOfRow(s, 31)).toBeLessThan(380);
    const big = fitScale(400, 380, 200, 64);
    expect(big.rowH).toBe(MIN_ROW);
    expect(big.height).toBeGreaterThan(380);
  });

  it('places ticks 1, 2 or 5 × 10^k apart, at least the asked distance', () => {
    expect(tickStep(100)).toBe(1);
    expect(tickStep(20)).toBe(5);
    expect(tickStep(30)).toBe(2);
    expect(tickStep(1)).toBe(50);
    expect(tickStep(0.1)).toBe(500);
    for (const px of [0.013, 0.7, 3, 9.5, 47, 49]) expect(tickStep(px) * px).toBeGreaterThanOrEqual(48);
  });

  it('measures the distance from a point to an arrow', () => {
    expect(distToSegment2(5, 3, 0, 0, 10, 0)).toBe(9);
    expect(distToSegment2(-3, 4, 0, 0, 10, 0)).toBe(25);
    expect(distToSegment2(13, 4, 0, 0, 10, 0)).toBe(25);
    expect(distToSegment2(1, 1, 1, 1, 1, 1)).toBe(0);
  });
});

describe('the clock tab', () => {
  it('counts whole rounds in sync mode and tenths in async mode', () => {
    expect(clockText(4.8, true)).toBe('5');
    expect(clockText(4, true)).toBe('4');
    expect(clockText(4.01, true)).toBe('5');
    expect(clockText(4.8, false)).toBe('4.8');
    expect(clockText(7, false)).toBe('7');
  });
});
