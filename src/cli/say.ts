import { oneLine } from './escape';

/**
 * The one place the CLI writes to stderr: one line each, echoed input escaped (escape.ts), so a link
 * or an argument can neither break the line nor drive the terminal.
 */
export function say(kind: 'error' | 'warning' | 'note', message: string): void {
  process.stderr.write(`${oneLine(`${kind}: ${message}`)}\n`);
}

/** Bad input: one line naming the problem on stderr, exit code 2 (docs/architecture.md, Command line). */
export function fail(message: string): never {
  say('error', message);
  process.exit(2);
}

/** Something worth knowing before a run starts (its length, the link's step); `--quiet` silences it. */
export function note(message: string): void {
  say('note', message);
}
