import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI_NODE, cliArgs } from '../util/cli';

/** Runs `sim experiment --preset …` as a user would; a non-zero exit comes back as {code, out, err}. */
function experiment(...args: string[]): { code: number; out: string; err: string } {
  try {
    const out = execFileSync(CLI_NODE, cliArgs('experiment', ...args), {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { code: 0, out, err: '' };
  } catch (e) {
    const x = e as { status: number; stdout: string; stderr: string };
    return { code: x.status, out: x.stdout, err: x.stderr };
  }
}

/** docs/algorithms.md C28: pause D of holder 1 from 101, lease 150, retry 20, sync — split brain max(0, D − 161). */
const splitBrain = (d: number) => Math.max(0, d - 161);

describe('sim experiment --preset', () => {
  it('lease-split-brain: the header, one row per pause, split brain max(0, D − 161) (C28)', () => {
    const r = experiment('--preset', 'lease-split-brain', '--vary', 'pause=100-300:50');
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('pause,splitBrainTime,staleWritesAccepted,unavailableTime,leaderChanges');
    expect(lines).toHaveLength(1 + 5);
    const rows = lines.slice(1).map((l) => l.split(',').map(Number));
    expect(rows.map((x) => x[0])).toEqual([100, 150, 200, 250, 300]);
    for (const x of rows) expect(x[1]).toBe(splitBrain(x[0]!));
  });

  it('zookeeper-notifications: a variant column, recipe 1 and herd n − 1 per leader change (C28)', () => {
    const r = experiment('--preset', 'zookeeper-notifications', '--vary', 'n=2-7', '--csv');
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('n,variant,watchNotifications,leaderChanges,unavailableTime,messages');
    expect(lines).toHaveLength(1 + 2 * 6);
    for (let n = 2; n <= 7; n++) {
      expect(lines[1 + 2 * (n - 2)]).toMatch(new RegExp(`^${n},recipe,1,2,`));
      expect(lines[2 + 2 * (n - 2)]).toMatch(new RegExp(`^${n},herd,${n - 1},2,`));
    }
  });

  it('raft-unavailability: mean, min and max over the seeds; --json has the same numbers', () => {
    const args = ['--preset', 'raft-unavailability', '--vary', 'timeout-max=160,300', '--seeds', '4'];
    const csv = experiment(...args);
    expect(csv.code).toBe(0);
    const lines = csv.out.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'timeout-max,' +
        ['unavailableTime', 'electionsStarted', 'splitVotes', 'leaderChanges']
          .map((f) => `${f}_mean,${f}_min,${f}_max`)
          .join(','),
    );
    expect(lines).toHaveLength(3);
    const json = experiment(...args, '--json');
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.out) as {
      preset: string;
      vary: string;
      seeds: number;
      points: Record<string, { mean: number; min: number; max: number } | number>[];
    };
    expect(doc).toMatchObject({ preset: 'raft-unavailability', vary: 'timeout-max', seeds: 4 });
    doc.points.forEach((p, i) => {
      const cells = lines[1 + i]!.split(',').map(Number);
      const u = p.unavailableTime as { mean: number; min: number; max: number };
      expect([p['timeout-max'], u.mean, u.min, u.max]).toEqual(cells.slice(0, 4));
      expect(u.min).toBeLessThanOrEqual(u.mean);
      expect(u.mean).toBeLessThanOrEqual(u.max);
    });
  });

  it('--json of a deterministic experiment: each figure a number, the variant named where there are several', () => {
    const r = experiment('--preset', 'zookeeper-notifications', '--vary', 'n=3,6', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { points: Record<string, unknown>[] };
    expect(doc).toMatchObject({
      preset: 'zookeeper-notifications',
      algorithm: 'zookeeper',
      vary: 'n',
      mode: 'sync',
      seeds: 1,
    });
    // §1.13: one crash of the leader — 1 notification with the recipe, n − 1 with the herd.
    expect(doc.points.map((p) => [p.n, p.variant, p.watchNotifications, p.leaderChanges])).toEqual([
      [3, 'recipe', 1, 2],
      [3, 'herd', 2, 2],
      [6, 'recipe', 1, 2],
      [6, 'herd', 5, 2],
    ]);
  });

  it('--n fixes the candidates and --vary takes a parameter of the algorithm (the lease duration)', () => {
    const r = experiment('--preset', 'lease-split-brain', '--vary', 'lease=150,200', '--n', '2');
    expect(r.code).toBe(0);
    // Pause 300 from 101: the key expires at 101 + L, the next tick after it 20·(⌊(100 + L)/20⌋ + 1), the new
    // holder leads 2 later, and holder 1 believes until it resumes at 401 (C28).
    const newLeader = (l: number) => 20 * (Math.floor((100 + l) / 20) + 1) + 2;
    expect(r.out.trimEnd().split('\n').slice(1)).toEqual([
      expect.stringMatching(new RegExp(`^150,${401 - newLeader(150)},`)),
      expect.stringMatching(new RegExp(`^200,${401 - newLeader(200)},`)),
    ]);
  });

  it.each([
    [
      ['--preset', 'paxos'],
      /^error: --preset: "paxos" is not a systems experiment \(one of: raft-unavailability, /,
    ],
    [['--preset', 'lease-split-brain', '--vary', 'pause'], /^error: --vary must be NAME=VALUES/],
    [
      ['--preset', 'lease-split-brain', '--vary', 'colour=1-3'],
      /^error: --vary: lease-split-brain cannot vary "colour"/,
    ],
    [
      ['--preset', 'lease-split-brain', '--vary', 'pause=0-10'],
      /^error: --vary: pause: 0 is below the smallest value, 1/,
    ],
    [
      ['--preset', 'lease-split-brain', '--vary', 'renew=100-200:50'],
      /^error: renew = 150: renew deadline 150 must be shorter than the lease duration 150/,
    ],
    [
      ['--preset', 'raft-unavailability', '--vary', 'timeout-max=100'],
      /^error: timeout-max = 100: timeout 150-100: the minimum \(150\) is more than the maximum \(100\)/,
    ],
    [['--preset', 'zookeeper-notifications', '--n', '4'], /^error: --n and --vary n=… cannot both be given/],
    [
      ['--preset', 'lease-split-brain', '--n', '2-5'],
      /^error: --n with --preset is one size; to vary it, write --vary n=2-5/,
    ],
    [
      ['--preset', 'lease-split-brain', '--algorithm', 'lcr'],
      /^error: --algorithm is an option of an n-sweep, not of --preset lease-split-brain/,
    ],
    [['--preset', 'lease-split-brain', '--max-delay', '5'], /^error: --max-delay/],
    [['--algorithm', 'lcr', '--n', '4', '--vary', 'n=4-8'], /^error: --vary needs --preset/],
  ])('bad input %j: one line, exit code 2', (args, message) => {
    const r = experiment(...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  });
});
