import { expect, test, type Page } from '@playwright/test';

/**
 * No link freezes the tab (issue 9): while the heaviest complete-graph runs compute, the page answers
 * a click within 200 ms at every moment of the first 20 s. Latency is measured inside the page, from
 * the click event's own timestamp (when the input arrived) to the first animation frame after its
 * handler ran, so a slow test driver does not count against the page; long tasks are logged too.
 * The window ends 3 s after the run is fully recorded (nothing is computed after that), at most 20 s.
 */

const WINDOW_MS = 20_000;
const PROBE_EVERY_MS = 500;
const LIMIT_MS = 200;
/** Probes kept up after the recording finished: the page settles, then there is nothing left to time. */
const AFTER_MS = 3_000;

let problems: string[] = [];
test.beforeEach(async ({ page }) => {
  problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    const w = window as unknown as { __probe: { latencies: number[]; longTasks: number[] } };
    w.__probe = { latencies: [], longTasks: [] };
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__probe.longTasks.push(Math.round(e.duration));
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // No long-task timing in this browser: the click latencies still decide.
    }
    window.addEventListener(
      'click',
      (e) => {
        const at = e.timeStamp;
        requestAnimationFrame(() => w.__probe.latencies.push(performance.now() - at));
      },
      true,
    );
  });
});
test.afterEach(() => expect(problems, 'no console errors or page errors').toEqual([]));

interface Probe {
  latencies: number[];
  longTasks: number[];
  /** Steps recorded when each probe was taken (the run kept computing meanwhile). */
  known: number[];
  /** Probes taken, and whether the run was still computing at the last. */
  clicks: number;
  computing: boolean;
}

/**
 * Clicks a harmless control every ~500 ms while the run computes (at most 20 s) — Play/Pause
 * alternately (so playback of the big run is probed too), and the Share menu — and collects the
 * in-page latencies.
 */
async function probe(page: Page): Promise<Probe> {
  const start = Date.now();
  const known: number[] = [];
  let i = 0;
  let doneAt: number | null = null;
  let computing = true;
  while (Date.now() - start < WINDOW_MS && (doneAt === null || Date.now() - doneAt < AFTER_MS)) {
    const t = Date.now();
    const target =
      i % 4 === 3
        ? page.getByRole('button', { name: 'Share', exact: true })
        : page.getByRole('button', { name: /^(Play|Pause)$/ });
    // force: no waiting for Playwright's "stable" check (two equal animation frames); the latency
    // that counts is measured in the page, from the input event's timestamp.
    await target.click({ timeout: 5_000, force: true });
    const s = await page.evaluate(() => {
      const st = window.__lel!.store.getState();
      return { known: st.knownSteps, computing: st.computing };
    });
    known.push(s.known);
    computing = s.computing;
    if (!computing && doneAt === null) doneAt = Date.now();
    i++;
    const left = PROBE_EVERY_MS - (Date.now() - t);
    if (left > 0) await page.waitForTimeout(left);
  }
  const got = await page.evaluate(
    () => (window as unknown as { __probe: { latencies: number[]; longTasks: number[] } }).__probe,
  );
  return { ...got, known, clicks: i, computing };
}

function report(name: string, p: Probe) {
  const worst = Math.max(...p.latencies);
  const line = `${name}: ${p.latencies.length} clicks, worst ${worst.toFixed(0)} ms, median ${median(p.latencies).toFixed(0)} ms; long tasks ${p.longTasks.length} (max ${Math.max(0, ...p.longTasks)} ms); steps recorded ${p.known[0]} → ${p.known[p.known.length - 1]}`;
  console.log(line);
  test.info().annotations.push({ type: 'latency', description: line });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function openLink(page: Page, link: string) {
  await page.goto('about:blank');
  await page.goto(`./${link}`);
  await expect(page.getByRole('status')).toHaveCount(1);
}

/** Node 400 − k crashes at 5 + 10k, k = 0 … 398: an election after every crash (issue 9's 3.4 KB link). */
const cascade = `#v=1&alg=bully&n=400&crashes=${Array.from({ length: 399 }, (_, k) => `${400 - k}@${5 + 10 * k}`).join(',')}`;

const LINKS = [
  { name: '#v=1&alg=bully&n=400', link: '#v=1&alg=bully&n=400' },
  { name: '#v=1&alg=ghs&topo=complete&n=400', link: '#v=1&alg=ghs&topo=complete&n=400' },
  { name: 'the crash cascade (bully n = 400, node 400 − k crashes at 5 + 10k)', link: cascade },
];

for (const { name, link } of LINKS) {
  test(`${name}: progress is shown in the status area while the run is recorded`, async ({ page }) => {
    await openLink(page, link);
    const progress = page.getByRole('progressbar', { name: 'Computing the run' });
    await expect(progress).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('computing')).toContainText(/computing step [\d,]+…/);
    // The page is usable meanwhile: Pause/Play and the Share menu answer.
    await page.getByRole('button', { name: 'Share', exact: true }).click({ timeout: 15_000 });
    await expect(page.getByRole('dialog', { name: 'Share' })).toBeVisible({ timeout: 15_000 });
  });

  test(`${name}: every click answered within ${LIMIT_MS} ms while the run is recorded (up to 20 s)`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await openLink(page, link);
    const p = await probe(page);
    report(name, p);
    // Every click measured, over a window that held the whole computation (or 20 s of it).
    expect(p.latencies.length).toBeGreaterThanOrEqual(Math.max(6, p.clicks - 1));
    expect(Math.max(...p.latencies)).toBeLessThan(LIMIT_MS);
  });
}
