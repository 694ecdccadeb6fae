#!/usr/bin/env node
// The end-to-end suite in two passes (playwright.config.ts): every spec but the timing ones with two
// workers (most of a spec's time is the browser waiting, so two share the two cores well), then the
// specs that time the page, alone. Extra arguments (spec files, -g) go to both passes, so a pass that
// selects none of them passes; exits non-zero if either failed.
import { spawnSync } from 'node:child_process';

const pass = (set) =>
  spawnSync('npx', ['playwright', 'test', '--pass-with-no-tests', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, E2E_SET: set },
  }).status ?? 1;

const rest = pass('rest');
const timing = pass('timing');
if (rest !== 0 || timing !== 0) {
  console.error(
    `end-to-end: ${rest === 0 ? 'passed' : 'FAILED'}, timing specs: ${timing === 0 ? 'passed' : 'FAILED'}`,
  );
  process.exit(1);
}
