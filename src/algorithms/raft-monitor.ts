import type { NodeId, RunMonitor } from '../engine/types';
import type { FigureDecl } from './contract';

/**
 * What Raft's run shows beyond any one server (§1.11): the run's figures. (The safety rule "at most
 * one leader per term", Election Safety in Ongaro & Ousterhout Fig. 3, is the engine's monitors', read
 * through the module's `term`.)
 *
 * - `leaderChanges`: how many times a server became leader (the first election included): each is a
 *   term's winner.
 * - `electionsStarted`: how many times a server timed out and stood as candidate.
 * - `unavailableTime`: the time with no leader in charge. A leader is in charge while a majority of
 *   the servers, itself included, are alive, in its term and know it as their leader — so a leader
 *   cut off from the majority does not count, though it believes it leads, and a new leader counts
 *   from the moment its first heartbeats reach a majority.
 * - `splitVotes`: the terms in which two or more servers stood and none won, a later term having
 *   begun (a split vote, §5.2).
 * - `splitBrainTime`: the time during which two or more live servers believe they lead — in
 *   different terms, by the safety rule: an old leader that has not yet heard of the newer term.
 */

/** The figures in the counts panel's words, in the order a lecture reads them. */
export const RAFT_FIGURES: readonly FigureDecl[] = [
  {
    key: 'leaderChanges',
    label: 'Leader changes',
    help: 'times a server became leader, the first election included',
  },
  {
    key: 'unavailableTime',
    label: 'Time without a leader',
    help: 'time with no leader whose term a live majority follows',
  },
  {
    key: 'electionsStarted',
    label: 'Elections started',
    help: 'times a server timed out and stood as candidate',
  },
  {
    key: 'splitVotes',
    label: 'Split-vote rounds',
    help: 'terms in which two or more servers stood and none won',
  },
  {
    key: 'splitBrainTime',
    label: 'Split-brain time',
    help: 'time during which two or more live servers believed they lead (in different terms)',
  },
];

/** What the monitor keeps of each server: its term, the leader it knows in that term, liveness. */
export interface Seen {
  term: number;
  leader: NodeId | null;
  leading: boolean;
  candidate: boolean;
}

export class RaftMonitor<S> implements RunMonitor<S> {
  private readonly last = new Map<NodeId, Seen & { alive: boolean }>();
  /** The terms some server won (a split vote is a term nobody won). */
  private readonly won = new Set<number>();
  /** Servers that are alive and follow (term, leader), by `term:leader`. */
  private readonly following = new Map<string, number>();
  private inCharge: string | null = null;
  private since = 0;
  private unavailable = 0;
  private changes = 0;
  private elections = 0;
  /** Candidates by term, and the newest term seen. */
  private readonly standing = new Map<number, number>();
  private newest = 0;
  /** Live servers in the leader role now; the split brain's clock. */
  private leaders = 0;
  private brainSince = 0;
  private brain = 0;

  constructor(
    private readonly n: number,
    private readonly seen: (s: S) => Seen,
  ) {}

  step(time: number, node: NodeId, state: S, alive: boolean): void {
    const now = { ...this.seen(state), alive };
    const before = this.last.get(node);
    this.last.set(node, now);
    this.newest = Math.max(this.newest, now.term);
    if (now.candidate && alive && !(before?.candidate && before.term === now.term)) {
      this.elections++;
      this.standing.set(now.term, (this.standing.get(now.term) ?? 0) + 1);
    }
    const was = before?.alive && before.leading ? 1 : 0;
    const is = alive && now.leading ? 1 : 0;
    if (this.leaders < 2 && this.leaders - was + is >= 2) this.brainSince = time;
    if (this.leaders >= 2 && this.leaders - was + is < 2) this.brain += time - this.brainSince;
    this.leaders += is - was;
    if (now.leading && alive && !(before?.leading && before.term === now.term)) {
      this.changes++;
      this.won.add(now.term);
    }
    if (before) this.follow(before, -1);
    this.follow(now, +1);
    this.account(time);
  }

  private follow(x: Seen & { alive: boolean }, by: number): void {
    if (!x.alive || x.leader === null) return;
    const key = `${x.term}:${x.leader}`;
    const count = (this.following.get(key) ?? 0) + by;
    if (count === 0) this.following.delete(key);
    else this.following.set(key, count);
  }

  /** Starts or stops the clock of unavailability when the leader in charge changes. */
  private account(time: number): void {
    let key: string | null = null;
    for (const [k, count] of this.following) if (2 * count > this.n) key = k; // at most one majority
    if (key !== null) {
      // Followers go on trusting a leader that has crashed until they time out: it is not in charge.
      const [term, leader] = key.split(':').map(Number) as [number, number];
      const l = this.last.get(leader);
      if (!l?.alive || !l.leading || l.term !== term) key = null;
    }
    if ((key === null) === (this.inCharge === null)) {
      this.inCharge = key;
      return;
    }
    if (key === null) this.since = time;
    else this.unavailable += time - this.since;
    this.inCharge = key;
  }

  figures(end: number): Record<string, number> {
    const open = this.inCharge === null ? Math.max(0, end - this.since) : 0;
    let splits = 0;
    for (const [term, count] of this.standing)
      if (count >= 2 && !this.won.has(term) && term < this.newest) splits++;
    return {
      leaderChanges: this.changes,
      electionsStarted: this.elections,
      unavailableTime: this.unavailable + open,
      splitVotes: splits,
      splitBrainTime: this.brain + (this.leaders >= 2 ? Math.max(0, end - this.brainSince) : 0),
    };
  }
}
