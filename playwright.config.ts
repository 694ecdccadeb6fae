import { defineConfig } from '@playwright/test';
import { chromiumLaunch } from './scripts/chromium.mjs';

// E2E_PORT lets two checkouts on one machine run their end-to-end tests at once.
const port = Number(process.env.E2E_PORT ?? 4173);

// Specs that time the page (every click answered within 200 ms, frame gaps, the JS heap): a second browser
// beside them would be measured too, so `npm test` runs them alone, after the rest
// (E2E_SET=rest with two workers, then E2E_SET=timing with one). Without E2E_SET: every spec, one worker.
const TIMING = [
  '**/responsive.spec.ts',
  '**/memory-budget.spec.ts',
  '**/trace-import.spec.ts',
  '**/trace-export.spec.ts',
  // its Cancel test reads the gap between frames while the worker computes
  '**/experiments.spec.ts',
];
const set = process.env.E2E_SET;

// Debian's Chromium with the flags that work on Debian's build (scripts/chromium.mjs).
export default defineConfig({
  testDir: 'test/e2e',
  // The CLI the specs compare with, bundled once (scripts/build-cli.mjs).
  globalSetup: './scripts/build-cli.mjs',
  outputDir: 'test-results',
  ...(set === 'timing' ? { testMatch: TIMING } : set === 'rest' ? { testIgnore: TIMING } : {}),
  workers: set === 'rest' ? 2 : 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1280, height: 720 },
    launchOptions: chromiumLaunch(),
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --strictPort --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
