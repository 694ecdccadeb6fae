import type { NodeCtx, NodeId, Reaction } from '../engine/types';

/**
 * The leader announcement shared by the ring algorithms (C3): the process that knows the outcome
 * sends `elected(leader)` clockwise; every other process records it and forwards it; the message
 * that comes back to the originator is the n-th and last.
 */
export interface Elected {
  kind: 'elected';
  leader: NodeId;
}

export interface Announcing {
  /** Set once this process knows the elected value. */
  leader: NodeId | null;
  /** True at the process that started the announcement. */
  announcer: boolean;
  halted: boolean;
}

export function announce<S extends Announcing>(
  s: S,
  value: NodeId,
  ctx: NodeCtx,
  withAnnouncement: boolean,
): { state: S; send?: { to: NodeId; msg: Elected }[] } {
  const state = { ...s, leader: value, announcer: true, halted: !withAnnouncement };
  return withAnnouncement
    ? { state, send: [{ to: ctx.cw, msg: { kind: 'elected', leader: value } }] }
    : { state };
}

/**
 * Handles `elected(v)`. `lines` are the pseudo-code lines of the forward and the stop branch.
 */
export function onElected<S extends Announcing, M>(
  s: S,
  msg: Elected,
  ctx: NodeCtx,
  lines: { forward: number[]; stop: number[] },
): Reaction<S, M | Elected> {
  if (s.announcer) {
    return {
      state: { ...s, halted: true },
      lines: lines.stop,
      note: `elected(${msg.leader}) is back at ${ctx.id}: every process knows the leader; halt`,
    };
  }
  return {
    state: { ...s, leader: msg.leader, halted: true },
    send: [{ to: ctx.cw, msg }],
    lines: lines.forward,
    note: ctx.narrate
      ? `${ctx.id} learns the leader is ${msg.leader} and forwards elected(${msg.leader})`
      : '',
  };
}
