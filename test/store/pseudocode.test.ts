import { describe, expect, it } from 'vitest';
import { parseFlat, type Flat } from '../../src/scenario/parse';
import { codeFocus, stepSentence } from '../../src/store/pseudocode';
import { createSimStore, type SimStore } from '../../src/store/simStore';

function store(flat: Flat): SimStore {
  const p = parseFlat({ v: '1', ...flat });
  if (!p.ok) throw new Error(p.errors[0]!.message);
  const queue: (() => void)[] = [];
  const s = createSimStore({
    scenario: p.value,
    schedule: (fn) => {
      queue.push(fn);
      return () => queue.splice(queue.indexOf(fn), 1);
    },
  });
  while (queue.length) queue.shift()!();
  return s;
}

/**
 * LCR on the ring 3 → 1 → 2 → 3, synchronous, worked by hand from Lynch §3.3 and the pseudo-code
 * lines of lcr.ts (0 'on start', 1 send, 2 'on receive election', 3 forward, 4 discard, 5 chosen,
 * 6 send elected, 7 'on receive elected', 8 forward elected, 9 halt):
 *  steps 1–3  inits of 3, 1, 2 (position order)                  → [0, 1]
 *  round 1    4: 1 gets 3 → forward; 5: 2 gets 1 → discard; 6: 3 gets 2 → discard
 *  round 2    7: 2 gets 3 → forward
 *  round 3    8: 3 gets its own uid → chosen, sends elected(3)
 *  rounds 4–6 9: 1 forwards elected; 10: 2 forwards; 11: 3 halts
 */
const EXPECTED: [step: number, node: number, lines: number[]][] = [
  [1, 3, [0, 1]],
  [2, 1, [0, 1]],
  [3, 2, [0, 1]],
  [4, 1, [2, 3]],
  [5, 2, [2, 4]],
  [6, 3, [2, 4]],
  [7, 2, [2, 3]],
  [8, 3, [2, 5, 6]],
  [9, 1, [7, 8]],
  [10, 2, [7, 8]],
  [11, 3, [7, 9]],
];

describe('the pseudo-code focus', () => {
  it('follows the node that acted and the lines its handler ran, step by step (hand-worked LCR)', () => {
    const s = store({ alg: 'lcr', ids: '3,1,2', mode: 'sync' });
    expect(s.getState().knownSteps).toBe(EXPECTED.length);
    expect(codeFocus(s.getState())).toMatchObject({ node: null, entry: null, lines: [] });
    for (const [step, node, lines] of EXPECTED) {
      s.getState().stepForward();
      const f = codeFocus(s.getState());
      expect(f.entry?.step).toBe(step);
      expect(f.node).toBe(node);
      expect([...f.lines]).toEqual(lines);
      expect(f.selected).toBe(false);
      expect(f.note.length).toBeGreaterThan(0);
    }
    // Stepping back shows the earlier step again.
    s.getState().seek(5);
    expect(codeFocus(s.getState())).toMatchObject({ node: 2, lines: [2, 4] });
  });

  it('with a node selected, shows that node’s own last step at or before the cursor', () => {
    const s = store({ alg: 'lcr', ids: '3,1,2', mode: 'sync' });
    s.getState().select({ kind: 'node', id: 1 });
    s.getState().seek(1);
    // Node 1 has not acted yet at step 1 (only 3's init ran).
    expect(codeFocus(s.getState())).toMatchObject({ node: 1, entry: null, selected: true, lines: [] });
    s.getState().seek(3);
    expect(codeFocus(s.getState())).toMatchObject({ node: 1, selected: true, lines: [0, 1] });
    expect(codeFocus(s.getState()).entry?.step).toBe(2);
    s.getState().seek(8);
    // Node 1's last step by step 8 is step 4, the forward of 3.
    expect(codeFocus(s.getState()).entry?.step).toBe(4);
    expect([...codeFocus(s.getState()).lines]).toEqual([2, 3]);
    // A selected message does not change the focus: the current step's node.
    s.getState().select({ kind: 'message', seq: 0 });
    expect(codeFocus(s.getState())).toMatchObject({ node: 3, selected: false, lines: [2, 5, 6] });
  });
});

describe('stepSentence', () => {
  it('is the sentence of the step that took the run to the cursor, whatever node is selected', () => {
    const s = store({ alg: 'lcr', ids: '3,1,2', mode: 'sync' });
    expect(stepSentence(s.getState())).toBe('');
    s.getState().seek(8);
    const note = s.getState().run.sim.trace[7]!.note;
    // Step 8 of the hand-worked run above: 3 receives its own uid and is chosen.
    expect(note).toMatch(/3/);
    expect(stepSentence(s.getState())).toBe(note);
    s.getState().select({ kind: 'node', id: 1 });
    expect(stepSentence(s.getState())).toBe(note);
  });
});
