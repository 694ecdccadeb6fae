import { wholeIn } from '../algorithms/params';

/**
 * The command line's grammar, shared by every command (`sim`, `sim experiment`, and any later one):
 * `--option value` or `--option=value` for an option that takes a value, `--flag` alone for a flag.
 * Each rule here is one a user tripped over when it was lenient: a flag given a value (`--json=0` used
 * to mean `--json`), an option given twice (the second `--url` used to win silently), an option of
 * another command. Every refusal is a UsageError with one sentence naming the option.
 */
export class UsageError extends Error {}

export interface Grammar {
  /** The command's name in messages, e.g. `experiment`; empty for the single run. */
  command: string;
  /** Options that take a value, e.g. `--n`. */
  values: readonly string[];
  /** Options that take none, e.g. `--json`. `-h` is read as `--help`. */
  flags: readonly string[];
  /**
   * Options this command does not take but another does, with the sentence saying so, e.g.
   * `--csv` → `--csv is an option of experiment, not of a single run`.
   */
  elsewhere?: Readonly<Record<string, string>>;
  /**
   * Options that may be given more than once, with what joins their values: `--link-down 1-2@5:9
   * --link-down 3-4@0:2` is `--link-down 1-2@5:9,3-4@0:2`.
   */
  repeatable?: Readonly<Record<string, string>>;
}

export interface ReadArgs {
  /** Each option given with a value, by its name, at most once. */
  values: Map<string, string>;
  /** Each flag given, at most once. */
  flags: Set<string>;
}

/** Reads `argv` by `grammar`, or throws a UsageError naming the first problem. */
export function readArgv(argv: readonly string[], grammar: Grammar): ReadArgs {
  const out: ReadArgs = { values: new Map(), flags: new Set() };
  const help = grammar.command ? `see ${grammar.command} --help` : 'see --help';
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const eq = raw.indexOf('=');
    const inline = raw.startsWith('--') && eq > 0;
    const name = raw === '-h' ? '--help' : inline ? raw.slice(0, eq) : raw;
    if (grammar.flags.includes(name)) {
      if (inline) throw new UsageError(`${name} takes no value`);
      if (out.flags.has(name)) throw new UsageError(`${name} is given twice`);
      out.flags.add(name);
    } else if (grammar.values.includes(name)) {
      const value = inline ? raw.slice(eq + 1) : argv[++i];
      // `--n --json`: the next option is not this one's value.
      if (value === undefined || (!inline && value.startsWith('--')))
        throw new UsageError(`${name} needs a value`);
      const before = out.values.get(name);
      const join = grammar.repeatable?.[name];
      if (before !== undefined && join === undefined) throw new UsageError(`${name} is given twice`);
      out.values.set(name, before === undefined ? value : `${before}${join}${value}`);
    } else if (grammar.elsewhere?.[name] !== undefined) throw new UsageError(grammar.elsewhere[name]);
    else if (name.startsWith('-')) throw new UsageError(`unknown option ${name.slice(0, 40)} (${help})`);
    else throw new UsageError(`unexpected argument "${raw.slice(0, 40)}": options start with -- (${help})`);
  }
  return out;
}

/**
 * A numeric option's value through the one strict number reader (`whole`): decimal digits only, in
 * [min, max], or a UsageError naming the option and the range.
 */
export function wholeOption(name: string, text: string, min: number, max: number): number {
  const v = wholeIn(name, text, min, max);
  if (!v.ok) throw new UsageError(v.message);
  return v.value;
}
