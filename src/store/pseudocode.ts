import type { NodeId, TraceEntry } from '../engine/types';
import type { SimState } from './simStore';

/** What the pseudo-code panel shows: one node's step, its executed lines and its note. */
export interface CodeFocus {
  /** The node whose code is shown (null before any step, with no node selected). */
  node: NodeId | null;
  /** The step whose handler ran the lines (null: that node has not acted yet at the cursor). */
  entry: TraceEntry | null;
  /** True when the node is the selected one rather than the node that acted at the cursor. */
  selected: boolean;
  /** 0-based indices into the algorithm's pseudocode, as the handler reported them. */
  lines: readonly number[];
  note: string;
}

const NONE: readonly number[] = [];

/**
 * The code focus at the cursor: the step that took the run to the cursor, for the node that acted;
 * or, with a node selected, where THAT node stands, i.e. its own last step at or before the cursor.
 */
export function codeFocus(s: SimState): CodeFocus {
  const r = s.run.replay;
  const sel = s.selection;
  if (sel?.kind === 'node' && r.positionOf(sel.id) >= 0) {
    const id = sel.id;
    const entry = r.findBack((e) => e.node === id);
    return { node: id, entry, selected: true, lines: entry?.lines ?? NONE, note: entry?.note ?? '' };
  }
  const entry = cursorEntry(s);
  return {
    node: entry?.node ?? null,
    entry,
    selected: false,
    lines: entry?.lines ?? NONE,
    note: entry?.note ?? '',
  };
}

/** The step that took the run to the cursor (null at step 0): its node acted, its note says why. */
export function cursorEntry(s: SimState): TraceEntry | null {
  const r = s.run.replay;
  return r.step > 0 ? (r.trace[r.step - 1] ?? null) : null;
}

/**
 * The sentence of the step that took the run to the cursor ('' at step 0), whatever node is
 * selected: the caption under the graph and on an exported slide.
 */
export function stepSentence(s: SimState): string {
  return cursorEntry(s)?.note ?? '';
}
