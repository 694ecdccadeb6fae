import type { NodeCtx, NodeId, Role, Send } from '../engine/types';

/**
 * What the ring algorithms share (C1, C13): directions, sending both ways, the role of a ring
 * process, and the integer logarithms their counts are written in.
 */

/** The way a message travels. On a ring of two, cw and ccw lead to the same node (C13). */
export type Dir = 'cw' | 'ccw';

export const opposite = (d: Dir): Dir => (d === 'cw' ? 'ccw' : 'cw');

/** The neighbour in direction d (the node itself when n = 1, C13). */
export const toward = (node: NodeCtx, d: Dir): NodeId => (d === 'cw' ? node.cw : node.ccw);

/** One message each way, clockwise first; `make` builds the message for its direction of travel. */
export function sendBothWays<M>(node: NodeCtx, make: (dir: Dir) => M): Send<M>[] {
  return [
    { to: node.cw, msg: make('cw') },
    { to: node.ccw, msg: make('ccw') },
  ];
}

/** Lynch's status of a ring process: unknown, chosen (the leader), reported (it knows the leader). */
export type RingStatus = 'unknown' | 'chosen' | 'reported';

/**
 * The role of a ring process: the leader once chosen, a non-leader once it knows the leader; until
 * then a relay once `defeated` (a larger uid has passed, so it can no longer win), else a candidate.
 */
export function ringRole(s: { status: RingStatus; defeated: boolean }): Role {
  if (s.status === 'chosen') return 'leader';
  if (s.status === 'reported') return 'nonLeader';
  return s.defeated ? 'relay' : 'candidate';
}

/** ⌈log2 n⌉ in integers (no floating-point rounding at powers of two); 0 for n ≤ 1. */
export function ceilLog2(n: number): number {
  let k = 0;
  while (2 ** k < n) k++;
  return k;
}

/** ⌊log2 n⌋ in integers; 0 for n ≤ 1. */
export function floorLog2(n: number): number {
  let k = 0;
  while (2 ** (k + 1) <= n) k++;
  return k;
}
