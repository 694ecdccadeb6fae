import { parseNRange } from '../experiments/range';
import { planSystem, runSystem, type SystemRow } from '../experiments/system-runner';
import { aggregate, systemColumns, systemCells, systemJson } from '../experiments/system-table';
import {
  defaultSystemSpec,
  findSystemExperiment,
  parseVaryValues,
  SYSTEM_EXPERIMENTS,
  varyOptions,
  type SystemSpec,
} from '../experiments/systems';
import { LIMITS } from '../topology/spec';
import { UsageError, wholeOption } from './argv';
import { readRunOptions } from './runOptions';
import { fail, say } from './say';

/** The options of an n-sweep that a systems experiment does not take (its scenario is the preset's). */
const SWEEP_ONLY = ['--algorithm', '--ids', '--no-announce', '--max-steps', '--jobs', '--shard'];

export const SYSTEM_USAGE = `  --preset  a systems experiment (docs/algorithms.md C27, C28), one row per value of one parameter:
${SYSTEM_EXPERIMENTS.map(
  (e) =>
    `              ${e.id}: ${e.title}; varies ${e.vary.name}=${e.vary.values} by default (also: ${varyOptions(
      e,
    )
      .map((v) => v.name)
      .filter((v) => v !== e.vary.name)
      .join(', ')})`,
).join('\n')}
  --vary    NAME=VALUES, the parameter varied and its values (10-400:10, 2-20, 4,8,16), e.g. --vary pause=50-300:50
            with --preset: --n K fixes the candidates, --seeds K repeats seeded runs (default: the preset's),
            --mode and --max-delay change the timing; the CSV has the varied parameter, then each figure
            (NAME_mean, NAME_min, NAME_max where the seed changes the run)`;

export interface SystemArgs {
  spec: SystemSpec;
  format: 'csv' | 'json';
}

/** Reads `--preset` and its options from what readArgv found; a UsageError with one sentence otherwise. */
export function parseSystemArgs(given: Map<string, string>, flags: Set<string>): SystemArgs {
  const preset = given.get('--preset')!;
  const exp = findSystemExperiment(preset);
  if (!exp)
    throw new UsageError(
      `--preset: "${preset.slice(0, 30)}" is not a systems experiment (one of: ${SYSTEM_EXPERIMENTS.map((e) => e.id).join(', ')})`,
    );
  for (const o of SWEEP_ONLY)
    if (given.has(o) || flags.has(o))
      throw new UsageError(
        `${o} is an option of an n-sweep, not of --preset ${exp.id} (its scenario is fixed: C27)`,
      );
  if (flags.has('--csv') && flags.has('--json'))
    throw new UsageError('--csv and --json cannot both be given');
  const spec = defaultSystemSpec(exp);
  const vary = given.get('--vary');
  if (vary !== undefined) {
    const m = /^([a-z][a-z-]{0,30})=(.*)$/.exec(vary);
    if (!m)
      throw new UsageError(`--vary must be NAME=VALUES, e.g. --vary ${exp.vary.name}=${exp.vary.values}`);
    const values = parseVaryValues(exp, m[1]!, m[2]!);
    if (!values.ok) throw new UsageError(`--vary: ${values.error}`);
    spec.vary = m[1]!;
    spec.values = values.values;
  }
  const n = given.get('--n');
  if (n !== undefined) {
    if (spec.vary === 'n') throw new UsageError('--n and --vary n=… cannot both be given: n is varied');
    if (!/^\d+$/.test(n)) {
      // A range here is a sweep over n: say how to write one.
      const range = parseNRange(n);
      if (range.ok) throw new UsageError(`--n with --preset is one size; to vary it, write --vary n=${n}`);
    }
    spec.n = wholeOption('--n', n, 1, LIMITS.maxNodes);
  }
  readRunOptions(given, spec);
  return { spec, format: flags.has('--json') ? 'json' : 'csv' };
}

/** True once stdout is gone (`… | head -1`): nothing more is worth computing. */
let closed = false;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * `sim experiment --preset …`: every run, then one CSV line (or JSON object) per point. A point's
 * line needs all its seeds, so the lines come out value by value as each point completes.
 */
export async function runSystemCommand(args: SystemArgs): Promise<void> {
  const planned = planSystem(args.spec);
  if (!planned.ok) fail(planned.error);
  const exp = findSystemExperiment(args.spec.preset)!;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    closed = true;
    process.exit(0);
  });
  const rows: SystemRow[] = [];
  const csv = args.format === 'csv';
  if (csv) process.stdout.write(`${systemColumns(args.spec).join(',')}\n`);
  // The runs come value by value, variant by variant (planSystem): a point is complete, and its line
  // is printed, when the first run of the next one arrives.
  let group: SystemRow[] = [];
  const flush = () => {
    if (csv && group.length > 0)
      for (const p of aggregate(group)) process.stdout.write(`${systemCells(args.spec, p).join(',')}\n`);
    group = [];
  };
  try {
    for (const row of runSystem(planned.runs, exp)) {
      rows.push(row);
      const head = group[0];
      if (head && (head.value !== row.value || head.variant !== row.variant)) flush();
      group.push(row);
      await turn();
      if (closed) return;
    }
  } catch (e) {
    say('error', e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
  flush();
  if (!csv) process.stdout.write(`${JSON.stringify(systemJson(args.spec, aggregate(rows)))}\n`);
}
