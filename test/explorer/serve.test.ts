import { describe, expect, it } from 'vitest';
import { exploreScenario } from '../../src/explorer';
import type { ExploreReply } from '../../src/explorer/protocol';
import { serveExploration, SLICE } from '../../src/explorer/serve';
import type { Flat } from '../../src/scenario/parse';
import { scenarioOf } from './toys';

/** The worker's loop with a hand-turned queue in place of the event loop. */
function serve(flat: Flat, maxStates: number) {
  const replies: ExploreReply[] = [];
  const queue: (() => void)[] = [];
  const serving = serveExploration(
    scenarioOf(flat),
    maxStates,
    (r) => replies.push(r),
    (next) => queue.push(next),
  );
  const turn = () => queue.shift()?.();
  const drain = () => {
    while (queue.length > 0) turn();
  };
  return { replies, serving, turn, drain };
}

describe('the explorer worker, in slices', () => {
  it('answers what the explorer answers in one go, after progress that only grows', () => {
    // LCR on 8 descending: 4,870 states (docs/explorer.md), so four whole slices before the answer.
    const flat = { alg: 'lcr', n: '8', ids: 'desc' };
    const w = serve(flat, 1_000_000);
    w.drain();
    const last = w.replies.at(-1)!;
    const whole = exploreScenario(scenarioOf(flat), { maxStates: 1_000_000 });
    expect(whole.ok && last.type === 'done' && last.summary).toEqual(whole.ok && whole.summary);
    const progress = w.replies.filter((r) => r.type === 'progress').map((r) => r.progress.expanded);
    expect(progress).toHaveLength(Math.floor(4870 / SLICE));
    // One progress reply per slice, each SLICE states further on.
    progress.forEach((p, i) => expect(p).toBe((i + 1) * SLICE));
  });

  it('Cancel stops it at the end of the slice, with the figures so far', () => {
    const w = serve({ alg: 'hs', n: '6', ids: 'desc' }, 1_000_000);
    w.turn();
    w.turn();
    w.serving.cancel();
    w.drain();
    const last = w.replies.at(-1)!;
    expect(last.type).toBe('done');
    if (last.type !== 'done') return;
    expect(last.summary.complete).toBe(false);
    expect(last.summary.stoppedBy).toBe('stopped');
    // Two slices ran whole; the third asked first and stopped at once.
    expect(w.replies.filter((r) => r.type === 'progress')).toHaveLength(2);
    expect(last.summary.states).toBeGreaterThan(2 * SLICE);
  });

  it('refuses in one sentence: a budget of 0, an algorithm with timeouts, too many processes', () => {
    const one = (flat: Flat, budget: number) => {
      const w = serve(flat, budget);
      w.drain();
      expect(w.replies).toHaveLength(1);
      const r = w.replies[0]!;
      return r.type === 'refused' ? r.message : `not refused: ${r.type}`;
    };
    expect(one({ alg: 'lcr', ids: '3,2,1' }, 0)).toBe(
      'the state budget must be a whole number from 1 to 2000000, not "0"',
    );
    expect(one({ alg: 'bully', n: '4', ids: 'asc' }, 1000)).toMatch(/^Bully .* cannot be explored: /);
    expect(one({ alg: 'lcr', n: '17', ids: 'asc' }, 1000)).toBe(
      'the explorer takes at most 16 processes (this graph has 17): the states of a larger system would not fit any budget',
    );
  });
});
