import type { Flat } from '../scenario/parse';

/** CLI option → flat key. The flat keys are the URL keys, so a link and a command mean the same run. */
const VALUE_OPTIONS: Record<string, string> = {
  '--algorithm': 'alg',
  '--topology': 'topo',
  '--n': 'n',
  '--ids': 'ids',
  '--edges': 'edges',
  '--mode': 'mode',
  '--max-delay': 'maxDelay',
  '--seed': 'seed',
  '--initiators': 'initiators',
  '--initiator': 'initiator',
  '--wake': 'wake',
  '--crashed': 'crashed',
  '--crash-at': 'crashes',
  '--coordinator-to': 'coordinatorTo',
};

export interface CliArgs {
  flat: Flat;
  url: string | null;
  json: boolean;
  maxSteps: number | null;
  help: boolean;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): CliArgs {
  const out: CliArgs = { flat: {}, url: null, json: false, maxSteps: null, help: false };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i]!;
    let inline: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--')))
        throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--json') out.json = true;
    else if (arg === '--help' || arg === '-h') out.help = true;
    else if (arg === '--no-announce') out.flat.announce = '0';
    else if (arg === '--announce') out.flat.announce = '1';
    else if (arg === '--exclude-known-crashed') out.flat.excludeKnownCrashed = '1';
    else if (arg === '--url') out.url = value();
    else if (arg === '--max-steps') {
      const v = Number(value());
      if (!Number.isSafeInteger(v) || v < 1)
        throw new UsageError('--max-steps must be a positive whole number');
      out.maxSteps = v;
    } else if (VALUE_OPTIONS[arg] !== undefined) {
      const key = VALUE_OPTIONS[arg]!;
      if (key in out.flat) throw new UsageError(`${arg} is given twice`);
      out.flat[key] = value();
    } else throw new UsageError(`unknown option ${arg.slice(0, 40)} (see --help)`);
  }
  return out;
}

export const USAGE = `Leader Election Lab — headless runs

  npm run --silent sim -- --algorithm lcr|chang-roberts|hs|peterson|bully|tree|ghs
     [--ids 5,3,8,1 | --n 8 --ids asc|desc|random] [--topology KIND] [--mode sync|async]
     [--seed S] [--max-delay D] [--edges "1-2:4,2-3:7"] [--initiators 3,8] [--crashed 8]
     [--crash-at 8@5] [--initiator 1] [--wake 1,2] [--coordinator-to lower|all]
     [--exclude-known-crashed] [--no-announce] [--max-steps N] [--url '<link or hash>'] [--json]

  npm run --silent sim -- experiment --algorithm lcr,hs --n 4-64 --ids desc --mode sync --csv

Ids, not positions, name nodes in every option. Bad input: one line on stderr, exit code 2.`;
