#!/usr/bin/env node
// Bytes per recorded step in the browser (docs/architecture.md, "What a recorded run costs"; issue 11
// item 4: ≤ 150 B). Opens each link in Debian's Chromium against `vite preview`, waits until the run is
// recorded to its end, and reports two figures per step:
// - heap: the JS heap (performance.memory with --enable-precise-memory-info, after a forced GC) of the
//   recorded page minus that of the same app showing a 3-node run, divided by the recorded steps;
// - engine: the engine's own accounting, `sim.memory()` (trace columns, event journal, checkpoints).
// Medians of several page loads. Numbers only, no assertions.
//
//   node scripts/bench-recorded-browser.mjs [--runs 3] [--no-build]
import { chromium } from '@playwright/test';
import { chromiumLaunch, servePreview } from './chromium.mjs';

const args = process.argv.slice(2);
const RUNS = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 3;
const PORT = Number(process.env.BENCH_PORT ?? 4177);
const WORKLOADS = [
  ['LCR worst, async, n=600', 'alg=lcr&n=600&ids=desc&mode=async&maxDelay=4'],
  ['HS random ids, sync, n=512', 'alg=hs&n=512&ids=random&seed=1&mode=sync'],
  ['Bully complete, n=200', 'alg=bully&n=200'],
  ['GHS complete, n=150', 'alg=ghs&topo=complete&n=150'],
];
const BASELINE = 'alg=lcr&n=3';

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** The heap after GC of a page showing `link`, once its run is recorded; with the engine's figures. */
async function measure(browser, base, link) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${base}#v=1&${link}`);
  await page.waitForFunction(
    () => window.__lel?.store && window.__lel.store.getState().computing === false,
    null,
    { timeout: 300_000 },
  );
  const out = await page.evaluate(async () => {
    const sim = window.__lel.store.getState().run.sim;
    for (let i = 0; i < 3; i++) {
      window.gc();
      await new Promise((r) => setTimeout(r, 50));
    }
    const m = sim.memory();
    const engine = Object.entries(m)
      .filter(([k]) => k !== 'checkpointCount')
      .reduce((a, [, v]) => a + v, 0);
    return { heap: performance.memory.usedJSHeapSize, steps: sim.trace.length, engine };
  });
  await page.close();
  return out;
}

const base = await servePreview(PORT, !args.includes('--no-build'));
const browser = await chromium.launch(
  chromiumLaunch(['--enable-precise-memory-info', '--js-flags=--expose-gc']),
);
const rows = [['workload', 'steps', 'heap B/step', 'engine B/step']];
try {
  for (const [name, link] of WORKLOADS) {
    const heap = [];
    let steps = 0;
    let engine = 0;
    for (let r = 0; r < RUNS; r++) {
      const idle = await measure(browser, base, BASELINE);
      const run = await measure(browser, base, link);
      heap.push((run.heap - idle.heap) / run.steps);
      steps = run.steps;
      engine = run.engine / run.steps;
    }
    rows.push([name, String(steps), median(heap).toFixed(0), engine.toFixed(0)]);
  }
} finally {
  await browser.close();
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
console.log(
  `Chromium ${browser.version()}; heap = usedJSHeapSize after GC, recorded page − a 3-node page, per ` +
    `recorded step; engine = sim.memory() per step; medians of ${RUNS} page loads`,
);
process.exit(0);
