import { execFileSync } from 'node:child_process';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { CLI_NODE, cliArgs } from '../util/cli';
import { watchErrors } from './links-util';

/**
 * The Experiments screen's systems experiments (C27, C28): each is chosen, run in the worker, plotted
 * with its axis titles and hover values, and its table is exactly what `sim experiment --preset` prints
 * for the same options. At 1280×720 Run and the plot are in view; on a phone the screen is one column.
 */

const SHOTS = '/work/briefs/shots/sysexp';
const LINK = 'v=1&alg=lcr&n=8&ids=desc&mode=sync&screen=experiments';

/** The CLI's CSV for the same options, as lines. */
function cliCsv(...args: string[]): string[] {
  const out = execFileSync(CLI_NODE, cliArgs('experiment', ...args), { encoding: 'utf8' });
  return out.trimEnd().split('\n');
}

/** The table as CSV lines: header cells, then each row's cells, joined by commas. */
async function tableCsv(view: Locator): Promise<string[]> {
  const table = view.getByRole('region', { name: 'Experiment results table' });
  const header = await table.locator('thead th').allTextContents();
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '').join(',')),
    );
  return [header.join(','), ...rows];
}

async function open(page: Page, preset: string): Promise<Locator> {
  await page.goto(`./#${LINK}`);
  const panel = page.getByRole('region', { name: 'Experiments', exact: true });
  await expect(panel).toBeVisible();
  await panel.getByRole('combobox', { name: 'Experiment', exact: true }).selectOption(preset);
  const view = panel.locator(`[data-preset="${preset}"]`);
  await expect(view).toBeVisible();
  return view;
}

/** Runs the form's settings; `runs` tells this run's end from the preset's own first run's. */
async function run(view: Locator, runs: number, vary: string, values: string, seeds?: string): Promise<void> {
  await view.getByRole('combobox', { name: 'Parameter' }).selectOption(vary);
  await view.getByLabel('Values').fill(values);
  if (seeds) await view.getByLabel('Seeds k').fill(seeds);
  await view.getByRole('button', { name: 'Run experiment' }).click();
  await expect(view.getByRole('status')).toHaveText(`Done: ${runs} runs.`, { timeout: 60_000 });
}

/** Hovers the plot at a fraction of its width and returns the caption naming the value there. */
async function hover(page: Page, view: Locator, at: number): Promise<string> {
  const over = (await view.locator('.u-over').boundingBox())!;
  await page.mouse.move(over.x + over.width * at, over.y + over.height / 2);
  const caption = view.getByTestId('legend-at');
  await expect(caption).toHaveText(/^Values at .+ = \d+$/);
  return (await caption.textContent())!;
}

test('Raft: unavailability vs the timeout range — points, hover values, axis titles, table = CLI', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const view = await open(page, 'raft-unavailability');
  await run(view, 32, 'timeout-max', '160-300:20', '4');
  await expect(view.getByRole('status')).toHaveText('Done: 32 runs.');
  expect(await tableCsv(view)).toEqual(
    cliCsv('--preset', 'raft-unavailability', '--vary', 'timeout-max=160-300:20', '--seeds', '4'),
  );
  const plot = JSON.parse((await view.locator('figure').getAttribute('data-plot'))!) as {
    x: number[];
    series: { kind: string; values: number[] }[];
    xTitle: string;
    yTitle: string;
  };
  expect(plot.x).toEqual([160, 180, 200, 220, 240, 260, 280, 300]);
  expect(plot.series.map((s) => s.kind)).toEqual(['mean', 'min', 'max']);
  expect(plot.xTitle).toBe('maximum election timeout, minimum 150 (time units of 1 ms)');
  expect(plot.yTitle).toBe('time without a leader (time units of 1 ms)');
  // The axis titles (drawn on the canvas) are also the figure's name.
  await expect(view.locator('figure')).toHaveAttribute('aria-label', `${plot.yTitle} against ${plot.xTitle}`);
  const caption = await hover(page, view, 0.5);
  const x = Number(/(\d+)$/.exec(caption)![1]);
  const i = plot.x.indexOf(x);
  const mean = await view
    .getByRole('row')
    .filter({ hasText: 'mean over 4 seeds' })
    .locator('.exp-legend-value')
    .textContent();
  expect(Number(mean)).toBe(plot.series[0]!.values[i]!);

  // At 1280×720 Run and the whole plot are on screen without scrolling.
  for (const el of [view.getByRole('button', { name: 'Run experiment' }), view.locator('.exp-chart')]) {
    const b = (await el.boundingBox())!;
    expect(b.y + b.height).toBeLessThanOrEqual(720);
  }
  await page.screenshot({ path: `${SHOTS}/raft-1280.png` });
  expect(errors).toEqual([]);
});

test('Leases: split brain vs pause length — 0 up to 161, then D − 161; table = CLI', async ({ page }) => {
  const errors = watchErrors(page);
  const view = await open(page, 'lease-split-brain');
  // Chosen, it runs its own settings at once (pause 10-400:10, one run each) and opens on its plot.
  await expect(view.getByRole('status')).toHaveText('Done: 40 runs.', { timeout: 30_000 });
  await expect(view.locator('figure')).toHaveAttribute('data-plot', /"x":\[10,20,30/);
  await run(view, 8, 'pause', '50-400:50');
  const lines = await tableCsv(view);
  expect(lines).toEqual(cliCsv('--preset', 'lease-split-brain', '--vary', 'pause=50-400:50'));
  // C28: split brain max(0, D − 161) at the defaults.
  for (const l of lines.slice(1)) {
    const [d, split] = l.split(',').map(Number);
    expect(split).toBe(Math.max(0, d! - 161));
  }
  const caption = await hover(page, view, 0.98);
  expect(caption).toBe('Values at pause = 400');
  await expect(
    view.getByRole('row').filter({ hasText: 'split-brain time' }).locator('.exp-legend-value'),
  ).toHaveText('239');
  await expect(view.locator('figure')).toHaveAttribute(
    'aria-label',
    'split-brain time (time units of 100 ms) against pause length (holder 1, at 101) (time units of 100 ms)',
  );
  await page.screenshot({ path: `${SHOTS}/lease-1280.png` });
  expect(errors).toEqual([]);
});

test('ZooKeeper: notifications vs n — recipe 1, herd n − 1, two series; table = CLI', async ({ page }) => {
  const errors = watchErrors(page);
  const view = await open(page, 'zookeeper-notifications');
  await run(view, 18, 'n', '2-10');
  await expect(view.getByRole('status')).toHaveText('Done: 18 runs.');
  const lines = await tableCsv(view);
  expect(lines).toEqual(cliCsv('--preset', 'zookeeper-notifications', '--vary', 'n=2-10'));
  const plot = JSON.parse((await view.locator('figure').getAttribute('data-plot'))!) as {
    series: { variant: string; values: number[] }[];
  };
  const ns = [2, 3, 4, 5, 6, 7, 8, 9, 10];
  expect(plot.series.map((s) => [s.variant, s.values])).toEqual([
    ['recipe', ns.map(() => 1)],
    ['herd', ns.map((n) => n - 1)],
  ]);
  const caption = await hover(page, view, 0.99);
  expect(caption).toBe('Values at n = 10');
  await expect(view.getByRole('row').filter({ hasText: /^herd/ }).locator('.exp-legend-value')).toHaveText(
    '9',
  );
  await page.screenshot({ path: `${SHOTS}/zookeeper-1280.png` });

  // Bad input: one clear line, the settings kept.
  await view.getByLabel('Values').fill('0-5');
  await view.getByRole('button', { name: 'Run experiment' }).click();
  await expect(view.getByRole('alert')).toHaveText('n: 0 is too small: a system needs at least one process');
  await expect(view.getByLabel('Values')).toHaveValue('0-5');
  expect(errors).toEqual([]);
});

test('a long systems experiment shows its progress and Cancel stops it; the n-sweep is kept', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const view = await open(page, 'raft-unavailability');
  await view.getByRole('combobox', { name: 'Parameter' }).selectOption('timeout-max');
  await view.getByLabel('Values').fill('155-300:5');
  await view.getByLabel('Seeds k').fill('300');
  await view.getByRole('button', { name: 'Run experiment' }).click();
  // 30 values × 300 seeds: the bar counts the runs as they come.
  const bar = view.getByRole('progressbar', { name: 'Experiment progress' });
  await expect(bar).toHaveAttribute('aria-valuemax', '9000');
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  await view.getByRole('button', { name: 'Cancel' }).click();
  await expect(view.getByRole('status')).toHaveText(/^Cancelled after \d+ runs? of 9000\.$/);
  const done = Number(await bar.getAttribute('aria-valuenow'));
  expect(done).toBeLessThan(9000);
  await page.waitForTimeout(300);
  // Stopped: no row arrives after Cancel.
  expect(Number(await bar.getAttribute('aria-valuenow'))).toBe(done);
  await expect(view.getByRole('button', { name: 'Cancel' })).toBeDisabled();

  // Back to the n-sweep: its own plot and settings are still there.
  const panel = page.getByRole('region', { name: 'Experiments', exact: true });
  await panel.getByRole('combobox', { name: 'Experiment', exact: true }).selectOption('sweep');
  await expect(view).toBeHidden();
  await expect(panel.getByRole('textbox', { name: 'Sizes n' })).toHaveValue('4-64');
  expect(errors).toEqual([]);
});

test('on a phone (390×844) the screen is one column: settings, then the plot, then the table', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 390, height: 844 });
  const view = await open(page, 'lease-split-brain');
  await run(view, 11, 'pause', '100-300:20');
  const form = (await view.locator('form').boundingBox())!;
  const chart = (await view.locator('.exp-chart').boundingBox())!;
  const table = (await view.getByRole('region', { name: 'Experiment results table' }).boundingBox())!;
  expect(form.y + form.height).toBeLessThanOrEqual(chart.y);
  expect(chart.y + chart.height).toBeLessThanOrEqual(table.y);
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      // What overflows the window, not what scrolls inside its own box (a wide table's region).
      .filter(
        (e) =>
          e.getBoundingClientRect().right > 390 &&
          (e as HTMLElement).offsetParent !== null &&
          !e.closest('.exp-table'),
      )
      .map((e) => `${e.outerHTML.slice(0, 80)} ${Math.round(e.getBoundingClientRect().right)}`)
      .slice(0, 30),
  );
  expect(wide).toEqual([]);
  for (const b of [form, chart, table]) expect(b.x + b.width).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const runButton = (await view.getByRole('button', { name: 'Run experiment' }).boundingBox())!;
  expect(runButton.height).toBeGreaterThanOrEqual(24);
  await page.screenshot({ path: `${SHOTS}/lease-390-top.png` });
  await view.locator('.exp-chart').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/lease-390-plot.png` });
  await view.getByRole('region', { name: 'Experiment results table' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/lease-390-table.png` });
  expect(errors).toEqual([]);
});
