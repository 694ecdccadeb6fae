import type { NodeCtx, NodeId, TimerRequest } from '../engine/types';

/**
 * Bully's timeouts and its model of failure detection. Bully is the only algorithm that reads the
 * crash schedule: real processes notice a dead coordinator because it stops answering; here the
 * detector process "notices" exactly T_ok after the crash, through a timer it sets at start-up.
 */

/** T_ok (C10): ELECTION there and OK back, 2 rounds in sync, 2·maxDelay + 1 in async. */
export function okTimeout(ctx: NodeCtx): number {
  return ctx.mode === 'sync' ? 2 : 2 * ctx.maxDelay + 1;
}

/**
 * T_coord, how long a process that got an OK waits for COORDINATOR. Every live process above the
 * detector hears the detector's ELECTION within maxDelay and starts at once, so the winner declares
 * at most T_ok later and its COORDINATOR lands within 2·T_ok of any waiting process's ok-timeout
 * (sync: declare by round 3, heard in round 4). This timer therefore never fires early in a run
 * without crashes during it, and the textbook counts are untouched.
 */
export function coordTimeout(ctx: NodeCtx): number {
  return 2 * okTimeout(ctx);
}

/** Dead at time t: crashed from the start, or by a scheduled crash at or before t. */
export function deadAt(ctx: NodeCtx, id: NodeId, t: number): boolean {
  return ctx.crashedAtStart.has(id) || ctx.crashSchedule.some((c) => c.id === id && c.at <= t);
}

/** The process that detects at time t: the chosen initiator if it is alive, else the lowest live id. */
export function detectorAt(ctx: NodeCtx, initiator: NodeId | null, t: number): NodeId | null {
  if (initiator !== null && !deadAt(ctx, initiator, t)) return initiator;
  return ctx.allIds.find((id) => !deadAt(ctx, id, t)) ?? null;
}

export const NOTICE = 'notice-crash:';

/**
 * The timers a process sets at start-up to notice crashes: one per scheduled crash (the first one
 * of each id) for which it is the detector, firing T_ok after the crash.
 */
export function noticeTimers(ctx: NodeCtx, initiator: NodeId | null): TimerRequest[] {
  const first = new Map<NodeId, number>();
  for (const c of ctx.crashSchedule) first.set(c.id, Math.min(c.at, first.get(c.id) ?? c.at));
  const out: TimerRequest[] = [];
  for (const [id, at] of [...first].sort((x, y) => x[1] - y[1] || x[0] - y[0])) {
    if (ctx.crashedAtStart.has(id)) continue;
    if (detectorAt(ctx, initiator, at) === ctx.id)
      out.push({ name: NOTICE + id, after: at + okTimeout(ctx) });
  }
  return out;
}

/** Timer names carry the election epoch (after '#') so a timer of an earlier election is recognised. */
export function timerName(base: 'ok-timeout' | 'coord-timeout', epoch: number): string {
  return epoch === 0 ? base : `${base}#${epoch}`;
}

export function parseTimer(name: string): { base: string; epoch: number; crashed: NodeId | null } {
  if (name.startsWith(NOTICE))
    return { base: 'notice', epoch: -1, crashed: Number(name.slice(NOTICE.length)) };
  const [base, e] = name.split('#');
  return { base: base ?? name, epoch: e === undefined ? 0 : Number(e), crashed: null };
}
