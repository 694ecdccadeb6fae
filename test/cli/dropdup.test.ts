import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_NODE, cliArgs } from '../util/cli';

function cli(...args: string[]) {
  const r = spawnSync(CLI_NODE, cliArgs(...args), { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** LCR on the ring 1 → 2 → … → 6 → 1 (ids ascending, clockwise), synchronous rounds. */
const ring6Of = (mode: string) => ['--algorithm', 'lcr', '--n', '6', '--ids', '1,2,3,4,5,6', '--mode', mode];
const ring6 = ring6Of('sync');

interface Out {
  leader: number | null;
  messages: number;
  lost: number;
  lostByKind: Record<string, number>;
  duplicated?: number;
  messagesDelivered?: number;
  violations: { message: string }[];
  traceHash: string;
}

describe('CLI: --drop (C25) and --duplicate (C26)', () => {
  it('--drop 6-1#1 loses the largest uid on its first hop: lost 1, no leader, the monitor says so', () => {
    const r = cli(...ring6, '--drop', '6-1#1', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Out;
    expect(j).toMatchObject({ leader: null, lost: 1, lostByKind: { election: 1 } });
    expect(j.violations.map((v) => v.message)).toContain('the run ended with no leader');
  });

  it('--drop may be repeated: the same run as one comma-separated list, and as a link', () => {
    const once = cli(...ring6, '--drop', '1-2#1,3-4#1', '--json');
    const twice = cli(...ring6, '--drop', '1-2#1', '--drop', '3-4#1', '--json');
    const link = cli('--url', '#v=1&alg=lcr&n=6&ids=1,2,3,4,5,6&mode=sync&drop=1-2%231,3-4%231', '--json');
    expect(once.code).toBe(0);
    expect(twice.out).toBe(once.out);
    expect(link.out).toBe(once.out);
    // 1's and 3's uids would be swallowed by 2 and 4 anyway: LCR still elects 6, and the sends are
    // those without the drops: uids 1..5 one hop each, 6's six hops, six announcements.
    expect(JSON.parse(once.out) as Out).toMatchObject({ leader: 6, lost: 2, messages: 5 + 6 + 6 });
  });

  it('a scenario file carries drop and dup as fields', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dropdup-'));
    const file = join(dir, 's.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'leader-election-lab/scenario',
        v: 1,
        algorithm: 'lcr',
        topology: { kind: 'ring-uni', n: 6 },
        ids: { list: [1, 2, 3, 4, 5, 6] },
        timing: { mode: 'sync', maxDelay: 10 },
        seed: 1,
        params: {},
        faults: { crashed: [], crashes: [], drop: '6-1#1', dup: 0.5 },
      }),
    );
    const fromFile = cli('--file', file, '--json');
    const fromFlags = cli(...ring6, '--drop', '6-1#1', '--duplicate', '0.5', '--json');
    expect(fromFile.err).toBe('');
    expect(fromFile.out).toBe(fromFlags.out);
  });

  it('--duplicate P reports duplicated; delivered + lost = sent + duplicated', () => {
    const r = cli(...ring6, '--duplicate', '0.5', '--seed', '3', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Out;
    expect(j.duplicated).toBeGreaterThan(0);
    expect(j.messagesDelivered! + j.lost).toBe(j.messages + j.duplicated!);
    expect(j.leader).toBe(6);
  });

  it('the text output names the copies where duplicates are on, and only there', () => {
    const on = cli(...ring6, '--duplicate', '0.5', '--seed', '3');
    const j = JSON.parse(cli(...ring6, '--duplicate', '0.5', '--seed', '3', '--json').out) as Out;
    expect(on.out).toContain(`duplicated: ${j.duplicated} (copies, not in messages)\n`);
    expect(cli(...ring6).out).not.toContain('duplicated');
  });

  it('--duplicate 0 is the run without it, byte for byte but for duplicated: 0', () => {
    const plain = cli(...ring6Of('async'), '--seed', '7', '--json');
    const zero = cli(...ring6Of('async'), '--seed', '7', '--duplicate', '0', '--json');
    const a = JSON.parse(plain.out) as Record<string, unknown>;
    const b = JSON.parse(zero.out) as Record<string, unknown>;
    expect(b.duplicated).toBe(0);
    delete b.duplicated;
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(plain.out.trim());
  });

  it.each([
    [['--drop', '1-2#0'], 'drop: 1-2#0: k counts the messages on the link from 1 to 1000000000'],
    [['--drop', '1-2#-3'], 'drop: 1-2#-3: k counts the messages on the link from 1 to 1000000000'],
    [['--drop', '1-9#1'], 'drop names 9, not a node of this system'],
    [['--drop', '2-1#1'], 'drop: 2-1#1 names no channel: no link of this graph goes from 2 to 1'],
    [['--drop', '1-2'], 'drop: "1-2" is not from-to#k, e.g. 5-2#3 (the 3rd message 5 sends to 2)'],
    [['--drop', '1-2#x'], 'drop: "1-2#x" is not from-to#k, e.g. 5-2#3 (the 3rd message 5 sends to 2)'],
    [['--drop', '3-3#1'], 'drop: 3-3 is not a link (a node sends nothing to itself)'],
    [['--drop', '1-2#1,1-2#1'], 'drop: 1-2#1 is named twice'],
    [['--duplicate', '1.5'], 'dup must be a probability from 0 to 1, e.g. 0.2, not "1.5"'],
    [['--duplicate', '-0.1'], 'dup must be a probability from 0 to 1, e.g. 0.2, not "-0.1"'],
  ])('bad input %j: one line, exit code 2, the same words from a link', (opts, words) => {
    const r = cli(...ring6, ...opts);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`error: ${words}\n`);
    const key = opts[0] === '--drop' ? 'drop' : 'dup';
    const fromLink = cli(
      '--url',
      `#v=1&alg=lcr&n=6&ids=1,2,3,4,5,6&mode=sync&${key}=${encodeURIComponent(opts[1]!)}`,
    );
    expect(fromLink.code).toBe(2);
    expect(fromLink.err).toBe(`error: ${words}\n`);
  });

  it('a named scheduler refuses drops and duplicates in one line', () => {
    const r = cli(...ring6Of('async'), '--scheduler', 'oldest', '--duplicate', '0.1');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'error: a scheduler follows a reliable network: leave out drop and dup, or give the order as sched\n',
    );
  });

  it('--help documents both options and every algorithm’s reading of duplicates', () => {
    const r = cli('--help');
    expect(r.out).toContain('--drop 5-2#3');
    expect(r.out).toContain('--duplicate 0.2');
    expect(r.out.match(/Under duplicates: /g)?.length).toBe(13);
  });
});
