import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bully, type BullyState } from '../../src/algorithms/bully';
import type { NodeCtx, TraceEntry } from '../../src/engine/types';
import { simulate, summary } from '../util/run';

const ranks = (n: number) => Array.from({ length: n }, (_, i) => i + 1).join(',');
const tri = (m: number) => (m * (m + 1)) / 2;

/** docs/algorithms.md §1.5, highest id n crashed, detector k (1 ≤ k ≤ n − 1). */
function topCrashed(n: number, k: number) {
  return { election: tri(n - k), ok: tri(n - k - 1), coordinator: n - 2, total: (n - k) ** 2 + n - 2 };
}

/** docs/algorithms.md §1.5, no crash, detector k (1 ≤ k ≤ n). */
function noCrash(n: number, k: number) {
  return { election: tri(n - k), ok: tri(n - k), coordinator: n - 1, total: (n - k + 1) * (n - k) + n - 1 };
}

const kinds = (by: Record<string, number>) => ({
  election: by.election ?? 0,
  ok: by.ok ?? 0,
  coordinator: by.coordinator ?? 0,
});

describe('Bully: golden values (sync)', () => {
  it('ids 1..5, initiator 1, no crash: leader 5, 24 messages (coordinator 4, election 10, ok 10)', () => {
    const s = summary({ alg: 'bully', ids: '1,2,3,4,5', initiator: '1', mode: 'sync' });
    expect(s.leader).toBe(5);
    expect(s.messages).toBe(24);
    expect(s.messagesByKind).toEqual({ election: 10, ok: 10, coordinator: 4 });
  });

  it('ids 1..5, 5 crashed, initiator 1: leader 4, 19 messages (coordinator 3, election 10, ok 6)', () => {
    const s = summary({ alg: 'bully', ids: '1,2,3,4,5', crashed: '5', initiator: '1', mode: 'sync' });
    expect(s.leader).toBe(4);
    expect(s.messages).toBe(19);
    expect(s.messagesByKind).toEqual({ election: 10, ok: 6, coordinator: 3 });
    // 4 ELECTIONs go to the crashed 5 (one from each of 1..4): sent, never delivered (C2)
    expect(s.messagesDelivered).toBe(19 - 4);
  });
});

describe('Bully: exact counts, ids = ranks 1..n, every n ≤ 12, every detector k', () => {
  it('highest crashed, sync: ELECTION (n−k)(n−k+1)/2, OK (n−k−1)(n−k)/2, COORDINATOR n−2; 4 rounds for k < n−1', () => {
    for (let n = 2; n <= 12; n++) {
      for (let k = 1; k <= n - 1; k++) {
        const flat = { alg: 'bully', ids: ranks(n), crashed: String(n), initiator: String(k), mode: 'sync' };
        const sim = simulate(flat);
        const s = summary(flat);
        const want = topCrashed(n, k);
        expect(kinds(s.messagesByKind), `n=${n} k=${k}`).toEqual({
          election: want.election,
          ok: want.ok,
          coordinator: want.coordinator,
        });
        expect(s.messages).toBe(want.total);
        expect(s.leader).toBe(n - 1);
        // every process below n sends one ELECTION to n, which is lost: k..n−1 started
        expect(s.messagesDelivered).toBe(want.total - (n - k));
        expect(s.messagesDelivered).toBeLessThan(s.messages);
        if (k < n - 1) expect(s.rounds, `rounds n=${n} k=${k}`).toBe(4);
        expect(sim.violations).toEqual([]);
        expect(s.terminated).toBe(true);
      }
    }
  });

  it('highest crashed: the async count equals the sync count exactly, whatever the seed and delay', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }),
        fc.integer({ min: 1, max: 11 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 20 }),
        (n, k0, seed, maxDelay) => {
          const k = 1 + ((k0 - 1) % (n - 1));
          const flat = {
            alg: 'bully',
            ids: ranks(n),
            crashed: String(n),
            initiator: String(k),
            mode: 'async',
            seed: String(seed),
            maxDelay: String(maxDelay),
          };
          const sim = simulate(flat);
          const s = summary(flat);
          const want = topCrashed(n, k);
          expect(kinds(s.messagesByKind)).toEqual({
            election: want.election,
            ok: want.ok,
            coordinator: want.coordinator,
          });
          expect(s.leader).toBe(n - 1);
          expect(sim.violations).toEqual([]);
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });

  it('highest crashed, excludeKnownCrashed, k = n−1: the detector declares at once, n−2 messages', () => {
    for (let n = 2; n <= 12; n++) {
      const s = summary({
        alg: 'bully',
        ids: ranks(n),
        crashed: String(n),
        initiator: String(n - 1),
        excludeKnownCrashed: '1',
        mode: 'sync',
      });
      expect(s.messages).toBe(n - 2);
      expect(kinds(s.messagesByKind)).toEqual({ election: 0, ok: 0, coordinator: n - 2 });
      expect(s.leader).toBe(n - 1);
      // without the option the detector asks the dead n first: n−1 (docs/algorithms.md, best k = n−1)
      const plain = summary({ alg: 'bully', ids: ranks(n), crashed: String(n), initiator: String(n - 1) });
      expect(plain.messages).toBe(n - 1);
    }
  });

  it('no crash, sync: ELECTION = OK = (n−k+1)(n−k)/2, COORDINATOR n−1; worst k = 1 is n² − 1 = bound()', () => {
    for (let n = 1; n <= 12; n++) {
      for (let k = 1; k <= n; k++) {
        const sim = simulate({ alg: 'bully', ids: ranks(n), initiator: String(k), mode: 'sync' });
        const s = summary({ alg: 'bully', ids: ranks(n), initiator: String(k), mode: 'sync' });
        const want = noCrash(n, k);
        expect(kinds(s.messagesByKind), `n=${n} k=${k}`).toEqual({
          election: want.election,
          ok: want.ok,
          coordinator: want.coordinator,
        });
        expect(s.messages).toBe(want.total);
        expect(s.leader).toBe(n);
        expect(s.messagesDelivered).toBeUndefined();
        expect(sim.violations).toEqual([]);
      }
      const worst = summary({ alg: 'bully', ids: ranks(n), mode: 'sync' }); // default detector: lowest id
      expect(worst.messages).toBe(n * n - 1);
      expect(bully.bound!(n, simulate({ alg: 'bully', ids: ranks(n) }).graph, bully.defaults)!.value).toBe(
        n * n - 1,
      );
    }
  });

  it('no crash: async ≤ sync for every kind, and the max id is elected', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 20 }),
        (n, k0, seed, maxDelay) => {
          const k = 1 + ((k0 - 1) % n);
          const base = { alg: 'bully', ids: ranks(n), initiator: String(k) };
          const sim = simulate({ ...base, mode: 'async', seed: String(seed), maxDelay: String(maxDelay) });
          const s = summary({ ...base, mode: 'async', seed: String(seed), maxDelay: String(maxDelay) });
          const want = noCrash(n, k);
          const got = kinds(s.messagesByKind);
          expect(got.election).toBeLessThanOrEqual(want.election);
          expect(got.ok).toBe(got.election); // nobody is crashed: every ELECTION is answered
          expect(got.coordinator).toBe(n - 1); // only n declares
          expect(s.messages).toBeLessThanOrEqual(want.total);
          expect(s.leader).toBe(n);
          expect(sim.violations).toEqual([]);
        },
      ),
      { numRuns: 150, seed: 11 },
    );
  });

  it('no crash, async: a process that already knows the higher coordinator does not start (some seed saves messages)', () => {
    const sync = noCrash(8, 1).election;
    const fewer = Array.from({ length: 40 }, (_, seed) =>
      summary({ alg: 'bully', ids: ranks(8), mode: 'async', seed: String(seed) }),
    ).filter((s) => (s.messagesByKind.election ?? 0) < sync);
    expect(fewer.length).toBeGreaterThan(0);
  });

  it('coordinatorTo all: COORDINATOR gains the number of higher (crashed) ids', () => {
    for (let n = 2; n <= 12; n++) {
      for (let k = 1; k <= n - 1; k++) {
        const s = summary({
          alg: 'bully',
          ids: ranks(n),
          crashed: String(n),
          initiator: String(k),
          coordinatorTo: 'all',
        });
        expect(s.messagesByKind.coordinator).toBe(n - 2 + 1);
        expect(s.messages).toBe(topCrashed(n, k).total + 1);
      }
      const all = summary({ alg: 'bully', ids: ranks(n), coordinatorTo: 'all' });
      expect(all.messagesByKind.coordinator ?? 0).toBe(n - 1); // nobody above n
    }
    // two crashed above the winner 4: both get a COORDINATOR
    const two = summary({ alg: 'bully', ids: '1,2,3,4,5,6', crashed: '5,6', coordinatorTo: 'all' });
    expect(two.leader).toBe(4);
    expect(two.messagesByKind.coordinator).toBe(3 + 2);
  });
});

/** One line per step: time, kind, node, what it handled, what it sent, its role after. */
function line(e: TraceEntry): string {
  const what = e.msg ? ` ${e.msg.kind}←${e.from}` : e.timer ? ` ${e.timer}` : '';
  const sent = e.sends.map((m) => `${m.msg.kind}→${m.to}`).join(' ');
  return `t${e.time} ${e.kind} ${e.node}${what} | ${sent} | ${e.roleAfter}`;
}

describe('Bully: hand-worked traces (sync)', () => {
  it('ids 1,2,3, 3 crashed, detector 1: 2 wins after its ok-timeout in round 3, 5 messages, 4 rounds', () => {
    // Round 0: 1 asks 2 and 3. Round 1: 2 answers OK and asks 3; 1's ELECTION to 3 is lost.
    // Round 2: OK reaches 1, which steps back; at the end of round 2 its ok-timeout sees the OK and
    // waits T_coord = 4. Round 3: 2 has heard nothing from 3: it declares. Round 4: 1 learns 2.
    const sim = simulate({ alg: 'bully', ids: '1,2,3', crashed: '3', initiator: '1', mode: 'sync' });
    expect(sim.trace.map(line)).toEqual([
      't0 init 1 | election→2 election→3 | candidate',
      't0 init 2 |  | idle',
      't1 deliver 2 election←1 | ok→1 election→3 | candidate',
      't1 drop 3 election←1 |  | crashed',
      't2 deliver 1 ok←2 |  | idle',
      't2 drop 3 election←2 |  | crashed',
      't2 timer 1 ok-timeout |  | idle',
      't3 timer 2 ok-timeout | coordinator→1 | leader',
      't4 deliver 1 coordinator←2 |  | nonLeader',
      't6 timer 1 coord-timeout |  | nonLeader',
    ]);
    const lines = sim.trace.map((e) => e.lines);
    expect(lines[0]).toEqual([0, 1, 2, 4]); // start, election, wait T_ok
    expect(lines[2]).toEqual([7, 8, 10, 1, 2, 4]); // OK back, start own election
    expect(lines[4]).toEqual([11, 12]);
    expect(lines[6]).toEqual([15, 17]); // OK came, no COORDINATOR yet: wait
    expect(lines[7]).toEqual([15, 16, 5, 6]); // no OK: declare
    expect(lines[8]).toEqual([13, 14]);
    expect(sim.result().leader).toBe(2);
    expect(sim.lastDeliveryTime).toBe(4);
  });

  it('ids 1,2,3, no crash, detector 1: 3 declares on its first ELECTION; 8 = n² − 1 messages', () => {
    const sim = simulate({ alg: 'bully', ids: '1,2,3', initiator: '1', mode: 'sync' });
    expect(sim.trace.map(line)).toEqual([
      't0 init 1 | election→2 election→3 | candidate',
      't0 init 2 |  | idle',
      't0 init 3 |  | idle',
      't1 deliver 2 election←1 | ok→1 election→3 | candidate',
      't1 deliver 3 election←1 | ok→1 coordinator→1 coordinator→2 | leader',
      't2 deliver 1 ok←2 |  | idle',
      't2 deliver 3 election←2 | ok→2 | leader',
      't2 deliver 1 ok←3 |  | idle',
      't2 deliver 1 coordinator←3 |  | nonLeader',
      't2 deliver 2 coordinator←3 |  | nonLeader',
      't2 timer 1 ok-timeout |  | nonLeader',
      't3 deliver 2 ok←3 |  | nonLeader',
      't3 timer 2 ok-timeout |  | nonLeader',
    ]);
    expect(sim.trace[4]!.lines).toEqual([7, 8, 10, 1, 2, 3, 5, 6]); // no higher id: declare at once
    expect(sim.getCounters().sent).toBe(8);
  });
});

describe('Bully: a coordinator crash during the run', () => {
  const flat = { alg: 'bully', ids: '1,2,3,4,5,6', crashes: '6@8', mode: 'sync' };

  it('6 is elected, crashes at 8; detector 1 notices at 8 + T_ok and 5 is elected; every live node knows 5', () => {
    const sim = simulate(flat);
    expect(sim.violations).toEqual([]);
    const crashStep = sim.trace.find((e) => e.kind === 'crash')!;
    expect(crashStep.node).toBe(6);
    expect(crashStep.time).toBe(8);
    // just before the crash every node agrees on 6
    sim.seek(crashStep.step - 1);
    for (const s of sim.nodeStates() as BullyState[]) expect(s.coordinator).toBe(6);
    expect(sim.result().leader).toBe(6);
    sim.seek(sim.trace.length);
    const notice = sim.trace.find((e) => e.kind === 'timer' && e.timer === 'notice-crash:6')!;
    expect(notice.node).toBe(1);
    expect(notice.time).toBe(8 + 2);
    expect(notice.sends.map((m) => m.to)).toEqual([2, 3, 4, 5, 6]);
    expect(notice.sends.every((m) => (m.msg as unknown as { epoch: number }).epoch === 1)).toBe(true);
    const states = sim.nodeStates() as BullyState[];
    for (let i = 0; i < 5; i++) expect(states[i]!.coordinator).toBe(5);
    expect(sim.result().leader).toBe(5);
    expect(sim.roleOf(4)).toBe('leader');
    expect(sim.roleOf(5)).toBe('crashed');
    // the two elections cost the no-crash count plus the highest-crashed count, both for k = 1
    const c = sim.getCounters();
    expect(c.sent).toBe(noCrash(6, 1).total + topCrashed(6, 1).total);
    expect(c.sentByKind.coordinator).toBe(5 + 4);
  });

  it('excludeKnownCrashed: the detector does not ask the dead coordinator in the new election', () => {
    const s = summary({ ...flat, excludeKnownCrashed: '1' });
    expect(s.leader).toBe(5);
    expect(s.messages).toBe(noCrash(6, 1).total + topCrashed(6, 1).total - 1);
  });

  it('a crash of a process that is not the coordinator changes nothing', () => {
    const sim = simulate({ alg: 'bully', ids: '1,2,3,4,5,6', crashes: '3@8', mode: 'sync' });
    expect(sim.getCounters().sent).toBe(noCrash(6, 1).total);
    const notice = sim.trace.find((e) => e.timer === 'notice-crash:3')!;
    expect(notice.node).toBe(1);
    expect(notice.sends).toEqual([]);
    expect(sim.result().leader).toBe(6);
  });

  it('the detector itself crashing hands detection to the lowest live id', () => {
    const sim = simulate({ alg: 'bully', ids: '1,2,3,4,5,6', crashes: '1@5,6@8', mode: 'sync' });
    const notice = sim.trace.find((e) => e.timer === 'notice-crash:6')!;
    expect(notice.node).toBe(2);
    expect(sim.result().leader).toBe(5);
    const states = sim.nodeStates() as (BullyState | null)[];
    for (const id of [2, 3, 4, 5]) expect(states[id - 1]!.coordinator).toBe(5);
    expect(sim.violations).toEqual([]);
  });

  it('async, any seed: after 6 crashes every live node ends knowing 5, with no violation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 60 }), (seed, at) => {
        const sim = simulate({ ...flat, crashes: `6@${at}`, mode: 'async', seed: String(seed) });
        expect(sim.violations).toEqual([]);
        const states = sim.nodeStates() as BullyState[];
        for (let i = 0; i < 5; i++) expect(states[i]!.coordinator).toBe(5);
        expect(sim.result().leader).toBe(5);
      }),
      { numRuns: 100, seed: 3 },
    );
  });
});

describe('Bully: contract', () => {
  const ctx = (id: number): NodeCtx => ({
    id,
    n: 3,
    diam: 1, // the complete graph on 3
    neighbours: [1, 2, 3].filter((x) => x !== id),
    cw: -1,
    ccw: -1,
    allIds: [1, 2, 3],
    weights: new Map(),
    crashedAtStart: new Set(),
    liveAtStart: [1, 2, 3],
    mode: 'sync',
    maxDelay: 10,
    narrate: true,
    draw: (_k, lo) => lo,
  });

  it('handlers are pure: a frozen state is never mutated', () => {
    const s: BullyState = Object.freeze({
      u: 2,
      epoch: 0,
      started: false,
      okReceived: false,
      coordinator: null,
    });
    const r = bully.onMessage(s, 1, { kind: 'election', uid: 1, epoch: 0 }, ctx(2), bully.defaults);
    expect(r.state.started).toBe(true);
    expect(s.started).toBe(false);
    expect(bully.onTimer!(s, { kind: 'ok-timeout', epoch: 0 }, ctx(2), bully.defaults).state).not.toBe(
      undefined,
    );
  });

  it('late messages of an older election are ignored, but an old ELECTION still gets its OK', () => {
    const s: BullyState = { u: 2, epoch: 1, started: true, okReceived: false, coordinator: null };
    const okOld = bully.onMessage(s, 3, { kind: 'ok', uid: 3, epoch: 0 }, ctx(2), bully.defaults);
    expect(okOld.state).toEqual(s);
    const coordOld = bully.onMessage(s, 3, { kind: 'coordinator', uid: 3, epoch: 0 }, ctx(2), bully.defaults);
    expect(coordOld.state.coordinator).toBeNull();
    const elOld = bully.onMessage(s, 1, { kind: 'election', uid: 1, epoch: 0 }, ctx(2), bully.defaults);
    expect(elOld.send).toEqual([{ to: 1, msg: { kind: 'ok', uid: 2, epoch: 0 } }]);
    const timerOld = bully.onTimer!(s, { kind: 'ok-timeout', epoch: 0 }, ctx(2), bully.defaults);
    expect(timerOld.send).toBeUndefined();
  });

  it('roles, labels and the inspector', () => {
    const base: BullyState = { u: 2, epoch: 0, started: false, okReceived: false, coordinator: null };
    expect(bully.role(base)).toBe('idle');
    expect(bully.role({ ...base, started: true })).toBe('candidate');
    expect(bully.role({ ...base, started: true, okReceived: true })).toBe('idle');
    expect(bully.role({ ...base, coordinator: 2 })).toBe('leader');
    expect(bully.role({ ...base, coordinator: 3 })).toBe('nonLeader');
    expect(bully.label!({ kind: 'election', uid: 3, epoch: 0 })).toBe('election(3)');
    expect(bully.label!({ kind: 'ok', uid: 5, epoch: 0 })).toBe('ok(5)');
    expect(bully.label!({ kind: 'coordinator', uid: 5, epoch: 0 })).toBe('coordinator(5)');
    expect(bully.describe(base).coordinator).toBe('—');
  });

  it('every pseudo-code line index used by a run exists', () => {
    const sim = simulate({ alg: 'bully', ids: '1,2,3,4,5,6', crashes: '6@8', crashed: '4' });
    for (const e of sim.trace) for (const l of e.lines) expect(bully.pseudocode[l]).toBeDefined();
  });
});
