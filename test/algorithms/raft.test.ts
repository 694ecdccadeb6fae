import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RaftState } from '../../src/algorithms/raft';
import { drawAt } from '../../src/engine/draw';
import type { Simulation, SimulationConfig } from '../../src/engine/simulation';
import type { TraceEntry } from '../../src/engine/types';
import { summarize } from '../../src/scenario/summary';
import { CLI_NODE, cliArgs } from '../util/cli';
import { simulate } from '../util/run';

/**
 * Raft's leader election (§1.11, C18). Expected values come from the paper's rules worked by hand,
 * from the seeded draws read directly (C16: draw k of the server at ring position p), or from a
 * second, naive reading of the recorded trace — never from the module's own figures.
 */

const MIN = 150;
const MAX = 300;
const H = 50;

const stateOf = (e: TraceEntry): RaftState => e.after as RaftState;

/** (term, server) for every step at which a server becomes leader, read from the trace. */
function wins(sim: Simulation): { term: number; node: number; time: number }[] {
  return sim.trace
    .filter((e) => e.roleAfter === 'leader' && e.roleBefore !== 'leader')
    .map((e) => ({ term: stateOf(e).term, node: e.node, time: e.time }));
}

/** Steps at which a server stands for a new term. */
function stands(sim: Simulation): { term: number; node: number; time: number }[] {
  return sim.trace
    .filter((e) => {
      const a = e.after as RaftState | null;
      const b = e.before as RaftState | null;
      return (
        a !== null && a.role === 'candidate' && (b === null || b.role !== 'candidate' || b.term !== a.term)
      );
    })
    .map((e) => ({ term: stateOf(e).term, node: e.node, time: e.time }));
}

/**
 * Time without a leader in charge, recomputed naively: after every step, scan all servers. A leader
 * is in charge while it is alive and leads, and a majority of the servers (alive, itself included)
 * are in its term and name it as their leader.
 */
function naiveUnavailable(sim: Simulation, end: number): number {
  const n = sim.n;
  const states = new Map<number, RaftState>();
  const dead = new Set<number>();
  let since = 0;
  let down = true;
  let total = 0;
  const inCharge = (): boolean => {
    for (const [id, s] of states) {
      if (dead.has(id) || s.role !== 'leader') continue;
      let followers = 0;
      for (const [j, t] of states) if (!dead.has(j) && t.term === s.term && t.leader === id) followers++;
      if (2 * followers > n) return true;
    }
    return false;
  };
  for (const e of sim.trace) {
    if (e.kind === 'crash') dead.add(e.node);
    if (e.after !== null) states.set(e.node, e.after as RaftState);
    const up = inCharge();
    if (up && down) total += e.time - since;
    if (!up && !down) since = e.time;
    down = !up;
  }
  return total + (down ? end - since : 0);
}

/** Time with two or more live servers in the leader role, recomputed by scanning all servers. */
function naiveSplitBrain(sim: Simulation, end: number): number {
  const states = new Map<number, RaftState>();
  const dead = new Set<number>();
  let since = 0;
  let two = false;
  let total = 0;
  for (const e of sim.trace) {
    if (e.kind === 'crash') dead.add(e.node);
    if (e.after !== null) states.set(e.node, e.after as RaftState);
    const now = [...states].filter(([id, s]) => !dead.has(id) && s.role === 'leader').length >= 2;
    if (now && !two) since = e.time;
    if (!now && two) total += e.time - since;
    two = now;
  }
  return total + (two ? end - since : 0);
}

/** Terms in which two or more servers stood and nobody won, some later term having begun. */
function naiveSplitVotes(sim: Simulation): number {
  const newest = Math.max(0, ...sim.trace.map((e) => (e.after as RaftState | null)?.term ?? 0));
  const won = new Set(wins(sim).map((w) => w.term));
  const count = new Map<number, number>();
  for (const s of stands(sim)) count.set(s.term, (count.get(s.term) ?? 0) + 1);
  return [...count].filter(([t, c]) => c >= 2 && !won.has(t) && t < newest).length;
}

const run = (flat: Record<string, string>, extra: Partial<SimulationConfig> = {}) =>
  simulate({ alg: 'raft', ids: 'asc', ...flat }, extra);

const arbRun = fc.record({
  n: fc.integer({ min: 1, max: 9 }),
  mode: fc.constantFrom('sync', 'async'),
  maxDelay: fc.integer({ min: 1, max: 20 }),
  seed: fc.integer({ min: 0, max: 100_000 }),
});

const flatOf = (r: { n: number; mode: string; maxDelay: number; seed: number }) => ({
  n: String(r.n),
  mode: r.mode,
  seed: String(r.seed),
  ...(r.mode === 'async' ? { maxDelay: String(r.maxDelay) } : {}),
});

describe('Raft: safety', () => {
  it('never has two leaders in one term, with crashes and narrow timeout ranges (split votes)', () => {
    fc.assert(
      fc.property(
        arbRun,
        fc.constantFrom('150-300', '150-155', '20-20', '10-40'),
        fc.constantFrom('50', '400'),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 900 })), {
          maxLength: 3,
        }),
        (r, timeout, heartbeat, crashList) => {
          const crashes = [...new Map(crashList.filter(([id]) => id <= r.n)).entries()];
          const flat = { ...flatOf(r), timeout, heartbeat, until: '1500' } as Record<string, string>;
          if (crashes.length) flat.crashes = crashes.map(([id, at]) => `${id}@${Math.max(1, at)}`).join(',');
          const sim = run(flat);
          const byTerm = new Map<number, Set<number>>();
          for (const w of wins(sim)) byTerm.set(w.term, (byTerm.get(w.term) ?? new Set()).add(w.node));
          for (const [term, who] of byTerm) expect(who.size, `term ${term}: ${[...who]}`).toBe(1);
          const out = summarize(sim);
          expect(out.violations).toEqual([]);
          // each winner is counted once; each server stands once per term
          expect(out.leaderChanges).toBe(wins(sim).length);
          expect(out.electionsStarted).toBe(stands(sim).length);
          expect(out.unavailableTime).toBe(naiveUnavailable(sim, 1500));
          expect(out.splitBrainTime).toBe(naiveSplitBrain(sim, 1500));
          expect(out.splitVotes).toBe(naiveSplitVotes(sim));
        },
      ),
      { numRuns: 60, seed: 1414 },
    );
  });

  it('a vote goes to one candidate per term: no server grants two in the same term', () => {
    fc.assert(
      fc.property(arbRun, (r) => {
        const sim = run({ ...flatOf(r), timeout: '150-152', until: '1200' });
        const granted = new Map<string, number>();
        for (const e of sim.trace)
          for (const s of e.sends) {
            const m = s.msg as { kind: string; term: number; voteGranted?: boolean };
            if (m.kind !== 'requestvotereply' || !m.voteGranted) continue;
            const key = `${s.from}:${m.term}`;
            expect(granted.get(key) ?? s.to, key).toBe(s.to);
            granted.set(key, s.to);
          }
      }),
      { numRuns: 40, seed: 77 },
    );
  });
});

describe('Raft: the first election (no fault)', () => {
  /**
   * Worked by hand in sync mode: every server draws its first timeout (draw 0 at its position).
   * When one draw t₁ is strictly the smallest, that server stands at t₁; its RequestVote arrives at
   * t₁ + 1, before any other timer of that round fires, so every other server votes (and resets its
   * timer to at least 150); the votes arrive at t₁ + 2 and it leads, sending its first AppendEntries
   * then and one every H after. Up to time U: 2(n − 1) election messages and
   * (n − 1)(1 + ⌊(U − t₁ − 2)/H⌋) AppendEntries.
   */
  it('sync, a unique first timeout: the exact messages, the leader and its term', () => {
    let checked = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 9 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 320, max: 2000 }),
        (n, seed, until) => {
          const first = Array.from({ length: n }, (_, p) => drawAt(seed, p, 0, MIN, MAX));
          const t1 = Math.min(...first);
          if (first.filter((t) => t === t1).length > 1) return; // a tie: not this case
          checked++;
          const sim = run({ n: String(n), mode: 'sync', seed: String(seed), until: String(until) });
          const out = summarize(sim);
          const heartbeats = (n - 1) * (1 + Math.floor((until - t1 - 2) / H));
          expect(out.messagesByKind).toEqual({
            requestvote: n - 1,
            requestvotereply: n - 1,
            appendentries: heartbeats,
          });
          expect(out.leader).toBe(first.indexOf(t1) + 1); // ids asc: position p holds id p + 1
          expect(wins(sim)).toEqual([{ term: 1, node: first.indexOf(t1) + 1, time: t1 + 2 }]);
          expect(out).toMatchObject({ leaderChanges: 1, electionsStarted: 1, until });
        },
      ),
      { numRuns: 80, seed: 2024 },
    );
    expect(checked).toBeGreaterThan(40);
  });

  /**
   * How many elections until the first leader. An election is won at once when no other server's
   * timer runs out before the first candidate's RequestVote reaches it: with the others' timeouts
   * uniform over the R = max − min + 1 values and the request taking at most maxDelay, each of the
   * n − 1 others is clear with probability at least 1 − maxDelay/R, so an election succeeds with
   * probability p ≥ (1 − maxDelay/R)^(n−1) and the expected number of elections is at most 1/p.
   */
  it('async: elections until the first leader average at most 1/p over many seeds', () => {
    for (const [n, maxDelay] of [
      [3, 10],
      [5, 10],
      [5, 30],
      [7, 20],
    ] as const) {
      const p = (1 - maxDelay / (MAX - MIN + 1)) ** (n - 1);
      let elections = 0;
      const seeds = 150;
      for (let seed = 1; seed <= seeds; seed++) {
        const sim = run({ n: String(n), mode: 'async', maxDelay: String(maxDelay), seed: String(seed) });
        const w = wins(sim);
        expect(w.length, `n ${n} seed ${seed}`).toBeGreaterThan(0);
        elections += stands(sim).filter((s) => s.time <= w[0]!.time).length;
      }
      expect(elections / seeds, `n ${n}, maxDelay ${maxDelay}`).toBeLessThanOrEqual(1 / p);
    }
  });

  it('a single server elects itself at its first timeout, sending nothing', () => {
    const sim = run({ n: '1', mode: 'async', seed: '9', until: '400' });
    const t = drawAt(9, 0, 0, MIN, MAX);
    expect(wins(sim)).toEqual([{ term: 1, node: 1, time: t }]);
    expect(summarize(sim)).toMatchObject({ leader: 1, messages: 0, unavailableTime: t });
  });
});

describe('Raft: the presets, worked from their traces', () => {
  it('first election: 5 draws the smallest first timeout, 172, stands and leads term 1 at 183', () => {
    const first = [0, 1, 2, 3, 4].map((p) => drawAt(1, p, 0, MIN, MAX));
    expect(Math.min(...first)).toBe(172);
    expect(first.indexOf(172)).toBe(4); // ids asc: server 5
    const sim = run({ n: '5', mode: 'async', until: '600' });
    expect(stands(sim)).toEqual([{ term: 1, node: 5, time: 172 }]);
    expect(wins(sim)).toEqual([{ term: 1, node: 5, time: 183 }]);
  });

  it('leader crash: 1 stands at 599 and leads term 2 at 612 with its own vote and those of 2 and 3', () => {
    const sim = run({ n: '5', mode: 'async', crashes: '5@400', until: '1000' });
    expect(stands(sim).filter((s) => s.time > 400)).toEqual([{ term: 2, node: 1, time: 599 }]);
    expect(wins(sim).at(-1)).toEqual({ term: 2, node: 1, time: 612 });
    const won = sim.trace.find((e) => e.node === 1 && e.roleAfter === 'leader')!;
    expect([...stateOf(won).votes].sort()).toEqual([1, 2, 3]);
  });

  it('split vote: term 1 is split 2–2 between 1 and 4, and 4 wins term 2 at 312', () => {
    const sim = run({ n: '4', mode: 'async', seed: '7', timeout: '150-160', until: '900' });
    const term1 = stands(sim).filter((s) => s.term === 1);
    expect(term1.map((s) => s.node).sort()).toEqual([1, 4]);
    const votes = (to: number) =>
      sim.trace.flatMap((e) =>
        e.sends.filter((x) => {
          const m = x.msg as { kind: string; term: number; voteGranted?: boolean };
          return x.to === to && m.kind === 'requestvotereply' && m.term === 1 && m.voteGranted;
        }),
      ).length;
    expect([votes(1), votes(4)]).toEqual([1, 1]); // each has its own and one more: 2 of 4
    expect(wins(sim)).toEqual([{ term: 2, node: 4, time: 312 }]);
    expect(summarize(sim)).toMatchObject({ splitVotes: 1, leaderChanges: 1, leader: 4 });
  });

  it('a heartbeat longer than the timeouts: followers keep standing, and old leaders overlap new ones', () => {
    const sim = run({ n: '5', mode: 'async', heartbeat: '400', until: '3000' });
    const out = summarize(sim);
    expect(out.leaderChanges).toBeGreaterThan(5);
    // an old leader hears of the newer term only when a message of it arrives: a short overlap
    expect(out.splitBrainTime).toBeGreaterThan(0);
    expect(out.splitBrainTime).toBe(naiveSplitBrain(sim, 3000));
    expect(out.violations).toEqual([]);
  });
});

describe('Raft: crashes', () => {
  /**
   * Crash the leader of term 1 at time c. Its last heartbeat left at or after c − H, so no follower
   * hears from it after c − H + 1 (or later) and none stands before c − H + 1 + min; one stands by
   * the time its timer runs out, at most max after the last heartbeat it heard, before c + maxDelay.
   */
  it('re-elects after the leader crashes: a new leader of a higher term, after one timeout', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 9 }),
        fc.constantFrom('sync', 'async'),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 200 }),
        (n, mode, maxDelay, seed, after) => {
          const base = {
            n: String(n),
            mode,
            seed: String(seed),
            ...(mode === 'async' ? { maxDelay: String(maxDelay) } : {}),
          };
          const first = wins(run({ ...base, until: '1200' }))[0]!;
          const c = first.time + after;
          const sim = run({ ...base, crashes: `${first.node}@${c}`, until: String(c + 4 * MAX) });
          const later = wins(sim).filter((w) => w.time > c);
          expect(later.length).toBeGreaterThan(0);
          expect(later[0]!.node).not.toBe(first.node);
          expect(later[0]!.term).toBeGreaterThan(first.term);
          const d = mode === 'sync' ? 1 : maxDelay;
          const next = stands(sim).filter((s) => s.time > c)[0]!;
          expect(next.time).toBeGreaterThanOrEqual(c - H + 1 + MIN);
          expect(next.time).toBeLessThanOrEqual(c + d + MAX);
          expect(summarize(sim).leader).toBe(later.at(-1)!.node);
        },
      ),
      { numRuns: 40, seed: 99 },
    );
  });

  it('with 2 of 5 servers crashed a leader is elected; with 3 crashed, never', () => {
    const two = summarize(run({ n: '5', mode: 'async', seed: '3', crashed: '4,5', until: '1500' }));
    expect(two.leader).not.toBeNull(); // 3 of 5 alive: a majority
    const three = run({ n: '5', mode: 'async', seed: '3', crashed: '3,4,5', until: '1500' });
    expect(wins(three)).toEqual([]);
    expect(stands(three).length).toBeGreaterThan(2); // they keep trying, in ever higher terms
    expect(summarize(three)).toMatchObject({ leader: null, leaderChanges: 0, unavailableTime: 1500 });
  });
});

describe('Raft: stepping back', () => {
  it('seeking to any step, through checkpoints and cancelled timers, gives the states recorded there', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 5, maxLength: 12 }),
        (seed, picks) => {
          const sim = run(
            { n: '5', mode: 'async', seed: String(seed), crashes: '3@350', until: '900' },
            { checkpointEvery: 7 },
          );
          const total = sim.trace.length;
          const hash = sim.traceHash();
          for (const p of picks) {
            const k = 1 + (p % total);
            sim.seek(k);
            const e = sim.trace[k - 1]!;
            expect(sim.nodeStates()[sim.positionOf(e.node)]).toEqual(e.after);
          }
          sim.seek(total);
          expect(sim.traceHash()).toBe(hash);
        },
      ),
      { numRuns: 15, seed: 5 },
    );
  });
});

describe('Raft: the horizon (--until, C18)', () => {
  it('stops at the given time, with events still to come, and says it did not terminate', () => {
    const sim = run({ n: '5', mode: 'async', seed: '4', until: '777' });
    expect(sim.horizonReached).toBe(true);
    expect(sim.terminated).toBe(false);
    expect(sim.trace.at(-1)!.time).toBeLessThanOrEqual(777);
    expect(summarize(sim)).toMatchObject({ until: 777, terminated: false });
  });

  it('defaults to the last fault plus 4 maximum timeouts', () => {
    expect(run({ n: '4', mode: 'sync' }).until).toBe(4 * MAX);
    expect(run({ n: '4', mode: 'sync', crashes: '2@90,3@40' }).until).toBe(90 + 4 * MAX);
    expect(run({ n: '4', mode: 'sync', timeout: '10-20' }).until).toBe(80);
  });

  it('does not touch an algorithm that terminates', () => {
    const sim = simulate({ alg: 'lcr', ids: '3,1,2', mode: 'sync' });
    expect(sim.until).toBe(Infinity);
    expect(summarize(sim)).not.toHaveProperty('until');
  });
});

describe('Raft: bad input', () => {
  const cli = (...args: string[]) => {
    const r = spawnSync(CLI_NODE, cliArgs('--algorithm', 'raft', ...args), { encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it.each([
    [
      ['--election-timeout', '300-150'],
      'error: timeout 300-150: the minimum (300) is more than the maximum (150)',
    ],
    [
      ['--election-timeout', '150'],
      'error: timeout must be a range MIN-MAX of whole time units, e.g. 150-300, not "150"',
    ],
    [['--election-timeout', '0-10'], 'error: timeout 0-10: both ends must be from 1 to 1000000 time units'],
    [
      ['--heartbeat', '0'],
      'error: heartbeat must be a whole number of time units from 1 to 1000000, not "0"',
    ],
    [['--until', 'x'], 'error: until must be a whole time from 1 to 1000000, not "x"'],
    [
      ['--topology', 'ring-uni'],
      'error: Raft leader election does not run on a unidirectional ring (it runs on: complete graph [complete])',
    ],
  ])('%j: one line, exit code 2', (args, line) => {
    const r = cli('--n', '5', ...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim()).toBe(line);
  });

  it('another algorithm refuses --until', () => {
    const r = spawnSync(CLI_NODE, cliArgs('--algorithm', 'lcr', '--n', '4', '--until', '50'), {
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('error: lcr does not take the option until');
  });

  it('prints the run JSON with the figures', () => {
    const r = cli('--n', '5', '--mode', 'async', '--until', '600', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Record<string, unknown>;
    for (const k of ['leaderChanges', 'electionsStarted', 'unavailableTime', 'violations', 'until'])
      expect(j).toHaveProperty(k);
    expect(j.terminated).toBe(false);
  });
});

describe('Raft: partitions (the fault model, C17)', () => {
  it('a partitioned minority never elects, over many seeds; the majority side does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom('sync', 'async'),
        fc.integer({ min: 3, max: 9 }),
        (seed, mode, n) => {
          const minority = Array.from({ length: Math.floor((n - 1) / 2) }, (_, i) => i + 1);
          if (minority.length === 0) return;
          const sim = run({
            n: String(n),
            mode,
            seed: String(seed),
            part: `${minority.join(',')}@0`,
            until: '1500',
          });
          const won = wins(sim);
          for (const w of won) expect(minority, `term ${w.term}`).not.toContain(w.node);
          expect(won.length).toBeGreaterThan(0);
          expect(summarize(sim).violations).toEqual([]);
        },
      ),
      { numRuns: 40, seed: 31 },
    );
  });

  it('an old leader cut off keeps believing it leads term 1 while the majority elects term 2', () => {
    // No fault: 5 leads term 1 at 183 (the first-election preset). Cut it off from 300 to 900.
    const sim = run({ n: '5', mode: 'async', part: '5@300:900', until: '1500' });
    const later = wins(sim).filter((w) => w.time > 300);
    expect(later.length).toBeGreaterThan(0);
    const next = later[0]!;
    expect(next.term).toBeGreaterThan(1);
    // 5 is still leader of term 1 when the new leader wins: two servers believe they lead.
    const at = sim.trace.findIndex(
      (e) => e.time === next.time && e.node === next.node && e.roleAfter === 'leader',
    );
    sim.seek(at + 1);
    const five = sim.nodeStates()[sim.positionOf(5)] as RaftState;
    expect(five).toMatchObject({ role: 'leader', term: 1 });
    // After the partition heals, 5 hears the newer term and steps down.
    sim.seek(sim.trace.length);
    const end = sim.nodeStates()[sim.positionOf(5)] as RaftState;
    expect(end.role).toBe('follower');
    expect(end.term).toBe(next.term);
    const out = summarize(sim);
    expect(out.splitBrainTime).toBe(naiveSplitBrain(sim, 1500));
    expect(out.splitBrainTime).toBeGreaterThanOrEqual(900 - next.time);
    expect(out.violations).toEqual([]);
  });
});
