import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bully } from '../../src/algorithms/bully';
import { parseSchedule } from '../../src/scenario/schedule';
import { queryToFlat } from '../../src/scenario/url';
import { CLI_NODE, cliArgs } from '../util/cli';

const explore = (...args: string[]) => {
  const r = spawnSync(CLI_NODE, cliArgs('explore', ...args), { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('sim explore', () => {
  it('prints the JSON of issue 13 for LCR on the ring 5,4,3,2,1', () => {
    const r = explore('--algorithm', 'lcr', '--ids', '5,4,3,2,1', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(
      expect.arrayContaining([
        'algorithm',
        'n',
        'complete',
        'states',
        'transitions',
        'schedules',
        'leaders',
        'messages',
        'violations',
        'best',
        'worst',
      ]),
    );
    // The figure; C3: 15 election (n(n+1)/2) + 5 elected, the announcement counted.
    expect(j).toMatchObject({
      algorithm: 'lcr',
      n: 5,
      complete: true,
      schedules: '292864',
      leaders: [5],
      messages: { min: 20, max: 20, minByKind: { election: 15, elected: 5 } },
      violations: [],
    });
    expect(typeof j.schedules).toBe('string');
    // The best schedule's link: the scenario's own keys, async, and the schedule in its text form.
    const link = queryToFlat(j.best.url);
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    expect(link.value).toMatchObject({
      v: '1',
      alg: 'lcr',
      ids: '5,4,3,2,1',
      mode: 'async',
      sched: j.best.schedule,
    });
    const sched = parseSchedule(j.best.schedule);
    expect(sched.ok && sched.value.length).toBe(20); // every message delivered once
  });

  it('takes --n with an id order, --initiators, and says it in words without --json', () => {
    const r = explore('--algorithm', 'chang-roberts', '--n', '4', '--ids', 'asc', '--initiators', '1');
    expect(r.code).toBe(0);
    // §1.2: a single initiator s sends n + d(s → max) election messages: 4 + 3 = 7, + 4 elected.
    expect(r.out).toMatch(/messages: 11 in every schedule \(election 7, elected 4\)/);
    expect(r.out).toMatch(/leaders: 4\n/);
    expect(r.out).toMatch(/violations: none/);
  });

  const refusals: [string[], string | RegExp][] = [
    [['--algorithm', 'bully', '--n', '4'], `error: ${bully.name} cannot be explored: ${bully.timed}\n`],
    [
      ['--algorithm', 'lcr', '--n', '4', '--max-states', '0'],
      'error: --max-states must be a whole number from 1 to 2000000, not "0"\n',
    ],
    [
      ['--algorithm', 'lcr', '--n', '4', '--mode', 'sync'],
      /^error: explore: the explorer covers asynchronous runs.*\n$/,
    ],
    [
      ['--algorithm', 'lcr', '--n', '17'],
      /^error: the explorer takes at most 16 processes \(this graph has 17\).*\n$/,
    ],
    [
      ['--algorithm', 'lcr', '--n', '4', '--time-budget', 'soon'],
      'error: --time-budget must be a number of seconds from 0.001 to 86400 (e.g. 30 or 0.5), not "soon"\n',
    ],
    [
      ['--algorithm', 'lcr', '--n', '4', '--max-states', '1e3'],
      'error: --max-states must be a whole number from 1 to 2000000, not "1e3"\n',
    ],
    [
      ['--algorithm', 'lcr', '--n', '4', '--max-states', '5', '--max-states', '6'],
      'error: --max-states is given twice\n',
    ],
  ];
  it.each(refusals)('refuses %j in one line, exit code 2', (args, message) => {
    const r = explore(...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    if (typeof message === 'string') expect(r.err).toBe(message);
    else expect(r.err).toMatch(message);
  });

  it('stops at the state budget with complete: false, the figures so far, and exit code 3', () => {
    const r = explore('--algorithm', 'hs', '--ids', '6,5,4,3,2,1', '--max-states', '300', '--json');
    expect(r.code).toBe(3);
    expect(r.err).toMatch(
      /^error: the exploration is not complete: the state budget \(--max-states 300\) was reached/,
    );
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ complete: false, stoppedBy: 'max-states', states: 300 });
  });

  it('stops at the time budget, between two expansions, with complete: false', () => {
    const r = explore('--algorithm', 'hs', '--n', '8', '--ids', 'desc', '--time-budget', '0.5', '--json');
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/the time budget \(--time-budget 0.5\) ran out/);
    const j = JSON.parse(r.out);
    // HS on 8 processes has 571,437 states: far more than half a second finds.
    expect(j).toMatchObject({ complete: false, stoppedBy: 'time-budget' });
    expect(j.states).toBeLessThan(571_437);
  });
});
