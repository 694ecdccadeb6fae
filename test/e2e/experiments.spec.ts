import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';

/**
 * The Experiments panel in Chromium. It runs against the app once the panel is mounted there; until
 * then it runs only against the panel's harness page (test/experiments/harness.html under a Vite dev
 * server), e.g. `EXPERIMENTS_PAGE=http://127.0.0.1:5199/test/experiments/harness.html`.
 */
const PAGE = process.env.EXPERIMENTS_PAGE ?? './';
const MOUNTED_IN_APP = true;
test.skip(!MOUNTED_IN_APP && !process.env.EXPERIMENTS_PAGE, 'panel not mounted yet');

interface PlotSeries {
  kind: string;
  algorithm: string;
  order: string;
  label: string;
  values: (number | null)[];
}
interface Plot {
  metric: string;
  x: number[];
  series: PlotSeries[];
}

async function openPanel(page: Page): Promise<Locator> {
  await page.goto(PAGE);
  const panel = page.getByRole('region', { name: 'Experiments', exact: true });
  if (!(await panel.isVisible())) {
    // The app may keep the panel behind a tab, button or link named Experiments.
    const opener = page
      .getByRole('tab', { name: /experiments/i })
      .or(page.getByRole('button', { name: /^experiments$/i }))
      .or(page.getByRole('link', { name: /^experiments$/i }));
    await opener.first().click();
  }
  await expect(panel).toBeVisible();
  // Opened in the app, the panel runs its default experiment first (LCR and HS, worst case, n = 4–64:
  // 61 sizes × 2 algorithms); each test sets its own once that is done.
  if (MOUNTED_IN_APP && !process.env.EXPERIMENTS_PAGE)
    await expect(panel.getByRole('status')).toHaveText('Done: 122 runs.', { timeout: 30_000 });
  return panel;
}

/** Sets the form: only the given algorithms and orders ticked, the sizes typed. */
async function configure(panel: Locator, algorithms: string[], n: string, orders: string[], seeds = 1) {
  const algs = panel.getByRole('group', { name: 'Algorithms' }).getByRole('checkbox');
  for (let i = 0; i < (await algs.count()); i++) {
    const box = algs.nth(i);
    const name = (await box.evaluate((el) => el.closest('label')?.textContent ?? '')).trim();
    await box.setChecked(algorithms.some((a) => name.startsWith(a)));
  }
  await panel.getByRole('textbox', { name: 'Sizes n' }).fill(n);
  const orderBoxes = panel.getByRole('group', { name: 'Id orders' }).getByRole('checkbox');
  for (let i = 0; i < (await orderBoxes.count()); i++) {
    const box = orderBoxes.nth(i);
    const name = (await box.evaluate((el) => el.closest('label')?.textContent ?? '')).trim();
    await box.setChecked(orders.includes(name));
  }
  await panel.getByRole('spinbutton', { name: 'Seeds k' }).fill(String(seeds));
  await panel.getByRole('radio', { name: 'Synchronous rounds' }).check();
}

/** Records every aria-valuenow the progress bar shows, from now on. */
async function watchProgress(page: Page) {
  await page.evaluate(() => {
    const bar = document.querySelector('[role=progressbar]')!;
    const w = window as unknown as { seen: number[] };
    w.seen = [];
    new MutationObserver(() => w.seen.push(Number(bar.getAttribute('aria-valuenow')))).observe(bar, {
      attributes: true,
      attributeFilter: ['aria-valuenow'],
    });
  });
  return () => page.evaluate(() => (window as unknown as { seen: number[] }).seen);
}

const plotOf = async (panel: Locator): Promise<Plot> =>
  JSON.parse((await panel.locator('figure[data-plot]').getAttribute('data-plot'))!) as Plot;

const ceilLog2 = (n: number) => Math.ceil(Math.log2(n) - 1e-12);

test('LCR worst case and HS over n = 4…64: points on n(n+1)/2 + n and under the HS bound', async ({
  page,
}) => {
  const panel = await openPanel(page);
  await configure(panel, ['LCR', 'Hirschberg'], '4-64', ['Worst case']);
  const seen = await watchProgress(page);
  await panel.getByRole('button', { name: 'Run experiment' }).click();
  // The default experiment had the same count: wait for this run's bar to reach the end.
  await expect.poll(async () => (await seen()).at(-1), { timeout: 30_000 }).toBe(122);
  await expect(panel.getByRole('status')).toHaveText('Done: 122 runs.', { timeout: 30_000 });

  // The progress bar moved through intermediate values up to the total.
  const progress = await seen();
  expect(progress.some((v) => v > 0 && v < 122)).toBe(true);
  expect(progress.at(-1)).toBe(122);
  expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  await expect(panel.getByRole('progressbar', { name: 'Experiment progress' })).toHaveAttribute(
    'aria-valuenow',
    '122',
  );

  const plot = await plotOf(panel);
  expect(plot.metric).toBe('messages');
  expect(plot.x).toEqual(Array.from({ length: 61 }, (_, i) => i + 4));
  const lcr = plot.series.find((s) => s.kind === 'measured' && s.algorithm === 'lcr')!;
  const hs = plot.series.find((s) => s.kind === 'measured' && s.algorithm === 'hs')!;
  plot.x.forEach((n, i) => {
    expect(lcr.values[i]).toBe((n * (n + 1)) / 2 + n); // docs/algorithms.md §1.1, with the announcement
    expect(hs.values[i]).toBeLessThanOrEqual(8 * n * (1 + ceilLog2(n)) + n); // §1.3
  });
  // The textbook curves are drawn beside the points.
  const lcrCurve = plot.series.find((s) => s.algorithm === 'lcr' && s.kind === 'exact')!;
  expect(lcrCurve.label).toContain('n(n+1)/2 + n');
  expect(lcrCurve.values).toEqual(plot.x.map((n) => (n * (n + 1)) / 2 + n));
  expect(plot.series.some((s) => s.algorithm === 'hs' && s.kind === 'upper')).toBe(true);
  await expect(panel.locator('canvas').first()).toBeVisible();

  // The table in the page holds the same runs.
  const rows = panel.getByRole('region', { name: 'Experiment results table' }).locator('tbody tr');
  await expect(rows).toHaveCount(122);
  await expect(rows.first()).toHaveText(/lcr\s*4\s*worst\s*1\s*14\s*8/);

  // Rounds: LCR takes 2n rounds with the announcement.
  await panel.getByRole('radio', { name: 'Rounds', exact: true }).check();
  const rounds = await plotOf(panel);
  expect(rounds.metric).toBe('rounds');
  expect(rounds.series.find((s) => s.kind === 'measured' && s.algorithm === 'lcr')!.values).toEqual(
    rounds.x.map((n) => 2 * n),
  );
  await panel.getByRole('checkbox', { name: 'Log scale' }).check();
  await expect(panel.locator('canvas').first()).toBeVisible();
});

test('Cancel stops the workers and says after how many runs; the page stays responsive', async ({ page }) => {
  const panel = await openPanel(page);
  // 101 runs of LCR's worst ring at n = 7,000–7,100: ~25 M messages, about 3 s of computing each
  // (the CLI takes 2.4 s for n = 6,000). Were they computed on the page's thread, no frame could be
  // drawn for seconds at a time.
  await configure(panel, ['LCR'], '7000-7100', ['Worst case'], 1);
  await panel.getByRole('button', { name: 'Run experiment' }).click();
  const bar = panel.getByRole('progressbar', { name: 'Experiment progress' });
  await expect
    .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 })
    .toBeGreaterThan(0);

  // As many workers as the browser reports cores (never more than the runs).
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const workers = Math.min(cores, 101);
  await expect(panel.getByRole('status')).toHaveText(
    new RegExp(`^Running on ${workers} workers?: \\d+ of 101 runs done$`),
  );
  expect(page.workers().length).toBeGreaterThanOrEqual(workers);

  // While the workers compute, the main thread keeps drawing frames and answers input. A frame can be
  // late when other programs load the machine (the CI runs this beside a second CPU-heavy suite), so
  // the limit is half of one run's time: it fails when a run blocks the page, not when the OS is busy.
  const worstGap = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let last = performance.now();
        let worst = 0;
        const end = last + 1_000;
        const tick = (t: number) => {
          worst = Math.max(worst, t - last);
          last = t;
          if (t < end) requestAnimationFrame(tick);
          else resolve(worst);
        };
        requestAnimationFrame(tick);
      }),
  );
  expect(worstGap).toBeLessThan(500);
  await panel.getByRole('textbox', { name: 'Sizes n' }).fill('4-8');
  await expect(panel.getByRole('textbox', { name: 'Sizes n' })).toHaveValue('4-8');

  await panel.getByRole('button', { name: 'Cancel' }).click();
  const status = panel.getByRole('status');
  await expect(status).toHaveText(/^Cancelled after \d+ runs? of \d+\.$/);
  const cancelledAt = Number(/after (\d+)/.exec((await status.textContent())!)![1]);
  const total = Number(await bar.getAttribute('aria-valuemax'));
  expect(cancelledAt).toBeGreaterThan(0);
  expect(cancelledAt).toBeLessThan(total);
  await expect(bar).toHaveAttribute('aria-valuenow', String(cancelledAt));
  // Nothing more arrives: the workers are gone.
  await page.waitForTimeout(800);
  await expect(bar).toHaveAttribute('aria-valuenow', String(cancelledAt));
  expect(Number(await panel.locator('figure[data-plot]').getAttribute('data-rows'))).toBe(cancelledAt);
  await expect(panel.getByRole('button', { name: 'Run experiment' })).toBeEnabled();
  await expect(panel.getByRole('button', { name: 'Cancel' })).toBeDisabled();
});

test('exports the table as CSV and the plot as PNG', async ({ page }) => {
  const panel = await openPanel(page);
  await configure(panel, ['Peterson'], '4-64:x2', ['Worst case', 'Best case']);
  await panel.getByRole('button', { name: 'Run experiment' }).click();
  await expect(panel.getByRole('status')).toHaveText('Done: 10 runs.', { timeout: 30_000 });

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('link', { name: 'Download table (CSV)' }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe('experiment.csv');
  const lines = readFileSync((await csv.path())!, 'utf8')
    .trimEnd()
    .split('\n');
  expect(lines[0]).toBe('algorithm,n,order,seed,messages,rounds');
  expect(lines).toHaveLength(11);
  // Peterson's worst ring: 2n⌊log n⌋ + n, plus n for the announcement (docs/algorithms.md §1.4)
  expect(lines[5]).toBe(`peterson,64,worst,1,${2 * 64 * 6 + 64 + 64},${lines[5]!.split(',')[5]}`);

  const [png] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('link', { name: 'Download plot (PNG)' }).click(),
  ]);
  expect(png.suggestedFilename()).toBe('experiment.png');
  const bytes = readFileSync((await png.path())!);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.length).toBeGreaterThan(5_000);
});

test('every control has an accessible name, and the panel fits 1280 px without sideways scrolling', async ({
  page,
}) => {
  const panel = await openPanel(page);
  const controls = panel.locator('input, button, select, a, [role=progressbar]');
  const count = await controls.count();
  expect(count).toBeGreaterThan(15);
  for (let i = 0; i < count; i++) await expect(controls.nth(i)).not.toHaveAccessibleName('');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // A bad size is refused in the form, in words, without starting a run.
  await panel.getByRole('textbox', { name: 'Sizes n' }).fill('64-4');
  await panel.getByRole('button', { name: 'Run experiment' }).click();
  await expect(panel.getByRole('alert')).toHaveText(/runs backwards/);
  // No run started: the status and the rows are still the default experiment's.
  await expect(panel.getByRole('status')).toHaveText(
    MOUNTED_IN_APP && !process.env.EXPERIMENTS_PAGE ? 'Done: 122 runs.' : /No experiment yet/,
  );
});
