import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/simulation';
import { buildRun } from '../../src/scenario/build';
import { decodeScenario } from '../../src/scenario/url';
import { CLI_NODE, cliArgs } from '../util/cli';

const cli = (...args: string[]) => {
  const r = spawnSync(CLI_NODE, cliArgs(...args), { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/** What the page does with a link: decode, build, run to the end with recording on. */
function hashInPage(link: string): string {
  const d = decodeScenario(link);
  if (!d.ok) throw new Error(d.errors[0]!.message);
  const r = buildRun(d.value);
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return new Simulation({ ...r.value }).runToEnd().traceHash();
}

describe('CLI --schedule', () => {
  it('replays the hand-worked LCR schedule (test/scenario/schedule-replay.test.ts) and matches the link', () => {
    const r = cli(
      '--algorithm',
      'lcr',
      '--ids',
      '1,2,3',
      '--mode',
      'async',
      '--schedule',
      '3-1,1-2,1-2,2-3,2-3',
      '--json',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    // 5 election + 3 elected; 8 deliveries at times 1…8 after 3 start-ups.
    expect(j).toMatchObject({
      leader: 3,
      messages: 8,
      messagesByKind: { election: 5, elected: 3 },
      time: 8,
      events: 11,
      terminated: true,
    });
    const link = '#v=1&alg=lcr&ids=1,2,3&mode=async&sched=3-1,1-2,1-2,2-3,2-3';
    expect(j.traceHash).toBe(hashInPage(link));
    expect(JSON.parse(cli('--url', link, '--json').out).traceHash).toBe(j.traceHash);
  });

  const bad: [string, string[], string][] = [
    [
      'a step whose channel is empty',
      ['--ids', '1,2,3', '--mode', 'async', '--schedule', '1-2,1-2'],
      'error: schedule step 2 names channel 1→2, which has no message in flight',
    ],
    [
      'sync mode',
      ['--ids', '1,2,3', '--schedule', '1-2'],
      'error: a delivery schedule orders the deliveries of an asynchronous run; in sync mode every message sent in a round arrives in the next one (C5): choose async mode',
    ],
    [
      'an id not in the graph',
      ['--ids', '1,2,3', '--mode', 'async', '--schedule', '1-2,9-1'],
      'error: schedule step 2, 9-1, names 9, not a node of this system',
    ],
    [
      'a malformed step',
      ['--ids', '1,2,3', '--mode', 'async', '--schedule', '1-2,2>3'],
      'error: schedule step 2, "2>3", is not a delivery; write from-to, e.g. 5-1',
    ],
  ];
  for (const [what, args, line] of bad) {
    it(`refuses ${what}: one line on stderr, exit code 2`, () => {
      const r = cli('--algorithm', 'lcr', ...args, '--json');
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toBe(`${line}\n`);
    });
  }

  it('refuses a timed algorithm with its own sentence', () => {
    const r = cli('--algorithm', 'bully', '--n', '4', '--mode', 'async', '--schedule', '1-2', '--json');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/cannot replay a delivery schedule: Bully decides by timeouts/);
  });
});
