import {
  DEFAULT_MAX_STATES,
  MAX_MAX_STATES,
  prepareExplorer,
  refused,
  summarize,
  type ExploreSummary,
} from '../explorer';
import { parseFlat } from '../scenario/parse';
import { queryToFlat } from '../scenario/url';
import { parseArgs, UsageError } from './args';
import { wholeOption } from './argv';

/**
 * `sim explore`: every delivery order of one scenario (docs/explorer.md). The scenario options are
 * the simulator's (parseArgs); the explorer adds its two budgets. Bad input: one line, exit code 2;
 * a search stopped by a budget prints its partial figures (`complete: false`) and exits with 3, as a
 * run stopped by --max-steps does.
 */

export const EXPLORE_USAGE = `  npm run --silent sim -- explore --algorithm ALG (--ids 5,4,3,2,1 | --n 5 --ids asc|desc|random)
     [--topology KIND] [--edges "1-2:4,2-3:7"] [--initiators IDS] [--wake IDS] [--seed S]
     [--max-states N] [--time-budget SECONDS] [--url '<link>'] [--json]

  Walks every order in which the messages of an asynchronous run can be delivered (FIFO channels,
  start-up sends first) and reports the exact number of schedules, the leaders, the fewest and most
  messages with a schedule for each, and the shortest schedule to any violation.
  --max-states N          stop after N distinct states (default ${DEFAULT_MAX_STATES}, at most ${MAX_MAX_STATES}); exit code 3
  --time-budget SECONDS   stop after this much wall time; exit code 3`;

/** The value of a budget option: strict decimal digits in range (src/cli/argv.ts). */
function budget(flag: string, text: string | undefined, max: number): number {
  if (text === undefined || text.startsWith('--')) throw new UsageError(`${flag} needs a value`);
  return wholeOption(flag, text, 1, max);
}

/** The longest --time-budget, in seconds: a day. */
const MAX_BUDGET_S = 86_400;

/** Seconds, strictly: digits with at most three decimals (`30`, `0.5`), more than 0, at most a day. */
function secondsOf(flag: string, text: string | undefined): number {
  if (text === undefined || text.startsWith('--')) throw new UsageError(`${flag} needs a value`);
  const v = /^\d{1,5}(\.\d{1,3})?$/.test(text) ? Number(text) : NaN;
  if (!(v > 0 && v <= MAX_BUDGET_S))
    throw new UsageError(
      `${flag} must be a number of seconds from 0.001 to ${MAX_BUDGET_S} (e.g. 30 or 0.5), not "${text.slice(0, 20)}"`,
    );
  return v;
}

export function runExploreCommand(argv: readonly string[], fail: (message: string) => never): void {
  let maxStates = DEFAULT_MAX_STATES;
  let budgetMs: number | null = null;
  const rest: string[] = [];
  const seen = new Set<string>();
  let args;
  try {
    for (let i = 0; i < argv.length; i++) {
      const [flag, inline] =
        argv[i]!.startsWith('--') && argv[i]!.includes('=')
          ? argv[i]!.split(/=(.*)/s, 2)
          : [argv[i]!, undefined];
      if (flag === '--max-states' || flag === '--time-budget') {
        if (seen.has(flag)) throw new UsageError(`${flag} is given twice`);
        seen.add(flag);
      }
      if (flag === '--max-states') maxStates = budget(flag, inline ?? argv[++i], MAX_MAX_STATES);
      else if (flag === '--time-budget') budgetMs = 1000 * secondsOf(flag, inline ?? argv[++i]);
      else if (flag === '--max-steps')
        throw new UsageError('--max-steps bounds one run; the explorer takes --max-states and --time-budget');
      else rest.push(argv[i]!);
    }
    args = parseArgs(rest);
  } catch (e) {
    if (e instanceof UsageError) fail(e.message);
    throw e;
  }
  if (args.help) {
    process.stdout.write(`${EXPLORE_USAGE}\n`);
    return;
  }
  if (args.flat.mode !== undefined && args.flat.mode !== 'async')
    fail(
      `explore: the explorer covers asynchronous runs (every delivery order); leave out --mode ${args.flat.mode}`,
    );
  let flat = args.flat;
  if (args.url !== null) {
    const fromUrl = queryToFlat(args.url);
    if (!fromUrl.ok) fail(`--url: ${fromUrl.errors[0]!.message}`);
    flat = { ...fromUrl.value, ...flat };
  }
  // The explorer's model is the asynchronous one, whatever mode a link was shared in.
  const parsed = parseFlat({ ...flat, mode: 'async' });
  if (!parsed.ok) fail(parsed.errors.map((e) => e.message).join('; '));

  const started = Date.now();
  const prepared = prepareExplorer(parsed.value, {
    maxStates,
    ...(budgetMs === null ? {} : { shouldStop: () => Date.now() - started >= budgetMs! }),
  });
  if (!prepared.ok) fail(prepared.message);
  let summary: ExploreSummary;
  try {
    prepared.explorer.run();
    summary = summarize(prepared.explorer, parsed.value);
  } catch (e) {
    fail(refused(e).message);
  }
  if (summary.stoppedBy === 'stopped') summary.stoppedBy = 'time-budget';
  const seconds = (Date.now() - started) / 1000;
  if (args.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else process.stdout.write(`${describe(summary, seconds)}\n`);
  if (!summary.complete) {
    const why =
      summary.stoppedBy === 'max-states'
        ? `the state budget (--max-states ${maxStates}) was reached`
        : `the time budget (--time-budget ${budgetMs! / 1000}) ran out`;
    process.stderr.write(
      `error: the exploration is not complete: ${why}; the figures cover the part explored\n`,
    );
    process.exit(3);
  }
}

const thousands = (v: number | string) => BigInt(v).toLocaleString('en');

/** The answer in words, as the lecture asks it. */
function describe(s: ExploreSummary, seconds: number): string {
  const lines = [
    `${s.algorithm}, ${s.n} processes${s.complete ? '' : ' (incomplete: figures cover the part explored)'}`,
    `${s.states.toLocaleString('en')} states, ${s.transitions.toLocaleString('en')} transitions in ${seconds.toFixed(1)} s`,
    `schedules: ${s.schedules === 'infinite' ? 'infinitely many (a cycle)' : thousands(s.schedules)}`,
    `leaders: ${s.leaders.map((l) => l ?? 'none').join(', ') || '—'}`,
  ];
  if (s.messages) {
    const kinds = (k: Record<string, number>) =>
      Object.entries(k)
        .map(([kind, v]) => `${kind} ${v}`)
        .join(', ');
    lines.push(
      s.messages.min === s.messages.max
        ? `messages: ${s.messages.min} in every schedule (${kinds(s.messages.maxByKind)})`
        : `messages: ${s.messages.min} to ${s.messages.max} (fewest: ${kinds(s.best!.messagesByKind)}; most: ${kinds(s.worst!.messagesByKind)})`,
    );
    lines.push(`fewest: ${s.best!.url}`, `most:   ${s.worst!.url}`);
  }
  if (s.violations.length === 0) lines.push('violations: none');
  for (const v of s.violations)
    lines.push(`VIOLATION ${v.kind}: ${v.message}; shortest witness, ${v.deliveries} deliveries: ${v.url}`);
  return lines.join('\n');
}
