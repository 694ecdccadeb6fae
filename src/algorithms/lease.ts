import type { NodeCtx, NodeId, Reaction, Role } from '../engine/types';
import { defineAlgorithm, formula, lower } from './contract';
import { LeaseMonitor } from './lease-monitor';
import {
  checkLeaseParams,
  driftParam,
  fencingParam,
  leaseParam,
  leaseUntilOf,
  pauseParam,
  renewParam,
  retryParam,
  untilParam,
  type LeaseParams,
} from './lease-params';
import { storageInit, storageWrite, storeCas, storeExpire, storeInit } from './lease-services';
import {
  code,
  L,
  type CandidateState,
  type CandidateTimer,
  type Late,
  type LeaseMsg,
  type LeaseState,
  type LeaseTimer,
} from './lease-types';
import { LEASE_SPLIT_BRAIN } from './lease-experiment';

/**
 * Lease-based leader election against a coordination store (§1.12 of docs/algorithms.md), as
 * Kubernetes' client-go leader election, etcd or Consul clients do it: candidates acquire a lease key
 * by compare-and-swap on its resource version, the holder renews every retry period and gives up
 * after the renew deadline, the others retry. Each candidate has a local clock with a rate (drift) and
 * may be paused; a protected storage takes the leader's writes, fencing them by lease revision.
 */

type R = Reaction<LeaseState, LeaseMsg, LeaseTimer>;

/** Each live candidate sends a CAS at start and the store answers it. */
export const LEASE_LEAST = formula('2n', (n) => 2 * n);

const STORE = 0;
const STORAGE = 1;
const serviceOf = (node: NodeCtx): number => node.services?.indexOf(node.id) ?? -1;
const storeId = (node: NodeCtx): NodeId => node.services![STORE]!;
const storageId = (node: NodeCtx): NodeId => node.services![STORAGE]!;

/** Real time units a local duration takes on a clock of this rate (at least 1: time is whole). */
const real = (local: number, rate: number): number => Math.max(1, Math.ceil(local / rate));

function rateOf(id: NodeId, p: LeaseParams): number {
  return p.drift.find((d) => d.id === id)?.rate ?? 1;
}

/** One compare-and-swap attempt, with the renew deadline that counts if it succeeds. */
function attempt(s: CandidateState, node: NodeCtx, p: LeaseParams) {
  const n = s.attempt + 1;
  return {
    state: { ...s, attempt: n },
    send: [{ to: storeId(node), msg: { kind: 'cas', attempt: n, expect: s.version } as LeaseMsg }],
    timers: [
      { timer: { kind: 'retry' } as LeaseTimer, after: real(p.retry, s.rate) },
      { timer: { kind: 'deadline', attempt: n } as LeaseTimer, after: real(p.renew, s.rate) },
    ],
  };
}

function fresh(node: NodeCtx, p: LeaseParams): CandidateState {
  return {
    kind: 'candidate',
    u: node.id,
    rate: rateOf(node.id, p),
    leading: false,
    token: null,
    version: 0,
    holder: null,
    attempt: 0,
    heldFor: 0,
    paused: false,
    stash: [],
    writes: 0,
  };
}

function candidateTimer(s: CandidateState, t: CandidateTimer, node: NodeCtx, p: LeaseParams): R {
  if (s.paused && t.kind !== 'resume') {
    return {
      state: { ...s, stash: [...s.stash, { timer: t }] },
      lines: L('pause'),
      note: `${s.u} is paused: its ${t.kind} timer falls due and waits`,
    };
  }
  switch (t.kind) {
    case 'retry': {
      const a = attempt(s, node, p);
      if (!s.leading)
        return {
          ...a,
          lines: L('retry', 'retry.cas'),
          note: node.narrate ? `${s.u} tries to acquire the lease (CAS on version ${s.version})` : '',
        };
      // "Check my lease, then one time unit later write": a pause may fall between the two.
      return {
        ...a,
        timers: [...a.timers, { timer: { kind: 'write', revision: s.token! }, after: real(1, s.rate) }],
        lines: L('retry', 'retry.cas', 'retry.check'),
        note: node.narrate
          ? `${s.u} renews its lease (revision ${s.token}) and, its lease valid, will write in 1`
          : '',
      };
    }
    case 'write':
      return {
        state: { ...s, writes: s.writes + 1 },
        send: [{ to: storageId(node), msg: { kind: 'write', revision: t.revision } }],
        lines: L('write'),
        note: `${s.u} writes to the storage with lease revision ${t.revision}${s.leading ? '' : ' — it no longer holds the lease'}`,
      };
    case 'deadline':
      return {
        state: { ...s, leading: false, token: null, holder: null },
        lines: L('deadline'),
        note: `${s.u} has not renewed within the renew deadline (${p.renew} on its clock): it gives up the lease`,
      };
    case 'pause':
      return {
        state: { ...s, paused: true },
        timers: [{ timer: { kind: 'resume' }, after: t.duration }],
        lines: L('pause'),
        note: `${s.u} pauses (a GC pause, a stalled VM) for ${t.duration}${s.leading ? ', believing it holds the lease' : ''}`,
      };
    case 'resume': {
      // Each waiting event becomes a step of its own at this same time, oldest first.
      const waited = s.stash.map((late) => ({ timer: { kind: 'late', late } as LeaseTimer, after: 0 }));
      return {
        state: { ...s, paused: false, stash: [] },
        timers: waited,
        lines: L('resume'),
        note: `${s.u} resumes after its pause; ${waited.length} event${waited.length === 1 ? '' : 's'} waited`,
      };
    }
  }
}

function candidateMessage(s: CandidateState, from: NodeId, m: LeaseMsg): R {
  if (s.paused)
    return {
      state: { ...s, stash: [...s.stash, { from, msg: m }] },
      lines: L('pause'),
      note: `${s.u} is paused: the ${m.kind} of ${from} waits`,
    };
  if (m.kind === 'casok') {
    const acquired = !s.leading || s.token !== m.revision;
    return {
      state: { ...s, leading: true, token: m.revision, version: m.version, holder: s.u, heldFor: m.attempt },
      lines: L('ok'),
      note: acquired
        ? `${s.u} acquires the lease: revision ${m.revision}, it leads`
        : `${s.u} has renewed its lease (version ${m.version})`,
    };
  }
  if (m.kind === 'casfail') {
    const lose = s.leading && m.holder !== s.u;
    const state: CandidateState = {
      ...s,
      version: m.version,
      holder: m.holder,
      ...(lose ? { leading: false, token: null } : {}),
    };
    return {
      state,
      lines: lose ? L('fail', 'fail.lose') : L('fail'),
      note: lose
        ? `${s.u} learns that ${m.holder ?? 'nobody'} holds the lease now: it steps down`
        : `${s.u}: the lease is ${m.holder === null ? 'free' : `held by ${m.holder}`} at version ${m.version}`,
    };
  }
  return { state: s, lines: [], note: `${s.u} ignores a ${m.kind}` };
}

/** A late event at resume is handled as it would have been. */
function late(s: CandidateState, x: Late, node: NodeCtx, p: LeaseParams): R {
  const r = 'timer' in x ? candidateTimer(s, x.timer, node, p) : candidateMessage(s, x.from, x.msg);
  return { ...r, note: `late, after the pause: ${r.note}` };
}

/** Timers a renewal or a step-down has made moot: dropped without a step, as a process cancels them. */
function cancelled(s: LeaseState, t: LeaseTimer): boolean {
  if (t.kind === 'late') return 'timer' in t.late ? cancelled(s, t.late.timer) : false;
  if (t.kind === 'expire') return s.kind !== 'store' || s.holder === null || s.version !== t.version;
  // A later successful attempt moves the deadline on; an attempt not answered yet may still succeed
  // (its answer can wait out a pause), so its deadline stands until then.
  if (t.kind === 'deadline') return s.kind !== 'candidate' || !s.leading || s.heldFor > t.attempt;
  return false;
}

export const lease = defineAlgorithm<LeaseState, LeaseMsg, LeaseParams, LeaseTimer>({
  id: 'lease',
  name: 'Lease-based leader election',
  shortName: 'Lease',
  summary:
    'Candidates compete for a lease key in a coordination store by compare-and-swap; the holder renews it every retry period and gives up after the renew deadline; a paused or drifting holder can act on an expired lease unless the storage checks a fencing token.',
  underDuplicates:
    "Tolerates duplicates in the runs tried: the store's compare-and-swap turns a repeated request into one that fails, so a copy never grants a second lease; the monitor found no split brain.",
  citation:
    'Kubernetes client-go leaderelection (lease 15 s, renew deadline 10 s, retry 2 s); Kleppmann, How to do distributed locking (2016) on fencing tokens',
  topologies: ['complete'],
  requires: 'candidates that talk only to the store and the storage (added as two extra nodes)',
  services: ['store', 'storage'],
  kinds: ['cas', 'casok', 'casfail', 'write'],
  roles: ['candidate', 'leader', 'nonLeader', 'relay'],
  faults: true,
  timed: 'a lease runs out with time, so when messages arrive matters, not only their order',
  params: {
    lease: leaseParam,
    renew: renewParam,
    retry: retryParam,
    fencing: fencingParam,
    drift: driftParam,
    pause: pauseParam,
    until: untilParam,
  },
  checkParams: checkLeaseParams,
  code,
  counts: {
    bound: { ...formula('∞', () => Infinity), note: 'renewals and retries go on until the run stops' },
    // Every candidate's first CAS and the store's answer to it.
    curves: () => [lower(LEASE_LEAST)],
  },
  presets: [
    {
      id: 'lease-steady',
      title: 'Lease: one holder renews',
      watch:
        "3's CAS reaches the store first: it holds lease revision 1 from time 7 and renews it every 20; 1 and 2 retry every 20 and are told 3 holds it, so the leader never changes.",
      link: 'v=1&alg=lease&n=3&ids=asc&mode=async&until=300',
    },
    {
      id: 'lease-pause-unfenced',
      title: 'Lease: a paused holder writes late (no fencing)',
      watch:
        'Holder 3 checks its lease at 100 and pauses at 101 before writing; its lease expires at the store at 259 and 1 leads revision 2 from 272; 3 resumes at 401 and its revision-1 writes reach the storage at 411 and are accepted: split brain for 129 time units, 2 stale writes.',
      link: 'v=1&alg=lease&n=3&ids=asc&mode=async&until=600&fencing=off&pause=3@101:300',
    },
    {
      id: 'lease-pause-fenced',
      title: 'Lease: the same pause, fenced',
      watch:
        'The same pause of holder 3 from 101 to 401, but each write carries its lease revision: the storage has seen revision 2 from 1, so at 411 it rejects both revision-1 writes of 3.',
      link: 'v=1&alg=lease&n=3&ids=asc&mode=async&until=600&fencing=on&pause=3@101:300',
    },
  ],
  until: leaseUntilOf,
  systemExperiment: LEASE_SPLIT_BRAIN,
  // At most one leader per lease revision, by the store's compare-and-swap; two revisions believed at
  // once is the split brain, which the run monitor reports with its duration.
  term: (s) => (s.kind === 'candidate' ? (s.token ?? 0) : 0),
  timerCancelled: cancelled,
  timerLabel: (t) =>
    t.kind === 'late' ? `late ${'timer' in t.late ? t.late.timer.kind : t.late.msg.kind}` : t.kind,
  monitor: () => new LeaseMonitor(),
  drawing: {
    badge(s) {
      if (s.kind === 'store') return s.holder === null ? 'key free' : `holder ${s.last}`;
      if (s.kind === 'storage') {
        const w = s.last;
        if (w === null) return 'no writes';
        return w.ok
          ? `${w.stale ? 'STALE ' : ''}✓ r${w.revision} from ${w.from}`
          : `✗ r${w.revision} < r${s.newest}`;
      }
      if (s.paused) return `⏸ paused${s.leading ? ` r${s.token}` : ''}`;
      return s.leading ? `r${s.token}` : null;
    },
    group(s) {
      if (s.kind === 'candidate' && s.paused) return { key: 'paused', label: 'paused (handles nothing)' };
      if (s.kind === 'storage' && s.last?.stale)
        return s.last.ok
          ? { key: 'stale', label: 'stale write accepted' }
          : { key: 'rejected', label: 'stale write rejected' };
      return null;
    },
    // The lease's remaining time: the holder's renew deadline on its own clock, the key's TTL at the
    // store, and a pause running out; the retry tick is not drawn.
    waits: true,
    waitShown: (t, s) => {
      const x = t as LeaseTimer;
      if (x.kind === 'deadline') return s.kind === 'candidate' && s.heldFor === x.attempt;
      return x.kind === 'expire' || x.kind === 'resume';
    },
  },

  init(node, p) {
    const which = serviceOf(node);
    if (which === STORE) return storeInit();
    if (which === STORAGE) return storageInit();
    const s = fresh(node, p);
    const a = attempt(s, node, p);
    const pauses = p.pause
      .filter((x) => x.id === node.id)
      .map((x) => ({ timer: { kind: 'pause', duration: x.duration } as LeaseTimer, after: x.at }));
    return {
      ...a,
      timers: [...pauses, ...a.timers],
      lines: L('start', 'retry.cas'),
      note: `${node.id} starts (clock rate ${s.rate}) and tries to acquire the lease`,
    };
  },

  recover(s, node, p) {
    // The store and the storage keep their data (as a persistent store does); a candidate starts afresh.
    if (s.kind === 'store')
      return {
        state: s,
        timers: s.holder === null ? [] : [{ timer: { kind: 'expire', version: s.version }, after: p.lease }],
        note: 'the store comes back with its data; a held lease gets its full TTL again',
      };
    if (s.kind === 'storage') return { state: s, note: 'the storage comes back with its data' };
    const a = attempt(fresh(node, p), node, p);
    return {
      ...a,
      lines: L('start', 'retry.cas'),
      note: `${node.id} starts afresh and tries to acquire the lease`,
    };
  },

  onMessage(s, from, m, node, p) {
    if (s.kind === 'store') return m.kind === 'cas' ? storeCas(s, from, m, p) : { state: s };
    if (s.kind === 'storage') return m.kind === 'write' ? storageWrite(s, from, m, p) : { state: s };
    return candidateMessage(s, from, m);
  },

  onTimer(s, t, node, p) {
    if (s.kind === 'store') return t.kind === 'expire' ? storeExpire(s) : { state: s };
    if (s.kind === 'storage') return { state: s };
    if (t.kind === 'late') return late(s, t.late, node, p);
    if (t.kind === 'expire') return { state: s };
    return candidateTimer(s, t, node, p);
  },

  role(s): Role {
    if (s.kind !== 'candidate') return 'relay';
    if (s.leading) return 'leader';
    return s.holder === null ? 'candidate' : 'nonLeader';
  },

  describe(s) {
    if (s.kind === 'store')
      return { node: 'store', holder: s.holder ?? 'none', version: s.version, revision: s.revision };
    if (s.kind === 'storage')
      return {
        node: 'storage',
        'newest revision': s.newest,
        accepted: s.accepted,
        rejected: s.rejected,
        'stale accepted': s.staleAccepted,
      };
    return {
      u: s.u,
      'clock rate': s.rate,
      leading: s.leading,
      revision: s.token ?? '—',
      'version seen': s.version,
      holder: s.holder ?? '—',
      paused: s.paused,
      waiting: s.stash.length,
      writes: s.writes,
    };
  },

  result(states) {
    // The candidate leading at the end; should two believe they lead (split brain), the newer revision.
    let best: CandidateState | null = null;
    for (const s of states as readonly (LeaseState | null)[])
      if (s?.kind === 'candidate' && s.leading && (best === null || s.token! > best.token!)) best = s;
    return { leader: best?.u ?? null };
  },

  label(m) {
    if (m.kind === 'cas') return `CAS(v${m.expect})`;
    if (m.kind === 'casok') return `OK(v${m.version}, r${m.revision})`;
    if (m.kind === 'casfail') return `Fail(v${m.version}, ${m.holder ?? 'free'})`;
    return `Write(r${m.revision})`;
  },
});
