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

/**
 * A ring on which keeping the local maxima of the active ids halves the active processes at every
 * phase, a → ⌊a/2⌋, so the sizes run n, ⌊n/2⌋, …, 1 (⌊log n⌋ phases with two or more active): the
 * worst ring of Peterson's and Franklin's algorithms, whose next phase's active processes are exactly
 * the local maxima in ring order. Built top-down: from the last phase's single id, put a fresh
 * smaller id after every id of the phase above (one more at the end when the size is odd). Every id
 * from above then has two fresh, smaller neighbours and no fresh id has two smaller ones. For n = 8:
 * 8,4,6,3,7,2,5,1.
 */
export function halvingRing(n: number): NodeId[] {
  const sizes: number[] = [];
  for (let a = n; a >= 1; a = Math.floor(a / 2)) sizes.push(a);
  let fresh = n;
  let ring: NodeId[] = [fresh--];
  for (let i = sizes.length - 2; i >= 0; i--) {
    const below: NodeId[] = [];
    for (const id of ring) below.push(id, fresh--);
    if (sizes[i]! % 2 === 1) below.push(fresh--);
    ring = below;
  }
  return ring;
}
