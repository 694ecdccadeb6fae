/**
 * The CLI as the tests start it: the bundle the suites' global setup builds (scripts/build-cli.mjs,
 * ~0.2 s a start), else `node --import tsx src/cli/main.ts` as `npm run sim` runs it (~1 s a start;
 * no npm or npx in between). test/scenario/cli-link.test.ts keeps going through `npm run sim` itself.
 */
export const CLI_NODE = process.execPath;
export const cliArgs = (...args: string[]): string[] => {
  const bundle = process.env.LEL_CLI_BUNDLE;
  return bundle ? [bundle, ...args] : ['--import', 'tsx', 'src/cli/main.ts', ...args];
};
