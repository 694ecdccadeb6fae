import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioToJson } from '../../src/scenario/json';
import { runTraceJson } from '../../src/scenario/trace';
import type { Scenario } from '../../src/scenario/types';
import { decodeScenario } from '../../src/scenario/url';
import { CLI_NODE, cliArgs } from '../util/cli';

/** The CLI as the suites start it (test/util/cli.ts): node with the bundle, or with tsx. */
const CLI = [CLI_NODE, cliArgs()] as const;

const cli = (...args: string[]) => {
  const r = spawnSync(CLI[0], [...CLI[1], ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/** C0, DEL, C1, the line and paragraph separators and the bidi controls: none may reach a terminal raw. */
const raw = (line: string) =>
  [...line].some((ch) => {
    const c = ch.codePointAt(0)!;
    return (
      c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
    );
  });

/** Exactly one line on stderr, with no raw control, C1, separator or bidi character in it. */
function oneCleanLine(err: string): string {
  expect(err.endsWith('\n')).toBe(true);
  const lines = err.slice(0, -1).split('\n');
  expect(lines).toHaveLength(1);
  expect(raw(lines[0]!)).toBe(false);
  return lines[0]!;
}

function refused(args: string[], message: RegExp): string {
  const r = cli(...args);
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  const line = oneCleanLine(r.err);
  expect(line).toMatch(/^error: /);
  expect(line).toMatch(message);
  return line;
}

describe('issue 9, Why 7: echoed input is escaped, every error is one line', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'a newline in --algorithm',
      ['--algorithm', 'lcr\nINJECTED', '--n', '3'],
      /unknown algorithm "lcr\\nINJECTED"/,
    ],
    ['a newline in --ids', ['--algorithm', 'lcr', '--ids', '1,2\n3'], /"2\\n3" is not an integer id/],
    ['a newline in --edges', ['--algorithm', 'ghs', '--edges', '1-2,2-3\nX'], /"2-3\\nX" is not an edge/],
    ['a %0A in --url', ['--url', '#v=1&alg=lcr%0AX&n=3'], /unknown algorithm "lcr\\nX"/],
    ['an OSC title sequence', ['--algorithm', '\x1b]0;pwned\x07'], /"\\x1b]0;pwned\\x07"/],
    ['an ANSI colour in an option', ['--algorithm', 'lcr', '--mode', '\x1b[31mred'], /"\\x1b\[31mred"/],
    ['a NUL in a link (argv cannot carry one)', ['--url', '#v=1&alg=lc%00r'], /"lc\\x00r"/],
    ['a C1 CSI in a link', ['--url', '#v=1&alg=%C2%9B31m'], /"\\x9b31m"/],
    ['a bidi override in a link', ['--url', '#v=1&alg=rcl%E2%80%AE'], /"rcl\\u202e"/],
    ['a line separator in a link', ['--url', '#v=1&alg=a%E2%80%A8b'], /"a\\u2028b"/],
    [
      'a carriage return and tab in an unknown option',
      ['--algorithm', 'lcr', '--x\r\ty'],
      /unknown option --x\\r\\ty/,
    ],
  ];
  for (const [what, args, message] of cases)
    it(`${what}: exit 2, one escaped line`, () => void refused(args, message));

  it('a very long echo is cut with …', () => {
    const line = refused(
      ['--algorithm', 'lcr', '--mode', `${'\x1b'.repeat(5000)}`],
      /mode must be sync or async/,
    );
    expect(line.length).toBeLessThanOrEqual(400);
  });
});

describe('issue 9, Why 8: one strict number reader, flags, repeats, options that do not apply', () => {
  const cases: [string, string[], RegExp][] = [
    [
      '--max-steps 0x10',
      ['--algorithm', 'lcr', '--max-steps', '0x10'],
      /--max-steps must be a whole number from 1 to \d+, not "0x10"/,
    ],
    [
      '--max-steps 1e3',
      ['--algorithm', 'lcr', '--max-steps', '1e3'],
      /--max-steps must be a whole number .* not "1e3"/,
    ],
    [
      '--max-steps " 5 "',
      ['--algorithm', 'lcr', '--max-steps', ' 5 '],
      /--max-steps must be a whole number .* not " 5 "/,
    ],
    ['--max-steps=+5', ['--algorithm', 'lcr', '--max-steps=+5'], /--max-steps must be a whole number/],
    [
      '--n 0x10',
      ['--algorithm', 'lcr', '--n', '0x10'],
      /n must be a whole number from 1 to 20000, not "0x10"/,
    ],
    [
      '--n " 5 "',
      ['--algorithm', 'lcr', '--n', ' 5 '],
      /n must be a whole number from 1 to 20000, not " 5 "/,
    ],
    ['--n 5.0', ['--algorithm', 'lcr', '--n', '5.0'], /n must be a whole number/],
    [
      '--seed 1e3',
      ['--algorithm', 'lcr', '--seed', '1e3'],
      /seed must be a whole number from 0 to 4294967295, not "1e3"/,
    ],
    [
      '--max-delay +5',
      ['--algorithm', 'lcr', '--mode', 'async', '--max-delay', '+5'],
      /maxDelay must be a whole number from 1 to 1000, not "\+5"/,
    ],
    [
      'a crash time 0x5',
      ['--algorithm', 'bully', '--n', '3', '--crash-at', '3@0x5'],
      /"3@0x5" is not id@time/,
    ],
    [
      'a crash time 1e3',
      ['--algorithm', 'bully', '--n', '3', '--crash-at', '3@1e3'],
      /"3@1e3" is not id@time/,
    ],
    ['--json=0', ['--algorithm', 'lcr', '--json=0'], /^error: --json takes no value$/],
    ['--json=1', ['--algorithm', 'lcr', '--json=1'], /^error: --json takes no value$/],
    ['--no-announce=1', ['--algorithm', 'lcr', '--no-announce=1'], /^error: --no-announce takes no value$/],
    ['a second --url', ['--url', '#v=1&alg=lcr', '--url', '#v=1&alg=hs'], /^error: --url is given twice$/],
    ['a second --n', ['--algorithm', 'lcr', '--n', '3', '--n', '4'], /^error: --n is given twice$/],
    ['a second --json', ['--algorithm', 'lcr', '--json', '--json'], /^error: --json is given twice$/],
    [
      'a second --max-steps',
      ['--algorithm', 'lcr', '--max-steps', '5', '--max-steps=6'],
      /^error: --max-steps is given twice$/,
    ],
    [
      '--max-delay in sync mode',
      ['--algorithm', 'lcr', '--max-delay', '5'],
      /--max-delay applies only to --mode async/,
    ],
    [
      '--max-delay with --mode sync',
      ['--algorithm', 'lcr', '--mode', 'sync', '--max-delay', '5'],
      /--max-delay applies only to --mode async/,
    ],
    [
      '--max-delay beside a sync link',
      ['--url', '#v=1&alg=lcr&mode=sync', '--max-delay', '5'],
      /--max-delay applies only to --mode async/,
    ],
    [
      'an experiment option on a run (--csv)',
      ['--algorithm', 'lcr', '--csv'],
      /--csv is an option of experiment, not of a single run/,
    ],
    [
      'an experiment option on a run (--seeds)',
      ['--algorithm', 'lcr', '--seeds', '3'],
      /--seeds is an option of experiment/,
    ],
    [
      '--url and --file',
      ['--url', '#v=1&alg=lcr', '--file', 'x.json'],
      /--url and --file cannot both be given/,
    ],
  ];
  for (const [what, args, message] of cases)
    it(`${what}: exit 2, one line naming it`, () => void refused(args, message));

  it('every node down from the start is refused in the same words whichever option says it', () => {
    const lines = [
      ['--crashed', '1,2,3'],
      ['--crash-at', '1@0,2@0,3@0'],
      ['--crash-at', '2@0,1@0,3@0'],
      ['--crashed', '1', '--crash-at', '2@0,3@0'],
      ['--crashed', '1,2', '--crash-at', '3@0'],
    ].map((opts) => refused(['--algorithm', 'bully', '--n', '3', ...opts], /nobody is left to elect/));
    // The words are the same; only the key named before them may differ.
    expect(new Set(lines.map((l) => l.replace(/^error: /, '')))).toEqual(
      new Set(['every process is crashed: nobody is left to elect']),
    );
    // One process left alive at the start is a run; so is everyone crashing later (a leader, then none).
    expect(cli('--algorithm', 'bully', '--n', '3', '--crash-at', '1@0,3@0', '--json').code).toBe(0);
    const later = cli(
      '--algorithm',
      'bully',
      '--n',
      '3',
      '--crashed',
      '1',
      '--crash-at',
      '2@0,3@40',
      '--json',
    );
    expect(later.code).toBe(0);
    expect(later.err).toBe('');
  });

  it('step inside --url: the whole run is reported (same traceHash as without it), and a note says so', () => {
    const link = '#v=1&alg=chang-roberts&ids=3,7,1,8,5,2,6,4&mode=async&seed=11&initiators=1,5,8';
    const whole = cli('--url', link, '--json');
    const at = cli('--url', `${link}&step=23`, '--json');
    expect(whole.code).toBe(0);
    expect(whole.err).toBe('');
    expect(at.code).toBe(0);
    expect(JSON.parse(at.out)).toEqual(JSON.parse(whole.out));
    expect(oneCleanLine(at.err)).toMatch(
      /^note: step=23 is where the page opens the run; the whole run is reported/,
    );
    const quiet = cli('--url', `${link}&step=23`, '--json', '--quiet');
    expect(quiet.err).toBe('');
  });
});

describe('trace files (--file)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lel-hygiene-'));
  const scenario = ((): Scenario => {
    const d = decodeScenario('v=1&alg=lcr&ids=3,1,4,2&mode=sync');
    if (!d.ok) throw new Error('fixture');
    return d.value;
  })();
  const trace = runTraceJson(scenario);
  if (!trace.ok) throw new Error('fixture');
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  // ring 3,1,4,2 (hand-worked in cli.test.ts): 8 election + 4 elected messages
  const expected = { leader: 4, messages: 12, messagesByKind: { election: 8, elected: 4 } };

  it('a scenario file and an untouched trace file run silently', () => {
    for (const path of [write('s.json', scenarioToJson(scenario)), write('t.json', trace.value)]) {
      const r = cli('--file', path, '--json');
      expect(r.code).toBe(0);
      expect(r.err).toBe('');
      expect(JSON.parse(r.out)).toMatchObject(expected);
    }
  });

  const data = () =>
    JSON.parse(trace.value) as { summary: Record<string, unknown>; steps: Record<string, unknown>[] };
  const tamperings: [string, (d: ReturnType<typeof data>) => void, RegExp][] = [
    ['a faked summary', (d) => void (d.summary.messages = 3), /its summary at step \d+ differs/],
    ['a faked leader in the summary', (d) => void (d.summary.leader = 3), /its summary/],
    ['a step with another sender', (d) => void (d.steps[5]!.from = 99), /its step 6 differs/],
    ['a step with another note', (d) => void (d.steps[0]!.note = 'I won'), /its step 1 differs/],
  ];
  for (const [what, tamper, message] of tamperings) {
    it(`${what}: re-run from the scenario (exit 0, its counts), one warning line`, () => {
      const d = data();
      tamper(d);
      const r = cli('--file', write('bad.json', JSON.stringify(d)), '--json');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out)).toMatchObject(expected);
      const line = oneCleanLine(r.err);
      expect(line).toMatch(
        /^warning: --file: the trace's own record does not match a re-run of its scenario/,
      );
      expect(line).toMatch(message);
    });
  }

  it('a missing file and a broken one are refused in one line', () => {
    refused(['--file', join(dir, 'nope\n.json')], /--file: cannot read ".*nope\\n\.json" \(ENOENT\)/);
    refused(['--file', write('broken.json', '{"format":')], /--file: not valid JSON/);
  });
});

describe('long runs', () => {
  /** Spawns the CLI, resolves with the first stderr line, then stops the run. */
  function firstStderrLine(args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = spawn(CLI[0], [...CLI[1], ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (d: string) => {
        err += d;
        if (err.includes('\n')) {
          child.kill();
          resolve(err.slice(0, err.indexOf('\n')));
        }
      });
      child.on('exit', () => reject(new Error(`ended without a stderr line: ${err}`)));
    });
  }

  it('LCR descending on 20,000 nodes prints its estimate before starting', async () => {
    const line = await firstStderrLine(['--algorithm', 'lcr', '--n', '20000', '--ids', 'desc', '--json']);
    // n(n+1)/2 + n messages (C3): 200,030,000
    expect(line).toMatch(
      /^note: this run may take about \d+ (min|h) \(up to 200,030,000 messages by the algorithm's bound/,
    );
  });

  it('an experiment whose runs add up past a minute says so', async () => {
    const line = await firstStderrLine([
      'experiment',
      '--algorithm',
      'lcr',
      '--n',
      '10000-20000:5000',
      '--ids',
      'desc',
    ]);
    // Σ n(n+1)/2 + n over n = 10,000, 15,000, 20,000
    const total = [10_000, 15_000, 20_000].reduce((s, n) => s + (n * (n + 1)) / 2 + n, 0);
    expect(line).toContain(`this experiment (3 runs) may take`);
    expect(line).toContain(`up to ${total.toLocaleString('en-US')} messages`);
  });

  it('--quiet silences the note; --max-steps bounds the estimate', () => {
    // Chang–Roberts with random ids sends ~n·H(n) messages, far below its n(n+1)/2 bound: a note, then a quick run.
    const args = ['--algorithm', 'chang-roberts', '--n', '20000', '--ids', 'random', '--json'];
    const loud = cli(...args);
    expect(loud.code).toBe(0);
    expect(oneCleanLine(loud.err)).toMatch(/^note: this run may take/);
    const quiet = cli(...args, '--quiet');
    expect(quiet.code).toBe(0);
    expect(quiet.err).toBe('');
    expect(quiet.out).toBe(loud.out);
    const bounded = cli(
      '--algorithm',
      'lcr',
      '--n',
      '20000',
      '--ids',
      'desc',
      '--max-steps',
      '1000',
      '--json',
    );
    expect(bounded.code).toBe(3);
    expect(oneCleanLine(bounded.err)).toMatch(/^error: stopped after 1000 steps/);
  });
});

describe('experiment', () => {
  const experiment = (...args: string[]) => cli('experiment', ...args);

  it('--max-steps stops each run: rows still printed, exit code 3', () => {
    const r = experiment('--algorithm', 'lcr', '--n', '4,40', '--ids', 'desc', '--max-steps', '100');
    expect(r.code).toBe(3);
    const lines = r.out.trimEnd().split('\n');
    // n = 4 ends within 100 steps (n(n+1)/2 + n = 14 messages, 18 events); n = 40 does not
    expect(lines).toEqual([
      'algorithm,n,order,seed,messages,rounds',
      'lcr,4,desc,1,14,8',
      expect.stringMatching(/^lcr,40,desc,1,\d+,\d+$/),
    ]);
    expect(oneCleanLine(r.err)).toMatch(/^error: lcr, n = 40, desc, seed 1 stopped at the step budget/);
  });

  const bad: [string, string[], RegExp][] = [
    [
      '--max-steps 0x10',
      ['--max-steps', '0x10'],
      /--max-steps must be a whole number from 1 to \d+, not "0x10"/,
    ],
    ['--seeds 1e3', ['--seeds', '1e3'], /--seeds must be a whole number from 1 to 1000, not "1e3"/],
    ['--n " 5 "', ['--n', ' 5 '], /--n: " 5 " has spaces around it/],
    ['--max-delay in sync mode', ['--max-delay', '5'], /--max-delay applies only to --mode async/],
    ['--csv=1', ['--csv=1'], /^error: --csv takes no value$/],
    ['a repeated --ids', ['--ids', 'desc', '--ids', 'asc'], /^error: --ids is given twice$/],
    ['a repeated --csv', ['--csv', '--csv'], /^error: --csv is given twice$/],
    [
      'a run option (--url)',
      ['--url', '#v=1&alg=lcr'],
      /--url is an option of a single run, not of experiment/,
    ],
    ['a run option (--seed)', ['--seed', '4'], /--seed is an option of a single run/],
    ['an escaped echo', ['--ids', 'desc\x1b[2J'], /"desc\\x1b\[2J" is not an id order/],
  ];
  for (const [what, args, message] of bad) {
    it(`refuses ${what}: exit 2, one line`, () => {
      const base = args.includes('--n') ? ['--algorithm', 'lcr'] : ['--algorithm', 'lcr', '--n', '4'];
      const r = experiment(...base, ...args);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(oneCleanLine(r.err)).toMatch(message);
    });
  }

  /** Starts the sweep, closes its output after the first chunk; how long the exit took after that. */
  async function closeEarly(jobs: string): Promise<number> {
    // Without the stop this sweep runs for many minutes (Σ n(n+1)/2 + n over n = 4..2000 ≈ 1.3·10⁹ messages).
    const child = spawn(
      CLI[0],
      [
        ...CLI[1],
        'experiment',
        '--algorithm',
        'lcr',
        '--n',
        '4-2000',
        '--ids',
        'desc',
        '--csv',
        '--quiet',
        '--jobs',
        jobs,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let err = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (err += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const first = await new Promise<string>((resolve) =>
      child.stdout.once('data', (d: Buffer) => resolve(String(d))),
    );
    expect(first.split('\n')[0]).toBe('algorithm,n,order,seed,messages,rounds');
    const closedAt = performance.now();
    child.stdout.destroy();
    const code = await exited;
    expect(code).toBe(0);
    expect(err).toBe('');
    return performance.now() - closedAt;
  }

  it('stops as soon as its output closes (`… | head -1`), instead of computing on', async () => {
    // What a user waits for `… | head -1` is mostly starting Node and tsx (~1 s of CPU): 1.7–2.9 s in
    // all on the 2-core machine at load 14, 8–11 s at load 22; the stop after the header took 0.4–0.6 s.
    expect(await closeEarly('1')).toBeLessThan(1_000);
  });

  it('on worker threads (--jobs 2) stops too, ending its threads, long before the sweep would end', async () => {
    // Ending two threads in the middle of their runs took 1.2 s at load 25; the sweep takes many minutes.
    expect(await closeEarly('2')).toBeLessThan(30_000);
  });
});
