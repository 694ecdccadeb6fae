import { describe, expect, it } from 'vitest';
import type { WorkerReply } from '../../src/experiments/protocol';
import { serveExperiment } from '../../src/experiments/serve';
import { SPEC_DEFAULTS } from '../../src/experiments/spec';

describe('the experiment worker’s loop', () => {
  it('replies planned, then one row per run with a rising count, then finished', () => {
    const replies: WorkerReply[] = [];
    serveExperiment({ ...SPEC_DEFAULTS, algorithms: ['lcr'], ns: [4, 5, 6], orders: ['desc'] }, (r) =>
      replies.push(r),
    );
    expect(replies.map((r) => r.type)).toEqual(['planned', 'row', 'row', 'row', 'finished']);
    expect(replies[0]).toEqual({ type: 'planned', total: 3 });
    expect(replies.slice(1, 4).map((r) => (r.type === 'row' ? [r.done, r.row.messages] : null))).toEqual([
      [1, 10 + 4],
      [2, 15 + 5],
      [3, 21 + 6],
    ]);
    expect(replies[4]).toEqual({ type: 'finished', done: 3 });
  });

  it('a bad spec is one error reply and no runs', () => {
    const replies: WorkerReply[] = [];
    serveExperiment({ ...SPEC_DEFAULTS, algorithms: ['paxos'], ns: [4], orders: ['desc'] }, (r) =>
      replies.push(r),
    );
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({
      type: 'error',
      message: expect.stringMatching(/unknown algorithm "paxos"/),
    });
  });

  it('the replies survive structured cloning (what postMessage does)', () => {
    const replies: WorkerReply[] = [];
    serveExperiment({ ...SPEC_DEFAULTS, algorithms: ['hs'], ns: [4], orders: ['worst'] }, (r) =>
      replies.push(r),
    );
    expect(structuredClone(replies)).toEqual(replies);
  });
});
