import type { NodeCtx, NodeId, Reaction, Role } from '../engine/types';
import { defineAlgorithm, formula, lower, type CurveSpec } from './contract';
import { pseudocode } from './pseudocode';
import { RAFT_FIGURES, RaftMonitor } from './raft-monitor';
import { heartbeatParam, timeoutParam, untilOf, untilParam, type RaftParams } from './raft-params';
import { RAFT_UNAVAILABILITY } from './raft-experiment';

/**
 * Raft's leader election (Ongaro & Ousterhout, USENIX ATC 2014, §5.2 and Fig. 2), on a complete graph:
 * every server talks to every server. The log is left out, so it is empty everywhere and the
 * RequestVote rule's "candidate's log is at least as up-to-date" always holds (§1.11): a vote goes to
 * the first candidate of the term that asks. Message names are the paper's RPCs, lower-cased as the
 * engine's kinds are: `requestvote`, its result `requestvotereply`, and `appendentries` with no
 * entries, the heartbeat. AppendEntries' result is left out: with no log it carries only a term, and a
 * stale leader learns the newer term from the new leader's own AppendEntries.
 */
export type RaftRole = 'follower' | 'candidate' | 'leader';

export interface RaftState {
  u: NodeId;
  /** currentTerm (Fig. 2): the latest term this server has seen. */
  term: number;
  /** votedFor: the candidate it voted for in `term`, or null. */
  votedFor: NodeId | null;
  role: RaftRole;
  /** The leader it knows in `term` (itself when leading), or null. */
  leader: NodeId | null;
  /** As candidate: the servers that granted it their vote in `term`, itself first. */
  votes: readonly NodeId[];
  /** The election timer running: the number of its draw (C16), so a reset cancels the older one. */
  timer: number;
  /** That timer's length, drawn uniformly from the timeout range. */
  timeout: number;
}

export interface RequestVote {
  kind: 'requestvote';
  term: number;
  candidateId: NodeId;
}
export interface RequestVoteReply {
  kind: 'requestvotereply';
  term: number;
  voteGranted: boolean;
}
export interface AppendEntries {
  kind: 'appendentries';
  term: number;
  leaderId: NodeId;
}
export type RaftMsg = RequestVote | RequestVoteReply | AppendEntries;

/** The election timer carries its draw number; the heartbeat timer the term its leader leads. */
export interface ElectionTimer {
  kind: 'election';
  draw: number;
  after: number;
}
export type RaftTimer = ElectionTimer | { kind: 'heartbeat'; term: number };

const code = pseudocode([
  ['start', 'on start: follower; currentTerm := 0; votedFor := none; reset the election timer'],
  ['reset', 'reset the election timer: a new timeout drawn from [min, max] replaces the running one'],
  ['timeout', 'on election timeout (follower or candidate):'],
  ['timeout.stand', '  currentTerm += 1; become candidate; vote for self; reset the election timer'],
  ['timeout.ask', '  send RequestVote(currentTerm) to every other server'],
  ['higher', 'on any message with term T > currentTerm:'],
  ['higher.stepDown', '  currentTerm := T; votedFor := none; become follower'],
  ['vote', 'on RequestVote(term, candidate):'],
  ['vote.grant', '  if term = currentTerm and votedFor is none or candidate (logs are empty):'],
  ['vote.grantDo', '    votedFor := candidate; reset the election timer; reply granted'],
  ['vote.deny', '  else: reply not granted, with currentTerm'],
  ['reply', 'on RequestVoteReply(term, granted):'],
  ['reply.count', '  if candidate in term and granted: count the vote'],
  ['reply.win', '  if votes from a majority: become leader; send AppendEntries to all; heartbeat every H'],
  ['reply.stale', '  else: ignore it (an older term, or the election is over)'],
  ['append', 'on AppendEntries(term, leader) — a heartbeat, no entries:'],
  ['append.stale', '  if term < currentTerm: ignore it (a stale leader)'],
  ['append.follow', '  else: become follower; leader := sender; reset the election timer'],
  ['heartbeat', 'on heartbeat timer (leader): send AppendEntries to every other server; again after H'],
]);

const L = code.lines;

type R = Reaction<RaftState, RaftMsg, RaftTimer>;

/** A new election timer (C16: the k-th draw of this server), replacing the running one. */
function reset(s: RaftState, node: NodeCtx, p: RaftParams): { state: RaftState; timer: ElectionTimer } {
  const draw = s.timer + 1;
  const after = node.draw(draw, p.timeout.min, p.timeout.max);
  return { state: { ...s, timer: draw, timeout: after }, timer: { kind: 'election', draw, after } };
}

const others = (node: NodeCtx): NodeId[] => node.allIds.filter((id) => id !== node.id);

function broadcast(node: NodeCtx, msg: RaftMsg): { to: NodeId; msg: RaftMsg }[] {
  return others(node).map((to) => ({ to, msg }));
}

/** Votes from a majority of the n servers (the candidate's own included). */
const majority = (votes: number, n: number): boolean => 2 * votes > n;

/** Becomes leader of its term: the first heartbeat at once, then one every H. */
function lead(s: RaftState, node: NodeCtx, p: RaftParams, lines: readonly number[], why: string): R {
  const state: RaftState = { ...s, role: 'leader', leader: s.u };
  const msg: AppendEntries = { kind: 'appendentries', term: s.term, leaderId: s.u };
  return {
    state,
    send: broadcast(node, msg),
    timers: [{ timer: { kind: 'heartbeat', term: s.term }, after: p.heartbeat }],
    lines: [...lines, ...L('reply.win')],
    note: node.narrate ? `${why}: ${s.u} leads term ${s.term} and sends AppendEntries to every server` : '',
  };
}

/** The election timeout: stand as candidate of the next term. */
function stand(s: RaftState, node: NodeCtx, p: RaftParams): R {
  const next: RaftState = {
    ...s,
    term: s.term + 1,
    role: 'candidate',
    votedFor: s.u,
    votes: [s.u],
    leader: null,
  };
  const r = reset(next, node, p);
  const lines = L('timeout', 'timeout.stand', 'reset', 'timeout.ask');
  if (majority(1, node.n)) return lead(r.state, node, p, lines, `${s.u} times out and is the only server`);
  return {
    state: r.state,
    send: broadcast(node, { kind: 'requestvote', term: next.term, candidateId: s.u }),
    timers: [{ timer: r.timer, after: r.timer.after }],
    lines,
    note: node.narrate
      ? `${s.u} times out: it stands for term ${next.term}, votes for itself and asks every server (next timeout in ${r.timer.after})`
      : '',
  };
}

/** Rule for all servers (Fig. 2): a higher term makes it a follower of that term, with no vote. */
function adopt(s: RaftState, term: number): RaftState {
  return { ...s, term, votedFor: null, role: 'follower', leader: null, votes: [] };
}

export const RAFT_LEAST = formula('3(n−1)', (n) => 3 * (n - 1));

/** With no fault, one election is won: n − 1 RequestVote, n − 1 replies, n − 1 first heartbeats. */
function raftCurves(): CurveSpec[] {
  return [lower(RAFT_LEAST, 2)];
}

export const raft = defineAlgorithm<RaftState, RaftMsg, RaftParams, RaftTimer>({
  id: 'raft',
  name: 'Raft leader election',
  shortName: 'Raft',
  summary:
    'Servers time out at random, stand for a new term and win with a majority of votes (one vote per term); the leader keeps the others quiet with heartbeats.',
  underDuplicates:
    'Tolerates duplicates by design: a vote request of a term is answered the same way twice (votedFor) and a repeated heartbeat changes nothing, so a copy never makes a second leader in a term.',
  citation: 'Ongaro & Ousterhout, In Search of an Understandable Consensus Algorithm, USENIX ATC 2014, §5.2',
  topologies: ['complete'],
  requires: 'a complete graph: every server talks to every server',
  kinds: ['requestvote', 'requestvotereply', 'appendentries'],
  roles: ['idle', 'candidate', 'leader', 'nonLeader'],
  randomized: true,
  faults: true,
  timed:
    'Raft decides by randomized election timeouts, so the time at which messages arrive matters, not only their order',
  params: { timeout: timeoutParam, heartbeat: heartbeatParam, until: untilParam },
  code,
  counts: {
    bound: { ...formula('∞', () => Infinity), note: 'heartbeats go on until the run stops' },
    curves: raftCurves,
  },
  presets: [
    {
      id: 'raft-first-election',
      title: 'Raft: the first election',
      watch:
        "5's timeout (172) runs out first: it stands for term 1, has 3 of the 5 votes at time 183 and leads; its heartbeats every 50 then reset every other timer, so nobody else stands.",
      link: 'v=1&alg=raft&n=5&ids=asc&mode=async&until=600',
    },
    {
      id: 'raft-leader-crash',
      title: 'Raft: the leader crashes, a new term elects',
      watch:
        'Leader 5 crashes at time 400 and its heartbeats stop: 1 times out at 599, stands for term 2 and leads at 612 with 3 of the 5 votes, its own and those of 2 and 3.',
      link: 'v=1&alg=raft&n=5&ids=asc&mode=async&crashes=5@400&until=1000',
    },
    {
      id: 'raft-partition',
      title: 'Raft: an old leader cut off by a partition',
      watch:
        '5 leads term 1 from 183 and is cut off from 300 to 900; it goes on believing it leads while 3 wins term 2 at 490, so both bars turn red in the Leadership timeline (split-brain time 459) until 5 hears term 2 at 949 and steps down.',
      link: 'v=1&alg=raft&n=5&ids=asc&mode=async&part=5@300:900&until=1500',
    },
    {
      id: 'raft-split-vote',
      title: 'Raft: a split vote',
      watch:
        'With timeouts from a narrow range, 1 and 4 both stand for term 1 and split the votes 2–2, so nobody has the 3 it needs; 4 times out first again and wins term 2 at time 312.',
      link: 'v=1&alg=raft&n=4&ids=asc&mode=async&seed=7&timeout=150-160&until=900',
    },
  ],
  timerLabel: (t) => (t.kind === 'election' ? `election-timeout(${t.after})` : 'heartbeat'),
  timerCancelled(s, t) {
    // A leader runs no election timer; a reset replaces the timer; a heartbeat ends with its term.
    if (t.kind === 'election') return s.role === 'leader' || t.draw !== s.timer;
    return s.role !== 'leader' || t.term !== s.term;
  },
  until: untilOf,
  systemExperiment: RAFT_UNAVAILABILITY,
  // Election Safety (Fig. 3): at most one leader per term, checked by the engine's monitors.
  term: (s) => s.term,
  drawing: {
    // Beside the id (inside the node it did not fit the back row's font): the term, and the vote
    // given in it to another server.
    badge: (s) => `t${s.term}${s.votedFor !== null && s.votedFor !== s.u ? ` →${s.votedFor}` : ''}`,
    // Each server's election timeout as a ring that empties (a heartbeat resets it: timerCancelled),
    // and the leader's heartbeat period.
    waits: true,
  },
  figures: RAFT_FIGURES,
  monitor: (n) =>
    new RaftMonitor<RaftState>(n, (s) => ({
      term: s.term,
      leader: s.leader,
      leading: s.role === 'leader',
      candidate: s.role === 'candidate',
    })),

  init(node, p) {
    const s: RaftState = {
      u: node.id,
      term: 0,
      votedFor: null,
      role: 'follower',
      leader: null,
      votes: [],
      timer: -1,
      timeout: 0,
    };
    const r = reset(s, node, p);
    return {
      state: r.state,
      timers: [{ timer: r.timer, after: r.timer.after }],
      lines: L('start', 'reset'),
      note: `${node.id} starts as a follower of term 0; its election timeout is ${r.timer.after}`,
    };
  },

  onTimer(s, t, node, p) {
    if (t.kind === 'election') return stand(s, node, p);
    return {
      state: s,
      send: broadcast(node, { kind: 'appendentries', term: s.term, leaderId: s.u }),
      timers: [{ timer: t, after: p.heartbeat }],
      lines: L('heartbeat'),
      note: node.narrate ? `${s.u}, leader of term ${s.term}, sends its heartbeat to every server` : '',
    };
  },

  onMessage(s0, from, msg, node, p) {
    // Rule for all servers: a newer term first makes it a follower of that term.
    const newer = msg.term > s0.term;
    const s = newer ? adopt(s0, msg.term) : s0;
    const was = newer ? L('higher', 'higher.stepDown') : [];
    const why = !newer
      ? ''
      : s0.role === 'follower'
        ? `${s.u} moves to term ${msg.term}; `
        : `${s.u} sees term ${msg.term} and steps down to follower; `;
    // A leader that steps down runs an election timer again.
    const restart = newer && s0.role === 'leader' ? reset(s, node, p) : null;
    const base = restart?.state ?? s;
    const restartTimers = restart ? [{ timer: restart.timer, after: restart.timer.after }] : [];

    if (msg.kind === 'requestvote') {
      const grant = msg.term === base.term && (base.votedFor === null || base.votedFor === msg.candidateId);
      if (!grant) {
        const because =
          msg.term < base.term
            ? `its term ${msg.term} is older than ${base.term}`
            : `it already voted for ${base.votedFor} in term ${base.term}`;
        return {
          state: base,
          send: [{ to: from, msg: { kind: 'requestvotereply', term: base.term, voteGranted: false } }],
          timers: restartTimers,
          lines: [...was, ...L('vote', 'vote.deny')],
          note: `${why}${s.u} refuses its vote to ${from}: ${because}`,
        };
      }
      const r = reset({ ...base, votedFor: msg.candidateId }, node, p);
      return {
        state: r.state,
        send: [{ to: from, msg: { kind: 'requestvotereply', term: base.term, voteGranted: true } }],
        timers: [{ timer: r.timer, after: r.timer.after }],
        lines: [...was, ...L('vote', 'vote.grant', 'vote.grantDo', 'reset')],
        note: `${why}${s.u} votes for ${from} in term ${base.term}`,
      };
    }

    if (msg.kind === 'requestvotereply') {
      if (base.role !== 'candidate' || msg.term !== base.term || !msg.voteGranted) {
        return {
          state: base,
          timers: restartTimers,
          lines: [...was, ...L('reply', 'reply.stale')],
          note:
            base.role === 'candidate' && msg.term === base.term
              ? `${s.u}: ${from} refuses its vote`
              : base.role === 'leader' && msg.term === base.term
                ? `${s.u} already leads term ${base.term}: the vote of ${from} is one more`
                : `${why}${s.u} ignores the reply of ${from} (it is no longer a candidate of term ${msg.term})`,
        };
      }
      const votes = base.votes.includes(from) ? base.votes : [...base.votes, from];
      const counted = { ...base, votes };
      const lines = [...was, ...L('reply', 'reply.count')];
      if (majority(votes.length, node.n))
        return lead(counted, node, p, lines, `${from} votes for ${s.u}: ${votes.length} of ${node.n} votes`);
      return {
        state: counted,
        lines,
        note: `${from} votes for ${s.u}: ${votes.length} of ${node.n} votes, a majority is ${Math.floor(node.n / 2) + 1}`,
      };
    }

    // appendentries: a heartbeat of the leader of msg.term
    if (msg.term < base.term) {
      return {
        state: base,
        timers: restartTimers,
        lines: [...was, ...L('append', 'append.stale')],
        note: `${s.u} ignores AppendEntries of ${from}: term ${msg.term} is older than ${base.term}`,
      };
    }
    const r = reset({ ...base, role: 'follower', leader: msg.leaderId, votes: [] }, node, p);
    return {
      state: r.state,
      timers: [{ timer: r.timer, after: r.timer.after }],
      lines: [...was, ...L('append', 'append.follow', 'reset')],
      note: node.narrate
        ? `${why}${s.u} hears the heartbeat of ${msg.leaderId}, leader of term ${msg.term}, and resets its timer (${r.timer.after})`
        : '',
    };
  },

  role(s): Role {
    if (s.role === 'leader') return 'leader';
    if (s.role === 'candidate') return 'candidate';
    return s.leader === null ? 'idle' : 'nonLeader';
  },

  describe(s) {
    return {
      u: s.u,
      role: s.role,
      currentTerm: s.term,
      votedFor: s.votedFor ?? '—',
      leader: s.leader ?? '—',
      votes: s.role === 'candidate' ? s.votes.join(', ') : '—',
      'election timeout': s.role === 'leader' ? 'none (leader)' : s.timeout,
      log: 'empty (election only)',
    };
  },

  result(states) {
    // The server that leads at the end; should a stale leader still believe it leads, the newest term.
    let best: RaftState | null = null;
    for (const s of states as readonly (RaftState | null)[])
      if (s !== null && s.role === 'leader' && (best === null || s.term > best.term)) best = s;
    return { leader: best?.u ?? null };
  },

  label(msg) {
    if (msg.kind === 'requestvote') return `RequestVote(t${msg.term})`;
    if (msg.kind === 'requestvotereply') return `Vote(t${msg.term}, ${msg.voteGranted ? 'yes' : 'no'})`;
    return `AppendEntries(t${msg.term})`;
  },
});
