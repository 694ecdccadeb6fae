import type { InvariantViolation, NodeId, RunMonitor } from '../engine/types';
import type { FigureDecl } from './contract';
import type { ZkState } from './zookeeper-types';

/**
 * ZooKeeper's figures and safety rule (§1.13):
 * - `watchNotifications`: NodeDeleted events the server sent (1 per leader change with the recipe,
 *   one per waiting client with `herd`);
 * - `leaderChanges`: how many times a client began to lead, the first included;
 * - `electionsStarted`: 1 at the start plus each expiry of the lowest znode's session;
 * - `unavailableTime`: the time with no live client leading;
 * - a violation for each stretch in which two live clients lead at once.
 */
export const ZK_FIGURES: readonly FigureDecl[] = [
  {
    key: 'watchNotifications',
    label: 'Watch notifications',
    help: 'NodeDeleted events the server sent: one per leader change with the recipe, one per waiting client with herd',
  },
  { key: 'leaderChanges', label: 'Leader changes', help: 'times a client began to lead, the first included' },
  {
    key: 'unavailableTime',
    label: 'Time without a leader',
    help: 'time with no live client leading (a crashed leader counts until its successor leads)',
  },
  {
    key: 'electionsStarted',
    label: 'Elections started',
    help: "1 at the start, plus each time the lowest znode's session expired",
  },
];

export class ZkMonitor implements RunMonitor<ZkState> {
  private readonly leading = new Map<NodeId, boolean>();
  private leaders = 0;
  private changes = 0;
  private gone = 0;
  private notified = 0;
  private unavailable = 0;
  private noneSince: number | null = 0;
  private readonly twice: { step: number; from: number; to: number | null }[] = [];

  step(time: number, node: NodeId, s: ZkState, alive: boolean, step: number): void {
    if (s.kind === 'server') {
      this.gone = s.leadersGone;
      this.notified = s.notified;
      return;
    }
    const before = this.leading.get(node) ?? false;
    const now = alive && s.leading;
    this.leading.set(node, now);
    if (now && !before) this.changes++;
    this.leaders += Number(now) - Number(before);
    const open = this.twice.at(-1);
    const going = open !== undefined && open.to === null;
    if (this.leaders >= 2 && !going) this.twice.push({ step, from: time, to: null });
    if (this.leaders < 2 && going) open.to = time;
    if (this.leaders === 0 && this.noneSince === null) this.noneSince = time;
    if (this.leaders > 0 && this.noneSince !== null) {
      this.unavailable += time - this.noneSince;
      this.noneSince = null;
    }
  }

  figures(end: number): Record<string, number> {
    return {
      leaderChanges: this.changes,
      electionsStarted: 1 + this.gone,
      unavailableTime: this.unavailable + (this.noneSince === null ? 0 : Math.max(0, end - this.noneSince)),
      watchNotifications: this.notified,
    };
  }

  violations(end: number): InvariantViolation[] {
    return this.twice.map((t) => ({
      step: t.step,
      message: `two clients lead at once from time ${t.from} to ${t.to ?? Math.max(t.from, end)}`,
    }));
  }
}
