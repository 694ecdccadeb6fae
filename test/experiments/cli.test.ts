import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI_NODE, cliArgs } from '../util/cli';

/** Runs `sim experiment …` as a user would; a non-zero exit comes back as {code, out, err}. */
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

describe('sim experiment', () => {
  it('--csv prints exactly the header and one row per run (LCR desc: n(n+1)/2 + n, 2n rounds)', () => {
    const r = experiment('--algorithm', 'lcr,hs', '--n', '4-64', '--ids', 'desc', '--mode', 'sync', '--csv');
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('algorithm,n,order,seed,messages,rounds');
    expect(lines).toHaveLength(1 + 2 * 61);
    for (let n = 4; n <= 64; n++)
      expect(lines[n - 3]).toBe(`lcr,${n},desc,1,${(n * (n + 1)) / 2 + n},${2 * n}`);
    expect(lines[62]).toMatch(/^hs,4,desc,1,\d+,\d+$/);
  });

  it('--json prints one array of {algorithm, n, order, seed, messages, rounds}', () => {
    const r = experiment(
      '--algorithm',
      'lcr',
      '--n',
      '4,8',
      '--ids',
      'best,random',
      '--seeds',
      '2',
      '--json',
    );
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as Record<string, unknown>[];
    expect(rows.map((x) => `${x.order}${x.n}/${x.seed}`)).toEqual([
      'best4/1',
      'best8/1',
      'random4/1',
      'random4/2',
      'random8/1',
      'random8/2',
    ]);
    expect(rows[0]).toEqual({
      algorithm: 'lcr',
      n: 4,
      order: 'best',
      seed: 1,
      messages: 2 * 4 - 1 + 4,
      rounds: 8,
    });
  });

  it('reads ranges with a step and powers of two; CSV is the default', () => {
    const step = experiment('--algorithm', 'peterson', '--n', '4-64:20', '--ids', 'worst');
    expect(
      step.out
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[1]),
    ).toEqual(['4', '24', '44', '64']);
    const pow = experiment('--algorithm', 'peterson', '--n', '4-64:x2', '--ids', 'worst');
    const lines = pow.out.trimEnd().split('\n').slice(1);
    // 2n⌊log n⌋ + n + n for n = 4, 8, 16, 32, 64
    expect(lines.map((l) => Number(l.split(',')[4]))).toEqual(
      [4, 8, 16, 32, 64].map((n) => 2 * n * Math.log2(n) + 2 * n),
    );
  });

  const bad: [string, string[], RegExp][] = [
    ['a missing --algorithm', ['--n', '4-8'], /--algorithm is required/],
    ['an unknown algorithm', ['--algorithm', 'paxos', '--n', '4'], /unknown algorithm "paxos"/],
    ['a missing --n', ['--algorithm', 'lcr'], /--n is required/],
    ['a malformed range', ['--algorithm', 'lcr', '--n', '4-x'], /"4-x" is not a size or a range/],
    ['a backwards range', ['--algorithm', 'lcr', '--n', '64-4'], /runs backwards/],
    [
      'an unknown id order',
      ['--algorithm', 'lcr', '--n', '4', '--ids', 'sideways'],
      /"sideways" is not an id order/,
    ],
    [
      'seeds that are not a number',
      ['--algorithm', 'lcr', '--n', '4', '--seeds', 'many'],
      /--seeds must be a whole number/,
    ],
    ['zero seeds', ['--algorithm', 'lcr', '--n', '4', '--seeds', '0'], /seeds must be a whole number from 1/],
    ['a bad mode', ['--algorithm', 'lcr', '--n', '4', '--mode', 'fast'], /--mode must be sync or async/],
    ['--csv with --json', ['--algorithm', 'lcr', '--n', '4', '--csv', '--json'], /cannot both be given/],
    ['an unknown option', ['--algorithm', 'lcr', '--n', '4', '--colour', 'red'], /unknown option --colour/],
    ['a missing value', ['--algorithm', 'lcr', '--n'], /--n needs a value/],
    [
      'too many runs',
      ['--algorithm', 'lcr', '--n', '1-2000', '--ids', 'random', '--seeds', '11'],
      /more than 20000 runs/,
    ],
  ];
  for (const [what, args, message] of bad) {
    it(`refuses ${what}: one stderr line, exit code 2, nothing on stdout`, () => {
      const r = experiment(...args);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      const lines = r.err.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
    });
  }
});

describe('sim experiment on threads and in shards', () => {
  // 4 algorithms × 2 orders × 5 sizes × 2 seeds, async: 80 runs, of different lengths.
  const sweep = ['--algorithm', 'lcr,hs,chang-roberts,peterson', '--n', '4-8', '--ids', 'random,worst'];
  const more = ['--seeds', '2', '--mode', 'async'];
  const body = (out: string) => out.trimEnd().split('\n').slice(1);

  it('--jobs K prints the same lines in the same order for K = 1, 2 and 3, CSV and JSON', () => {
    const one = experiment(...sweep, ...more, '--jobs', '1');
    expect(one.code).toBe(0);
    expect(body(one.out)).toHaveLength(4 * 2 * 5 * 2);
    for (const k of ['2', '3']) expect(experiment(...sweep, ...more, '--jobs', k)).toEqual(one);
    const json = experiment(...sweep, ...more, '--jobs', '1', '--json');
    expect(experiment(...sweep, ...more, '--jobs', '2', '--json')).toEqual(json);
  });

  it('--jobs 2 under tsx, as `npm run sim` runs it, prints what the bundle prints with --jobs 1', () => {
    const small = [
      '--algorithm',
      'lcr,hs',
      '--n',
      '4-6',
      '--ids',
      'random',
      '--seeds',
      '2',
      '--mode',
      'async',
    ];
    const tsx = execFileSync(
      CLI_NODE,
      ['--import', 'tsx', 'src/cli/main.ts', 'experiment', ...small, '--jobs', '2'],
      { encoding: 'utf8' },
    );
    const bundle = experiment(...small, '--jobs', '1');
    expect(body(bundle.out)).toHaveLength(2 * 3 * 2);
    expect(tsx).toBe(bundle.out);
  });

  it('--shard i/k: the k shards are disjoint, and concatenated and sorted they are the whole sweep sorted', () => {
    const whole = body(experiment(...sweep, ...more).out);
    for (const k of [1, 2, 5]) {
      const shards = Array.from({ length: k }, (_, i) =>
        // One thread: the shards are what is tried here (threads are tried above).
        body(experiment(...sweep, ...more, '--jobs', '1', '--shard', `${i + 1}/${k}`).out),
      );
      expect(shards.reduce((s, x) => s + x.length, 0)).toBe(whole.length);
      // every shard gets about its share: runs are dealt round-robin in the sweep's order
      for (const s of shards) expect(Math.abs(s.length - whole.length / k)).toBeLessThan(1);
      expect(shards.flat().sort()).toEqual([...whole].sort());
    }
  });

  for (const [args, message] of [
    [['--jobs', '0'], /^error: --jobs must be a whole number from 1 to 256, not "0"$/],
    [['--jobs', '1.5'], /^error: --jobs must be a whole number/],
    [['--jobs', '257'], /^error: --jobs must be a whole number from 1 to 256/],
    [['--shard', '0/3'], /^error: --shard: i must be a whole number from 1 to 3, not "0"$/],
    [['--shard', '4/3'], /^error: --shard: i must be a whole number from 1 to 3, not "4"$/],
    [['--shard', '1/0'], /^error: --shard: k must be a whole number from 1 to 100000, not "0"$/],
    [['--shard', '3'], /^error: --shard must be i\/k \(this is shard i of k, e\.g\. 2\/8\), not "3"$/],
    [['--shard', '1/2', '--shard', '2/2'], /^error: --shard is given twice$/],
  ] as const) {
    it(`refuses ${args.join(' ')} in one line, exit code 2`, () => {
      const r = experiment('--algorithm', 'lcr', '--n', '4', ...args);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      const lines = r.err.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
    });
  }
});
