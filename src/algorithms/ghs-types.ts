import type { NodeCtx, NodeId } from '../engine/types';
import type { Elected } from './announce';
import type { DeferredQueue } from './ghs-deferred';
import type { EdgeStates } from './ghs-edges';
import { pseudocode } from './pseudocode';
import { SATURATION_CODE, type Saturation, type Up } from './tree';

/**
 * Gallager, Humblet and Spira, "A distributed algorithm for minimum-weight spanning trees",
 * TOPLAS 5(1):66–77, 1983: the state, messages and pseudo-code, with the paper's names.
 */

/**
 * An edge weight made distinct (C12): the key (w, min id, max id), compared lexicographically.
 * `null` stands for the paper's ∞.
 */
export type Wt = readonly [w: number, lo: NodeId, hi: NodeId];

export type NodeStateName = 'Sleeping' | 'Find' | 'Found';
export type EdgeStateName = 'Basic' | 'Branch' | 'Rejected';

export interface Connect {
  kind: 'connect';
  L: number;
}
export interface Initiate {
  kind: 'initiate';
  L: number;
  F: Wt;
  S: 'Find' | 'Found';
}
export interface Test {
  kind: 'test';
  L: number;
  F: Wt;
}
export interface Accept {
  kind: 'accept';
}
export interface Reject {
  kind: 'reject';
}
export interface Report {
  kind: 'report';
  /** best-wt of the subtree; null = ∞ (no outgoing edge found). */
  w: Wt | null;
}
export interface ChangeRoot {
  kind: 'changeroot';
}

export type GhsCoreMsg = Connect | Initiate | Test | Accept | Reject | Report | ChangeRoot;
export type GhsMsg = GhsCoreMsg | Up | Elected;

/** A message the node could not handle yet, kept in its queue (not re-sent, so counted once, C12). */
export interface Deferred {
  from: NodeId;
  msg: GhsCoreMsg;
}

export interface GhsState {
  id: NodeId;
  /** SN: the node's state. */
  SN: NodeStateName;
  /** LN: the level of its fragment. */
  LN: number;
  /** FN: the fragment's name, the weight of its core edge (null before the first Initiate). */
  FN: Wt | null;
  /** SE(j): the state of the edge to neighbour j (persistent: a change copies O(log degree)). */
  SE: EdgeStates;
  inBranch: NodeId | null;
  bestEdge: NodeId | null;
  bestWt: Wt | null;
  testEdge: NodeId | null;
  findCount: number;
  /** Deferred messages, oldest first, each retried once something its condition reads has changed. */
  queue: DeferredQueue;
  /** Set at the two core nodes when Report(∞) arrives from both sides: the MST is complete. */
  halted: boolean;
  /** The tree convergecast on the branches, once the global barrier has been passed. */
  conv: Saturation | null;
}

export interface GhsParams {
  announce: boolean; // broadcast elected(leader) over the MST after the convergecast (n − 1 messages)
  wake: NodeId[] | null; // ids that wake up spontaneously (procedure (1)); null = every node (C4)
}

/** The edge key of the edge from this node to neighbour j. */
export function wt(node: NodeCtx, j: NodeId): Wt {
  return [node.weights.get(j) ?? 1, Math.min(node.id, j), Math.max(node.id, j)];
}

/** a < b on keys, with null as ∞. */
export function less(a: Wt | null, b: Wt | null): boolean {
  if (a === null) return false;
  if (b === null) return true;
  return a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] < b[2];
}

export function sameWt(a: Wt | null, b: Wt | null): boolean {
  return a === b || (a !== null && b !== null && a[0] === b[0] && a[1] === b[1] && a[2] === b[2]);
}

/** A weight as students read it: the number (∞ for null). */
export const fmtWt = (k: Wt | null): string => (k === null ? '∞' : String(k[0]));

/** A weight with its edge, for the inspector: `3 (1–2)`. */
export const fmtEdgeWt = (k: Wt | null): string => (k === null ? '∞' : `${k[0]} (${k[1]}–${k[2]})`);

export function labelGhs(msg: GhsCoreMsg): string {
  switch (msg.kind) {
    case 'connect':
      return `connect(${msg.L})`;
    case 'initiate':
      return `initiate(${msg.L}, ${fmtWt(msg.F)}, ${msg.S.toLowerCase()})`;
    case 'test':
      return `test(${msg.L}, ${fmtWt(msg.F)})`;
    case 'report':
      return `report(${fmtWt(msg.w)})`;
    default:
      return msg.kind;
  }
}

/** The paper's procedures (1)–(12), line by line, keyed so that handlers name the lines they run. */
const GHS_CODE = [
  ['wake', '(1) on spontaneous awakening: execute wakeup'],
  ['wakeup', '(2) procedure wakeup:'],
  ['wakeup.branch', '  m := adjacent edge of minimum weight; SE(m) := Branch'],
  ['wakeup.state', '  LN := 0; SN := Found; findCount := 0'],
  ['wakeup.send', '  send connect(0) on edge m'],
  ['connect', '(3) on receipt of connect(L) on edge j:'],
  ['connect.wake', '  if SN = Sleeping: execute wakeup'],
  ['connect.absorb', '  if L < LN: SE(j) := Branch; send initiate(LN, FN, SN) on j'],
  ['connect.absorbFind', '    if SN = Find: findCount := findCount + 1'],
  ['connect.defer', '  else if SE(j) = Basic: place the message on the end of the queue'],
  ['connect.merge', '  else: send initiate(LN + 1, w(j), Find) on j'],
  ['initiate', '(4) on receipt of initiate(L, F, S) on edge j:'],
  ['initiate.set', '  LN := L; FN := F; SN := S; inBranch := j; bestEdge := nil; bestWt := ∞'],
  ['initiate.fwd', '  for all i ≠ j with SE(i) = Branch: send initiate(L, F, S) on i'],
  ['initiate.count', '    if S = Find: findCount := findCount + 1'],
  ['initiate.test', '  if S = Find: execute test'],
  ['test', '(5) procedure test:'],
  ['test.send', '  if some adjacent edge is Basic: testEdge := the minimum one; send test(LN, FN) on it'],
  ['test.none', '  else: testEdge := nil; execute report'],
  ['onTest', '(6) on receipt of test(L, F) on edge j:'],
  ['onTest.wake', '  if SN = Sleeping: execute wakeup'],
  ['onTest.defer', '  if L > LN: place the message on the end of the queue'],
  ['onTest.accept', '  else if F ≠ FN: send accept on j'],
  ['onTest.same', '  else: if SE(j) = Basic: SE(j) := Rejected'],
  ['onTest.reject', '    if testEdge ≠ j: send reject on j'],
  ['onTest.retest', '    else: execute test'],
  ['accept', '(7) on receipt of accept on edge j:'],
  ['accept.best', '  testEdge := nil; if w(j) < bestWt: bestEdge := j; bestWt := w(j)'],
  ['accept.report', '  execute report'],
  ['reject', '(8) on receipt of reject on edge j:'],
  ['reject.body', '  if SE(j) = Basic: SE(j) := Rejected; execute test'],
  ['report', '(9) procedure report:'],
  ['report.send', '  if findCount = 0 and testEdge = nil: SN := Found; send report(bestWt) on inBranch'],
  ['onReport', '(10) on receipt of report(w) on edge j:'],
  [
    'onReport.child',
    '  if j ≠ inBranch: findCount := findCount − 1; if w < bestWt: bestWt := w; bestEdge := j',
  ],
  ['onReport.childReport', '    execute report'],
  ['onReport.defer', '  else if SN = Find: place the message on the end of the queue'],
  ['onReport.changeRoot', '  else if w > bestWt: execute change-root'],
  ['onReport.halt', '  else if w = bestWt = ∞: halt'],
  ['changeRoot', '(11) procedure change-root:'],
  ['changeRoot.fwd', '  if SE(bestEdge) = Branch: send changeroot on bestEdge'],
  ['changeRoot.connect', '  else: send connect(LN) on bestEdge; SE(bestEdge) := Branch'],
  ['onChangeRoot', '(12) on receipt of changeroot: execute change-root'],
  ['barrier', 'after the global barrier: tree convergecast on the Branch edges'],
] as const;

export type CodeLine = (typeof GHS_CODE)[number][0];

/** GHS's code followed by the convergecast's, with typed keys. */
export const GHS_PSEUDOCODE = pseudocode([...GHS_CODE, ...SATURATION_CODE]);

export const line = (k: CodeLine): number => GHS_PSEUDOCODE.line(k);
