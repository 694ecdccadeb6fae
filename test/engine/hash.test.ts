import { describe, expect, it } from 'vitest';
import type { AnyAlgorithm, TraceEntry } from '../../src/engine/types';
import { legacyTraceHash } from '../../src/scenario/legacyHash';
import { parseFlat, type Flat } from '../../src/scenario/parse';
import { runTraceJson } from '../../src/scenario/trace';
import { traceMismatch } from '../../src/scenario/traceCheck';
import { simulate } from '../util/run';

/**
 * A second, naive implementation of the trace hash of version 2 (docs/architecture.md, "The trace
 * hash"), written from its description over a recorded trace: first the whole word stream as an
 * array, then the two lanes over it. The engine hashes as it runs, without the trace.
 */
const RESERVED = 0x7ff80000;
const KIND = { init: 1, deliver: 2, timer: 3, crash: 4, recover: 5, drop: 6, barrier: 7 };

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (const unit of Array.from({ length: s.length }, (_, i) => s.charCodeAt(i)))
    h = Math.imul(h ^ unit, 0x01000193);
  return h | 0;
}

function numberWords(x: number): number[] {
  const int32 = Number.isInteger(x) && x >= -(2 ** 31) && x < 2 ** 31 && !Object.is(x, -0);
  const reserved = int32 && x >= RESERVED && x < RESERVED + 256;
  if (int32 && !reserved) return [x];
  if (Object.is(x, -0)) return [0];
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x, true);
  return [RESERVED, view.getInt32(0, true), view.getInt32(4, true)];
}

function valueWords(v: unknown): number[] {
  if (typeof v === 'number') return numberWords(v);
  if (typeof v === 'string') return [RESERVED + 0x31, fnv1a(v)];
  if (v === true) return [RESERVED + 0x32];
  if (v === false) return [RESERVED + 0x33];
  if (v === null) return [RESERVED + 0x34];
  if (v === undefined) return [RESERVED + 0x35];
  if (Array.isArray(v)) return [RESERVED + 0x36, v.length, ...v.flatMap(valueWords)];
  const entries = Object.entries(v as object);
  return [RESERVED + 0x37, ...entries.flatMap(([k, x]) => [fnv1a(k), ...valueWords(x)]), RESERVED + 0x38];
}

function messageWords(alg: AnyAlgorithm, msg: { kind: string }): number[] {
  const i = alg.kinds.indexOf(msg.kind);
  const fields = Object.entries(msg).filter(([k]) => k !== 'kind');
  return [i >= 0 ? i + 1 : fnv1a(msg.kind), ...fields.flatMap(([, x]) => valueWords(x))];
}

function stream(alg: AnyAlgorithm, trace: readonly TraceEntry[]): number[] {
  const words: number[] = [];
  for (const e of trace) {
    words.push(RESERVED + 0x10 + KIND[e.kind], ...numberWords(e.time), ...numberWords(e.node));
    if (e.kind === 'deliver' || e.kind === 'drop')
      words.push(...numberWords(e.from!), ...numberWords(e.msgSeq!));
    if (e.kind === 'timer') words.push(...valueWords(e.timerData));
    for (const s of e.sends)
      words.push(
        RESERVED + 0x20,
        ...numberWords(s.to),
        ...numberWords(s.deliverAt),
        ...messageWords(alg, s.msg),
      );
  }
  return words;
}

const rotl = (x: number, r: number) => (x << r) | (x >>> (32 - r));

function finalise(h: number): string {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0).toString(16).padStart(8, '0');
}

function naiveHash(alg: AnyAlgorithm, trace: readonly TraceEntry[]): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (const w of stream(alg, trace)) {
    // lane a: murmur3's block step; lane b: FNV's multiply, then a shift folded back in
    a =
      (Math.imul(rotl(a ^ Math.imul(rotl(Math.imul(w, 0xcc9e2d51), 15), 0x1b873593), 13), 5) + 0xe6546b64) |
      0;
    b = Math.imul(b ^ w, 0x01000193);
    b ^= b >>> 15;
  }
  return finalise(a) + finalise(b);
}

/** Runs of every kind of step: sync and async, timers with payloads, crashes, notices, loss, recovery. */
const RUNS: Flat[] = [
  { alg: 'lcr', ids: '3,1,4,5,2', mode: 'async', seed: '7' },
  { alg: 'hs', n: '9', ids: 'random', mode: 'sync', seed: '11' },
  { alg: 'bully', n: '6', mode: 'async', seed: '5', crashes: '6@3' },
  { alg: 'ghs', n: '8', topo: 'random', mode: 'async', seed: '3' },
  { alg: 'peterson', n: '10', ids: 'random', mode: 'async', seed: '2' },
  { alg: 'raft', n: '5', seed: '3' },
  {
    alg: 'lcr',
    n: '12',
    ids: 'random',
    mode: 'async',
    seed: '4',
    loss: '0.2',
    crashes: '3@20',
    recover: '3@40',
  },
];

describe('the trace hash (version 2, numbers only)', () => {
  it('is the naive recomputation over the recorded trace, and a headless run gives the same', () => {
    const kinds = new Set<string>();
    for (const flat of RUNS) {
      const recorded = simulate(flat);
      for (const e of recorded.trace) kinds.add(e.kind);
      const expected = naiveHash(recorded.algorithm, recorded.trace);
      expect(recorded.traceHash(), JSON.stringify(flat)).toBe(expected);
      expect(simulate(flat, { record: false }).traceHash(), JSON.stringify(flat)).toBe(expected);
    }
    expect([...kinds].sort()).toEqual(['barrier', 'crash', 'deliver', 'drop', 'init', 'recover', 'timer']);
  });

  it('sees a changed step: one message field, one delivery time, one node', () => {
    const sim = simulate(RUNS[0]!);
    const h = naiveHash(sim.algorithm, sim.trace);
    const withSend = sim.trace.findIndex((e) => e.sends.length > 0 && e.kind === 'deliver');
    const edit = (f: (e: TraceEntry) => TraceEntry) =>
      naiveHash(
        sim.algorithm,
        sim.trace.map((e, i) => (i === withSend ? f(e) : e)),
      );
    const s = sim.trace[withSend]!.sends[0]!;
    expect(edit((e) => ({ ...e, sends: [{ ...s, msg: { ...s.msg, uid: 99 } as never }] }))).not.toBe(h);
    expect(edit((e) => ({ ...e, sends: [{ ...s, deliverAt: s.deliverAt + 1 }] }))).not.toBe(h);
    expect(edit((e) => ({ ...e, node: e.node + 1 }))).not.toBe(h);
  });

  it('leaves the runs themselves unchanged: the version-1 text hash of the recorded trace is as main printed it', () => {
    // `npm run sim -- … --json` on main before the numeric hash (the first five at commit 3079a74 too).
    const pinned: [Flat, string][] = [
      [RUNS[0]!, 'd4029bc17025043a'],
      [RUNS[1]!, '94f0a453a96581c1'],
      [RUNS[2]!, '7aa959d848ce14d5'],
      [RUNS[3]!, '4f65a0c604588d29'],
      [RUNS[5]!, '44c6d4656240212a'],
    ];
    for (const [flat, hash] of pinned)
      expect(legacyTraceHash(simulate(flat).trace), JSON.stringify(flat)).toBe(hash);
  });
});

describe('trace files exported before the numeric hash (no hashVersion)', () => {
  const parsed = parseFlat({ v: '1', ...RUNS[0]! });
  if (!parsed.ok) throw new Error('fixture');
  const scenario = parsed.value;
  const exported = runTraceJson(scenario);
  if (!exported.ok) throw new Error('fixture');
  /** The file as main wrote it: no hashVersion, and the text hash main printed for this run. */
  const old = (hash: string) => {
    const file = JSON.parse(exported.value) as Record<string, unknown> & { summary: Record<string, unknown> };
    delete file.hashVersion;
    file.summary.traceHash = hash;
    return file;
  };

  it('are checked against the version-1 hash of the re-run: the hash main printed passes', () => {
    expect((JSON.parse(exported.value) as { hashVersion: number }).hashVersion).toBe(2);
    expect(traceMismatch(JSON.parse(exported.value), scenario)).toBeNull();
    expect(traceMismatch(old('d4029bc17025043a'), scenario)).toBeNull();
  });

  it('with another hash, or with a hash of version 2 but no version, they differ in their summary', () => {
    expect(traceMismatch(old('d4029bc17025043b'), scenario)).toMatch(/its summary at step \d+ differs/);
    expect(traceMismatch(old(simulate(RUNS[0]!).traceHash()), scenario)).toMatch(/summary/);
    const future = { ...old('d4029bc17025043a'), hashVersion: 3 };
    expect(traceMismatch(future, scenario)).toBe('its hashVersion 3 is not 2 (the only one written)');
  });
});
