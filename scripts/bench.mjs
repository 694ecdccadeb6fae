#!/usr/bin/env node
// `npm run bench`: the engine benchmark (with its baseline measured in the same run), then the browser
// benchmark in Debian's Chromium. Numbers are medians; nothing here asserts a time.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;
const only = process.argv[2];
let status = 0;
if (only !== 'browser') {
  console.log('## Engine (headless, recording off)');
  status |= run('node', [
    '--max-old-space-size=4096',
    '--import',
    'tsx',
    'scripts/bench-engine.ts',
    process.env.BENCH_SIZES ?? '1000,5000',
  ]);
  status |= run('node', ['--max-old-space-size=4096', '--import', 'tsx', 'scripts/bench-ghs.ts']);
  console.log('\n## Explorer of every schedule (median of 3)');
  status |= run('node', ['--max-old-space-size=4096', '--import', 'tsx', 'scripts/bench-explorer.ts']);
  console.log('\n## Memory of a recorded run (per step, per checkpoint)');
  status |= run('node', [
    '--expose-gc',
    '--max-old-space-size=4096',
    '--import',
    'tsx',
    'scripts/bench-memory.ts',
  ]);
}
if (only !== 'engine' && existsSync('scripts/bench-browser.mjs')) {
  console.log('\n## Browser (Chromium, vite preview)');
  status |= run('node', ['scripts/ensure-chromium.mjs']);
  status |= run('node', ['scripts/bench-browser.mjs']);
  console.log('\n## Bytes per recorded step in the browser (issue 11: ≤ 150 B)');
  status |= run('node', ['scripts/bench-recorded-browser.mjs', '--no-build']);
  console.log('\n## Explorer of every schedule in the browser worker (median of 3)');
  status |= run('node', ['scripts/bench-explorer-browser.mjs', '--no-build']);
}
process.exit(status);
