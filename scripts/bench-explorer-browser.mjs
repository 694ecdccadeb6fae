#!/usr/bin/env node
// The explorer of every schedule in the browser's Web Worker (docs/explorer.md, "Measured sizes"):
// the cases of scripts/bench-explorer.ts, each explored from the "All schedules" panel in Debian's
// Chromium against `vite preview`. The time is the panel's own, from the request to the answer
// (worker start-up included). Median of --runs runs; numbers only, no assertions.
//
//   node scripts/bench-explorer-browser.mjs [--runs 3] [--no-build] [--port 4176]
import { chromium } from '@playwright/test';
import { chromiumLaunch, servePreview } from './chromium.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const RUNS = opt('runs', 3);
const PORT = opt('port', 4176);
const BASE = `http://127.0.0.1:${PORT}/`;

const CASES = [
  ['LCR 8 desc', 'v=1&alg=lcr&n=8&ids=desc&mode=async'],
  ['Peterson 7 desc', 'v=1&alg=peterson&n=7&ids=desc&mode=async'],
  ['HS 6 desc', 'v=1&alg=hs&n=6&ids=desc&mode=async'],
  ['Franklin 6 desc', 'v=1&alg=franklin&n=6&ids=desc&mode=async'],
  [
    'GHS 5 nodes, 7 edges',
    'v=1&alg=ghs&ids=1,2,3,4,5&edges=1-2:3,2-3:1,3-4:4,4-5:2,5-1:7,1-3:5,2-4:6&mode=async',
  ],
];

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

await servePreview(PORT, !args.includes('--no-build'));
const browser = await chromium.launch(chromiumLaunch());
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  // A loaded machine may take long to first paint: wait rather than fail.
  page.setDefaultTimeout(180_000);
  for (const [label, link] of CASES) {
    const seconds = [];
    let states = 0;
    for (let r = 0; r < RUNS; r++) {
      await page.goto('about:blank');
      await page.goto(`${BASE}#${link}`);
      await page.getByRole('button', { name: 'All schedules' }).click();
      await page.getByRole('button', { name: 'Explore every schedule' }).click();
      const speed = page.getByTestId('explore-speed');
      await speed.waitFor({ timeout: 300_000 });
      seconds.push(Number(await speed.getAttribute('data-seconds')));
      states = Number((await page.getByTestId('explore-states').textContent()).replace(/,/g, ''));
    }
    const s = median(seconds);
    console.log(
      `explore (browser worker) ${label.padEnd(22)} ${String(states).padStart(7)} states  wall ${(s * 1000).toFixed(0).padStart(6)} ms  ${Math.round(states / s)} states/s`,
    );
  }
} finally {
  // (the preview server stops when this process exits: servePreview)
  await browser.close();
}
