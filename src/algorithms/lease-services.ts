import type { NodeId, Reaction } from '../engine/types';
import type { LeaseParams } from './lease-params';
import {
  L,
  type Cas,
  type LeaseMsg,
  type LeaseTimer,
  type StorageState,
  type StoreState,
  type Write,
} from './lease-types';

/**
 * The two service nodes of the lease election (§1.12): the coordination store — one linearizable
 * key-value node, as etcd or the Kubernetes API server, holding the lease key with a TTL — and the
 * protected storage the leader writes to. Both keep real time (their clocks do not drift).
 */

type R<S> = Reaction<S, LeaseMsg, LeaseTimer>;

export function storeInit(): R<StoreState> {
  return {
    state: { kind: 'store', holder: null, version: 0, revision: 0, freed: 1, last: 'free' },
    lines: [],
    note: 'the store starts with the lease key free (version 0)',
  };
}

/** Compare-and-swap on the resource version: one request at a time, so it is linearizable. */
export function storeCas(s: StoreState, from: NodeId, m: Cas, p: LeaseParams): R<StoreState> {
  const free = s.holder === null;
  if (m.expect !== s.version || !(free || s.holder === from)) {
    const why =
      m.expect !== s.version
        ? `it expected version ${m.expect}, the key is at ${s.version}`
        : `${s.holder} holds the key`;
    return {
      state: s,
      send: [
        { to: from, msg: { kind: 'casfail', attempt: m.attempt, version: s.version, holder: s.holder } },
      ],
      lines: L('store', 'store.refuse'),
      note: `the store refuses the CAS of ${from}: ${why}`,
    };
  }
  const version = s.version + 1;
  const revision = free ? s.revision + 1 : s.revision;
  const state: StoreState = {
    ...s,
    holder: from,
    version,
    revision,
    last: `${from} r${revision}`,
  };
  return {
    state,
    send: [{ to: from, msg: { kind: 'casok', attempt: m.attempt, version, revision } }],
    timers: [{ timer: { kind: 'expire', version }, after: p.lease }],
    lines: L('store', 'store.grant'),
    note: free
      ? `the store gives the lease to ${from}: revision ${revision}, expires in ${p.lease} unless renewed`
      : `the store renews the lease of ${from} (version ${version}) for ${p.lease} more`,
  };
}

/** The TTL ran out with no renewal since (a renewal cancels it: timerCancelled). */
export function storeExpire(s: StoreState): R<StoreState> {
  return {
    state: { ...s, holder: null, freed: s.freed + 1, last: 'free' },
    lines: L('store.expire'),
    note: `the lease of ${s.holder} expires at the store: the key is free`,
  };
}

export function storageInit(): R<StorageState> {
  return {
    state: { kind: 'storage', newest: 0, accepted: 0, rejected: 0, staleAccepted: 0, last: null },
    lines: [],
    note: 'the protected storage starts empty',
  };
}

/** Fencing: a write older than the newest revision seen is rejected (with fencing on). */
export function storageWrite(s: StorageState, from: NodeId, m: Write, p: LeaseParams): R<StorageState> {
  const stale = m.revision < s.newest;
  if (stale && p.fencing === 'on')
    return {
      state: { ...s, rejected: s.rejected + 1, last: { from, revision: m.revision, stale, ok: false } },
      lines: L('storage', 'storage.reject'),
      note: `the storage rejects the write of ${from}: its revision ${m.revision} is older than ${s.newest}`,
    };
  return {
    state: {
      ...s,
      newest: Math.max(s.newest, m.revision),
      accepted: s.accepted + 1,
      staleAccepted: s.staleAccepted + (stale ? 1 : 0),
      last: { from, revision: m.revision, stale, ok: true },
    },
    lines: L('storage', 'storage.accept'),
    note: stale
      ? `the storage accepts a STALE write of ${from} (revision ${m.revision} < ${s.newest}): fencing is off`
      : `the storage accepts the write of ${from} (revision ${m.revision})`,
  };
}
