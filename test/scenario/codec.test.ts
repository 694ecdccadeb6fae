import fc from 'fast-check';
import LZ from 'lz-string';
import { describe, expect, it } from 'vitest';
import { ALGORITHMS } from '../../src/algorithms/registry';
import { buildRun } from '../../src/scenario/build';
import { toFlat } from '../../src/scenario/encode';
import { inflateUriComponent } from '../../src/scenario/lz';
import { migrateFlat, MIGRATIONS, type Migration } from '../../src/scenario/migrate';
import { CODEC_LIMITS, parseFlat } from '../../src/scenario/parse';
import type { FieldError, Result, Scenario } from '../../src/scenario/types';
import {
  COMPRESS_OVER,
  decodeScenario,
  encodeScenario,
  MAX_LINK,
  queryToFlat,
  shareLink,
} from '../../src/scenario/url';
import { LIMITS } from '../../src/topology/spec';
import { validScenario } from './arbitraries';

/** The one error of a failed decode (most broken links have exactly one thing wrong). */
function errorOf(r: Result<unknown>): FieldError {
  if (r.ok) throw new Error('expected an error, got a valid scenario');
  expect(r.errors.length).toBeGreaterThan(0);
  return r.errors[0]!;
}

function decodeAndBuild(link: string): Result<unknown> {
  const d = decodeScenario(link);
  return d.ok ? buildRun(d.value) : d;
}

/** lz-string writes code c (numBits wide, lowest bit first) into 6-bit characters, highest bit first. */
function bombLink(codes: number): string {
  const bits: number[] = [];
  const write = (value: number, width: number) => {
    for (let k = 0; k < width; k++) bits.push((value >> k) & 1);
  };
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  write(0, 2); // an 8-bit literal follows
  write(97, 8); // 'a'
  for (let i = 0; i < codes; i++) {
    // c = dictSize: "the entry being defined", which doubles back on itself: w + w[0], one longer each time
    write(dictSize, numBits);
    dictSize++;
    enlargeIn--;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
  write(2, numBits);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
  let out = '';
  for (let i = 0; i < bits.length; i += 6) {
    let v = 0;
    for (let k = 0; k < 6; k++) v = (v << 1) | (bits[i + k] ?? 0);
    out += alphabet[v];
  }
  return out;
}

describe('round trip: decode(encode(s)) = s', () => {
  it('for random valid scenarios of every registered algorithm', () => {
    fc.assert(
      fc.property(validScenario, (s) => {
        expect(parseFlat(toFlat(s))).toEqual({ ok: true, value: s });
        expect(decodeScenario(encodeScenario(s))).toEqual({ ok: true, value: s });
      }),
      { numRuns: 400 },
    );
  });

  it('through a full URL, a #hash and a ?query', () => {
    fc.assert(
      fc.property(
        validScenario,
        fc.constantFrom('https://lab.example/app/', 'http://127.0.0.1:5173/#old'),
        (s, base) => {
          const want = { ok: true, value: s };
          expect(decodeScenario(shareLink(base, s))).toEqual(want);
          expect(decodeScenario(`#${encodeScenario(s)}`)).toEqual(want);
          expect(decodeScenario(`?${encodeScenario(s)}`)).toEqual(want);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('covers every algorithm and every topology it accepts', () => {
    const seen = new Set<string>();
    for (const s of fc.sample(validScenario, { numRuns: 3000, seed: 7 }))
      seen.add(`${s.algorithm}/${s.topology.kind}`);
    for (const a of ALGORITHMS) for (const k of a.topologies) expect(seen).toContain(`${a.id}/${k}`);
  });
});

describe('the readable form', () => {
  it('is the design document’s own examples, unchanged', () => {
    for (const link of [
      'v=1&alg=lcr&n=8&ids=desc&mode=async&seed=42&step=17',
      'v=1&alg=ghs&ids=1,2,3,4,5&edges=1-2:3,2-3:1,3-4:4,4-5:2,5-1:7&mode=sync',
    ]) {
      const d = decodeScenario(link);
      expect(d.ok).toBe(true);
      if (d.ok) expect(encodeScenario(d.value)).toBe(link);
    }
  });

  it('means what the keys say', () => {
    const d = decodeScenario('v=1&alg=lcr&n=8&ids=desc&mode=async&seed=42&step=17');
    expect(d).toEqual({
      ok: true,
      value: {
        v: 1,
        algorithm: 'lcr',
        topology: { kind: 'ring-uni', n: 8 },
        ids: { order: 'desc' },
        timing: { mode: 'async', maxDelay: 10 },
        seed: 42,
        params: {},
        faults: { crashed: [], crashes: [] },
        step: 17,
      },
    });
  });

  it('is compressed only when long, with the step left readable', () => {
    const ids = Array.from({ length: 300 }, (_, i) => 1_000_000 + ((i * 7919) % 300));
    const long: Scenario = {
      v: 1,
      algorithm: 'lcr',
      topology: { kind: 'ring-uni', n: ids.length },
      ids: { list: ids },
      timing: { mode: 'sync', maxDelay: 10 },
      seed: 1,
      params: {},
      faults: { crashed: [], crashes: [] },
      step: 17,
    };
    const link = encodeScenario(long);
    expect(link).toMatch(/^v=1&z=[A-Za-z0-9+$-]+&step=17$/);
    expect(link.length).toBeLessThan(ids.join(',').length);
    expect(decodeScenario(link)).toEqual({ ok: true, value: long });
    const short = { ...long, topology: { kind: 'ring-uni' as const, n: 8 }, ids: { order: 'asc' as const } };
    expect(encodeScenario(short).length).toBeLessThanOrEqual(COMPRESS_OVER);
    expect(encodeScenario(short)).not.toContain('z=');
  });

  it('forgives what mail and HTML do to links', () => {
    const want = decodeScenario('v=1&alg=lcr&n=8&ids=desc&mode=sync');
    expect(want.ok).toBe(true);
    for (const variant of [
      ' https://lab.example/#v=1&alg=lcr&n=8&ids=desc&mode=sync \n',
      'https://lab.example/?v=1&alg=lcr&n=8&ids=desc&mode=sync',
      'https://lab.example/?v=1&alg=lcr&n=8&ids=desc&mode=sync#',
      '#/?v=1&alg=lcr&n=8&ids=desc&mode=sync',
      'v=1&amp;alg=lcr&amp;n=8&amp;ids=desc&amp;mode=sync',
      'v=1&alg=lcr&n=8&ids=\ndesc&mode=sync',
      'v=1&alg=lcr&n=%38&ids=desc&mode=sync',
    ])
      expect(decodeScenario(variant)).toEqual(want);
  });
});

describe('broken links: a specific error, never a throw', () => {
  const cases: [string, string, string | RegExp][] = [
    [
      'v=9&alg=lcr&n=8',
      'v',
      'unsupported version v=9: made by a newer Leader Election Lab; this build reads up to v=1',
    ],
    ['v=0&alg=lcr&n=8', 'v', /^unsupported version v=0: older than any version this build can read/],
    ['v=one&alg=lcr', 'v', /v must be a version number/],
    ['alg=lcr&n=8', 'v', /no version/],
    ['v=1&alg=nope&n=8', 'alg', /unknown algorithm "nope" \(known: lcr, chang-roberts/],
    ['v=1&n=8', 'alg', /no algorithm given/],
    ['v=1&alg=lcr&ids=1,1,2', 'ids', 'duplicate id 1: ids must be distinct'],
    ['v=1&alg=lcr&ids=1,x,2', 'ids', /"x" is not an integer id/],
    ['v=1&alg=lcr&n=999999', 'n', `n = 999999 is more than the ${LIMITS.maxNodes} nodes supported`],
    ['v=1&alg=lcr&n=99999999999999999999', 'n', /n must be a whole number/],
    ['v=1&alg=lcr&n=0', 'n', /at least one process/],
    ['v=1&alg=lcr&mode=fast', 'mode', 'mode must be sync or async, not "fast"'],
    ['v=1&alg=lcr&maxDelay=0', 'maxDelay', /maxDelay must be a whole number from 1 to/],
    ['v=1&alg=lcr&seed=-1', 'seed', /seed must be a whole number from 0/],
    ['v=1&alg=lcr&step=-3', 'step', /step must be a whole number ≥ 0/],
    ['v=1&alg=lcr&step=1000001', 'step', /step = 1000001 is past the 1000000 steps/],
    ['v=1&alg=lcr&initiators=1', 'initiators', 'lcr does not take the option initiators'],
    ['v=1&alg=chang-roberts&n=4&initiators=9', 'initiators', /names 9, not a node/],
    ['v=1&alg=lcr&topo=complete', 'topo', /does not run on a complete/],
    ['v=1&alg=ghs&topo=custom&n=4', 'edges', /custom topology needs an edge list/],
    ['v=1&alg=ghs&edges=1-2,2-1', 'edges', 'edges: 2-1 is listed twice'],
    ['v=1&alg=ghs&edges=1-1', 'edges', /self-loop/],
    ['v=1&alg=ghs&edges=1-9999999999', 'edges', /beyond/],
    ['v=1&alg=ghs&ids=1,2&edges=1-3', 'edges', /3, which is not in ids/],
    ['v=1&alg=bully&n=8&crashes=8@3,8@5', 'crashes', /8 crashes twice/],
    ['v=1&alg=bully&n=8&crashed=8&crashes=8@3', 'crashes', /already crashed from the start/],
    ['v=1&alg=bully&n=8&crashed=1,2,3,4,5,6,7,8', 'crashed', /every process is crashed/],
    ['v=1&alg=bully&n=3&initiator=3&crashed=3', 'initiator', /initiator 3 is crashed/],
    ['v=1&alg=lcr&n=8&n=9', 'n', 'n is given twice'],
    ['v=1&alg=lcr&ids=%E0%A4', 'ids', /broken %-escape/],
    ['v=1&alg=lcr&foo=1', 'foo', 'unknown key "foo"'],
    ['v=1&alg=lcr&__proto__=1', '__proto__', 'unknown key "__proto__"'],
    ['v=1&alg=lcr&constructor=1', 'constructor', 'unknown key "constructor"'],
    ['v=1&alg=lcr&justakey', 'link', /"justakey" is not key=value/],
    ['https://lab.example/', 'link', /holds no scenario/],
    ['', 'link', /holds no scenario/],
    ['v=1&z=garbage', 'z', /damaged or cut short/],
    ['v=1&z=', 'z', /z is empty/],
    ['v=1&alg=lcr&z=N4Ig', 'z', /carries only v, z, step, screen and vs, not alg/],
  ];
  for (const [link, field, message] of cases) {
    it(`${link.slice(0, 60) || '(empty)'} → ${field}`, () => {
      const e = errorOf(decodeScenario(link));
      expect(e.field).toBe(field);
      if (typeof message === 'string') expect(e.message).toBe(message);
      else expect(e.message).toMatch(message);
    });
  }

  it('a truncated compressed link', () => {
    const ids = Array.from({ length: 300 }, (_, i) => i * 3 + 1);
    const d = decodeScenario(`v=1&alg=lcr&ids=${ids.join(',')}&mode=sync`);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    const link = encodeScenario(d.value);
    expect(link).toContain('z=');
    for (const keep of [0.9, 0.5, 0.2]) {
      const cut = link.slice(0, Math.floor(link.length * keep));
      const e = errorOf(decodeScenario(cut));
      expect(e.field).toBe('z');
      expect(e.message).toMatch(/damaged or cut short/);
    }
  });

  it('a compressed link from a newer version is refused for its version, not called damaged', () => {
    const e = errorOf(decodeScenario('v=2&z=garbage'));
    expect(e.field).toBe('v');
    expect(e.message).toMatch(/newer/);
  });

  it('a decompression bomb stops at the cap instead of freezing the tab', () => {
    const z = bombLink(6000); // expands to ~1.8·10⁷ characters
    const e = errorOf(decodeScenario(`v=1&z=${z}`));
    expect(e.field).toBe('z');
    expect(e.message).toBe(`the compressed part expands to more than ${CODEC_LIMITS.maxText} characters`);
  });

  it('a link past MAX_LINK is not read at all', () => {
    const e = errorOf(decodeScenario(`v=1&alg=lcr&ids=${'1,'.repeat(MAX_LINK / 2)}1`));
    expect(e.field).toBe('link');
    expect(e.message).toMatch(/at most 1000000 are read/);
  });

  it('a graph the algorithm cannot run on: decodeScenario + buildRun name the edge list', () => {
    // a 4-cycle is not a tree
    const cycle = errorOf(decodeAndBuild('v=1&alg=tree&edges=1-2,2-3,3-4,4-1&mode=sync'));
    expect(cycle.field).toBe('edges');
    expect(cycle.message).toMatch(/not a tree: it has a cycle/);
    // two components: 1-2-3 and 4-5
    const apart = errorOf(decodeAndBuild('v=1&alg=ghs&edges=1-2:1,2-3:2,4-5:3&mode=sync'));
    expect(apart.field).toBe('edges');
    expect(apart.message).toMatch(/GHS needs a connected graph, but the graph is disconnected: 2 components/);
    // ids 4 is listed but touches no edge
    const isolated = errorOf(decodeAndBuild('v=1&alg=ghs&ids=1,2,3,4&edges=1-2:1,2-3:2&mode=sync'));
    expect(isolated.message).toMatch(/disconnected/);
  });

  it('a complete graph past its cap is refused by buildRun', () => {
    const e = errorOf(decodeAndBuild(`v=1&alg=bully&n=${LIMITS.maxCompleteNodes + 1}`));
    expect(e.field).toBe('topo');
    expect(e.message).toMatch(/too large/);
  });
});

describe('queryToFlat (the CLI’s --url reader)', () => {
  it('expands a compressed link, keeping v and step from outside', () => {
    const inner = 'v=1&alg=lcr&n=8&ids=desc&mode=sync';
    const r = queryToFlat(`#v=1&z=${LZ.compressToEncodedURIComponent(inner)}&step=4`);
    expect(r).toEqual({
      ok: true,
      value: { v: '1', alg: 'lcr', n: '8', ids: 'desc', mode: 'sync', step: '4' },
    });
  });

  it('refuses a step both inside and outside the compressed part', () => {
    const z = LZ.compressToEncodedURIComponent('v=1&alg=lcr&step=3');
    expect(errorOf(queryToFlat(`v=1&z=${z}&step=4`)).field).toBe('step');
  });
});

describe('the bounded lz-string decoder', () => {
  it('reads back exactly what lz-string writes', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'grapheme' }),
          fc.string({ unit: 'binary', maxLength: 3000 }),
        ),
        (text) => {
          expect(inflateUriComponent(LZ.compressToEncodedURIComponent(text), 1e7)).toEqual({
            ok: true,
            text,
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('agrees with lz-string on damaged input wherever lz-string returns text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.nat(), fc.string({ maxLength: 4 }), (text, cut, junk) => {
        const z = LZ.compressToEncodedURIComponent(text);
        // The first character stays: a stream whose first code is 3 lz-string reads as text that has
        // lost its first character; that is damage, and the bounded decoder says so.
        const broken = z.slice(0, 1 + (cut % z.length)) + junk;
        let theirs: string | null;
        try {
          theirs = LZ.decompressFromEncodedURIComponent(broken);
        } catch {
          theirs = null;
        }
        const ours = inflateUriComponent(broken, 1e7);
        if (ours.ok) expect(ours.text).toBe(theirs);
        else expect(theirs === null || theirs === '').toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('versions and migrations', () => {
  it('the table is empty while v=1 is the only version ever written', () => {
    expect(Object.keys(MIGRATIONS)).toEqual([]);
  });

  it('the hook runs a chain of migrations (a synthetic table, not a real old format)', () => {
    // v1 → v2 renames a to b; v2 → v3 derives c from b.
    const table: Record<number, Migration> = {
      1: ({ a, ...rest }) => ({ ok: true, value: { ...rest, b: a ?? '' } }),
      2: (f) => ({ ok: true, value: { ...f, c: `${f.b}!` } }),
    };
    expect(migrateFlat({ v: '1', a: 'x' }, table, 3)).toEqual({
      ok: true,
      value: { v: '3', b: 'x', c: 'x!' },
    });
    const refused = migrateFlat({ v: '0' }, table, 3);
    expect(refused.ok).toBe(false);
  });

  it('a migration that refuses passes its error through', () => {
    const table = { 0: () => ({ ok: false as const, errors: [{ field: 'ids', message: 'old ids form' }] }) };
    expect(migrateFlat({ v: '0' }, table, 1)).toEqual({
      ok: false,
      errors: [{ field: 'ids', message: 'old ids form' }],
    });
  });
});
