/**
 * The CLI as `npm run sim` runs it: one node process loading tsx (no npm or npx in between, which
 * cost a second process and ~0.5 s per spawn on this machine — the CLI tests spawn it ~100 times).
 */
export const CLI_NODE = process.execPath;
export const cliArgs = (...args: string[]): string[] => ['--import', 'tsx', 'src/cli/main.ts', ...args];
