import { describe, expect, it } from 'vitest';
import { parseFlat } from '../../../src/scenario/parse';
import type { Scenario } from '../../../src/scenario/types';
import { scenarioToDraft, withAlgorithm } from '../../../src/store/draft';
import { unappliedChanges } from '../../../src/ui/editor/unapplied';

const scenario = (q: string): Scenario => {
  const r = parseFlat(Object.fromEntries(new URLSearchParams(q)));
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return r.value;
};
const keys = (changes: { key: string }[]) => changes.map((c) => c.key);

describe('unappliedChanges', () => {
  it('is empty for the draft of the run on screen, whatever the link left to its defaults', () => {
    for (const q of [
      'v=1&alg=lcr&n=8&ids=desc&mode=sync',
      'v=1&alg=lcr&n=8&mode=async&maxDelay=4&seed=7',
      'v=1&alg=bully&n=6&crashed=6',
      'v=1&alg=ghs&edges=1-2:4,2-3:7,3-1:5',
      'v=1&alg=hs&ids=5,3,8,1&mode=sync&step=3',
    ]) {
      const s = scenario(q);
      expect(unappliedChanges(scenarioToDraft(s), s), q).toEqual([]);
    }
  });

  it('names the fields changed, in link order, with the editor’s labels', () => {
    const s = scenario('v=1&alg=lcr&n=8&ids=asc&mode=sync');
    const d = { ...scenarioToDraft(s), seed: '5', n: '12', mode: 'async' as const };
    const changes = unappliedChanges(d, s);
    // async adds maxDelay only at its default (10), which toFlat leaves out: not a change.
    expect(keys(changes)).toEqual(['n', 'mode', 'seed']);
    expect(changes.map((c) => c.label)).toEqual(['Nodes n', 'Timing', 'Seed']);
  });

  it('sees another algorithm as a change even though the graph still runs the old one', () => {
    const s = scenario('v=1&alg=lcr&n=8&mode=sync');
    const d = withAlgorithm(scenarioToDraft(s), 'ghs');
    expect(keys(unappliedChanges(d, s))).toContain('alg');
  });

  it('compares values, not spelling: spaces in a list and a leading zero are no change', () => {
    const s = scenario('v=1&alg=lcr&ids=8,7,6,5&mode=sync&seed=3');
    const d = { ...scenarioToDraft(s), idsList: '8, 7,6 ,5', seed: '03' };
    expect(unappliedChanges(d, s)).toEqual([]);
  });

  it('reports a draft that does not read as a scenario by the field typed', () => {
    const s = scenario('v=1&alg=lcr&n=8&mode=sync');
    const d = { ...scenarioToDraft(s), n: 'eight' };
    expect(keys(unappliedChanges(d, s))).toEqual(['n']);
  });

  it('a ticked box the algorithm takes, unticked', () => {
    const s = scenario('v=1&alg=lcr&n=8&mode=sync');
    const d = { ...scenarioToDraft(s), announce: false };
    expect(keys(unappliedChanges(d, s))).toEqual(['announce']);
  });
});
