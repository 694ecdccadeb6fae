import { CSV_HEADER, csvLine, publicRow } from '../experiments/csv';
import { describeOrder, isOrderName, ORDER_NAMES, type OrderName } from '../experiments/orders';
import { parseNRange } from '../experiments/range';
import { planExperiment, runExperiment, type ExperimentRow } from '../experiments/runner';
import { SPEC_DEFAULTS, type ExperimentSpec } from '../experiments/spec';
import { ALGORITHMS, EXPERIMENT_DEFAULTS } from '../algorithms/registry';

export const EXPERIMENT_USAGE = `Leader Election Lab — experiments (many headless runs, one row each)

  npm run --silent sim -- experiment --algorithm ${EXPERIMENT_DEFAULTS.join(',')} --n 4-64 [--ids worst,best,random,asc,desc]
     [--seeds K] [--mode sync|async] [--max-delay D] [--no-announce] [--csv | --json]

  --n       sizes: 4,8,16 | 4-64 | 4-64:4 (step 4) | 4-64:x2 (powers of two) | a comma-separated mix
  --ids     id orders (default worst); worst and best are defined per algorithm:
${ALGORITHMS.flatMap((a) =>
  (['worst', 'best'] as const).map(
    (o) => `              ${a.id} ${o}: ${describeOrder(a.id, o) ?? 'not defined'}`,
  ),
).join('\n')}
  --seeds   runs that depend on a seed (random ids, async delays) are repeated with seeds 1..K
  --csv     (default) prints the header ${CSV_HEADER} and one line per run
  --json    prints one JSON array of {algorithm, n, order, seed, messages, rounds}

rounds is the last round with a delivery (sync) or the time of the last delivery (async).`;

interface ExperimentArgs {
  spec: ExperimentSpec;
  format: 'csv' | 'json';
  help: boolean;
}

/** Reads the experiment's options; returns one sentence on bad input. */
function parseExperimentArgs(argv: readonly string[]): ExperimentArgs | string {
  const given = new Map<string, string>();
  let format: 'csv' | 'json' | null = null;
  let announce = SPEC_DEFAULTS.announce;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i]!;
    let inline: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    if (arg === '--csv' || arg === '--json') {
      const f = arg === '--csv' ? 'csv' : 'json';
      if (format !== null && format !== f) return '--csv and --json cannot both be given';
      format = f;
    } else if (arg === '--no-announce') announce = false;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (['--algorithm', '--n', '--ids', '--seeds', '--mode', '--max-delay'].includes(arg)) {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) return `${arg} needs a value`;
      if (given.has(arg)) return `${arg} is given twice`;
      given.set(arg, v);
    } else return `unknown option ${arg.slice(0, 40)} for experiment (see experiment --help)`;
  }
  const spec: ExperimentSpec = { ...SPEC_DEFAULTS, announce, algorithms: [], ns: [], orders: ['worst'] };
  if (help) return { spec, format: 'csv', help };

  const algorithm = given.get('--algorithm');
  if (algorithm === undefined)
    return `--algorithm is required, e.g. --algorithm ${EXPERIMENT_DEFAULTS.join(',')}`;
  spec.algorithms = algorithm.split(',').map((a) => a.trim());

  const n = given.get('--n');
  if (n === undefined) return '--n is required, e.g. --n 4-64 or --n 4,8,16';
  const range = parseNRange(n);
  if (!range.ok) return `--${range.error}`;
  spec.ns = range.values;

  const ids = given.get('--ids');
  if (ids !== undefined) {
    const orders: OrderName[] = [];
    for (const raw of ids.split(',')) {
      const o = raw.trim();
      if (!isOrderName(o))
        return `--ids: "${o.slice(0, 20)}" is not an id order (one of: ${ORDER_NAMES.join(', ')})`;
      orders.push(o);
    }
    spec.orders = orders;
  }
  const whole = (opt: string): number | string | undefined => {
    const t = given.get(opt);
    if (t === undefined) return undefined;
    return /^\d{1,9}$/.test(t.trim()) ? Number(t) : `${opt} must be a whole number, not "${t.slice(0, 20)}"`;
  };
  const seeds = whole('--seeds');
  if (typeof seeds === 'string') return seeds;
  if (seeds !== undefined) spec.seeds = seeds;
  const maxDelay = whole('--max-delay');
  if (typeof maxDelay === 'string') return maxDelay;
  if (maxDelay !== undefined) spec.maxDelay = maxDelay;
  const mode = given.get('--mode')?.trim();
  if (mode !== undefined) {
    if (mode !== 'sync' && mode !== 'async')
      return `--mode must be sync or async, not "${mode.slice(0, 20)}"`;
    spec.mode = mode;
  }
  return { spec, format: format ?? 'csv', help };
}

/** `sim experiment …`: every run of the experiment as a CSV line (streamed) or one JSON array. */
export function runExperimentCommand(argv: string[], fail: (m: string) => never): void {
  const args = parseExperimentArgs(argv);
  if (typeof args === 'string') fail(args);
  if (args.help) {
    process.stdout.write(`${EXPERIMENT_USAGE}\n`);
    return;
  }
  const plan = planExperiment(args.spec);
  if (!plan.ok) fail(plan.error);
  // `… | head` closes the pipe early: stop quietly instead of dying on EPIPE.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const rows: ExperimentRow[] = [];
  let unfinished: ExperimentRow | null = null;
  if (args.format === 'csv') process.stdout.write(`${CSV_HEADER}\n`);
  for (const row of runExperiment(plan.runs)) {
    if (!row.terminated && !unfinished) unfinished = row;
    if (args.format === 'csv') process.stdout.write(`${csvLine(row)}\n`);
    else rows.push(row);
  }
  if (args.format === 'json') process.stdout.write(`${JSON.stringify(rows.map(publicRow))}\n`);
  if (unfinished) {
    process.stderr.write(
      `error: ${unfinished.algorithm}, n = ${unfinished.n}, ${unfinished.order}, seed ${unfinished.seed} stopped at the step budget without terminating\n`,
    );
    process.exit(3);
  }
}
