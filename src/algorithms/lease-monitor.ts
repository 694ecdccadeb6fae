import type { InvariantViolation, NodeId, RunMonitor } from '../engine/types';
import type { LeaseState } from './lease-types';

/**
 * What the lease election shows beyond any one node (§1.12): its figures and its safety rule.
 *
 * - `splitBrainTime`: the real time during which two or more live candidates believe they hold the
 *   lease — a paused holder included, since it acts on that belief the moment it resumes. Each such
 *   interval is a violation, reported at the step where it began, with its duration.
 * - `unavailableTime`: the time with no live, running (not paused) candidate that believes it holds
 *   the lease: nobody does the leader's work.
 * - `leaderChanges`: how many times a candidate acquired the lease (a new revision), the first
 *   acquisition included; `electionsStarted`: how many times the key was free for the taking (at the
 *   start, and after each expiry at the store).
 * - `staleWritesAccepted` / `staleWritesRejected`: writes that reached the storage with a revision
 *   older than the newest it had seen, taken (fencing off) or refused (fencing on).
 */
interface Belief {
  leading: boolean;
  token: number;
  paused: boolean;
}

interface Brain {
  step: number;
  from: number;
  to: number | null;
  who: Map<NodeId, number>;
}

export class LeaseMonitor implements RunMonitor<LeaseState> {
  private readonly last = new Map<NodeId, Belief>();
  private believers = 0;
  private running = 0;
  private changes = 0;
  private freed = 0;
  private staleAccepted = 0;
  private staleRejected = 0;
  private unavailable = 0;
  /** When the current stretch with no running leader began (the run starts with none). */
  private noneSince: number | null = 0;
  private readonly brains: Brain[] = [];

  step(time: number, node: NodeId, s: LeaseState, alive: boolean, step: number): void {
    if (s.kind === 'store') {
      this.freed = s.freed;
      return;
    }
    if (s.kind === 'storage') {
      this.staleAccepted = s.staleAccepted;
      this.staleRejected = s.rejected;
      return;
    }
    const before = this.last.get(node) ?? { leading: false, token: 0, paused: false };
    const now: Belief = { leading: alive && s.leading, token: s.token ?? 0, paused: s.paused };
    this.last.set(node, now);
    if (now.leading && (!before.leading || before.token !== now.token)) this.changes++;
    this.believers += Number(now.leading) - Number(before.leading);
    const wasRunning = before.leading && !before.paused;
    const isRunning = now.leading && !now.paused;
    this.running += Number(isRunning) - Number(wasRunning);

    const open = this.brains.at(-1);
    const going = open !== undefined && open.to === null;
    if (this.believers >= 2) {
      if (!going) this.brains.push({ step, from: time, to: null, who: this.leaders() });
      else for (const [id, t] of this.leaders()) open.who.set(id, t);
    } else if (going) open.to = time;

    if (this.running === 0 && this.noneSince === null) this.noneSince = time;
    if (this.running > 0 && this.noneSince !== null) {
      this.unavailable += time - this.noneSince;
      this.noneSince = null;
    }
  }

  private leaders(): Map<NodeId, number> {
    const out = new Map<NodeId, number>();
    for (const [id, b] of this.last) if (b.leading) out.set(id, b.token);
    return out;
  }

  figures(end: number): Record<string, number> {
    let brain = 0;
    for (const b of this.brains) brain += (b.to ?? Math.max(b.from, end)) - b.from;
    return {
      leaderChanges: this.changes,
      electionsStarted: this.freed,
      unavailableTime: this.unavailable + (this.noneSince === null ? 0 : Math.max(0, end - this.noneSince)),
      splitBrainTime: brain,
      staleWritesAccepted: this.staleAccepted,
      staleWritesRejected: this.staleRejected,
    };
  }

  violations(end: number): InvariantViolation[] {
    return this.brains.map((b) => {
      const who = [...b.who].sort(([x], [y]) => x - y);
      const names = who.map(([id]) => id).join(' and ');
      const revs = who.map(([, t]) => `r${t}`).join(', ');
      const to = b.to ?? Math.max(b.from, end);
      const until = b.to === null ? `the end of the run at ${to}` : `time ${to}`;
      return {
        step: b.step,
        message: `split brain: ${names} believe they hold the lease at once (${revs}) from time ${b.from} to ${until}, ${to - b.from} time units`,
      };
    });
  }
}
