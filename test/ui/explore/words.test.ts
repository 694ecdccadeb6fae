import { describe, expect, it } from 'vitest';
import type { ExploreSummary } from '../../../src/explorer';
import { exact, headline, leaderList, magnitude } from '../../../src/ui/explore/words';

const base: ExploreSummary = {
  algorithm: 'lcr',
  n: 5,
  complete: true,
  states: 137,
  transitions: 335,
  terminalStates: 1,
  schedules: '292864',
  leaders: [5],
  messages: { min: 20, max: 20, minByKind: {}, maxByKind: {} },
  violations: [],
  best: null,
  worst: null,
};

describe('the explorer in words', () => {
  it('issue 13’s sentence', () => {
    expect(headline(base)).toBe('292,864 schedules; every one elects 5 with 20 messages.');
  });

  it('a count that depends on the schedule, several leaders, no leader', () => {
    const range = { min: 38, max: 42, minByKind: {}, maxByKind: {} };
    expect(headline({ ...base, schedules: '1234', messages: range })).toBe(
      '1,234 schedules; every one elects 5, with 38 to 42 messages.',
    );
    expect(headline({ ...base, schedules: '336', leaders: [2, 3, 4], messages: { ...range, max: 38 } })).toBe(
      '336 schedules; they elect 2, 3 or 4, every one with 38 messages.',
    );
    expect(headline({ ...base, leaders: [3, null], messages: range })).toBe(
      '292,864 schedules; they elect 3, and some elect no leader, with 38 to 42 messages.',
    );
    expect(headline({ ...base, schedules: '1' })).toBe('1 schedule; it elects 5 with 20 messages.');
  });

  it('a cycle, and a search stopped before its end', () => {
    expect(headline({ ...base, schedules: 'infinite', messages: null })).toMatch(/^The run need not end/);
    expect(headline({ ...base, complete: false, stoppedBy: 'stopped', states: 4096, schedules: '0' })).toBe(
      'Cancelled after 4,096 states: no schedule was followed to its end yet. The unexplored part may hold more.',
    );
    expect(headline({ ...base, complete: false, stoppedBy: 'max-states', states: 50, schedules: '12' })).toBe(
      'Stopped at the state budget after 50 states: the part explored holds 12 whole schedules; every one elects 5 with 20 messages. The unexplored part may hold more.',
    );
  });

  it('exact digits of any length, and their size at a glance', () => {
    // LCR on 10 processes: 4.4 × 10³⁴ schedules (docs/explorer.md), more digits than a double holds.
    const count = (44n * 10n ** 33n + 123n).toString();
    expect(exact(count)).toBe(`44,${'000,'.repeat(10)}123`);
    expect(magnitude(count)).toBe('4.4 × 10³⁴');
    expect(magnitude('292864')).toBeNull();
    expect(leaderList([5])).toBe('5');
    expect(leaderList([2, 3])).toBe('2 or 3');
  });
});
