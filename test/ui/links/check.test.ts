import { describe, expect, it } from 'vitest';
import { scenarioToJson } from '../../../src/scenario/json';
import { parseFlat } from '../../../src/scenario/parse';
import { PRESETS } from '../../../src/scenario/presets';
import type { Scenario } from '../../../src/scenario/types';
import { encodeScenario } from '../../../src/scenario/url';
import { BROWSER_MAX_NODES } from '../../../src/store/limits';
import { checkFile, checkLink } from '../../../src/ui/links/check';

function scenario(flat: Record<string, string>): Scenario {
  const p = parseFlat({ v: '1', ...flat });
  if (!p.ok) throw new Error(p.errors[0]!.message);
  return p.value;
}

/** A long id list is written compressed (`z=`), so cutting the link short damages the compressed part. */
const ring300 = encodeScenario(
  scenario({ alg: 'lcr', ids: Array.from({ length: 300 }, (_, i) => 300 - i).join(',') }),
);

describe('checkLink: each broken link names the field at fault', () => {
  const cases: [string, string, string, RegExp][] = [
    ['unknown version', 'v=9&alg=lcr&n=8', 'v', /v=9/],
    ['unknown algorithm', 'v=1&alg=nope&n=8', 'alg', /nope/],
    ['duplicate ids', 'v=1&alg=lcr&ids=1,1,2', 'ids', /duplicate id 1/],
    ['n past every limit', 'v=1&alg=lcr&n=999999', 'n', /999999/],
    [
      'n past the browser limit',
      `v=1&alg=lcr&n=${BROWSER_MAX_NODES + 1}`,
      'n',
      new RegExp(`${BROWSER_MAX_NODES}`),
    ],
    ['wrong type', 'v=1&alg=lcr&n=eight', 'n', /whole number/],
    ['garbage compression', 'v=1&z=garbage', 'z', /damaged or cut short/],
    ['truncated compression', ring300.slice(0, ring300.length - 25), 'z', /damaged or cut short/],
    ['tree with a cycle', 'v=1&alg=tree&edges=1-2,2-3,3-1&mode=sync', 'edges', /cycle/],
    ['disconnected GHS graph', 'v=1&alg=ghs&edges=1-2:1,3-4:2&mode=sync', 'edges', /connected/],
  ];
  it.each(cases)('%s', (_name, link, field, message) => {
    const r = checkLink(`#${link}`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.source).toBe('link');
    expect(r.problem.errors.map((e) => e.field)).toContain(field);
    expect(r.problem.errors.find((e) => e.field === field)!.message).toMatch(message);
  });

  it('the compressed link itself (uncut) runs', () => {
    expect(ring300).toMatch(/^v=1&z=/);
    expect(checkLink(ring300).ok).toBe(true);
  });

  it('every preset runs', () => {
    for (const p of PRESETS) expect(checkLink(`https://x.org/lab/#${p.link}`).ok, p.id).toBe(true);
  });

  it('salvage keeps the good keys and names the dropped one', () => {
    const r = checkLink('v=1&alg=lcr&ids=1,1,2&mode=async&seed=5');
    if (r.ok) throw new Error('expected a problem');
    expect(r.problem.salvaged.dropped).toEqual(['ids']);
    expect(r.problem.salvaged.flat).toMatchObject({ alg: 'lcr', mode: 'async', seed: '5' });
    expect(r.problem.given?.ids).toBe('1,1,2');
  });
});

describe('checkFile', () => {
  it('reads an exported scenario (and the one inside a trace file) back', () => {
    const s = scenario({ alg: 'chang-roberts', ids: '3,7,1,8', initiators: '1,8', mode: 'async', seed: '9' });
    const r = checkFile(scenarioToJson(s), 'a.json');
    expect(r).toEqual({ ok: true, scenario: s });
    const trace = JSON.stringify({
      format: 'leader-election-lab/trace',
      scenario: JSON.parse(scenarioToJson(s)),
    });
    expect(checkFile(trace, 't.json')).toEqual({ ok: true, scenario: s });
  });

  it('a wrong type is reported by its JSON path; the rest is kept for the editor', () => {
    const s = scenario({ alg: 'lcr', n: '8', ids: 'desc', mode: 'async', seed: '4' });
    const obj = JSON.parse(scenarioToJson(s)) as { topology: { n: unknown } };
    obj.topology.n = 'eight';
    const r = checkFile(JSON.stringify(obj), 'bad.json');
    if (r.ok) throw new Error('expected a problem');
    expect(r.problem.errors[0]!.field).toBe('topology.n');
    expect(r.problem.salvaged.dropped).toContain('n');
    expect(r.problem.salvaged.flat).toMatchObject({ alg: 'lcr', ids: 'desc', mode: 'async', seed: '4' });
  });

  it('not JSON, not a scenario, a newer version', () => {
    const notJson = checkFile('{"format": ', 'x.json');
    expect(!notJson.ok && notJson.problem.errors[0]!.message).toMatch(/not valid JSON|empty/);
    const other = checkFile('{"hello": 1}', 'x.json');
    expect(!other.ok && other.problem.errors[0]!.field).toBe('format');
    const newer = checkFile(
      '{"format": "leader-election-lab/scenario", "v": 7, "algorithm": "lcr"}',
      'x.json',
    );
    expect(!newer.ok && newer.problem.errors[0]!.field).toBe('v');
  });
});
