import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { ServerState, ZkState } from '../../src/algorithms/zookeeper-types';
import type { Simulation } from '../../src/engine/simulation';
import { summarize } from '../../src/scenario/summary';
import { CLI_NODE, cliArgs } from '../util/cli';
import { simulate } from '../util/run';

/**
 * ZooKeeper's recipe (§1.13). Expected values come from the recipe's rules (one watcher per znode,
 * or every waiting client with herd), read against a naive scan of the recorded trace — never from
 * the module's own figures.
 */

/** A naive reading of the trace: leader changes, notifications sent, and the most leaders at once. */
function readTrace(sim: Simulation): {
  changes: number;
  notifications: number;
  most: number;
  leaders: number[];
} {
  const leading = new Map<number, boolean>();
  const dead = new Set<number>();
  let changes = 0;
  let notifications = 0;
  let most = 0;
  const leaders: number[] = [];
  for (const e of sim.trace) {
    notifications += e.sends.filter((m) => m.msg.kind === 'notify').length;
    if (e.kind === 'crash') dead.add(e.node);
    if (e.kind === 'recover') dead.delete(e.node);
    const s = e.after as ZkState | null;
    if (s?.kind === 'client') {
      const was = leading.get(e.node) ?? false;
      if (s.leading && !was) {
        changes++;
        leaders.push(e.node);
      }
      leading.set(e.node, s.leading);
    }
    let now = 0;
    for (const [id, l] of leading) if (l && !dead.has(id)) now++;
    most = Math.max(most, now);
  }
  return { changes, notifications, most, leaders };
}

/** The owners of /election's children, lowest first, as the server held them just before `time`. */
function ownersBefore(sim: Simulation, time: number): number[] {
  let last: ServerState | null = null;
  for (const e of sim.trace) {
    if (e.time >= time) break;
    const s = e.after as ZkState | null;
    if (s?.kind === 'server') last = s;
  }
  return last ? last.znodes.map((z) => z.owner) : [];
}

const base = (n: number, seed: number): Record<string, string> => ({
  alg: 'zookeeper',
  n: String(n),
  ids: 'asc',
  mode: 'async',
  seed: String(seed),
});

const cases: [number, number][] = [];
for (let seed = 1; seed <= 12; seed++) for (const n of [2, 3, 5, 8]) cases.push([n, seed]);

describe('ZooKeeper: one notification per leader change, n − 1 with herd', () => {
  it.each(cases)('n = %i, seed %i: the leader crashes; the next lowest leads', (n, seed) => {
    for (const herd of ['0', '1']) {
      // Who leads at 100 with no fault, and the znode order then: the crash takes that leader.
      const calm = simulate({ ...base(n, seed), herd, until: '100' });
      const first = readTrace(calm).leaders;
      expect(first.length).toBe(1);
      const owners = ownersBefore(calm, 100);
      expect(owners[0]).toBe(first[0]);
      const sim = simulate({ ...base(n, seed), herd, crashes: `${first[0]}@100`, until: '400' });
      const t = readTrace(sim);
      expect(t.most).toBe(1);
      expect(t.leaders).toEqual([owners[0], owners[1]]);
      // n clients alive when the leader went: its one successor, or every other client with herd.
      expect(t.notifications).toBe((t.changes - 1) * (herd === '1' ? n - 1 : 1));
      const s = summarize(sim);
      expect(s.leader).toBe(owners[1]);
      expect(s.violations).toEqual([]);
    }
  });

  it.each([3, 5, 7])(
    'n = %i: two leaders crash one after the other: 2 notifications, (n−1)+(n−2) with herd',
    (n) => {
      for (const herd of ['0', '1']) {
        const calm = simulate({ ...base(n, 3), herd, until: '100' });
        const owners = ownersBefore(calm, 100);
        const sim = simulate({
          ...base(n, 3),
          herd,
          crashes: `${owners[0]}@100,${owners[1]}@300`,
          until: '600',
        });
        const t = readTrace(sim);
        expect(t.leaders).toEqual(owners.slice(0, 3));
        expect(t.notifications).toBe(herd === '1' ? n - 1 + (n - 2) : 2);
        expect(t.most).toBe(1);
      }
    },
  );
});

describe('ZooKeeper: never two leaders at once with correct session timeouts', () => {
  it.each(Array.from({ length: 20 }, (_, i) => i + 1))('seed %i: random crashes and recoveries', (seed) => {
    const n = 3 + (seed % 5);
    const a = 1 + (seed % n);
    const b = 1 + ((seed * 7) % n);
    const sim = simulate({
      ...base(n, seed),
      crashes: `${a}@${40 + seed * 3}`,
      recover: `${a}@${200 + seed}`,
      ...(b !== a ? { crashes: `${a}@${40 + seed * 3},${b}@${150 + seed}` } : {}),
      until: '500',
    });
    expect(readTrace(sim).most).toBeLessThanOrEqual(1);
    expect(summarize(sim).violations).toEqual([]);
  });
});

describe('ZooKeeper: the CLI', () => {
  const cli = (...args: string[]) => {
    const r = spawnSync(CLI_NODE, cliArgs('--algorithm', 'zookeeper', '--n', '5', ...args), {
      encoding: 'utf8',
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  it.each([
    [
      ['--ping-interval', '30'],
      "error: ping interval 30 must be at most a third of the session timeout 60: a live client's session would expire between its pings",
    ],
    [
      ['--session-timeout', '2'],
      'error: session must be a whole number of time units from 3 to 1000000, not "2"',
    ],
    [['--ping-interval', 'x'], 'error: ping must be a whole number of time units from 1 to 1000000, not "x"'],
  ])('%j: one line, exit code 2', (args, line) => {
    const r = cli(...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim()).toBe(line);
  });

  it('prints watchNotifications with the other figures; --herd multiplies them', () => {
    const run = (...x: string[]) =>
      JSON.parse(cli('--mode', 'async', '--crash-at', '3@100', '--json', ...x).out) as Record<
        string,
        unknown
      >;
    const recipe = run();
    const herd = run('--herd');
    expect(recipe.watchNotifications).toBe(1);
    expect(herd.watchNotifications).toBe(4);
    for (const k of ['leaderChanges', 'electionsStarted', 'unavailableTime', 'violations'])
      expect(recipe).toHaveProperty(k);
  });
});
