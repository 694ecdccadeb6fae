import type { NodeCtx, NodeId, Reaction } from '../engine/types';
import { formula } from './contract';
import { flagParam } from './params';
import type { RingStatus } from './ring';

/**
 * The leader announcement (C3). On a ring the process that knows the outcome sends `elected(leader)`
 * clockwise; every other process records it and forwards it; the message that comes back to the
 * originator is the n-th and last. The tree and GHS broadcast the same message over their tree.
 */
export interface Elected {
  kind: 'elected';
  leader: NodeId;
}

/** The `announce` parameter every announcing algorithm shares: on by default, `--no-announce` drops it. */
export const announceParam = flagParam({
  key: 'announce',
  label: 'Announce the leader',
  help: 'send the leader announcement elected(leader) (C3; on by default)',
  default: true,
  cli: { flag: '--announce', off: '--no-announce' },
});

/** What the announcement adds to the counts (C3): n messages and n rounds around a ring. */
export const ringAnnouncement = {
  on: (p: { announce: boolean }) => p.announce,
  off: { [announceParam.key]: '0' },
  messages: formula('n', (n) => n),
  rounds: formula('n', (n) => n),
};

/** Over a tree the announcement is a broadcast: n − 1 messages. */
export const treeAnnouncement = {
  on: (p: { announce: boolean }) => p.announce,
  off: { [announceParam.key]: '0' },
  messages: formula('n−1', (n) => n - 1),
};

/** The state a ring process keeps for the announcement. */
export interface Announcing {
  status: RingStatus;
  /** Set once this process knows the elected value. */
  leader: NodeId | null;
  /** True at the process that started the announcement. */
  announcer: boolean;
  halted: boolean;
}

/**
 * The leader a ring process has learned (Algorithm.knownLeader, for the monitors): the processes are
 * told only by the announcement, so without it nobody is expected to know.
 */
export function ringKnownLeader(s: Announcing, p: { announce: boolean }): NodeId | null | undefined {
  return p.announce ? s.leader : undefined;
}

/** This process is the leader (`status := chosen`) and knows the elected value: it starts the announcement. */
export function announce<S extends Announcing>(
  s: S,
  value: NodeId,
  ctx: NodeCtx,
  withAnnouncement: boolean,
): { state: S; send?: { to: NodeId; msg: Elected }[] } {
  const state = { ...s, status: 'chosen', leader: value, announcer: true, halted: !withAnnouncement } as S;
  return withAnnouncement
    ? { state, send: [{ to: ctx.cw, msg: { kind: 'elected', leader: value } }] }
    : { state };
}

/**
 * Handles `elected(v)`: the originator halts, every other process records the leader
 * (`status := reported`) and forwards it. `lines` are the pseudo-code lines of the two branches.
 */
export function onElected<S extends Announcing, M>(
  s: S,
  msg: Elected,
  ctx: NodeCtx,
  lines: { forward: readonly number[]; stop: readonly number[] },
): Reaction<S, M | Elected> {
  if (s.announcer) {
    return {
      state: { ...s, halted: true },
      lines: lines.stop,
      note: `elected(${msg.leader}) is back at ${ctx.id}: every process knows the leader; halt`,
    };
  }
  return {
    state: { ...s, status: 'reported', leader: msg.leader, halted: true },
    send: [{ to: ctx.cw, msg }],
    lines: lines.forward,
    note: ctx.narrate
      ? `${ctx.id} learns the leader is ${msg.leader} and forwards elected(${msg.leader})`
      : '',
  };
}
