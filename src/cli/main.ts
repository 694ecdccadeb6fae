import { readFileSync, statSync } from 'node:fs';
import { isMainThread, workerData } from 'node:worker_threads';
import { Simulation } from '../engine/simulation';
import { buildRun } from '../scenario/build';
import { toFlat } from '../scenario/encode';
import { MAX_JSON, scenarioFromJson } from '../scenario/json';
import { parseFlat, type Flat } from '../scenario/parse';
import { noMessageInFlight } from '../scenario/schedule';
import { summarize } from '../scenario/summary';
import { traceMismatch } from '../scenario/traceCheck';
import type { Scenario } from '../scenario/types';
import { queryToFlat } from '../scenario/url';
import { MAX_DELAY_IN_SYNC, parseArgs, usage, UsageError, type CliArgs } from './args';
import { longRunNote, runMessages } from './estimate';
import { runExperimentCommand } from './experiment';
import { fail, note, say } from './say';
import { runExploreCommand } from './explore';
import { POOL_WORKER } from './pool';
import { servePool } from './poolWorker';

/** A scenario or trace file, read whole (it is at most MAX_JSON characters). */
function readScenarioFile(path: string): { scenario: Scenario; data: unknown } {
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_JSON) fail(`--file: "${path}" is ${size} bytes long; at most ${MAX_JSON} are read`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unreadable';
    fail(`--file: cannot read "${path.slice(0, 80)}" (${code})`);
  }
  const read = scenarioFromJson(text);
  if (!read.ok) fail(`--file: ${read.errors.map((e) => e.message).join('; ')}`);
  // scenarioFromJson parsed it already, so this cannot throw.
  return { scenario: read.value, data: JSON.parse(text) as unknown };
}

/** The scenario's flat keys: the link's or the file's, then the options given beside them. */
function flatOf(args: CliArgs, file: Scenario | null): Flat {
  if (file) return { ...toFlat(file), ...args.flat };
  if (args.url === null) return args.flat;
  const fromUrl = queryToFlat(args.url);
  if (!fromUrl.ok) fail(`--url: ${fromUrl.errors[0]!.message}`);
  // Options given beside --url override the link's keys.
  return { ...fromUrl.value, ...args.flat };
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === 'experiment') {
    await runExperimentCommand(argv.slice(1), new URL(import.meta.url));
    return;
  }
  if (argv[0] === 'explore') {
    runExploreCommand(argv.slice(1), fail);
    return;
  }
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) fail(e.message);
    throw e;
  }
  if (args.help) {
    process.stdout.write(`${usage()}\n`);
    return;
  }
  const file = args.file !== null ? readScenarioFile(args.file) : null;
  const parsed = parseFlat(flatOf(args, file?.scenario ?? null));
  if (!parsed.ok) fail(parsed.errors.map((e) => e.message).join('; '));
  const scenario = parsed.value;
  if (args.flat.maxDelay !== undefined && scenario.timing.mode === 'sync') fail(MAX_DELAY_IN_SYNC);
  const run = buildRun(scenario);
  if (!run.ok) fail(run.errors.map((e) => e.message).join('; '));

  if (!args.quiet) {
    // The viewer's cursor is no part of the run: a link at step k and the same link without it are
    // the same run with the same traceHash (the page and the CLI agree on a link's hash).
    if (scenario.step !== undefined)
      note(
        `step=${scenario.step} is where the page opens the run; the whole run is reported (--max-steps N stops it after N steps)`,
      );
    const line = longRunNote('this run', runMessages(run.value, args.maxSteps));
    if (line) note(line);
  }
  if (file) {
    const mismatch = traceMismatch(file.data, scenario);
    if (mismatch)
      say(
        'warning',
        `--file: the trace's own record does not match a re-run of its scenario (${mismatch}); printed below is the re-run`,
      );
  }

  const sim = new Simulation({
    ...run.value,
    record: false,
    hash: true,
    ...(args.maxSteps ? { stepBudget: args.maxSteps } : {}),
  });
  sim.runToEnd();
  // A schedule that names a message that is not there is bad input, like any other refusal.
  if (sim.stalled) fail(noMessageInFlight(sim.stalled.step, sim.stalled));
  const summary = summarize(sim);
  if (args.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else {
    const lines = [
      `${run.value.algorithm.name}, ${summary.n} nodes, ${summary.mode}`,
      `leader: ${summary.leader ?? 'none'}`,
      `messages: ${summary.messages} (${byKind(summary.messagesByKind)})`,
      // Only where something was lost or a monitor spoke: a perfect run prints what it printed before.
      ...(summary.lost > 0 ? [`lost: ${summary.lost} (${byKind(summary.lostByKind)})`] : []),
      ...summary.violations.map((v) => `violation at step ${v.step}: ${v.message}`),
      summary.mode === 'sync' ? `rounds: ${summary.rounds}` : `time: ${summary.time}`,
      // Only where duplicates were asked for (C26): every other run prints what it printed before.
      ...(summary.duplicated !== undefined
        ? [`duplicated: ${summary.duplicated} (copies, not in messages)`]
        : []),
      `events: ${summary.events}, traceHash: ${summary.traceHash}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  if (sim.budgetExceeded) {
    say(
      'error',
      `stopped after ${sim.stepBudget} steps without terminating (raise --max-steps if the run is meant to be this long)`,
    );
    process.exit(3);
  }
}

/** Counts by message kind as the text output shows them: `election 11, elected 6`. */
function byKind(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}

// The experiment's worker threads start from this same file (pool.ts): tsx or the bundle alike.
if (!isMainThread && workerData === POOL_WORKER) servePool();
else void main(process.argv.slice(2));
