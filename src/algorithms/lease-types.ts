import type { NodeId } from '../engine/types';
import { pseudocode } from './pseudocode';

/**
 * The lease election's states, messages, timers and pseudo-code (§1.12 of docs/algorithms.md), shared
 * by the candidates (lease.ts) and the two service nodes (lease-services.ts).
 */

export interface CandidateState {
  kind: 'candidate';
  u: NodeId;
  /** Its local clock's rate (drift): a local duration d takes d / rate real time units. */
  rate: number;
  /** It believes it holds the lease: its last renewal succeeded less than a renew deadline ago. */
  leading: boolean;
  /** The lease revision it holds (the fencing token its writes carry); null: none. */
  token: number | null;
  /** The resource version it last saw at the store: its next compare-and-swap expects it. */
  version: number;
  /** The holder the store last named to it (itself when leading); null: none known. */
  holder: NodeId | null;
  /** Compare-and-swap attempts sent so far; each carries its number. */
  attempt: number;
  /** The attempt whose success it now relies on: only that attempt's renew deadline counts. */
  heldFor: number;
  paused: boolean;
  /** What arrived or fell due during the pause, in order: handled when it resumes. */
  stash: readonly Late[];
  /** Writes it has sent to the storage. */
  writes: number;
}

export interface StoreState {
  kind: 'store';
  /** The lease key: its holder (null: free), resource version and lease revision. */
  holder: NodeId | null;
  /** Bumped by every successful write (acquire or renew): the compare-and-swap compares it. */
  version: number;
  /** Leases granted so far: the current holder's lease revision, the fencing token its writes carry. */
  revision: number;
  /** Times the key has been free for the taking: at the start and after each expiry. */
  freed: number;
  /** What it did last, for the graph's badge. */
  last: string;
}

export interface StorageState {
  kind: 'storage';
  /** The newest lease revision a write has carried so far. */
  newest: number;
  accepted: number;
  rejected: number;
  /** Writes accepted although their revision was older than the newest seen (fencing off). */
  staleAccepted: number;
  /** The last write: who, with which revision, stale or not, accepted or not. */
  last: { from: NodeId; revision: number; stale: boolean; ok: boolean } | null;
}

export type LeaseState = CandidateState | StoreState | StorageState;

/** Compare-and-swap on the lease key: `expect` is the resource version the candidate last saw. */
export interface Cas {
  kind: 'cas';
  attempt: number;
  expect: number;
}
export interface CasOk {
  kind: 'casok';
  attempt: number;
  version: number;
  revision: number;
}
export interface CasFail {
  kind: 'casfail';
  attempt: number;
  version: number;
  holder: NodeId | null;
}
/** The leader's work on the protected storage, carrying the lease revision (the fencing token). */
export interface Write {
  kind: 'write';
  revision: number;
}
export type LeaseMsg = Cas | CasOk | CasFail | Write;

/** An event that fell during a pause, handled when the candidate resumes. */
export type Late = { timer: CandidateTimer } | { from: NodeId; msg: LeaseMsg };

export type CandidateTimer =
  | { kind: 'retry' }
  | { kind: 'deadline'; attempt: number }
  | { kind: 'write'; revision: number }
  | { kind: 'pause'; duration: number }
  | { kind: 'resume' };

export type LeaseTimer = CandidateTimer | { kind: 'late'; late: Late } | { kind: 'expire'; version: number };

export const code = pseudocode([
  ['start', 'candidate, on start: try to acquire (retry at once), then retry every retry period'],
  ['retry', 'on retry timer (local clock):'],
  ['retry.cas', '  send CAS(lease key, expected version, me, TTL = lease duration) to the store'],
  [
    'retry.check',
    '  if I hold the lease (renewed less than a renew deadline ago): one time unit later, write',
  ],
  ['write', 'on write timer: send Write(my lease revision) to the storage — no second check'],
  ['ok', 'on CAS succeeded(version, revision): I hold the lease; my renew deadline runs from that attempt'],
  ['fail', 'on CAS failed(version, holder): remember them for the next attempt'],
  ['fail.lose', '  if I held the lease and another holds it now: step down'],
  ['deadline', 'on renew deadline passed with no renewal (local clock): give up the lease'],
  ['pause', 'on pause: handle nothing until it ends; what falls due meanwhile waits'],
  ['resume', 'on resume: handle what waited, oldest first — a write decided before the pause goes now'],
  ['store', 'store, on CAS(expected, holder): if expected = version and the key is free or held by holder:'],
  ['store.grant', '  version += 1 (a new holder: revision := version); expire after TTL; reply succeeded'],
  ['store.refuse', '  else reply failed(version, holder)'],
  ['store.expire', 'store, on TTL expired with no renewal: the key is free'],
  ['storage', 'storage, on Write(revision):'],
  ['storage.reject', '  if fencing and revision < newest revision seen: reject it'],
  ['storage.accept', '  else accept it; newest := max(newest, revision)'],
]);

export const L = code.lines;
