#!/usr/bin/env node
// `npm test`: unit and property tests (Vitest), then the end-to-end tests in Debian's Chromium
// (Playwright against a production build). Runs both even if the first fails, so one run shows
// every failure, and exits non-zero if either failed.
import { spawnSync } from 'node:child_process';

const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

const unit = run('npx', ['vitest', 'run'], { NO_COLOR: '1' });
const e2e = run('npm', ['run', '--silent', 'test:e2e']);
if (unit !== 0 || e2e !== 0) {
  console.error(
    `npm test: unit ${unit === 0 ? 'passed' : 'FAILED'}, end-to-end ${e2e === 0 ? 'passed' : 'FAILED'}`,
  );
  process.exit(1);
}
