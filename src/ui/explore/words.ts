import type { NodeId } from '../../engine/types';
import type { ExploreSummary, ViolationSummary } from '../../explorer';
import type { RunSpec } from '../../scenario/build';
import { fmt } from '../format';

/**
 * The explorer's figures as the sentences a lecture reads aloud: "292,864 schedules; every one
 * elects 5 with 20 messages". Pure, so the wording is tested without a browser.
 */

/** An exact count with thousands separators, however many digits (a BigInt in decimal). */
export function exact(count: string): string {
  return count.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** 29446... → "2.9 × 10¹⁹": the size at a glance, beside the exact digits. Null below a million. */
export function magnitude(count: string): string | null {
  if (!/^\d+$/.test(count) || count.length <= 6) return null;
  const exp = count.length - 1;
  const lead = `${count[0]}.${count[1]}`;
  return `${lead} × 10${[...String(exp)].map((d) => SUPERSCRIPT[Number(d)]).join('')}`;
}

/** "5", "3 or 4", "2, 3 or 4"; no leader reads "none". */
export function leaderList(leaders: readonly (NodeId | null)[]): string {
  const names = leaders.map((l) => (l === null ? 'none' : String(l)));
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

const plural = (count: string, word: string) => `${exact(count)} ${word}${count === '1' ? '' : 's'}`;

/** What every schedule found whole does: who it elects and how many messages it sends. */
function outcome(s: ExploreSummary): string {
  const m = s.messages;
  const sent = m === null ? '' : m.min === m.max ? `${m.min} messages` : `${m.min} to ${m.max} messages`;
  const one = s.schedules === '1';
  if (s.leaders.length === 1 && s.leaders[0] !== null)
    return `${one ? 'it' : 'every one'} elects ${s.leaders[0]}${sent ? `${m!.min === m!.max ? '' : ','} with ${sent}` : ''}`;
  const who =
    s.leaders.length === 1
      ? `${one ? 'it elects' : 'none elects'} no leader`
      : `they elect ${leaderList(s.leaders.filter((l) => l !== null))}${s.leaders.includes(null) ? ', and some elect no leader' : ''}`;
  if (!sent) return who;
  return m!.min === m!.max ? `${who}, every one with ${sent}` : `${who}, with ${sent}`;
}

/** The one sentence that answers the lecture's question. */
export function headline(s: ExploreSummary): string {
  if (s.schedules === 'infinite')
    return 'The run need not end: some deliveries can repeat for ever, so the schedules are infinitely many.';
  if (s.complete) {
    if (s.schedules === '0') return 'No schedule reaches an end.';
    return `${plural(s.schedules, 'schedule')}; ${outcome(s)}.`;
  }
  const why = s.stoppedBy === 'max-states' ? 'Stopped at the state budget' : 'Cancelled';
  const found =
    s.schedules === '0'
      ? 'no schedule was followed to its end yet'
      : `the part explored holds ${plural(s.schedules, 'whole schedule')}; ${outcome(s)}`;
  return `${why} after ${fmt(s.states)} states: ${found}. The unexplored part may hold more.`;
}

export const VIOLATION_TITLES: Record<ViolationSummary['kind'], string> = {
  'two-leaders': 'Two leaders at once',
  'wrong-leader': 'A wrong leader',
  'no-leader': 'No leader',
  'never-learns': 'A node never learns the leader',
  stuck: 'Stuck with messages held',
  cycle: 'The run need not end',
  'handler-error': 'A handler throws',
};

/** "LCR on 5 processes (ids clockwise 5,4,3,2,1)", "GHS on 5 nodes and 7 edges". */
export function systemText(run: RunSpec): string {
  const g = run.graph;
  const n = g.ids.length;
  const ids = n <= 16 ? g.ids.join(',') : `${g.ids.slice(0, 16).join(',')},…`;
  if (g.ring) return `${run.algorithm.name} on a ring of ${n} (ids clockwise ${ids})`;
  return `${run.algorithm.name} on ${n} nodes and ${g.edges.length} edges (ids ${ids})`;
}
