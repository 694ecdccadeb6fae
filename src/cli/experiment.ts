import { availableParallelism } from 'node:os';
import { CSV_HEADER, csvLine, publicRow } from '../experiments/csv';
import { describeOrder, isOrderName, ORDER_NAMES, type OrderName } from '../experiments/orders';
import { parseNRange } from '../experiments/range';
import { planExperiment, runExperiment, type ExperimentRow } from '../experiments/runner';
import { SPEC_DEFAULTS, type ExperimentSpec } from '../experiments/spec';
import { MAX_STEPS_OPTION } from './args';
import { readArgv, UsageError, wholeOption, type Grammar } from './argv';
import { longRunNote } from './estimate';
import { runOnThreads } from './pool';
import { fail, note, say } from './say';
import { ALGORITHMS, EXPERIMENT_DEFAULTS } from '../algorithms/registry';
import { SYSTEM_EXPERIMENTS } from '../experiments/systems';
import { readRunOptions } from './runOptions';
import { parseSystemArgs, runSystemCommand, SYSTEM_USAGE, type SystemArgs } from './system-experiment';

export const EXPERIMENT_USAGE = `Leader Election Lab — experiments (many headless runs, one row each)

  npm run --silent sim -- experiment --algorithm ${EXPERIMENT_DEFAULTS.join(',')} --n 4-64 [--ids worst,best,random,asc,desc]
     [--seeds K] [--mode sync|async] [--max-delay D] [--no-announce] [--max-steps N] [--jobs K] [--shard i/k]
     [--quiet] [--csv | --json]
  npm run --silent sim -- experiment --preset ${SYSTEM_EXPERIMENTS.map((e) => e.id).join('|')}
     [--vary NAME=VALUES] [--seeds K] [--n K] [--mode sync|async] [--max-delay D] [--csv | --json]

  --n       sizes: 4,8,16 | 4-64 | 4-64:4 (step 4) | 4-64:x2 (powers of two) | a comma-separated mix
  --ids     id orders (default worst); worst and best are defined per algorithm:
${ALGORITHMS.flatMap((a) =>
  (['worst', 'best'] as const).map(
    (o) => `              ${a.id} ${o}: ${describeOrder(a.id, o) ?? 'not defined'}`,
  ),
).join('\n')}
  --seeds   runs that depend on a seed (random ids, async delays) are repeated with seeds 1..K
  --max-delay  async only: delays are uniform in [1, D] (default 10)
  --max-steps  stop each run after N steps (exit code 3 if one did not end)
  --jobs    runs on K worker threads (default: the number of cores, here ${cores()}); the rows come out
            in the same order whatever K is
  --shard   i/k runs only every k-th run of the sweep, from the i-th (1 ≤ i ≤ k), for a batch system
            (GNU parallel, a Slurm array job, Kubernetes Jobs): the rows of the k shards, concatenated
            and sorted, are the rows of the whole sweep, sorted
  --quiet   no note before an experiment estimated to take over a minute
  --csv     (default) prints the header ${CSV_HEADER} and one line per run
  --json    prints one JSON array of {algorithm, n, order, seed, messages, rounds}

rounds is the last round with a delivery (sync) or the time of the last delivery (async).

${SYSTEM_USAGE}`;

/** The single run's options, refused by name here (they describe one scenario, not a sweep). */
const RUN_ONLY = ['--url', '--file', '--topology', '--edges', '--seed'];

export const EXPERIMENT_GRAMMAR: Grammar = {
  command: 'experiment',
  values: [
    '--algorithm',
    '--n',
    '--ids',
    '--seeds',
    '--mode',
    '--max-delay',
    '--max-steps',
    '--jobs',
    '--shard',
    '--preset',
    '--vary',
  ],
  flags: ['--csv', '--json', '--no-announce', '--quiet', '--help'],
  elsewhere: Object.fromEntries(
    RUN_ONLY.map((o) => [o, `${o} is an option of a single run, not of experiment (see experiment --help)`]),
  ),
};

interface ExperimentArgs {
  spec: ExperimentSpec;
  format: 'csv' | 'json';
  maxSteps: number | undefined;
  quiet: boolean;
  help: boolean;
  /** Worker threads (1: the runs happen on the main thread). */
  jobs: number;
  /** This shard, `index` of `count` (1-based): the runs whose place in the sweep is index − 1 modulo count. */
  shard: { index: number; count: number };
  /** `--preset`: a systems experiment instead of an n-sweep (C27). */
  system?: SystemArgs;
}

/** The most threads --jobs takes, and the most shards --shard splits a sweep into. */
export const MAX_JOBS = 256;
export const MAX_SHARDS = 100_000;

/** The cores Node may use: --jobs' default. */
function cores(): number {
  return Math.max(1, availableParallelism());
}

/** `i/k` with 1 ≤ i ≤ k ≤ MAX_SHARDS; a UsageError in one sentence otherwise. */
export function parseShard(text: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (!m)
    throw new UsageError(`--shard must be i/k (this is shard i of k, e.g. 2/8), not "${text.slice(0, 20)}"`);
  const count = wholeOption('--shard: k', m[2]!, 1, MAX_SHARDS);
  const index = wholeOption('--shard: i', m[1]!, 1, count);
  return { index, count };
}

/** Reads the experiment's options; throws a UsageError with one sentence on bad input. */
export function parseExperimentArgs(argv: readonly string[]): ExperimentArgs {
  const { values: given, flags } = readArgv(argv, EXPERIMENT_GRAMMAR);
  if (given.has('--vary') && !given.has('--preset') && !flags.has('--help'))
    throw new UsageError(`--vary needs --preset (${SYSTEM_EXPERIMENTS.map((e) => e.id).join(', ')})`);
  if (flags.has('--csv') && flags.has('--json'))
    throw new UsageError('--csv and --json cannot both be given');
  const spec: ExperimentSpec = {
    ...SPEC_DEFAULTS,
    announce: !flags.has('--no-announce'),
    algorithms: [],
    ns: [],
    orders: ['worst'],
  };
  const out: ExperimentArgs = {
    spec,
    format: flags.has('--json') ? 'json' : 'csv',
    maxSteps: undefined,
    quiet: flags.has('--quiet'),
    help: flags.has('--help'),
    jobs: cores(),
    shard: { index: 1, count: 1 },
  };
  if (out.help) return out;
  if (given.has('--preset')) return { ...out, system: parseSystemArgs(given, flags) };

  const algorithm = given.get('--algorithm');
  if (algorithm === undefined)
    throw new UsageError(`--algorithm is required, e.g. --algorithm ${EXPERIMENT_DEFAULTS.join(',')}`);
  spec.algorithms = algorithm.split(',').map((a) => a.trim());

  const n = given.get('--n');
  if (n === undefined) throw new UsageError('--n is required, e.g. --n 4-64 or --n 4,8,16');
  // Spaces may follow a comma (`4, 8, 16`), but a size is digits only: ` 5 ` is refused like `5.0`.
  if (n !== n.trim()) throw new UsageError(`--n: "${n.slice(0, 20)}" has spaces around it`);
  const range = parseNRange(n);
  if (!range.ok) throw new UsageError(`--${range.error}`);
  spec.ns = range.values;

  const ids = given.get('--ids');
  if (ids !== undefined) {
    const orders: OrderName[] = [];
    for (const raw of ids.split(',')) {
      const o = raw.trim();
      if (!isOrderName(o))
        throw new UsageError(
          `--ids: "${o.slice(0, 20)}" is not an id order (one of: ${ORDER_NAMES.join(', ')})`,
        );
      orders.push(o);
    }
    spec.orders = orders;
  }
  readRunOptions(given, spec);
  const maxSteps = given.get('--max-steps');
  if (maxSteps !== undefined) out.maxSteps = wholeOption('--max-steps', maxSteps, 1, MAX_STEPS_OPTION);
  const jobs = given.get('--jobs');
  if (jobs !== undefined) out.jobs = wholeOption('--jobs', jobs, 1, MAX_JOBS);
  const shard = given.get('--shard');
  if (shard !== undefined) out.shard = parseShard(shard);
  return out;
}

/** True once stdout is gone (`… | head -1` exited): nothing more is worth computing. */
let closed = false;

/** Lets a pending EPIPE on stdout be noticed between two runs: the loop never holds the event loop long. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * `sim experiment …`: every run of the experiment as a CSV line (streamed) or one JSON array. Stops as
 * soon as stdout closes.
 */
export async function runExperimentCommand(argv: string[], entry: URL): Promise<void> {
  let args: ExperimentArgs;
  try {
    args = parseExperimentArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) fail(e.message);
    throw e;
  }
  if (args.help) {
    process.stdout.write(`${EXPERIMENT_USAGE}\n`);
    return;
  }
  if (args.system) return runSystemCommand(args.system);
  const planned = planExperiment(args.spec);
  if (!planned.ok) fail(planned.error);
  const { index, count } = args.shard;
  const plan = { runs: planned.runs.filter((_, r) => r % count === index - 1) };
  // `… | head` closes the pipe early: stop at once and quietly instead of computing on, or dying on EPIPE.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    closed = true;
    process.exit(0);
  });
  if (!args.quiet) {
    const messages = plan.runs.reduce((sum, r) => sum + Math.min(r.bound, args.maxSteps ?? Infinity), 0);
    const runs = plan.runs.length;
    const line = longRunNote(`this experiment (${runs.toLocaleString('en-US')} runs)`, messages);
    if (line) note(line);
  }
  const rows: ExperimentRow[] = [];
  let unfinished: ExperimentRow | null = null;
  // The header goes out with the first row: until then the threads are starting, and a reader that has
  // gone (`… | head -1`) is only noticed by a write, which must not wait for them.
  let header = args.format === 'csv';
  const source =
    args.jobs > 1 && plan.runs.length > 1
      ? runOnThreads(entry, plan.runs, args.maxSteps, args.jobs)
      : runExperiment(plan.runs, args.maxSteps);
  for await (const row of source) {
    if (!row.terminated && !unfinished) unfinished = row;
    if (header) process.stdout.write(`${CSV_HEADER}\n`);
    header = false;
    if (args.format === 'csv') process.stdout.write(`${csvLine(row)}\n`);
    else rows.push(row);
    await turn();
    if (closed) return;
  }
  if (header) process.stdout.write(`${CSV_HEADER}\n`);
  if (args.format === 'json') process.stdout.write(`${JSON.stringify(rows.map(publicRow))}\n`);
  if (unfinished) {
    say(
      'error',
      `${unfinished.algorithm}, n = ${unfinished.n}, ${unfinished.order}, seed ${unfinished.seed} stopped at the step budget without terminating`,
    );
    process.exit(3);
  }
}
