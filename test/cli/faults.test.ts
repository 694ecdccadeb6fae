import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI_NODE, cliArgs } from '../util/cli';

function cli(...args: string[]) {
  const r = spawnSync(CLI_NODE, cliArgs(...args), { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const ring6 = ['--algorithm', 'lcr', '--n', '6', '--mode', 'sync'];

describe('CLI: the fault options (C17)', () => {
  it('a run without faults reports lost 0, no kinds lost and no violations', () => {
    const r = cli('--algorithm', 'lcr', '--ids', '5,4,3,2,1', '--mode', 'sync', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Record<string, unknown>;
    expect(j).toMatchObject({ leader: 5, messages: 20, lost: 0, lostByKind: {}, violations: [] });
  });

  it('a partition that never heals: lost by kind, and the monitor in violations', () => {
    // ids 1..6 ascending, {1,2,3} cut off from the start: each uid crosses the cut or is swallowed
    // first. 3's and 6's uids are lost at the two crossings (3→4, 6→1); no leader.
    const r = cli(...ring6, '--partition', '1,2,3@0', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      lost: number;
      lostByKind: object;
      violations: { message: string }[];
      leader: null;
    };
    expect(j.leader).toBeNull();
    expect(j.lost).toBe(2);
    expect(j.lostByKind).toEqual({ election: 2 });
    expect(j.violations.map((v) => v.message)).toEqual(['the run ended with no leader']);
  });

  it('the text output says what the JSON says about losses and violations (hand-worked: the partition above)', () => {
    const r = cli(...ring6, '--partition', '1,2,3@0');
    expect(r.code).toBe(0);
    expect(r.out).toContain('\nlost: 2 (election 2)\n');
    expect(r.out).toMatch(/\nviolation at step \d+: the run ended with no leader\n/);
    // A perfect run keeps its text: no lost line, no violation line.
    const clean = cli('--algorithm', 'lcr', '--ids', '5,4,3,2,1', '--mode', 'sync');
    expect(clean.out).not.toMatch(/^lost:|^violation/m);
  });

  it('--link-down may be repeated: the same run as one comma-separated list', () => {
    const once = cli(...ring6, '--link-down', '1-2@0:1,3-4@0:1', '--json');
    const twice = cli(...ring6, '--link-down', '1-2@0:1', '--link-down', '3-4@0:1', '--json');
    expect(once.code).toBe(0);
    expect(twice.out).toBe(once.out);
    expect((JSON.parse(once.out) as { lost: number }).lost).toBe(2);
  });

  it('a link and the options give the same run', () => {
    const flags = cli(
      ...ring6,
      '--loss',
      '0.3',
      '--seed',
      '4',
      '--crash-at',
      '2@1',
      '--recover',
      '2@3',
      '--json',
    );
    const link = cli('--url', '#v=1&alg=lcr&n=6&mode=sync&loss=0.3&seed=4&crashes=2@1&recover=2@3', '--json');
    expect(flags.code).toBe(0);
    expect(link.out).toBe(flags.out);
  });

  it.each([
    [['--loss', '1.5'], 'loss must be a probability from 0 to 1, e.g. 0.1, not "1.5"'],
    [['--loss', '-0.1'], 'loss must be a probability from 0 to 1, e.g. 0.1, not "-0.1"'],
    [['--partition', '1,9@3:4'], 'part names 9, not a node of this system'],
    [['--partition', '1,2@30:4'], 'part: 1,2@30:4 ends before it starts (30 > 4)'],
    [['--partition', '1,2,3,4,5,6@0'], 'part: it names every process; a partition needs nodes on both sides'],
    [['--link-down', '1-2@20:5'], 'down: 1-2@20:5 ends before it starts (20 > 5)'],
    [['--link-down', '1-2@5:5'], 'down: 1-2@5:5 lasts no time (5:5); write 5:6 for one time unit'],
    [['--link-down', '1-3@2:5'], 'down: 1-3 is not a link of this graph (1 and 3 are not neighbours)'],
    [['--link-down', '1-7@2:5'], 'down names 7, not a node of this system'],
    [
      ['--recover', '2@5'],
      'recover: 2 never crashes; only a crashed process recovers (see crashed, crashes)',
    ],
    [
      ['--crash-at', '2@5', '--recover', '2@5'],
      'recover: 2 recovers at 5 but crashes at 5; it must recover after its crash',
    ],
  ])('bad fault input %j: one line, exit code 2, the same words from a link', (opts, words) => {
    const r = cli(...ring6, ...opts);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`error: ${words}\n`);
    const keys: Record<string, string> = {
      '--loss': 'loss',
      '--partition': 'part',
      '--link-down': 'down',
      '--recover': 'recover',
      '--crash-at': 'crashes',
    };
    const pairs: string[] = [];
    for (let i = 0; i < opts.length; i += 2) pairs.push(`${keys[opts[i]!]}=${opts[i + 1]}`);
    const fromLink = cli('--url', `#v=1&alg=lcr&n=6&mode=sync&${pairs.join('&')}`);
    expect(fromLink.code).toBe(2);
    expect(fromLink.err).toBe(`error: ${words}\n`);
  });

  it('--help documents every fault option', () => {
    const help = cli('--help').out;
    for (const o of ['--loss 0.1', '--link-down 1-2@5:20', '--partition 1,2,3@10:40', '--recover 3@30'])
      expect(help).toContain(o);
  });
});
