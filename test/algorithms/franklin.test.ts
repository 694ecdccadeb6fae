import { spawnSync } from 'node:child_process';
import { CLI_NODE, cliArgs } from '../util/cli';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  franklin,
  franklinWorstRing,
  type FranklinMsg,
  type FranklinState,
} from '../../src/algorithms/franklin';
import { drawAt } from '../../src/engine/draw';
import type { NodeCtx, NodeId, Reaction, TimingMode } from '../../src/engine/types';
import { parseFlat } from '../../src/scenario/parse';
import { permutations, simulate, summary } from '../util/run';

const asc = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const desc = (n: number) => Array.from({ length: n }, (_, i) => n - i);

/** ⌊log2 n⌋ by integers, written here again so the test does not lean on the code under test. */
function flog(n: number): number {
  let k = 0;
  while (2 ** (k + 1) <= n) k++;
  return k;
}

/**
 * The rule of docs/algorithms.md §1.9 applied phase by phase, without messages: of the active uids
 * (in ring order), those larger than both active neighbours stay active (of two, the larger). Returns
 * the number of elimination phases before one is left.
 */
function eliminationPhases(ids: readonly number[]): number {
  let active = [...ids];
  let phases = 0;
  while (active.length > 1) {
    phases++;
    const a = active.length;
    active = active.filter((v, i) => v > active[(i + 1) % a]! && v > active[(i - 1 + a) % a]!);
  }
  return phases;
}

/** §1.9: 2n election messages per phase, the elimination phases and the last one. */
const expectedElection = (ids: readonly number[]) => 2 * ids.length * (eliminationPhases(ids) + 1);

const flat = (ids: readonly number[], mode: TimingMode, extra: Record<string, string> = {}) => ({
  alg: 'franklin',
  ids: ids.join(','),
  mode,
  ...extra,
});

/** A random ring: a permutation of distinct ids (not necessarily 1..n). */
const ringArb = (maxN: number) =>
  fc.uniqueArray(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: maxN });

// ---- a second, engine-free driver: any FIFO schedule, chosen by the test ----

interface Channel {
  from: NodeId;
  to: NodeId;
  queue: FranklinMsg[];
}

/**
 * Runs Franklin's handlers directly, without the engine: the messages in flight sit in one FIFO queue
 * per ordered pair (from, to) (on a ring of one or two the cw and ccw links share it, C13), and
 * `pick` chooses which non-empty queue delivers next. Every schedule an asynchronous network can
 * produce is some sequence of such picks.
 */
function runWithSchedule(
  ids: readonly number[],
  pick: (ready: readonly Channel[]) => number,
  announce = true,
) {
  const n = ids.length;
  const ctx: NodeCtx[] = ids.map((id, i) => ({
    id,
    n,
    diam: Math.floor(n / 2), // a bidirectional ring
    neighbours: [...new Set([ids[(i + 1) % n]!, ids[(i - 1 + n) % n]!])],
    cw: ids[(i + 1) % n]!,
    ccw: ids[(i - 1 + n) % n]!,
    allIds: [...ids].sort((a, b) => a - b),
    weights: new Map(),
    crashedAtStart: new Set(),
    liveAtStart: [...ids].sort((a, b) => a - b),
    mode: 'async',
    maxDelay: 10,
    narrate: true,
    draw: (k, lo, hi) => drawAt(0, i, k, lo, hi), // Franklin never draws; the engine's rule (C16)
  }));
  const pos = new Map(ids.map((id, i) => [id, i]));
  const channels = new Map<string, Channel>();
  const sent: Record<string, number> = {};
  const notes: string[] = [];
  const states: FranklinState[] = [];
  const apply = (i: number, r: Reaction<FranklinState, FranklinMsg>) => {
    states[i] = r.state;
    if (r.note) notes.push(r.note);
    for (const { to, msg } of r.send ?? []) {
      sent[msg.kind] = (sent[msg.kind] ?? 0) + 1;
      const key = `${ids[i]}-${to}`;
      if (!channels.has(key)) channels.set(key, { from: ids[i]!, to, queue: [] });
      channels.get(key)!.queue.push(msg);
    }
  };
  const params = { announce };
  ids.forEach((_, i) => apply(i, franklin.init(ctx[i]!, params)));
  for (let steps = 0; steps < 100_000; steps++) {
    const ready = [...channels.values()].filter((c) => c.queue.length > 0);
    if (ready.length === 0) break;
    const c = ready[pick(ready) % ready.length]!;
    const msg = c.queue.shift()!;
    const i = pos.get(c.to)!;
    apply(i, franklin.onMessage(states[i]!, c.from, msg, ctx[i]!, params));
  }
  return { sent, states, notes };
}

/** A small deterministic generator for schedules (xorshift32), seeded by fast-check. */
function xorshift(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}

describe('Franklin', () => {
  it('golden cases: 8,7,…,1 sync is 32 election + 8 elected, leader 8; n = 1 is 2 + 1 (C13)', () => {
    const s = summary(flat(desc(8), 'sync'));
    // one elimination phase (only 8 beats both neighbours) and the last: 2·8·2
    expect(s.leader).toBe(8);
    expect(s.messagesByKind).toEqual({ election: 32, elected: 8 });
    expect(s.messages).toBe(40);
    expect(s.terminated).toBe(true);
    const one = summary(flat([1], 'sync'));
    expect(one.leader).toBe(1);
    expect(one.messagesByKind).toEqual({ election: 2, elected: 1 });
    expect(one.messages).toBe(3);
    const quiet = summary(flat(desc(8), 'sync', { announce: '0' }));
    expect(quiet.messagesByKind).toEqual({ election: 32 });
  });

  it('hand-worked trace, ids 1,3,2 sync: the first uids wait, 2 and 1 lose, 3 wins in phase 2', () => {
    // Round 1, in send order: 1→3 (cw) waits at 3; 1→2 (ccw) waits at 2; 3→2 (cw): 2 hears 3 and 1,
    // becomes a relay; 3→1 (ccw) waits at 1; 2→1 (cw): 1 hears 2 and 3, becomes a relay; 2→3 (ccw): 3
    // hears 1 and 2, both smaller, phase 2. Rounds 2–4: election(3) goes round both ways through the
    // relays and 3 hears itself from both sides in round 4; elected(3) goes round in rounds 5–7.
    const sim = simulate(flat([1, 3, 2], 'sync'));
    const deliveries = sim.trace
      .filter((e) => e.kind === 'deliver')
      .map((e) => [e.time, e.node, franklin.label!(e.msg as FranklinMsg), e.roleAfter]);
    expect(deliveries).toEqual([
      [1, 3, 'election(1)', 'candidate'],
      [1, 2, 'election(1)', 'candidate'],
      [1, 2, 'election(3)', 'relay'],
      [1, 1, 'election(3)', 'candidate'],
      [1, 1, 'election(2)', 'relay'],
      [1, 3, 'election(2)', 'candidate'],
      [2, 2, 'election(3)', 'relay'],
      [2, 1, 'election(3)', 'relay'],
      [3, 1, 'election(3)', 'relay'],
      [3, 2, 'election(3)', 'relay'],
      [4, 3, 'election(3)', 'candidate'],
      [4, 3, 'election(3)', 'leader'],
      [5, 2, 'elected(3)', 'nonLeader'],
      [6, 1, 'elected(3)', 'nonLeader'],
      [7, 3, 'elected(3)', 'leader'],
    ]);
    const s = summary(flat([1, 3, 2], 'sync'));
    expect(s.messagesByKind).toEqual({ election: 12, elected: 3 });
    expect(s.rounds).toBe(7);
  });

  it('hand-worked schedule: a uid of the next phase waits, and a loser forwards it (C14)', () => {
    // Ring 1,3,2. 3 hears 1 and 2 first and sends election(3) of phase 2 towards 2 while 2 still waits
    // for 1's phase-1 uid: 2 then holds two uids from its ccw side. When 1's arrives, 2 loses to 3 and
    // forwards the waiting election(3) on clockwise.
    const order = ['1-3', '2-3', '3-2', '3-2', '1-2'];
    const r = runWithSchedule([1, 3, 2], (ready) => {
      const want = order.shift();
      const k = want === undefined ? 0 : ready.findIndex((c) => `${c.from}-${c.to}` === want);
      expect(k).toBeGreaterThanOrEqual(0);
      return k;
    });
    expect(r.notes).toContain('2 keeps election(3) from its ccw side and waits for its cw side');
    expect(r.notes).toContain('2 keeps election(3) from its ccw side for its next phase (C14)');
    expect(r.notes).toContain(
      '2 hears 1 (cw side) and 3 (ccw side): 3 > 2, so 2 becomes a relay and forwards what waited',
    );
    expect(r.sent).toEqual({ election: 12, elected: 3 });
    expect(r.states.map((s) => [s.u, s.status, s.leader])).toEqual([
      [1, 'reported', 3],
      [3, 'chosen', 3],
      [2, 'reported', 3],
    ]);
  });

  it('a ring of two: the messages carry their direction, so each side is told apart (C13)', () => {
    for (const mode of ['sync', 'async'] as const) {
      const s = summary(flat([5, 9], mode, { seed: '3' }));
      expect(s.leader).toBe(9);
      expect(s.messagesByKind).toEqual({ election: 8, elected: 2 });
    }
  });

  it('election messages = 2n·(elimination phases + 1) on random rings, sync and async (fast-check)', () => {
    fc.assert(
      fc.property(
        ringArb(24),
        fc.constantFrom<TimingMode>('sync', 'async'),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        (ids, mode, seed, maxDelay, announce) => {
          const s = summary(
            flat(ids, mode, {
              seed: String(seed),
              maxDelay: String(maxDelay),
              announce: announce ? '1' : '0',
            }),
          );
          const n = ids.length;
          expect(s.leader).toBe(Math.max(...ids));
          expect(s.terminated).toBe(true);
          expect(s.messagesByKind.election).toBe(expectedElection(ids));
          expect(s.messagesByKind.elected).toBe(announce ? n : undefined);
          expect(s.messagesByKind.election).toBeLessThanOrEqual(2 * n * (flog(n) + 1));
        },
      ),
      { numRuns: 150, seed: 1982 },
    );
  });

  it('the count does not depend on the schedule: async seeds and delays, and any FIFO schedule', () => {
    fc.assert(
      fc.property(ringArb(12), fc.array(fc.integer(), { minLength: 4, maxLength: 4 }), (ids, seeds) => {
        const want = expectedElection(ids);
        for (const seed of seeds) {
          // the engine, with random delays
          const s = summary(
            flat(ids, 'async', { seed: String(seed & 0xffff), maxDelay: String(1 + (seed & 15)) }),
          );
          expect(s.messagesByKind.election).toBe(want);
          // the engine-free driver, with a schedule no delay model is needed for
          const next = xorshift(seed);
          const r = runWithSchedule(ids, () => next());
          expect(r.sent.election).toBe(want);
          expect(r.sent.elected).toBe(ids.length);
          const top = Math.max(...ids);
          for (const st of r.states) {
            expect(st.leader).toBe(top);
            expect(st.status).toBe(st.u === top ? 'chosen' : 'reported');
            expect(st.waiting).toEqual({ cw: [], ccw: [] });
          }
        }
      }),
      { numRuns: 120, seed: 25 },
    );
  });

  it('every ring n ≤ 8: at most ⌊log n⌋ elimination phases, at least 1; the simulator agrees for n ≤ 6', () => {
    for (let n = 2; n <= 8; n++) {
      let lo = Infinity;
      let hi = -Infinity;
      for (const rest of permutations(asc(n - 1))) {
        const ids = [n, ...rest];
        const k = eliminationPhases(ids);
        lo = Math.min(lo, k);
        hi = Math.max(hi, k);
        if (n <= 6) {
          const s = summary(flat(ids, 'sync', { announce: '0' }));
          expect(s.messages, ids.join(',')).toBe(2 * n * (k + 1));
        }
      }
      expect(hi, `n = ${n}`).toBe(flog(n));
      expect(lo, `n = ${n}`).toBe(1);
    }
  });

  it('the worst ring reaches 2n(⌊log n⌋+1) for every n, and a sorted ring costs 4n (n ≥ 2)', () => {
    expect(franklinWorstRing(8)).toEqual([8, 4, 6, 3, 7, 2, 5, 1]);
    for (let n = 1; n <= 64; n++) {
      const w = franklinWorstRing(n);
      expect([...w].sort((a, b) => a - b)).toEqual(asc(n));
      expect(eliminationPhases(w), `n = ${n}`).toBe(flog(n));
      if (n > 2) expect(eliminationPhases(asc(n))).toBe(1);
      if (n > 2) expect(eliminationPhases(desc(n))).toBe(1);
    }
    for (const n of [1, 2, 3, 5, 8, 13, 16, 31, 32]) {
      const worst = summary(flat(franklinWorstRing(n), 'sync', { announce: '0' }));
      expect(worst.messages, `worst n = ${n}`).toBe(2 * n * (flog(n) + 1));
      expect(franklin.bound(n, simulate(flat(asc(n), 'sync')).graph, { announce: false }).value).toBe(
        2 * n * (flog(n) + 1),
      );
      if (n >= 2) {
        const sorted = summary(flat(asc(n), 'async', { seed: String(n), announce: '0' }));
        expect(sorted.messages, `sorted n = ${n}`).toBe(4 * n);
      }
    }
  });

  it('refuses a unidirectional ring and other graphs in one sentence; the CLI exits 2 with it', () => {
    for (const topo of ['ring-uni', 'complete', 'path']) {
      const r = parseFlat({ v: '1', alg: 'franklin', n: '5', topo });
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.errors[0]!.message).toMatch(
          /^Franklin does not run on a .+ \(it runs on: bidirectional ring/,
        );
    }
    const cli = spawnSync(
      CLI_NODE,
      cliArgs('--algorithm', 'franklin', '--topology', 'ring-uni', '--n', '5', '--json'),
      { encoding: 'utf8' },
    );
    expect(cli.status).toBe(2);
    expect(cli.stdout).toBe('');
    expect(cli.stderr.trim().split('\n')).toEqual([
      'error: Franklin does not run on a unidirectional ring (it runs on: bidirectional ring [ring-bi])',
    ]);
  });

  it('its preset reaches the count its sentence promises', () => {
    const p = franklin.presets[0]!;
    const ids = new URLSearchParams(p.link).get('ids')!.split(',').map(Number);
    expect(ids).toEqual(franklinWorstRing(8));
    const s = summary(Object.fromEntries(new URLSearchParams(p.link)));
    expect(eliminationPhases(ids)).toBe(3);
    expect(s.messagesByKind).toEqual({ election: 64, elected: 8 });
    expect(p.watch).toContain('64');
  });
});
