import { Prng } from '../engine/prng';
import type { NodeCtx, NodeId, Reaction, Role } from '../engine/types';
import {
  bullyDetector,
  bullyTimerLabel,
  coordTimeout,
  detectorAmong,
  okTimeout,
  type BullyTimer,
} from './bully-failure';
import { choiceParam, flagParam, idParam } from './params';
import { defineAlgorithm, formula, mean, upper, exact, type CurveSpec, type OrderName } from './contract';
import { pseudocode } from './pseudocode';

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
 * Crashes during the run (the engine's failure-detector service, bully-failure.ts): when a process
 * crashes at time t, the detector alive at t + T_ok (params.initiator if it is alive, else the lowest
 * live id) notices then. If the crashed process is the coordinator it knows, it opens a new election.
 * Messages and timers carry the election's epoch (how many elections were opened after the first) so
 * that a process joins a newer election afresh — it may start again, and forgets the dead
 * coordinator — and ignores late messages of an older one.
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
  /**
   * Set while it runs the election it opened on recovering from a crash: it cannot know the epoch the
   * others reached while it was down, so its messages say so (`back`).
   */
  back?: true;
}

export interface BullyMsg {
  kind: 'election' | 'ok' | 'coordinator';
  /** The sender (ELECTION, OK) or the new coordinator (COORDINATOR). */
  uid: NodeId;
  epoch: number;
  /**
   * Sent in an election opened by a process back from a crash: a receiver that is at this epoch or
   * later takes it as opening its next one (absent in every run without a recovery).
   */
  back?: true;
}

export interface BullyParams {
  initiator: NodeId | null; // the process that detects the failure and starts; null = lowest live id (C4)
  coordinatorTo: 'lower' | 'all'; // COORDINATOR to every lower id (textbook) or every other id (C10)
  excludeKnownCrashed: boolean; // the detector skips the coordinator it knows has crashed (Coulouris' n−2)
}

const code = pseudocode([
  ['start', 'on start: only the detector starts an election; the others wait'],
  ['election', 'procedure election:'],
  ['election.send', '  started := true; send ELECTION to every higher id'],
  ['election.declareNow', '  if there is no higher id: declare'],
  ['election.waitOk', '  else: wait T_ok for an OK (timer ok-timeout)'],
  ['declare', 'procedure declare:'],
  ['declare.send', '  coordinator := u; send COORDINATOR(u) to every lower id'],
  ['onElection', 'on receive ELECTION from a lower id j:'],
  ['onElection.ok', '  send OK to j'],
  ['onElection.join', '  if it opens a newer election: join it, forget the coordinator'],
  ['onElection.start', '  if not started and no higher coordinator known: election'],
  ['onOk', 'on receive OK:'],
  ['onOk.set', '  okReceived := true (a higher process takes over)'],
  ['onCoordinator', 'on receive COORDINATOR(c):'],
  ['onCoordinator.set', '  coordinator := c: the election is over'],
  ['okTimeout', 'on ok-timeout:'],
  ['okTimeout.declare', '  if no OK came: declare'],
  ['okTimeout.wait', '  else if no COORDINATOR yet: wait T_coord (timer coord-timeout)'],
  ['coordTimeout', 'on coord-timeout:'],
  ['coordTimeout.restart', '  if still no COORDINATOR: open a new election'],
  ['notice', 'on noticing a crash (T_ok after it; the detector alive then notices):'],
  ['notice.restart', '  if it was the coordinator: open a new election'],
  ['stale', 'a message or timer of an older election: ignore it'],
  ['lastLook', 'the run has gone quiet and its coordinator crashed or never came: new election'],
  [
    'recover',
    'on recovery: election (its messages are marked back: for every receiver they open a newer election)',
  ],
  ['onBack', 'a message marked back, of an election not newer than its own: take it as the next election'],
]);

const L = code.lines;

type R = Reaction<BullyState, BullyMsg, BullyTimer>;
type Sends = { to: NodeId; msg: BullyMsg }[];

/** Starts this process's election in state s (already in the right epoch); `skip` is left out. */
function election(s: BullyState, ctx: NodeCtx, params: BullyParams, skip: NodeId | null): R {
  const higher = ctx.allIds.filter((id) => id > s.u && id !== skip);
  const started = { ...s, started: true, okReceived: false };
  if (higher.length === 0) {
    const d = declare(started, ctx, params);
    return { ...d, lines: [...L('election', 'election.send', 'election.declareNow'), ...d.lines!] };
  }
  const send: Sends = higher.map((to) => ({
    to,
    msg: { kind: 'election', uid: s.u, epoch: s.epoch, ...mark(s) },
  }));
  return {
    state: started,
    send,
    timers: [{ timer: { kind: 'ok-timeout', epoch: s.epoch }, after: okTimeout(ctx) }],
    lines: L('election', 'election.send', 'election.waitOk'),
    note: ctx.narrate
      ? `${s.u} sends ELECTION to ${list(higher)} and waits ${wait(ctx, okTimeout(ctx))} for an OK`
      : '',
  };
}

function declare(s: BullyState, ctx: NodeCtx, params: BullyParams): R {
  const to = ctx.allIds.filter((id) => (params.coordinatorTo === 'all' ? id !== s.u : id < s.u));
  return {
    state: { ...s, coordinator: s.u },
    send: to.map((id) => ({ to: id, msg: { kind: 'coordinator', uid: s.u, epoch: s.epoch, ...mark(s) } })),
    lines: L('declare', 'declare.send'),
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
  return { u: s.u, epoch, started: false, okReceived: false, coordinator: null };
}

/** The mark a recovered process's election puts on its messages (nothing otherwise: same payloads). */
const mark = (s: BullyState): { back?: true } => (s.back ? { back: true } : {});

/**
 * A process back from a crash holds an election (Garcia-Molina; Coulouris §15.3): the highest live id
 * thereby takes over again. It keeps nothing but its id, and opens the epoch after the one it knew.
 */
function comeBack(u: NodeId, epoch: number, ctx: NodeCtx, params: BullyParams): R {
  const s: BullyState = { u, epoch, started: false, okReceived: false, coordinator: null, back: true };
  return prefixed(election(s, ctx, params, null), L('recover'), `${u} is back and holds an election`);
}

function wait(ctx: NodeCtx, t: number): string {
  return ctx.mode === 'sync' ? `${t} rounds` : `${t} time units`;
}

function list(ids: readonly NodeId[]): string {
  return ids.length === 1 ? String(ids[0]) : ids.join(', ');
}

/** Puts the lines and the reason of the caller in front of a procedure's reaction. */
function prefixed(r: R, lines: readonly number[], note: string): R {
  return {
    ...r,
    lines: [...lines, ...(r.lines ?? [])],
    note: r.note ? `${note}; ${r.note}` : (r.note ?? ''),
  };
}

/** A message's step at a process (after a recovered process's mark is read, in onMessage). */
function receive(s: BullyState, from: NodeId, msg: BullyMsg, ctx: NodeCtx, params: BullyParams): R {
  if (msg.kind === 'election') {
    const ok: Sends = [{ to: from, msg: { kind: 'ok', uid: s.u, epoch: msg.epoch } }];
    if (msg.epoch < s.epoch) {
      return {
        state: s,
        send: ok,
        lines: L('onElection', 'onElection.ok', 'stale'),
        note: `${s.u} answers OK to ${from}, whose ELECTION belongs to an older election`,
      };
    }
    const joined = msg.epoch > s.epoch ? fresh(s, msg.epoch) : s;
    const joinLines = msg.epoch > s.epoch ? L('onElection.join') : [];
    const higherKnown = joined.coordinator !== null && joined.coordinator > s.u;
    if (joined.started || higherKnown) {
      return {
        state: joined,
        send: ok,
        lines: [...L('onElection', 'onElection.ok'), ...joinLines],
        note: joined.started
          ? `${s.u} answers OK to ${from}; it has already started its own election`
          : `${s.u} answers OK to ${from}; it knows the higher coordinator ${joined.coordinator}, so it does not start`,
      };
    }
    const r = election(joined, ctx, params, null);
    return {
      ...r,
      send: [...ok, ...(r.send ?? [])],
      lines: [...L('onElection', 'onElection.ok'), ...joinLines, ...L('onElection.start'), ...r.lines!],
      note: ctx.narrate ? `${s.u} answers OK to ${from} and starts its own election; ${r.note}` : '',
    };
  }

  if (msg.epoch < s.epoch) {
    return {
      state: s,
      lines: L(msg.kind === 'ok' ? 'onOk' : 'onCoordinator', 'stale'),
      note: `${s.u} ignores ${msg.kind.toUpperCase()} from ${from}: it belongs to an older election`,
    };
  }

  if (msg.kind === 'ok') {
    return {
      state: { ...s, okReceived: true },
      lines: L('onOk', 'onOk.set'),
      note: s.okReceived
        ? `${s.u} gets another OK, from ${from}`
        : `${s.u} gets OK from ${from}: a higher process takes over, ${s.u} waits for COORDINATOR`,
    };
  }

  const joined = msg.epoch > s.epoch ? fresh(s, msg.epoch) : s;
  return {
    state: { ...joined, coordinator: msg.uid },
    lines: L('onCoordinator', 'onCoordinator.set'),
    note: `${s.u} learns that ${msg.uid} is the coordinator`,
  };
}

/** §1.5, no crash: every process above the detector of rank k starts, so the lowest id detecting is the worst. */
export const BULLY_WORST = formula('n²−1', (n) => n * n - 1);
/** The highest id detects: it declares at once. */
export const BULLY_BEST = formula('n−1', (n) => n - 1);
/** The detector's rank k uniform in 1..n: the mean of (n−k+1)(n−k) + n − 1 over k. */
export const BULLY_MEAN = formula('(n²−1)/3 + n − 1', (n) => (n * n - 1) / 3 + n - 1);

/**
 * No crash: exact in sync; async sends at most as many (a process that knows a higher coordinator
 * does not start). With a random detector the sync mean over its rank is exact; an async run has no
 * mean formula, only the worst case as its bound.
 */
function bullyCurves(order: OrderName, mode: 'sync' | 'async'): CurveSpec[] {
  const k = mode === 'sync' ? exact : upper;
  if (order === 'best') return [k(BULLY_BEST)];
  if (order === 'random')
    return mode === 'sync' ? [mean(BULLY_MEAN), upper(BULLY_WORST)] : [upper(BULLY_WORST)];
  return [k(BULLY_WORST)];
}

export const bully = defineAlgorithm<BullyState, BullyMsg, BullyParams, BullyTimer>({
  id: 'bully',
  name: 'Bully (Garcia-Molina)',
  shortName: 'Bully',
  summary: 'The highest live id bullies its way in: ELECTION up, OK down, COORDINATOR to all below.',
  underLoss:
    'Assumes reliable channels and a perfect failure detector: a lost OK or COORDINATOR can leave two coordinators, or processes following the wrong one.',
  underDuplicates:
    'Tolerates duplicates: ELECTION, OK and COORDINATOR say the same thing twice, and a process that hears one again does what it already did.',
  citation:
    'Garcia-Molina, IEEE Trans. Computers C-31(1):48–59, 1982; textbook form as in Coulouris et al. §15.3',
  topologies: ['complete'],
  requires: 'a complete graph; every process knows every id',
  kinds: ['election', 'ok', 'coordinator'],
  roles: ['idle', 'candidate', 'leader', 'nonLeader'],
  faults: true,
  timed:
    'Bully decides by timeouts (T_ok, T_coord), so the time at which messages arrive matters, not only their order',
  params: {
    initiator: idParam({
      key: 'initiator',
      label: 'Detector (id; empty = lowest live id)',
      help: 'the process that detects the failure and starts (C4); default: the lowest live id',
      flag: '--initiator',
      placeholder: 'lowest live id',
      crashedRefusal: (id) => `initiator ${id} is crashed: a crashed process cannot detect anything`,
    }),
    coordinatorTo: choiceParam({
      key: 'coordinatorTo',
      label: 'COORDINATOR goes to',
      help: 'COORDINATOR to every lower id (textbook) or to all other ids (C10)',
      flag: '--coordinator-to',
      default: 'lower',
      choices: [
        { value: 'lower', label: 'lower ids (textbook)' },
        { value: 'all', label: 'all other ids' },
      ],
    }),
    excludeKnownCrashed: flagParam({
      key: 'excludeKnownCrashed',
      label: 'Detector skips the known-crashed coordinator',
      help: 'the detector does not send ELECTION to the coordinator it knows has crashed (Coulouris: n − 2)',
      default: false,
      cli: { flag: '--exclude-known-crashed' },
    }),
  },
  code,
  counts: {
    bound: { ...BULLY_WORST, note: 'no crash, the lowest id detects' },
    // A crash during the run opens a second election: the bound is the no-crash one (C10).
    holds: (faults) => faults.crashes.length === 0,
    curves: bullyCurves,
  },
  // The count depends only on the detector's rank k (§1.5), not on how ids sit in the complete graph.
  orders: {
    worst: {
      text: 'the lowest id detects the failure (k = 1): n² − 1 messages with no crash',
      arrange: () => ({ ids: 'asc' }),
    },
    best: {
      text: 'the highest id detects (k = n): it declares at once, n − 1 COORDINATOR messages',
      arrange: (n) => ({ ids: 'asc', initiator: String(n) }),
    },
    // random also draws the detector's rank from the seed, not only the ids
    random: { arrange: (n, seed) => ({ ids: 'random', initiator: String(new Prng(seed).int(1, n)) }) },
  },
  presets: [
    {
      id: 'bully-coordinator-crash',
      title: 'Bully: the coordinator crashes mid-run',
      watch:
        '8 wins the first election and crashes at time 3; process 1 notices one OK-timeout later and calls a second election, whose ELECTION messages to 8 are sent but lost, and 7 becomes coordinator.',
      link: 'v=1&alg=bully&n=8&ids=asc&mode=sync&crashes=8@3',
    },
    {
      id: 'bully-recovery',
      title: 'Bully: the old coordinator comes back and bullies its way in',
      watch:
        '6 leads from round 1 and crashes at 3; 5 takes over at round 8; 6 recovers at 12 and, being the highest id, declares at once — for one round 5 and 6 both believe they lead (red in the Leadership timeline, flagged by the monitor) until COORDINATOR(6) reaches 5 at 13: the leader changed twice.',
      link: 'v=1&alg=bully&n=6&ids=asc&mode=sync&crashes=6@3&recover=6@12',
    },
  ],
  timerLabel: bullyTimerLabel,
  failureDetector: bullyDetector,

  init(ctx, params) {
    // Only a recovery starts a process that was down from the start.
    if (!ctx.liveAtStart.includes(ctx.id)) return comeBack(ctx.id, 1, ctx, params);
    const s: BullyState = { u: ctx.id, epoch: 0, started: false, okReceived: false, coordinator: null };
    const detector = detectorAmong(ctx.liveAtStart, params.initiator);
    if (detector !== ctx.id)
      return { state: s, lines: L('start'), note: `${ctx.id} waits: ${detector} is the detector` };
    // Coulouris' variant: the detector knows the top process is down and does not ask it.
    const top = ctx.allIds[ctx.allIds.length - 1]!;
    const skip = params.excludeKnownCrashed && ctx.crashedAtStart.has(top) ? top : null;
    const why =
      skip === null
        ? `${ctx.id} is the detector and starts an election`
        : `${ctx.id} is the detector and starts an election, skipping ${skip}, known to have crashed`;
    return prefixed(election(s, ctx, params, skip), L('start'), why);
  },

  recover: (s, ctx, params) => comeBack(s.u, s.epoch + 1, ctx, params),

  onMessage(s, from, sent, ctx, params) {
    // The recovered process could not know the election the others reached: its message opens the
    // next one here.
    const back = sent.back === true && sent.epoch <= s.epoch;
    const msg: BullyMsg = back ? { ...sent, epoch: s.epoch + 1 } : sent;
    const r = receive(s, from, msg, ctx, params);
    return back ? { ...r, lines: [...L('onBack'), ...(r.lines ?? [])] } : r;
  },

  onSuspect(s, x, ctx, params) {
    if (x === null) {
      return prefixed(
        newElection(s, ctx, params, null),
        L('lastLook', 'notice.restart'),
        `nothing is left to happen and ${s.u} knows no coordinator: it opens a new election`,
      );
    }
    if (s.coordinator !== x) {
      return {
        state: s,
        lines: L('notice'),
        note: `${s.u} notices that ${x} has crashed; ${x} was not its coordinator, nothing to do`,
      };
    }
    const skip = params.excludeKnownCrashed ? x : null;
    return prefixed(
      newElection(s, ctx, params, skip),
      L('notice', 'notice.restart'),
      `${s.u} notices that the coordinator ${x} has crashed and opens a new election`,
    );
  },

  onTimer(s, t, ctx, params) {
    if (t.epoch !== s.epoch) {
      return {
        state: s,
        lines: L(t.kind === 'ok-timeout' ? 'okTimeout' : 'coordTimeout', 'stale'),
        note: `${s.u}: ${bullyTimerLabel(t)} belongs to an older election`,
      };
    }
    if (t.kind === 'ok-timeout') {
      if (s.coordinator !== null) {
        return {
          state: s,
          lines: L('okTimeout'),
          note: `${s.u}: ok-timeout, but it already knows the coordinator ${s.coordinator}`,
        };
      }
      if (!s.okReceived) {
        return prefixed(declare(s, ctx, params), L('okTimeout', 'okTimeout.declare'), `${s.u}: no OK came`);
      }
      return {
        state: s,
        timers: [{ timer: { kind: 'coord-timeout', epoch: s.epoch }, after: coordTimeout(ctx) }],
        lines: L('okTimeout', 'okTimeout.wait'),
        note: `${s.u} got an OK but no COORDINATOR yet: it waits ${wait(ctx, coordTimeout(ctx))} more`,
      };
    }
    if (s.coordinator !== null) {
      return {
        state: s,
        lines: L('coordTimeout'),
        note: `${s.u}: coord-timeout, the coordinator ${s.coordinator} is known`,
      };
    }
    return prefixed(
      newElection(s, ctx, params, null),
      L('coordTimeout', 'coordTimeout.restart'),
      `${s.u}: no COORDINATOR came after the OK, so it opens a new election`,
    );
  },

  // T_ok and T_coord running, and the detector's T_ok after a crash, as rings that empty.
  drawing: { waits: true },

  // Every live process is told the coordinator (COORDINATOR to every lower id; higher ones are down).
  knownLeader: (s) => s.coordinator,
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
      'failure model': 'the detector alive T_ok after a crash notices it',
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
});
