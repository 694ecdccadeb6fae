import { Simulation } from '../engine/simulation';
import { buildRun } from '../scenario/build';
import { parseFlat } from '../scenario/parse';
import { noMessageInFlight } from '../scenario/schedule';
import { summarize } from '../scenario/summary';
import { queryToFlat } from '../scenario/url';
import { parseArgs, usage, UsageError } from './args';
import { runExperimentCommand } from './experiment';
import { runExploreCommand } from './explore';

/** Bad input: one line naming the problem on stderr, exit code 2 (docs/architecture.md, Command line). */
function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}

function main(argv: string[]): void {
  if (argv[0] === 'experiment') {
    runExperimentCommand(argv.slice(1), fail);
    return;
  }
  if (argv[0] === 'explore') {
    runExploreCommand(argv.slice(1), fail);
    return;
  }
  let args;
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
  let flat = args.flat;
  if (args.url !== null) {
    const fromUrl = queryToFlat(args.url);
    if (!fromUrl.ok) fail(`--url: ${fromUrl.errors[0]!.message}`);
    // Options given beside --url override the link's keys.
    flat = { ...fromUrl.value, ...flat };
  }
  const parsed = parseFlat(flat);
  if (!parsed.ok) fail(parsed.errors.map((e) => e.message).join('; '));
  const run = buildRun(parsed.value);
  if (!run.ok) fail(run.errors.map((e) => e.message).join('; '));
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
      `messages: ${summary.messages} (${Object.entries(summary.messagesByKind)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')})`,
      summary.mode === 'sync' ? `rounds: ${summary.rounds}` : `time: ${summary.time}`,
      `events: ${summary.events}, traceHash: ${summary.traceHash}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  if (sim.budgetExceeded) {
    process.stderr.write(
      `error: stopped after ${sim.stepBudget} steps without terminating (raise --max-steps if the run is meant to be this long)\n`,
    );
    process.exit(3);
  }
}

main(process.argv.slice(2));
