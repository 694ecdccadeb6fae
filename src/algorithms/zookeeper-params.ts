import type { Faults } from '../engine/types';
import { duration } from './lease-params';
import { flagParam } from './params';
import { CYCLES_AFTER_FAULTS, lastFaultTime, untilParam } from './raft-params';

/**
 * ZooKeeper's parameters (§1.13). A time unit stands for 100 ms (C22), so the defaults — a session
 * timeout of 6 s and a ping every 2 s, a third of it, as ZooKeeper's Java client pings — are 60 and 20.
 */
export interface ZkParams {
  session: number;
  ping: number;
  /** Every client watches the leader's znode instead of its predecessor's (the herd effect). */
  herd: boolean;
  until: number | null;
}

export const sessionParam = duration('session', 'Session timeout', 60, '--session-timeout', ['60', '120'], 3);
export const pingParam = duration('ping', 'Ping interval', 20, '--ping-interval', ['20', '10']);

export const herdParam = flagParam({
  key: 'herd',
  label: 'Herd: everyone watches the leader',
  help: "every client watches the leader's znode instead of its predecessor's: each leader change wakes them all",
  default: false,
  cli: { flag: '--herd' },
});

/** A client must ping often enough that its session outlives a late pong (ZooKeeper pings at a third). */
export function checkZkParams(p: ZkParams): { field: string; message: string } | null {
  if (3 * p.ping > p.session)
    return {
      field: 'ping',
      message: `ping interval ${p.ping} must be at most a third of the session timeout ${p.session}: a live client's session would expire between its pings`,
    };
  return null;
}

export { untilParam };

/** C18 for ZooKeeper: the last fault, then four session timeouts (an expiry and the re-election fit). */
export function zkUntilOf(p: ZkParams, faults: Faults): number {
  return p.until ?? lastFaultTime(faults) + CYCLES_AFTER_FAULTS * p.session;
}
