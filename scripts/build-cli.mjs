#!/usr/bin/env node
// The CLI as one plain JavaScript file, for the test suites only: they start it ~200 times, and
// node + tsx transpiling src/ costs ~1 s a start where the bundle costs ~0.2 s. Same source, same
// behaviour; users run `npm run sim` (tsx), which test/cli keeps covering through `npm run` too.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const CLI_BUNDLE = fileURLToPath(
  new URL('../node_modules/.cache/leader-election-lab/cli.mjs', import.meta.url),
);

export async function buildCli() {
  await build({
    entryPoints: [fileURLToPath(new URL('../src/cli/main.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: CLI_BUNDLE,
    logLevel: 'error',
  });
  return CLI_BUNDLE;
}

/** Global setup for Vitest and Playwright: builds the bundle and tells test/util/cli.ts to use it. */
export default async function setup() {
  process.env.LEL_CLI_BUNDLE = await buildCli();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await buildCli());
