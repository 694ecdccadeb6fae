#!/usr/bin/env node
// Browser benchmark (docs/architecture.md, Performance goals): frames per second while animating ≥ 1,000 messages in flight on
// 1,000 and 5,000 nodes, and the first paint of those scenarios, in Debian's Chromium against
// `vite preview`. Prints medians of several runs as a table. Numbers only, no assertions.
//
//   node scripts/bench-browser.mjs [--runs 5] [--seconds 3] [--no-build]
//
// The page reads the scenario from the URL hash; window.__lel (src/ui/testHook.ts) exposes the store,
// the view's frame counter, first-paint times and the overlay's message counts.
import { chromium } from '@playwright/test';
import { chromiumLaunch, servePreview } from './chromium.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const RUNS = opt('runs', 5);
const SECONDS = opt('seconds', 3);
// BENCH_PORT: two checkouts on one machine can run it at once.
const PORT = Number(process.env.BENCH_PORT ?? 4175);
const BASE = `http://127.0.0.1:${PORT}/`;
const SIZES = [1000, 5000];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function once(browser, n) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  // Random ids: every process sends at t = 0, so n messages are in flight through round 1.
  await page.goto(`${BASE}#v=1&alg=lcr&n=${n}&ids=random&mode=sync&seed=1`);
  await page.waitForFunction(() => (window.__lel?.view?.frames.paints.length ?? 0) > 0, null, {
    timeout: 60_000,
  });
  const paint = await page.evaluate(() => ({
    navToPaint: window.__lel.view.frames.paints[0].at,
    loadToPaint: window.__lel.view.frames.paints[0].sinceLoad,
  }));
  // Measure once the background computation of the run is over (it shares the main thread).
  await page.waitForFunction(() => window.__lel.store.getState().computing === false, null, {
    timeout: 120_000,
  });
  const anim = await page.evaluate(async (seconds) => {
    const { store, view } = window.__lel;
    // Slow enough that the whole measurement stays inside round 1 (messages mid-link, all moving).
    store.getState().setSpeed(0.1);
    store.getState().reset();
    store.getState().play();
    // Let the start-up steps (time 0) run and the messages leave their senders.
    await new Promise((r) => setTimeout(r, 300));
    const inFlight = [];
    // The label placement's cost per frame (collision avoidance on: the current step's messages).
    const place = [];
    const drawsBefore = view.overlay.stats.draws;
    const frames = await new Promise((resolve) => {
      let count = 0;
      const t0 = performance.now();
      const tick = (now) => {
        count++;
        if (count % 10 === 0) inFlight.push(view.overlay.stats.drawn);
        place.push(view.overlay.stats.placeMs);
        if (now - t0 < seconds * 1000) requestAnimationFrame(tick);
        else resolve({ count, ms: now - t0 });
      };
      requestAnimationFrame(tick);
    });
    store.getState().pause();
    return {
      fps: (frames.count * 1000) / frames.ms,
      overlayDraws: view.overlay.stats.draws - drawsBefore,
      minInFlight: Math.min(...inFlight),
      labelled: view.overlay.stats.labelled,
      placeMs: place.reduce((a, b) => a + b, 0) / Math.max(1, place.length),
      placeMax: Math.max(0, ...place),
      labelledMax: view.overlay.stats.labelled,
    };
  }, SECONDS);
  await page.close();
  if (errors.length) throw new Error(`page errors at n=${n}: ${errors.join('; ')}`);
  return { ...paint, ...anim };
}

await servePreview(PORT, !args.includes('--no-build'));
const browser = await chromium.launch(chromiumLaunch());
const rows = [];
try {
  for (const n of SIZES) {
    const results = [];
    for (let r = 0; r < RUNS; r++) results.push(await once(browser, n));
    rows.push({
      n,
      inFlight: Math.min(...results.map((x) => x.minInFlight)),
      fps: median(results.map((x) => x.fps)),
      fpsMin: Math.min(...results.map((x) => x.fps)),
      draws: median(results.map((x) => x.overlayDraws / SECONDS)),
      navToPaint: median(results.map((x) => x.navToPaint)),
      loadToPaint: median(results.map((x) => x.loadToPaint)),
      placeMs: median(results.map((x) => x.placeMs)),
      placeMax: Math.max(...results.map((x) => x.placeMax)),
    });
  }
} finally {
  // (the preview server stops when this process exits: servePreview)
  await browser.close();
}

const pad = (s, w) => String(s).padStart(w);
console.log(
  `\nBrowser benchmark: LCR, random ids, sync; Chromium headless, 1280×720; median of ${RUNS} runs\n`,
);
console.log(
  `| ${['nodes', 'messages in flight', 'frames/s (median)', 'frames/s (worst run)', 'overlay redraws/s', 'first paint: navigation → graph (ms)', 'first paint: load → graph (ms)', 'label placement ms/frame (mean, worst)'].join(' | ')} |`,
);
console.log(`|${' ---: |'.repeat(8)}`);
for (const r of rows)
  console.log(
    `| ${[pad(r.n, 5), pad(`≥ ${r.inFlight}`, 8), r.fps.toFixed(1), r.fpsMin.toFixed(1), r.draws.toFixed(1), r.navToPaint.toFixed(0), r.loadToPaint.toFixed(0), `${r.placeMs.toFixed(3)}, ${r.placeMax.toFixed(2)}`].join(' | ')} |`,
  );
console.log(
  '\nGoals (docs/architecture.md): ≥ 55 fps at 1,000 nodes, ≥ 50 fps at 5,000; first paint ≤ 300 ms (1,000) and ≤ 1.2 s (5,000).',
);
