import { describe, expect, it } from 'vitest';
import { toFlat } from '../../src/scenario/encode';
import { parseFlat } from '../../src/scenario/parse';
import { decodeScenario, encodeScenario } from '../../src/scenario/url';
import { screenOf, withScreen } from '../../src/ui/screenLink';

describe('the screen key', () => {
  it('is read and checked, and is no part of the scenario', () => {
    const plain = parseFlat({ v: '1', alg: 'lcr', n: '8' });
    const withKey = parseFlat({ v: '1', alg: 'lcr', n: '8', screen: 'experiments' });
    expect(withKey.ok && plain.ok).toBe(true);
    if (!withKey.ok || !plain.ok) return;
    expect(withKey.value).toEqual(plain.value);
    expect(toFlat(withKey.value).screen).toBeUndefined();
    expect(parseFlat({ v: '1', alg: 'lcr', screen: 'compare' }).ok).toBe(true);
  });

  it('names the screens it takes when given another', () => {
    const r = parseFlat({ v: '1', alg: 'lcr', screen: 'plots' });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([
        { field: 'screen', message: 'screen must be experiments, compare or explore, not "plots"' },
      ]);
  });

  it('stays outside a compressed part, which reads back to the same scenario', () => {
    const ids = Array.from({ length: 300 }, (_, i) => 300 - i).join(',');
    const s = decodeScenario(`v=1&alg=lcr&ids=${ids}`);
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    const link = encodeScenario(s.value);
    expect(link).toMatch(/^v=1&z=/);
    const opened = withScreen(`#${link}&step=4`, 'experiments');
    expect(opened).toBe(`#${link}&step=4&screen=experiments`);
    const back = decodeScenario(opened);
    expect(back.ok && back.value).toEqual({ ...s.value, step: 4 });
    expect(screenOf(opened)).toBe('experiments');
  });

  it('withScreen replaces or drops the key and keeps the rest as it was', () => {
    const base = '#v=1&alg=lcr&n=8&mode=sync&step=2';
    expect(withScreen(base, 'compare')).toBe(`${base}&screen=compare`);
    expect(withScreen(`${base}&screen=compare`, 'experiments')).toBe(`${base}&screen=experiments`);
    expect(withScreen(`${base}&screen=compare`, 'simulator')).toBe(base);
    expect(screenOf(base)).toBe('simulator');
    expect(screenOf(`${base}&screen=nowhere`)).toBe('simulator');
    expect(screenOf('')).toBe('simulator');
  });
});
