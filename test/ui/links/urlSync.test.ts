// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseFlat } from '../../../src/scenario/parse';
import type { Scenario } from '../../../src/scenario/types';
import { decodeScenario, encodeScenario } from '../../../src/scenario/url';
import { createSimStore, type SimStore } from '../../../src/store/simStore';
import type { Problem } from '../../../src/ui/links/check';
import { startUrlSync, type UrlSync } from '../../../src/ui/links/urlSync';

function scenario(flat: Record<string, string>): Scenario {
  const p = parseFlat({ v: '1', ...flat });
  if (!p.ok) throw new Error(p.errors[0]!.message);
  return p.value;
}

const LCR = scenario({ alg: 'lcr', n: '8', ids: 'desc', mode: 'sync' });
const CR = scenario({ alg: 'chang-roberts', ids: '3,7,1,8', mode: 'sync' });

/** Background chunks run only when the test says so. */
function manual() {
  const queue: (() => void)[] = [];
  const schedule = (fn: () => void) => {
    queue.push(fn);
    return () => void queue.splice(queue.indexOf(fn) >>> 0, 1);
  };
  return {
    schedule,
    runAll: () => {
      while (queue.length) queue.shift()!();
    },
  };
}

const stepOf = () => {
  const d = decodeScenario(location.hash);
  return d.ok ? (d.value.step ?? 0) : null;
};

describe('urlSync', () => {
  let store: SimStore;
  let sync: UrlSync;
  let problems: Problem[];
  let chunks: ReturnType<typeof manual>;

  const start = (hash: string, initial: Scenario = LCR) => {
    history.replaceState(null, '', `/lab/${hash}`);
    chunks = manual();
    store = createSimStore({ scenario: initial, schedule: chunks.schedule });
    problems = [];
    sync = startUrlSync(store, { onProblem: (p) => problems.push(p), throttleMs: 200 });
  };

  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    sync.stop();
    store.getState().dispose();
    vi.useRealTimers();
  });

  it('a page without a hash gets the scenario written in, without a new history entry', () => {
    const before = history.length;
    start('');
    expect(location.hash).toBe(`#${encodeScenario(LCR)}`);
    expect(history.length).toBe(before);
  });

  it('stepping replaces the entry, at most once per throttle period, and ends on the last step', () => {
    start('');
    chunks.runAll();
    const before = history.length;
    const replace = vi.spyOn(history, 'replaceState');
    for (let i = 0; i < 10; i++) store.getState().stepForward();
    vi.advanceTimersByTime(50);
    for (let i = 0; i < 5; i++) store.getState().stepForward();
    vi.advanceTimersByTime(1000);
    expect(history.length).toBe(before);
    expect(replace.mock.calls.length).toBeLessThanOrEqual(2);
    expect(stepOf()).toBe(15);
    replace.mockRestore();
  });

  it('a new scenario pushes one entry; the old entry keeps its step', () => {
    start('');
    chunks.runAll();
    store.getState().seek(5);
    const before = history.length;
    const calls: string[] = [];
    const replace = vi.spyOn(history, 'replaceState').mockImplementation(function (this: History, ...a) {
      calls.push(`replace ${String(a[2])}`);
      return History.prototype.replaceState.apply(this, a);
    });
    const push = vi.spyOn(history, 'pushState').mockImplementation(function (this: History, ...a) {
      calls.push(`push ${String(a[2])}`);
      return History.prototype.pushState.apply(this, a);
    });
    store.getState().load(CR);
    expect(calls).toEqual([`replace #${encodeScenario({ ...LCR, step: 5 })}`, `push #${encodeScenario(CR)}`]);
    expect(history.length).toBe(before + 1);
    expect(location.hash).toBe(`#${encodeScenario(CR)}`);
    replace.mockRestore();
    push.mockRestore();
  });

  it('opening the page at a link keeps its step until the run reaches it', () => {
    const link = `#${encodeScenario({ ...CR, step: 9 })}`;
    start(link, { ...CR, step: 9 });
    vi.advanceTimersByTime(1000);
    expect(location.hash).toBe(link);
    chunks.runAll();
    vi.advanceTimersByTime(1000);
    expect(store.getState().cursor).toBe(9);
    expect(location.hash).toBe(link);
  });

  it('navigating to a new hash loads it; to the same run at another step, seeks', () => {
    start('');
    chunks.runAll();
    location.hash = `#${encodeScenario({ ...CR, step: 4 })}`;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(store.getState().scenario).toEqual(CR);
    chunks.runAll();
    expect(store.getState().cursor).toBe(4);
    const run = store.getState().run;
    location.hash = `#${encodeScenario({ ...CR, step: 2 })}`;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(store.getState().run).toBe(run);
    expect(store.getState().cursor).toBe(2);
  });

  it('a broken link in the address bar is reported; the run on screen stays', () => {
    start('');
    const run = store.getState().run;
    location.hash = '#v=1&alg=lcr&ids=1,1,2';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.errors[0]!.field).toBe('ids');
    expect(store.getState().run).toBe(run);
  });

  it('a broken link at start is reported, not put in the editor, and stays in the address bar', () => {
    start('#v=9&alg=lcr', scenario({ alg: 'lcr', n: '8', ids: 'random', seed: '1', mode: 'sync' }));
    expect(problems[0]!.errors[0]!.field).toBe('v');
    expect(store.getState().errors).toEqual([]);
    expect(location.hash).toBe('#v=9&alg=lcr');
  });

  it('open() pushes the link and loads it', () => {
    start('');
    const before = history.length;
    expect(sync.open('v=1&alg=chang-roberts&ids=3,7,1,8&mode=sync')).toBe(true);
    expect(history.length).toBe(before + 1);
    expect(store.getState().scenario).toEqual(CR);
    expect(sync.open('#v=1&alg=nope')).toBe(false);
    expect(problems.at(-1)!.errors[0]!.field).toBe('alg');
    expect(store.getState().scenario).toEqual(CR);
  });
});
