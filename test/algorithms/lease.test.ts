import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { CandidateState, LeaseState } from '../../src/algorithms/lease-types';
import { storeCas, storeInit, storageWrite } from '../../src/algorithms/lease-services';
import { lease } from '../../src/algorithms/lease';
import type { Simulation } from '../../src/engine/simulation';
import { summarize } from '../../src/scenario/summary';
import { CLI_NODE, cliArgs } from '../util/cli';
import { simulate } from '../util/run';

/**
 * The lease election (§1.12). Expected values come from the rules worked by hand (client-go's
 * defaults in time units: lease 150, renew deadline 100, retry 20), or from a second, naive reading
 * of the recorded trace — never from the module's own figures.
 */

const presetLink = (id: string): Record<string, string> =>
  Object.fromEntries(new URLSearchParams(lease.presets.find((p) => p.id === id)!.link));

/**
 * The time two or more live candidates believe they hold the lease, recomputed naively: after every
 * step, scan every candidate's last state.
 */
function naiveSplitBrain(sim: Simulation, end: number): number {
  const states = new Map<number, CandidateState>();
  const dead = new Set<number>();
  let total = 0;
  let since: number | null = null;
  for (const e of sim.trace) {
    const s = e.after as LeaseState | null;
    if (e.kind === 'crash') dead.add(e.node);
    if (e.kind === 'recover' || e.kind === 'init') dead.delete(e.node);
    if (s?.kind === 'candidate') states.set(e.node, s);
    let leading = 0;
    for (const [id, c] of states) if (!dead.has(id) && c.leading) leading++;
    if (leading >= 2 && since === null) since = e.time;
    if (leading < 2 && since !== null) {
      total += e.time - since;
      since = null;
    }
  }
  return total + (since === null ? 0 : end - since);
}

/** Writes the storage took or refused, read from its steps: (revision, newest before, accepted). */
function storageSteps(sim: Simulation): { revision: number; newest: number; ok: boolean }[] {
  const out: { revision: number; newest: number; ok: boolean }[] = [];
  for (const e of sim.trace) {
    const b = e.before as LeaseState | null;
    const a = e.after as LeaseState | null;
    if (e.kind !== 'deliver' || a?.kind !== 'storage' || b?.kind !== 'storage') continue;
    const revision = (e.msg as unknown as { revision: number }).revision;
    out.push({ revision, newest: b.newest, ok: a.accepted > b.accepted });
  }
  return out;
}

describe('Lease: the store and the storage, by hand', () => {
  const p = lease.defaults;
  it('CAS: a free key at the expected version is granted revision 1; a wrong version or another holder fails', () => {
    const s0 = storeInit().state;
    const r1 = storeCas(s0, 2, { kind: 'cas', attempt: 1, expect: 0 }, p);
    expect(r1.state).toMatchObject({ holder: 2, version: 1, revision: 1 });
    expect(r1.timers).toEqual([{ timer: { kind: 'expire', version: 1 }, after: 150 }]);
    // 3 expected version 0, the key is at 1 and held by 2: failed, naming both.
    const r2 = storeCas(r1.state, 3, { kind: 'cas', attempt: 1, expect: 0 }, p);
    expect(r2.send).toEqual([{ to: 3, msg: { kind: 'casfail', attempt: 1, version: 1, holder: 2 } }]);
    // 3 now knows version 1, but 2 holds the key: still failed.
    expect(storeCas(r1.state, 3, { kind: 'cas', attempt: 2, expect: 1 }, p).state).toBe(r1.state);
    // 2 renews: a new version, the same revision.
    expect(storeCas(r1.state, 2, { kind: 'cas', attempt: 2, expect: 1 }, p).state).toMatchObject({
      holder: 2,
      version: 2,
      revision: 1,
    });
  });

  it('fencing: a write older than the newest revision seen is rejected with fencing on, taken (stale) with it off', () => {
    let on = storageWrite(
      { kind: 'storage', newest: 0, accepted: 0, rejected: 0, staleAccepted: 0, last: null },
      1,
      { kind: 'write', revision: 2 },
      { ...p, fencing: 'on' },
    ).state;
    const off = storageWrite(on, 3, { kind: 'write', revision: 1 }, { ...p, fencing: 'off' }).state;
    on = storageWrite(on, 3, { kind: 'write', revision: 1 }, { ...p, fencing: 'on' }).state;
    expect(on).toMatchObject({ newest: 2, accepted: 1, rejected: 1, staleAccepted: 0 });
    expect(off).toMatchObject({ newest: 2, accepted: 2, rejected: 0, staleAccepted: 1 });
  });
});

describe('Lease: safety without pauses and drift', () => {
  it('no split brain and one leader per revision, over many seeds, sync and async, n = 1..5', () => {
    let runs = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const n = 1 + (seed % 5);
      const maxDelay = 1 + (seed % 10);
      for (const mode of ['sync', 'async'] as const) {
        const flat: Record<string, string> = { alg: 'lease', n: String(n), mode, seed: String(seed) };
        if (mode === 'async') flat.maxDelay = String(maxDelay);
        // Every other run loses its first holder: a crash must not make two holders either.
        if (seed % 2 === 0 && n >= 2) flat.crashes = `1@${40 + seed}`;
        const sim = simulate(flat, { record: true });
        const j = summarize(sim);
        expect(j.splitBrainTime, JSON.stringify(flat)).toBe(0);
        expect(naiveSplitBrain(sim, sim.until)).toBe(0);
        expect(j.violations).toEqual([]);
        expect(j.staleWritesAccepted).toBe(0);
        expect(j.staleWritesRejected).toBe(0);
        runs++;
      }
    }
    expect(runs).toBe(80);
  });
});

describe('Lease: the classic failure (a holder paused past its lease)', () => {
  it('the presets: without fencing the stale writes are accepted, with fencing rejected; split brain 272–401', () => {
    for (const fencing of ['off', 'on'] as const) {
      const sim = simulate(presetLink(`lease-pause-${fencing === 'off' ? 'unfenced' : 'fenced'}`), {
        record: true,
      });
      const j = summarize(sim);
      // 1 learns at 272 that it holds revision 2; 3 resumes at 101 + 300 and gives up then (its
      // renew deadline ran out during the pause): 401 − 272.
      expect(naiveSplitBrain(sim, sim.until)).toBe(401 - 272);
      expect(j.splitBrainTime).toBe(401 - 272);
      expect(j.violations).toHaveLength(1);
      expect(j.violations[0]!.message).toContain('from time 272 to time 401, 129 time units');
      const stale = storageSteps(sim).filter((w) => w.revision < w.newest);
      expect(stale.length).toBe(2);
      expect(stale.every((w) => w.ok === (fencing === 'off'))).toBe(true);
      expect(j.staleWritesAccepted).toBe(fencing === 'off' ? 2 : 0);
      expect(j.staleWritesRejected).toBe(fencing === 'on' ? 2 : 0);
      expect(j.leader).toBe(1);
    }
  });

  it('over many seeds: pausing the first holder right after it checks its lease makes a stale write, fenced or not', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const base = { alg: 'lease', n: '3', mode: 'async', seed: String(seed), until: '600' };
      // The first holder keeps the lease with no fault; it checks it at each retry tick (20, 40 …,
      // its clock at rate 1): pausing at 101 falls between the check at 100 and the write at 101.
      const holder = summarize(simulate({ ...base, until: '100' })).leader!;
      const pause = `${holder}@101:300`;
      const off = summarize(simulate({ ...base, pause, fencing: 'off' }));
      const on = summarize(simulate({ ...base, pause, fencing: 'on' }));
      expect(off.staleWritesAccepted, `seed ${seed}`).toBeGreaterThanOrEqual(1);
      expect(off.splitBrainTime).toBeGreaterThan(0);
      expect(on.staleWritesAccepted).toBe(0);
      expect(on.staleWritesRejected, `seed ${seed}`).toBeGreaterThanOrEqual(1);
      // The lease expires 150 after the holder's last renewal (at most 100 + 10), so another
      // candidate leads before the pause ends at 401: the leader changes once.
      expect(off.leaderChanges).toBe(2);
      expect(off.leader).not.toBe(holder);
    }
  });

  it('split brain grows with the pause: it lasts from the new holder until the pause ends', () => {
    const base = { alg: 'lease', n: '3', ids: 'asc', mode: 'async', fencing: 'off', until: '1200' };
    const times = [200, 300, 500].map(
      (d) => summarize(simulate({ ...base, pause: `3@101:${d}` })).splitBrainTime as number,
    );
    // The new holder is the same whatever the pause (it acquires before 101 + 200): each 100 more
    // of pause is 100 more of split brain.
    expect(times[1]! - times[0]!).toBe(100);
    expect(times[2]! - times[1]!).toBe(200);
  });
});

describe('Lease: drift', () => {
  it('a holder whose clock runs at 0.1 renews every 200 real time units, past its 150 TTL: split brain without a pause', () => {
    const sim = simulate(
      { alg: 'lease', n: '2', ids: 'asc', mode: 'sync', drift: '1:0.1', until: '700' },
      { record: true },
    );
    const j = summarize(sim);
    // Sync rounds: 1's CAS is taken first (round 1), its lease expires at 1 + 150; 2 retries at 160
    // (rate 1), acquires at 161 and learns it at 162; 1's next retry is at 20 / 0.1 = 200 real, and
    // the refusal reaches it at 202, when it steps down.
    expect(j.splitBrainTime).toBe(202 - 162);
    expect(naiveSplitBrain(sim, sim.until)).toBe(202 - 162);
    expect(j.violations).toHaveLength(1);
  });

  it('a clock running fast (rate 2) only renews more often: no split brain', () => {
    const j = summarize(simulate({ alg: 'lease', n: '3', mode: 'async', drift: '1:2,2:2,3:2' }));
    expect(j.splitBrainTime).toBe(0);
  });
});

describe('Lease: service nodes', () => {
  it('--n counts candidates; the store and storage take the next ids and are named', () => {
    const sim = simulate({ alg: 'lease', n: '4', ids: 'asc', mode: 'async', until: '50' });
    expect(sim.graph.ids).toEqual([1, 2, 3, 4, 5, 6]);
    expect(sim.graph.services).toEqual(['store', 'storage']);
    expect(summarize(sim).n).toBe(4);
    // Candidates talk only to the services: 4 candidates × 2 services, no candidate–candidate link.
    expect(sim.graph.edges).toHaveLength(8);
  });

  it('a crashed store leaves nobody leading once the renew deadline passes', () => {
    // 1..3 candidates, the store is 4: it crashes at 50; the holder's last successful renewal was
    // sent at 40 at the latest, so it gives up by 140.
    const j = summarize(
      simulate({ alg: 'lease', n: '3', ids: 'asc', mode: 'async', crashes: '4@50', until: '400' }),
    );
    expect(j.leader).toBeNull();
    expect(j.unavailableTime).toBeGreaterThanOrEqual(400 - 140);
  });
});

describe('Lease: bad input', () => {
  const cli = (...args: string[]) => {
    const r = spawnSync(CLI_NODE, cliArgs('--algorithm', 'lease', '--n', '3', ...args), { encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  it.each([
    [['--drift', '2:0'], 'error: drift: the clock rate of 2 must be more than 0 and at most 100, not 0'],
    [['--drift', '2:-1'], 'error: drift: the clock rate of 2 must be more than 0 and at most 100, not -1'],
    [
      ['--pause', '9@10:5'],
      'error: pause names 9, not a candidate of this system (candidates are the --n nodes; store and storage keep real time)',
    ],
    [
      ['--renew-deadline', '200'],
      'error: renew deadline 200 must be shorter than the lease duration 150: a holder must give up before its lease can run out',
    ],
    [['--fencing', 'maybe'], 'error: fencing must be on or off'],
    [['--pause', '1@10:50,1@40:5'], 'error: pause: the pauses of 1 at 10 and at 40 overlap'],
  ])('%j: one line, exit code 2', (args, line) => {
    const r = cli(...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim()).toBe(line);
  });

  it('prints the run JSON with the lease figures', () => {
    const r = cli('--mode', 'async', '--until', '300', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Record<string, unknown>;
    for (const k of [
      'leaderChanges',
      'electionsStarted',
      'unavailableTime',
      'splitBrainTime',
      'staleWritesAccepted',
      'staleWritesRejected',
      'violations',
    ])
      expect(j).toHaveProperty(k);
    expect(j.n).toBe(3);
  });
});
