import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioToJson } from '../../../src/scenario/json';
import { parseFlat } from '../../../src/scenario/parse';
import { defaultScenario } from '../../../src/store/defaults';
import { draftToFlat, scenarioToDraft } from '../../../src/store/draft';
import { checkFile, checkLink, type Problem } from '../../../src/ui/links/check';
import { problemDraft } from '../../../src/ui/links/editorDraft';
import { looseFlat } from '../../../src/ui/links/looseFlat';
import { validScenario } from '../../scenario/arbitraries';

const current = scenarioToDraft(defaultScenario());

function problem(link: string): Problem {
  const r = checkLink(link);
  if (r.ok) throw new Error(`${link} opened`);
  return r.problem;
}

describe('problemDraft: "Open in editor" keeps what can be read and shows the rest to fix', () => {
  it('a duplicate id: the list as given, marked; the other keys as in the link', () => {
    const { draft, errors } = problemDraft(
      problem('v=1&alg=chang-roberts&ids=1,1,2&mode=async&seed=5'),
      current,
    );
    expect(draft).toMatchObject({
      alg: 'chang-roberts',
      idsOrder: 'custom',
      idsList: '1,1,2',
      mode: 'async',
      seed: '5',
    });
    expect(errors).toEqual([{ field: 'ids', message: expect.stringMatching(/duplicate id 1/) }]);
  });

  it('n too large: the typed n comes back into the n field', () => {
    const { draft, errors } = problemDraft(problem('v=1&alg=hs&n=999999&ids=desc'), current);
    expect(draft).toMatchObject({ alg: 'hs', n: '999999', idsOrder: 'desc' });
    expect(errors[0]!.field).toBe('n');
  });

  it('an unknown algorithm keeps the editor on its algorithm and takes the rest', () => {
    const { draft, errors } = problemDraft(problem('v=1&alg=nope&n=5&ids=asc&seed=3'), current);
    expect(draft).toMatchObject({ alg: current.alg, n: '5', idsOrder: 'asc', seed: '3' });
    expect(errors.map((e) => e.field)).toContain('alg');
  });

  it('a graph that is not a tree: the edge list as given, with the graph error', () => {
    const { draft, errors } = problemDraft(problem('v=1&alg=tree&edges=1-2,2-3,3-1'), current);
    expect(draft).toMatchObject({ alg: 'tree', topo: 'custom', edges: '1-2,2-3,3-1' });
    expect(errors).toEqual([{ field: 'edges', message: expect.stringMatching(/cycle/) }]);
  });

  it('a damaged compressed part: nothing to keep but the version; the editor keeps what it had', () => {
    const { draft, errors } = problemDraft(problem('v=1&z=garbage'), current);
    expect(draft).toEqual(current);
    expect(errors.map((e) => e.field)).toContain('z');
  });

  it('a file with one wrong field: a number field keeps a number; the rest is the file', () => {
    const obj = JSON.parse(scenarioToJson(defaultScenario())) as { seed: unknown };
    obj.seed = 'abc';
    const r = checkFile(JSON.stringify(obj), 'x.json');
    if (r.ok) throw new Error('opened');
    expect(r.problem.errors[0]!.field).toBe('seed');
    const { draft } = problemDraft(r.problem, { ...current, seed: '77' });
    // <input type=number> cannot show "abc": the salvaged scenario's seed (the default) stands in.
    expect(draft.seed).toBe('1');
    const fixed = parseFlat(draftToFlat(draft));
    // The editor writes `announce` out (true, the default); everything else is the file's scenario.
    const { params: _p, ...rest } = defaultScenario();
    expect(fixed.ok && fixed.value).toMatchObject({ ...rest, params: { announce: true } });
  });
});

describe('looseFlat', () => {
  it('reads every valid scenario file into the flat form of the same scenario', () => {
    fc.assert(
      fc.property(validScenario, (s) => {
        const flat = looseFlat(scenarioToJson(s));
        expect(flat).not.toBeNull();
        const back = parseFlat(flat!);
        expect(back.ok && back.value).toEqual(s);
      }),
      { numRuns: 300 },
    );
  });

  it('is null for text that is no JSON object', () => {
    expect(looseFlat('nope')).toBeNull();
    expect(looseFlat('[1,2]')).toBeNull();
  });
});
