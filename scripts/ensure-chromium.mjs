#!/usr/bin/env node
// End-to-end tests drive Debian's Chromium (a browser download does not work on these machines).
// Installs it with apt when it is missing and we are root; otherwise says what to run.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root) {
    console.error(`Chromium is missing at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium`);
    process.exit(1);
  }
  console.log('Installing Debian Chromium for the end-to-end tests (about a minute)…');
  // Another apt run (an image's own first-boot update) may hold the dpkg lock: wait for it rather than fail.
  const wait = '-o DPkg::Lock::Timeout=300';
  execSync(
    `apt-get ${wait} update -qq && DEBIAN_FRONTEND=noninteractive apt-get ${wait} install -y -qq chromium`,
    {
      stdio: 'inherit',
    },
  );
  if (!existsSync(CHROMIUM)) {
    console.error('apt-get finished but /usr/bin/chromium is still missing');
    process.exit(1);
  }
}
