import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI_NODE, cliArgs } from '../util/cli';

const cli = (...args: string[]) => {
  const r = spawnSync(CLI_NODE, cliArgs(...args), { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('CLI', () => {
  it('prints the JSON contract of docs/architecture.md', () => {
    const r = cli('--algorithm', 'lcr', '--ids', '3,1,4,2', '--mode', 'sync', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(
      expect.arrayContaining([
        'algorithm',
        'mode',
        'n',
        'leader',
        'messages',
        'messagesByKind',
        'rounds',
        'events',
        'terminated',
        'traceHash',
      ]),
    );
    // ring 3,1,4,2: distances to the next larger id cw are 3→4: 2, 1→4: 1, 4: 4 (max), 2→3: 1 → 8
    expect(j).toMatchObject({
      algorithm: 'lcr',
      mode: 'sync',
      n: 4,
      leader: 4,
      messages: 12,
      messagesByKind: { election: 8, elected: 4 },
      rounds: 8,
      terminated: true,
    });
  });

  it('--url runs the same run as the options it spells', () => {
    const a = JSON.parse(
      cli('--algorithm', 'lcr', '--n', '9', '--ids', 'random', '--mode', 'async', '--seed', '5', '--json')
        .out,
    );
    const b = JSON.parse(
      cli('--url', 'https://example.org/lab/#v=1&alg=lcr&n=9&ids=random&mode=async&seed=5', '--json').out,
    );
    expect(b.traceHash).toBe(a.traceHash);
    expect(a.time).toBeGreaterThan(0);
    expect(a.rounds).toBeUndefined();
  });

  const bad: [string, string[], RegExp][] = [
    ['unknown algorithm', ['--algorithm', 'paxos', '--n', '4'], /unknown algorithm "paxos"/],
    ['duplicate ids', ['--algorithm', 'lcr', '--ids', '5,3,5'], /duplicate id 5/],
    ['non-integer ids', ['--algorithm', 'lcr', '--ids', '1,2,x'], /"x" is not an integer id/],
    ['n < 1', ['--algorithm', 'lcr', '--n', '0'], /at least one process/],
    [
      'an option the algorithm does not take',
      ['--algorithm', 'lcr', '--n', '4', '--initiators', '1'],
      /lcr does not take the option initiators/,
    ],
    ['a malformed --url', ['--url', '#v=1&alg'], /not key=value/],
    ['an unknown option', ['--algorithm', 'lcr', '--colour', 'red'], /unknown option --colour/],
    ['a missing value', ['--algorithm'], /--algorithm needs a value/],
    ['an unknown version', ['--url', '#v=7&alg=lcr'], /unsupported version v=7/],
    [
      'an async delay of zero',
      ['--algorithm', 'lcr', '--mode', 'async', '--max-delay', '0'],
      /maxDelay must be/,
    ],
  ];
  for (const [what, args, message] of bad) {
    it(`refuses ${what} with one stderr line and exit code 2`, () => {
      const r = cli(...args, '--json');
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      const lines = r.err.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
    });
  }
});
