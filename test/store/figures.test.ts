import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/simulation';
import { buildRun } from '../../src/scenario/build';
import { parseFlat, type Flat } from '../../src/scenario/parse';
import { summarize } from '../../src/scenario/summary';
import { figureLines, figuresAt, wordsOf } from '../../src/store/figures';
import { newRun, type RunHandle } from '../../src/store/run';

/**
 * The counts panel's figures at the cursor (src/store/figures.ts) are fed from the recorded trace;
 * the engine's own monitor follows the run as it goes. A headless run stopped after k steps is the
 * second implementation: its `figures()` are the run's up to that step.
 */

function spec(flat: Flat) {
  const parsed = parseFlat({ v: '1', ...flat });
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  const built = buildRun(parsed.value);
  if (!built.ok) throw new Error(built.errors[0]!.message);
  return { scenario: parsed.value, spec: built.value };
}

function recorded(flat: Flat): RunHandle {
  const { scenario, spec: s } = spec(flat);
  const run = newRun(scenario, s);
  run.sim.runToEnd();
  return run;
}

/** The figures of a fresh headless run after its first k steps. */
function headless(flat: Flat, k: number): Record<string, number> {
  const sim = new Simulation({ ...spec(flat).spec, record: false });
  for (let i = 0; i < k && sim.stepForward(); i++);
  return sim.figures();
}

const at = (run: RunHandle, k: number): Record<string, number> => {
  run.replay.moveTo(k);
  return Object.fromEntries((figuresAt({ run, cursor: k }) ?? []).map((f) => [f.key, f.value]));
};

const CASES: Flat[] = [
  { alg: 'raft', n: '5', ids: 'asc', mode: 'async', part: '5@300:900', until: '1500' },
  { alg: 'raft', n: '5', ids: 'asc', mode: 'async', crashes: '5@400', until: '1000' },
  { alg: 'raft', n: '4', ids: 'asc', mode: 'async', seed: '7', timeout: '150-160', until: '900' },
  { alg: 'raft', n: '6', mode: 'sync', seed: '11', crashes: '2@100', recover: '2@500', until: '1200' },
];

describe('figures at the cursor', () => {
  it.each(CASES)('equal the engine’s at every tenth step, forward and back: %o', (flat) => {
    const run = recorded(flat);
    const steps = run.sim.trace.length;
    const ks = [...Array.from({ length: 11 }, (_, i) => Math.round((i * steps) / 10)), 3, 1, steps - 1];
    for (const k of ks) expect(at(run, k), `step ${k}`).toEqual(headless(flat, k));
  });

  it.each(CASES)('at the end are the CLI JSON’s, over the whole horizon: %o', (flat) => {
    const run = recorded(flat);
    const json = summarize(run.sim);
    const shown = at(run, run.sim.trace.length);
    expect(Object.keys(shown).length).toBe(5);
    for (const [key, value] of Object.entries(shown)) expect(json[key], key).toBe(value);
  });

  it('is null for an algorithm that keeps no figures', () => {
    const run = recorded({ alg: 'lcr', n: '6' });
    expect(figuresAt({ run, cursor: run.sim.trace.length })).toBeNull();
  });

  it('lists the declared figures in order, then any undeclared one in words', () => {
    const lines = figureLines([{ key: 'b', label: 'Bee', help: 'h' }], {
      a: 1,
      b: 2,
      staleWritesAccepted: 3,
    });
    expect(lines.map((l) => [l.label, l.value])).toEqual([
      ['Bee', 2],
      ['A', 1],
      ['Stale writes accepted', 3],
    ]);
    expect(wordsOf('splitBrainTime')).toBe('Split brain time');
  });
});
