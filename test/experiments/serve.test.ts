import { describe, expect, it } from 'vitest';
import type { WorkerReply } from '../../src/experiments/protocol';
import { createExperimentServer } from '../../src/experiments/serve';
import { SPEC_DEFAULTS } from '../../src/experiments/spec';

function serverWithReplies() {
  const replies: WorkerReply[] = [];
  return { replies, serve: createExperimentServer((r) => replies.push(r)) };
}

describe('the experiment worker’s service', () => {
  it('plans on start, then answers each run asked for with its row and its index', () => {
    const { replies, serve } = serverWithReplies();
    serve({
      type: 'start',
      spec: { ...SPEC_DEFAULTS, algorithms: ['lcr'], ns: [4, 5, 6], orders: ['desc'] },
    });
    expect(replies).toEqual([{ type: 'planned', total: 3 }]);
    serve({ type: 'run', index: 2 });
    serve({ type: 'run', index: 0 });
    // LCR, ids decreasing: n(n+1)/2 election messages plus n for the announcement (docs/algorithms.md §1.1).
    expect(replies.slice(1).map((r) => (r.type === 'row' ? [r.index, r.row.n, r.row.messages] : r))).toEqual([
      [2, 6, 21 + 6],
      [0, 4, 10 + 4],
    ]);
  });

  it('a bad spec is one error reply and no runs', () => {
    const { replies, serve } = serverWithReplies();
    serve({ type: 'start', spec: { ...SPEC_DEFAULTS, algorithms: ['paxos'], ns: [4], orders: ['desc'] } });
    expect(replies).toEqual([{ type: 'error', message: expect.stringMatching(/unknown algorithm "paxos"/) }]);
  });

  it('a run it was not planned for is an error, not a crash', () => {
    const { replies, serve } = serverWithReplies();
    serve({ type: 'run', index: 0 });
    serve({ type: 'start', spec: { ...SPEC_DEFAULTS, algorithms: ['lcr'], ns: [4], orders: ['desc'] } });
    serve({ type: 'run', index: 1 });
    expect(replies.map((r) => r.type)).toEqual(['error', 'planned', 'error']);
    expect(replies[2]).toEqual({ type: 'error', message: 'the experiment worker has no run 1' });
  });

  it('the replies survive structured cloning (what postMessage does)', () => {
    const { replies, serve } = serverWithReplies();
    serve({ type: 'start', spec: { ...SPEC_DEFAULTS, algorithms: ['hs'], ns: [4], orders: ['worst'] } });
    serve({ type: 'run', index: 0 });
    expect(structuredClone(replies)).toEqual(replies);
  });
});
