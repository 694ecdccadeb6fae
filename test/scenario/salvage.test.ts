import LZ from 'lz-string';
import { describe, expect, it } from 'vitest';
import { salvage } from '../../src/scenario/salvage';
import { decodeScenario } from '../../src/scenario/url';

describe('salvage: the good parts of a broken link', () => {
  it('a valid link comes back whole, with nothing dropped', () => {
    const link = 'v=1&alg=lcr&n=8&ids=desc&mode=async&seed=42&step=17';
    const s = salvage(link);
    expect(s).toEqual({
      flat: { v: '1', alg: 'lcr', n: '8', ids: 'desc', mode: 'async', seed: '42', step: '17' },
      scenario: (decodeScenario(link) as { value: unknown }).value,
      dropped: [],
      errors: [],
    });
  });

  it('alg and n fine, ids broken: the editor opens with alg, n and the rest', () => {
    const s = salvage('v=1&alg=lcr&n=8&ids=1,1,2&mode=async&seed=42');
    expect(s.flat).toEqual({ v: '1', alg: 'lcr', n: '8', mode: 'async', seed: '42' });
    expect(s.dropped).toEqual(['ids']);
    expect(s.errors).toEqual([{ field: 'ids', message: 'duplicate id 1: ids must be distinct' }]);
    expect(s.scenario).toMatchObject({
      algorithm: 'lcr',
      topology: { n: 8 },
      ids: { order: 'asc' },
      seed: 42,
    });
  });

  it('several broken keys: each named once', () => {
    const s = salvage('v=1&alg=hs&n=999999&ids=desc&mode=fast&maxDelay=4&step=-1&colour=red');
    expect(s.flat).toEqual({ v: '1', alg: 'hs', ids: 'desc', maxDelay: '4' });
    expect(s.dropped.sort()).toEqual(['colour', 'mode', 'n', 'step']);
    expect(s.errors.map((e) => e.field).sort()).toEqual(['colour', 'mode', 'n', 'step']);
  });

  it('an unknown algorithm: keeps what some algorithm accepts, scenario null until one is chosen', () => {
    const s = salvage('v=1&alg=nope&n=8&ids=desc&mode=sync&initiators=3');
    expect(s.flat).toEqual({ v: '1', n: '8', ids: 'desc', mode: 'sync', initiators: '3' });
    expect(s.scenario).toBeNull();
    expect(s.errors[0]).toMatchObject({
      field: 'alg',
      message: expect.stringMatching(/unknown algorithm "nope"/) as unknown as string,
    });
  });

  it('an unknown version: the keys are still offered, read as v=1', () => {
    const s = salvage('v=9&alg=lcr&n=5');
    expect(s.flat).toEqual({ v: '1', alg: 'lcr', n: '5' });
    expect(s.dropped).toEqual(['v']);
    expect(s.errors[0]!.message).toMatch(/newer/);
  });

  it('a broken %-escape or a repeated key loses only that key', () => {
    const s = salvage('v=1&alg=lcr&ids=%E0%A4&n=4&n=5&mode=sync');
    expect(s.flat).toEqual({ v: '1', alg: 'lcr', n: '4', mode: 'sync' });
    expect(s.dropped).toEqual(['ids']);
    expect(s.errors.map((e) => e.message)).toEqual([
      'ids has a broken %-escape',
      'n is given twice; the first value is kept',
    ]);
  });

  it('a damaged compressed part: v and step survive', () => {
    const z = LZ.compressToEncodedURIComponent('v=1&alg=lcr&n=8');
    const s = salvage(`v=1&z=${z.slice(0, 4)}&step=3`);
    expect(s.flat).toEqual({ v: '1', step: '3' });
    expect(s.errors.map((e) => e.field)).toContain('z');
  });

  it('a compressed link with one bad key inside', () => {
    const z = LZ.compressToEncodedURIComponent('v=1&alg=lcr&n=8&ids=desc&mode=slow');
    const s = salvage(`#v=1&z=${z}`);
    expect(s.flat).toEqual({ v: '1', alg: 'lcr', n: '8', ids: 'desc' });
    expect(s.dropped).toEqual(['mode']);
  });

  it('crashed is judged before initiator, which may not be crashed', () => {
    const s = salvage('v=1&alg=bully&n=5&crashed=5&initiator=5');
    expect(s.flat).toEqual({ v: '1', alg: 'bully', n: '5', crashed: '5' });
    expect(s.errors).toEqual([
      { field: 'initiator', message: 'initiator 5 is crashed: a crashed process cannot detect anything' },
    ]);
  });

  it('takes a flat record too (the CLI form)', () => {
    const s = salvage({ alg: 'lcr', n: 'eight' });
    expect(s.flat).toEqual({ v: '1', alg: 'lcr' });
    expect(s.dropped).toEqual(['n']);
  });

  it('nothing to read', () => {
    const s = salvage('https://lab.example/');
    expect(s.flat).toEqual({ v: '1' });
    expect(s.scenario).toBeNull();
    expect(s.errors.length).toBeGreaterThan(0);
  });
});
