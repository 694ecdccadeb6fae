import { describe, expect, it } from 'vitest';
import { defaultFolds, FOLDS_KEY, loadFolds, saveFold, WIDE_EDITOR } from '../../../src/ui/layout/folds';

/** A Storage kept in a Map; `refuse` makes every write throw, as a privacy setting can. */
function memory(refuse = false): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => {
      if (refuse) throw new DOMException('refused', 'SecurityError');
      m.set(k, v);
    },
  };
}

const ALL_FOLDED = { editor: false, spacetime: false, code: false, log: false };

describe('panel folds', () => {
  it('start folded at a projector width; the editor starts open only where it leaves the graph room', () => {
    expect(defaultFolds('normal', 1280)).toEqual(ALL_FOLDED);
    expect(defaultFolds('normal', WIDE_EDITOR - 1)).toEqual(ALL_FOLDED);
    expect(defaultFolds('normal', WIDE_EDITOR)).toEqual({ ...ALL_FOLDED, editor: true });
    // Presentation mode never shows the editor, at any width.
    expect(defaultFolds('present', 2560)).toEqual(ALL_FOLDED);
  });

  it('remember each choice, per layout mode, over the defaults', () => {
    const s = memory();
    expect(loadFolds('normal', 1280, s)).toEqual(ALL_FOLDED);
    saveFold('normal', 'log', true, s);
    saveFold('normal', 'editor', true, s);
    saveFold('present', 'code', true, s);
    expect(loadFolds('normal', 1280, s)).toEqual({ ...ALL_FOLDED, log: true, editor: true });
    expect(loadFolds('present', 1280, s)).toEqual({ ...ALL_FOLDED, code: true });
    saveFold('normal', 'log', false, s);
    expect(loadFolds('normal', 1280, s)).toEqual({ ...ALL_FOLDED, editor: true });
    // A remembered fold wins over a wide screen's open editor.
    saveFold('normal', 'editor', false, s);
    expect(loadFolds('normal', 1920, s).editor).toBe(false);
  });

  it('ignore what is not theirs to read: broken JSON, unknown panels, non-booleans, no storage', () => {
    const s = memory();
    s.setItem(FOLDS_KEY, '{not json');
    expect(loadFolds('normal', 1280, s)).toEqual(ALL_FOLDED);
    s.setItem(FOLDS_KEY, JSON.stringify({ normal: { log: 'yes', code: 1, graph: true, spacetime: true } }));
    expect(loadFolds('normal', 1280, s)).toEqual({ ...ALL_FOLDED, spacetime: true });
    s.setItem(FOLDS_KEY, JSON.stringify([true]));
    expect(loadFolds('normal', 1280, s)).toEqual(ALL_FOLDED);
    expect(loadFolds('normal', 1920, null)).toEqual(defaultFolds('normal', 1920));
    expect(() => saveFold('normal', 'log', true, memory(true))).not.toThrow();
    expect(() => saveFold('normal', 'log', true, null)).not.toThrow();
  });
});
