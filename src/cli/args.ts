import { ALGORITHMS, EXPERIMENT_DEFAULTS } from '../algorithms/registry';
import { FAULT_PARAMS } from '../scenario/faults';
import { ALL_OPTIONS, optionsOf } from '../scenario/options';
import type { Flat } from '../scenario/parse';
import { TOPOLOGY_KINDS } from '../topology/spec';
import { readArgv, UsageError, wholeOption, type Grammar } from './argv';

/**
 * CLI option → flat key. The flat keys are the URL keys, so a link and a command mean the same run.
 * The scenario's own keys are listed here; every algorithm option comes from its declaration.
 */
const BASE_OPTIONS: Record<string, string> = {
  '--algorithm': 'alg',
  '--topology': 'topo',
  '--n': 'n',
  '--ids': 'ids',
  '--edges': 'edges',
  '--mode': 'mode',
  '--max-delay': 'maxDelay',
  '--seed': 'seed',
  '--schedule': 'sched',
  '--scheduler': 'scheduler',
};

const VALUE_OPTIONS: Record<string, string> = { ...BASE_OPTIONS };
/** Flags without a value: the flat key and the text they set, e.g. `--no-announce` → announce=0. */
const FLAGS: Record<string, [key: string, text: string]> = {};
for (const { spec } of ALL_OPTIONS) {
  if (spec.control === 'checkbox') {
    if (spec.cli.flag) FLAGS[spec.cli.flag] = [spec.key, '1'];
    if (spec.cli.off) FLAGS[spec.cli.off] = [spec.key, '0'];
  } else if (spec.cli.flag) VALUE_OPTIONS[spec.cli.flag] = spec.key;
}

/** The most steps `--max-steps` may allow (a run of 10¹² steps would take days; any more is a typo). */
export const MAX_STEPS_OPTION = 1_000_000_000_000;

/** `--max-delay` where the run is synchronous: Lynch's rounds have no delays to bound. */
export const MAX_DELAY_IN_SYNC =
  '--max-delay applies only to --mode async (delays uniform in [1, D]); in sync mode every message takes one round';

/** The fault options that may be given more than once, with what joins them (their list separators). */
const REPEATABLE: Record<string, string> = {
  '--link-down': ',',
  '--partition': ';',
  '--recover': ',',
  '--drop': ',',
};

/** The experiment's own options, refused by name on a single run. */
const EXPERIMENT_ONLY = ['--csv', '--seeds'];

export const RUN_GRAMMAR: Grammar = {
  command: '',
  values: [...Object.keys(VALUE_OPTIONS), '--url', '--file', '--max-steps'],
  flags: [...Object.keys(FLAGS), '--json', '--quiet', '--help'],
  elsewhere: Object.fromEntries(
    EXPERIMENT_ONLY.map((o) => [o, `${o} is an option of experiment, not of a single run`]),
  ),
  repeatable: REPEATABLE,
};

export interface CliArgs {
  /** The scenario keys the options give (only those given). */
  flat: Flat;
  url: string | null;
  /** A scenario or trace file to run. */
  file: string | null;
  json: boolean;
  /** Silences the notes (the long-run estimate, the step a link opens at). */
  quiet: boolean;
  maxSteps: number | null;
  help: boolean;
}

export { UsageError };

export function parseArgs(argv: readonly string[]): CliArgs {
  const { values, flags } = readArgv(argv, RUN_GRAMMAR);
  const out: CliArgs = {
    flat: {},
    url: values.get('--url') ?? null,
    file: values.get('--file') ?? null,
    json: flags.has('--json'),
    quiet: flags.has('--quiet'),
    maxSteps: null,
    help: flags.has('--help'),
  };
  if (out.url !== null && out.file !== null) throw new UsageError('--url and --file cannot both be given');
  const maxSteps = values.get('--max-steps');
  if (maxSteps !== undefined) out.maxSteps = wholeOption('--max-steps', maxSteps, 1, MAX_STEPS_OPTION);
  const setBy: Record<string, string> = {};
  const set = (option: string, key: string, text: string) => {
    // `--announce --no-announce`: two options, one key.
    if (setBy[key] !== undefined) throw new UsageError(`${setBy[key]} and ${option} cannot both be given`);
    setBy[key] = option;
    out.flat[key] = text;
  };
  for (const [option, text] of values)
    if (VALUE_OPTIONS[option] !== undefined) set(option, VALUE_OPTIONS[option], text);
  for (const flag of flags) if (FLAGS[flag] !== undefined) set(flag, ...FLAGS[flag]);
  return out;
}

/** How an option is written on the command line, e.g. `--crashed 8` or `--no-announce`. */
function usageOf(spec: (typeof ALL_OPTIONS)[number]['spec']): string {
  if (spec.control === 'checkbox') return [spec.cli.flag, spec.cli.off].filter(Boolean).join(' | ');
  return `${spec.cli.flag} ${spec.cli.metavar ?? 'VALUE'}`;
}

const column = (left: string, right: string, width = 30) =>
  `    ${left.padEnd(width)} ${right}`.replace(/\s+$/, '');

/** `--help`: the scenario's own options, then each algorithm with what it runs on and its options. */
export function usage(): string {
  const algorithms = ALGORITHMS.flatMap((a) => {
    const opts = optionsOf(a).filter((o) => o.group === 'params');
    const faults = FAULT_PARAMS.slice(0, 2)
      .map((f) => f.cli.flag)
      .join(', ');
    return [
      '',
      `  ${a.id} — ${a.name}`,
      `      ${a.summary}`,
      `      Runs on ${a.requires}: --topology ${a.topologies.join(' | ')}.`,
      ...(a.faults ? [`      Built around crashes: its counts speak for ${faults}.`] : []),
      ...(a.underLoss ? [`      Under loss: ${a.underLoss}`] : []),
      `      Under duplicates: ${a.underDuplicates}`,
      ...opts.map((o) => column(usageOf(o.spec), o.spec.help)),
    ];
  });
  return `Leader Election Lab — headless runs

  npm run --silent sim -- --algorithm ${ALGORITHMS.map((a) => a.id).join('|')}
     [--ids 5,3,8,1 | --n 8 --ids asc|desc|random] [--topology KIND] [--mode sync|async]
     [--seed S] [--max-delay D] [--schedule 5-1,4-5,…] [--scheduler oldest|newest|largest] [--edges "1-2:4,2-3:7"] [algorithm options, below]
     [--max-steps N] [--url '<link or hash>' | --file scenario-or-trace.json] [--json] [--quiet]

  npm run --silent sim -- experiment --algorithm ${EXPERIMENT_DEFAULTS.join(',')} --n 4-64 --ids desc --mode sync --csv

  npm run --silent sim -- explore --algorithm ${EXPERIMENT_DEFAULTS[0]} --ids 5,4,3,2,1 [--max-states N] [--time-budget S] --json
     (every delivery order of an asynchronous run; explore --help for more)

Scenario:
${column('--ids LIST | asc|desc|random', 'ids in ring (position) order, or an order of 1..n')}
${column('--n N', 'number of nodes (default 8; an id or edge list gives it)')}
${column('--topology KIND', TOPOLOGY_KINDS.join(', '))}
${column('--edges "1-2:4,2-3:7"', 'a custom graph: a-b or a-b:weight pairs')}
${column('--mode sync|async', "Lynch's synchronous rounds, or integer delays in [1, max-delay]")}
${column('--seed S', 'seeds random ids, graphs, weights and delays (default 1)')}
${column('--max-delay D', 'async: the largest delay (default 10)')}
${column('--schedule 5-1,4-5,…', 'async: deliver the oldest message from 5 to 1 at time 1, from 4 to 5 at')}
${column('', 'time 2, …, then the rest oldest first; no delays drawn')}
${column('--scheduler oldest|newest|largest', 'async: choose every delivery (after --schedule) by a rule, no delays:')}
${column('', 'the head of a channel sent first, sent last, or whose sender id is largest')}
${column('--max-steps N', 'stop after N steps (exit code 3 if the run is not over)')}
${column('--url LINK', 'run exactly what a link shows; options given beside it override its keys')}
${column('--file FILE', "run a scenario file, or a trace file's scenario (its steps are checked)")}
${column('--json', 'print one JSON object instead of text')}
${column('--quiet', 'no note before a run estimated to take over a minute')}

Faults (every algorithm takes them; --link-down, --partition and --recover may be repeated):
${FAULT_PARAMS.map((f) => column(usageOf(f), f.help)).join('\n')}
${column('', 'times are simulated times (rounds in sync mode); 5:20 is 5 ≤ t < 20 (5-20 reads the same)')}
${column('', 'a message is lost when it is sent over a down link, across a partition, or by chance;')}
${column('', 'the JSON counts it in lost and lostByKind, and the monitors report in violations')}

Algorithms and their options:${algorithms.join('\n')}

Ids, not positions, name nodes in every option. Numbers are decimal digits only. Each option is
given at most once; flags take no value. Bad input: one line on stderr, exit code 2.`;
}
