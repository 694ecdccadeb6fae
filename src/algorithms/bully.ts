import type { Algorithm, NodeCtx, NodeId, Reaction, Role } from '../engine/types';
import { coordTimeout, detectorAt, noticeTimers, okTimeout, parseTimer, timerName } from './bully-failure';

/**
 * The Bully algorithm (Garcia-Molina 1982) in its textbook ELECTION / OK / COORDINATOR form
 * (Coulouris et al. §15.3), on a complete graph where every process knows every id (C10).
 *
 * - The detector (params.initiator, else the lowest live id) starts at time 0: ELECTION to every
 *   higher id, crashed ones included (they count as sent; the engine drops them), then waits T_ok.
 * - A receiver of ELECTION answers OK and, unless it has already started in this election or knows
 *   a higher coordinator, starts its own. A process starts at most once per election.
 * - No OK within T_ok: the process declares itself, COORDINATOR to every lower id (or every other id).
 *   A process with no higher id declares at once. After an OK a process waits T_coord for
 *   COORDINATOR and, if none comes, starts a new election (the textbook's second timeout).
 *
 * Crashes during the run (the failure-detector model): when a process crashes at time t, the
 * detector of that moment (params.initiator if it is alive, else the lowest live id) notices at
 * t + T_ok, through a timer set at start-up from the crash schedule. If the crashed process is the
 * coordinator it knows, it opens a new election. Messages carry the election's epoch (how many
 * elections were opened after the first) so that a process joins a newer election afresh — it may
 * start again, and forgets the dead coordinator — and ignores late messages of an older one.
 */
export interface BullyState {
  u: NodeId;
  /** The election this process takes part in: 0 at start, +1 for each election opened after it. */
  epoch: number;
  /** It has started its own election in this epoch (at most once per epoch). */
  started: boolean;
  /** A higher process answered OK in this epoch: it steps back and waits for COORDINATOR. */
  okReceived: boolean;
  /** The coordinator it knows in this epoch (itself once it declares). */
  coordinator: NodeId | null;
}

export interface BullyMsg {
  kind: 'election' | 'ok' | 'coordinator';
  /** The sender (ELECTION, OK) or the new coordinator (COORDINATOR). */
  uid: NodeId;
  epoch: number;
}

export interface BullyParams {
  initiator: NodeId | null; // the process that detects the failure and starts; null = lowest live id (C4)
  coordinatorTo: 'lower' | 'all'; // COORDINATOR to every lower id (textbook) or every other id (C10)
  excludeKnownCrashed: boolean; // the detector skips the coordinator it knows has crashed (Coulouris' n−2)
}

const pseudocode = [
  'on start: only the detector starts an election; the others wait',
  'procedure election:',
  '  started := true; send ELECTION to every higher id',
  '  if there is no higher id: declare',
  '  else: wait T_ok for an OK (timer ok-timeout)',
  'procedure declare:',
  '  coordinator := u; send COORDINATOR(u) to every lower id',
  'on receive ELECTION from a lower id j:',
  '  send OK to j',
  '  if it opens a newer election: join it, forget the coordinator',
  '  if not started and no higher coordinator known: election',
  'on receive OK:',
  '  okReceived := true (a higher process takes over)',
  'on receive COORDINATOR(c):',
  '  coordinator := c: the election is over',
  'on ok-timeout:',
  '  if no OK came: declare',
  '  else if no COORDINATOR yet: wait T_coord (timer coord-timeout)',
  'on coord-timeout:',
  '  if still no COORDINATOR: open a new election',
  'on noticing a crash (T_ok after it):',
  '  if it was the coordinator: open a new election',
  'a message or timer of an older election: ignore it',
];

const L = {
  start: 0,
  election: [1, 2],
  declareNow: 3,
  waitOk: 4,
  declare: [5, 6],
  onElection: [7, 8],
  join: 9,
  startOnElection: 10,
  onOk: [11, 12],
  onCoordinator: [13, 14],
  onOkTimeout: 15,
  declareOnTimeout: 16,
  waitCoord: 17,
  onCoordTimeout: 18,
  restart: 19,
  onNotice: 20,
  newElection: 21,
  stale: 22,
};

type R = Reaction<BullyState, BullyMsg>;
type Sends = { to: NodeId; msg: BullyMsg }[];

/** Starts this process's election in state s (already in the right epoch); `skip` is left out. */
function election(s: BullyState, ctx: NodeCtx, params: BullyParams, skip: NodeId | null): R {
  const higher = ctx.allIds.filter((id) => id > s.u && id !== skip);
  const started = { ...s, started: true, okReceived: false };
  if (higher.length === 0) {
    const d = declare(started, ctx, params);
    return { ...d, lines: [...L.election, L.declareNow, ...d.lines!] };
  }
  const send: Sends = higher.map((to) => ({ to, msg: { kind: 'election', uid: s.u, epoch: s.epoch } }));
  return {
    state: started,
    send,
    timers: [{ name: timerName('ok-timeout', s.epoch), after: okTimeout(ctx) }],
    lines: [...L.election, L.waitOk],
    note: ctx.narrate
      ? `${s.u} sends ELECTION to ${list(higher)} and waits ${wait(ctx, okTimeout(ctx))} for an OK`
      : '',
  };
}

function declare(s: BullyState, ctx: NodeCtx, params: BullyParams): R {
  const to = ctx.allIds.filter((id) => (params.coordinatorTo === 'all' ? id !== s.u : id < s.u));
  return {
    state: { ...s, coordinator: s.u },
    send: to.map((id) => ({ to: id, msg: { kind: 'coordinator', uid: s.u, epoch: s.epoch } })),
    lines: L.declare,
    note: !ctx.narrate
      ? ''
      : to.length > 0
        ? `${s.u} is the coordinator: it sends COORDINATOR(${s.u}) to ${list(to)}`
        : `${s.u} is the coordinator; there is nobody to tell`,
  };
}

/** Opens election epoch s.epoch + 1 at this process (after a crash or a coordinator timeout). */
function newElection(s: BullyState, ctx: NodeCtx, params: BullyParams, skip: NodeId | null): R {
  return election(fresh(s, s.epoch + 1), ctx, params, skip);
}

/** The state on joining election `epoch`: nothing started, nothing heard, no coordinator. */
function fresh(s: BullyState, epoch: number): BullyState {
  return { ...s, epoch, started: false, okReceived: false, coordinator: null };
}

function wait(ctx: NodeCtx, t: number): string {
  return ctx.mode === 'sync' ? `${t} rounds` : `${t} time units`;
}

function list(ids: readonly NodeId[]): string {
  return ids.length === 1 ? String(ids[0]) : ids.join(', ');
}

/** Puts the lines and the reason of the caller in front of a procedure's reaction. */
function prefixed(r: R, lines: number[], note: string): R {
  return {
    ...r,
    lines: [...lines, ...(r.lines ?? [])],
    note: r.note ? `${note}; ${r.note}` : (r.note ?? ''),
  };
}

export const bully: Algorithm<BullyState, BullyMsg, BullyParams> = {
  id: 'bully',
  name: 'Bully (Garcia-Molina)',
  summary: 'The highest live id bullies its way in: ELECTION up, OK down, COORDINATOR to all below.',
  topologies: ['complete'],
  kinds: ['election', 'ok', 'coordinator'],
  defaults: { initiator: null, coordinatorTo: 'lower', excludeKnownCrashed: false },
  pseudocode,

  init(ctx, params) {
    const s: BullyState = { u: ctx.id, epoch: 0, started: false, okReceived: false, coordinator: null };
    const notice = noticeTimers(ctx, params.initiator);
    const detector = detectorAt(ctx, params.initiator, 0);
    if (detector !== ctx.id) {
      const r: R = { state: s, lines: [L.start], note: `${ctx.id} waits: ${detector} is the detector` };
      return notice.length ? { ...r, timers: notice } : r;
    }
    // Coulouris' variant: the detector knows the top process is down and does not ask it.
    const top = ctx.allIds[ctx.allIds.length - 1]!;
    const skip = params.excludeKnownCrashed && ctx.crashedAtStart.has(top) ? top : null;
    const r = election(s, ctx, params, skip);
    const why =
      skip === null
        ? `${ctx.id} is the detector and starts an election`
        : `${ctx.id} is the detector and starts an election, skipping ${skip}, known to have crashed`;
    return {
      ...prefixed(r, [L.start], why),
      timers: [...(r.timers ?? []), ...notice],
    };
  },

  onMessage(s, from, msg, ctx, params) {
    if (msg.kind === 'election') {
      const ok: Sends = [{ to: from, msg: { kind: 'ok', uid: s.u, epoch: msg.epoch } }];
      if (msg.epoch < s.epoch) {
        return {
          state: s,
          send: ok,
          lines: [...L.onElection, L.stale],
          note: `${s.u} answers OK to ${from}, whose ELECTION belongs to an older election`,
        };
      }
      const joined = msg.epoch > s.epoch ? fresh(s, msg.epoch) : s;
      const joinLines = msg.epoch > s.epoch ? [L.join] : [];
      const higherKnown = joined.coordinator !== null && joined.coordinator > s.u;
      if (joined.started || higherKnown) {
        return {
          state: joined,
          send: ok,
          lines: [...L.onElection, ...joinLines],
          note: joined.started
            ? `${s.u} answers OK to ${from}; it has already started its own election`
            : `${s.u} answers OK to ${from}; it knows the higher coordinator ${joined.coordinator}, so it does not start`,
        };
      }
      const r = election(joined, ctx, params, null);
      return {
        ...r,
        send: [...ok, ...(r.send ?? [])],
        lines: [...L.onElection, ...joinLines, L.startOnElection, ...r.lines!],
        note: ctx.narrate ? `${s.u} answers OK to ${from} and starts its own election; ${r.note}` : '',
      };
    }

    if (msg.epoch < s.epoch) {
      return {
        state: s,
        lines: [msg.kind === 'ok' ? L.onOk[0]! : L.onCoordinator[0]!, L.stale],
        note: `${s.u} ignores ${msg.kind.toUpperCase()} from ${from}: it belongs to an older election`,
      };
    }

    if (msg.kind === 'ok') {
      return {
        state: { ...s, okReceived: true },
        lines: L.onOk,
        note: s.okReceived
          ? `${s.u} gets another OK, from ${from}`
          : `${s.u} gets OK from ${from}: a higher process takes over, ${s.u} waits for COORDINATOR`,
      };
    }

    const joined = msg.epoch > s.epoch ? fresh(s, msg.epoch) : s;
    return {
      state: { ...joined, coordinator: msg.uid },
      lines: L.onCoordinator,
      note: `${s.u} learns that ${msg.uid} is the coordinator`,
    };
  },

  onTimer(s, name, ctx, params) {
    const t = parseTimer(name);
    if (t.base === 'notice') {
      const x = t.crashed!;
      if (s.coordinator !== x) {
        return {
          state: s,
          lines: [L.onNotice],
          note: `${s.u} notices that ${x} has crashed; ${x} was not its coordinator, nothing to do`,
        };
      }
      const skip = params.excludeKnownCrashed ? x : null;
      return prefixed(
        newElection(s, ctx, params, skip),
        [L.onNotice, L.newElection],
        `${s.u} notices that the coordinator ${x} has crashed and opens a new election`,
      );
    }
    if (t.epoch !== s.epoch) {
      const line = t.base === 'ok-timeout' ? L.onOkTimeout : L.onCoordTimeout;
      return { state: s, lines: [line, L.stale], note: `${s.u}: ${name} belongs to an older election` };
    }
    if (t.base === 'ok-timeout') {
      if (s.coordinator !== null) {
        return {
          state: s,
          lines: [L.onOkTimeout],
          note: `${s.u}: ok-timeout, but it already knows the coordinator ${s.coordinator}`,
        };
      }
      if (!s.okReceived) {
        return prefixed(declare(s, ctx, params), [L.onOkTimeout, L.declareOnTimeout], `${s.u}: no OK came`);
      }
      return {
        state: s,
        timers: [{ name: timerName('coord-timeout', s.epoch), after: coordTimeout(ctx) }],
        lines: [L.onOkTimeout, L.waitCoord],
        note: `${s.u} got an OK but no COORDINATOR yet: it waits ${wait(ctx, coordTimeout(ctx))} more`,
      };
    }
    if (s.coordinator !== null) {
      return {
        state: s,
        lines: [L.onCoordTimeout],
        note: `${s.u}: coord-timeout, the coordinator ${s.coordinator} is known`,
      };
    }
    return prefixed(
      newElection(s, ctx, params, null),
      [L.onCoordTimeout, L.restart],
      `${s.u}: no COORDINATOR came after the OK, so it opens a new election`,
    );
  },

  role(s): Role {
    if (s.coordinator === s.u) return 'leader';
    if (s.coordinator !== null) return 'nonLeader';
    if (s.started && !s.okReceived) return 'candidate';
    return 'idle';
  },

  describe(s) {
    return {
      u: s.u,
      election: s.epoch === 0 ? 'first' : `after ${s.epoch} restart${s.epoch > 1 ? 's' : ''}`,
      started: s.started,
      'OK received': s.okReceived,
      coordinator: s.coordinator ?? '—',
      'failure model': 'the detector notices a crash T_ok after it',
    };
  },

  result(states) {
    // The last coordinator declared that is alive: the self-declared one of the newest election.
    let best: BullyState | null = null;
    for (const s of states as readonly (BullyState | null)[]) {
      if (s === null || s.coordinator !== s.u) continue;
      if (best === null || s.epoch > best.epoch || (s.epoch === best.epoch && s.u > best.u)) best = s;
    }
    return { leader: best?.u ?? null };
  },

  label(msg) {
    return `${msg.kind}(${msg.uid})${msg.epoch > 0 ? ` e${msg.epoch}` : ''}`;
  },

  bound(n) {
    // Worst case: no crash, the lowest id detects — every process above it starts (C10, §1.5).
    return { value: n * n - 1, formula: 'n² − 1 (no crash, the lowest id detects)', exact: false };
  },
};
