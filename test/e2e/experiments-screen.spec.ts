import { expect, test, type Page } from '@playwright/test';
import { watchErrors } from './links-util';

/**
 * The Experiments screen: it opens on a plot (its default experiment runs at once and can be
 * cancelled), Run is in view at 1280×720, the legend tells measured / exact / bound apart by their
 * marks and reads values under the pointer, and the screen is in the URL (`screen=`).
 */

const LINK = 'v=1&alg=lcr&n=8&ids=desc&mode=sync';
const panelOf = (page: Page) => page.getByRole('region', { name: 'Experiments', exact: true });
const ceilLog2 = (n: number) => Math.ceil(Math.log2(n) - 1e-12);

test('a link with screen=experiments opens on the default experiment’s plot, Run in view, a legend by style', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto(`./#${LINK}&screen=experiments`);
  const panel = panelOf(page);
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('step')).toHaveCount(0);
  // LCR and HS, worst case, n = 4…64, synchronous: 61 sizes × 2 algorithms, no seeds to repeat.
  await expect(panel.getByRole('status')).toHaveText('Done: 122 runs.', { timeout: 30_000 });

  // Nothing below the fold that matters: Run and Cancel are on screen without scrolling.
  for (const name of ['Run experiment', 'Cancel']) {
    const b = (await panel.getByRole('button', { name }).boundingBox())!;
    expect(b.y + b.height).toBeLessThanOrEqual(720);
  }

  // One legend row per series, its mark drawn in the plot's style.
  const legend = panel.getByRole('table', { name: 'Plot legend' });
  const row = (label: RegExp) =>
    legend.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label }) });
  await expect(row(/^LCR worst: measured/)).toHaveAttribute('data-style', 'point');
  await expect(row(/^LCR worst: n\(n\+1\)\/2 \+ n/)).toHaveAttribute('data-style', 'solid');
  await expect(row(/^HS worst: .*bound/)).toHaveAttribute('data-style', 'dashed');
  await expect(row(/^LCR worst: measured/).locator('svg circle')).toHaveCount(1);
  expect(
    await row(/^LCR worst: n\(n\+1\)/)
      .locator('svg line')
      .getAttribute('stroke-dasharray'),
  ).toBeNull();
  expect(
    await row(/^HS worst: .*bound/)
      .locator('svg line')
      .getAttribute('stroke-dasharray'),
  ).toMatch(/\d/);

  // Hovering the plot: the legend reads the values at the n under the pointer.
  const over = (await panel.locator('.u-over').boundingBox())!;
  await page.mouse.move(over.x + over.width * 0.6, over.y + over.height / 2);
  const at = panel.getByTestId('legend-at');
  await expect(at).toHaveText(/^Values at n = \d+$/);
  const n = Number(/(\d+)$/.exec((await at.textContent())!)![1]);
  const value = async (label: RegExp) =>
    Number((await row(label).locator('.exp-legend-value').textContent())!.replace(/,/g, ''));
  // docs/algorithms.md §1.1: LCR's worst case is n(n+1)/2 messages, plus n for the announcement.
  expect(await value(/^LCR worst: measured/)).toBe((n * (n + 1)) / 2 + n);
  expect(await value(/^LCR worst: n\(n\+1\)/)).toBe((n * (n + 1)) / 2 + n);
  // §1.3: HS stays under 8n(1 + ⌈log n⌉) + n.
  const bound = 8 * n * (1 + ceilLog2(n)) + n;
  expect(await value(/^HS worst: .*bound/)).toBe(bound);
  expect(await value(/^HS worst: measured/)).toBeLessThanOrEqual(bound);
  await page.screenshot({ path: 'artifacts/editor/experiments-1280.png' });
  expect(errors).toEqual([]);
});

test('opening the screen starts the default experiment, and Cancel stops it', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`./#${LINK}`);
  await page.waitForFunction(() => !!window.__lel?.view);
  // Press Cancel the moment it is offered (from inside the page: the worker is quicker than a test).
  await page.evaluate(() => {
    const seen = new MutationObserver(() => {
      const cancel = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Cancel');
      if (cancel && !cancel.disabled) {
        seen.disconnect();
        cancel.click();
      }
    });
    seen.observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await page.getByRole('button', { name: 'Experiments', exact: true }).click();
  const panel = panelOf(page);
  await expect(panel.getByRole('status')).toHaveText(/^Cancelled after \d+ runs?( of 122)?\.$/, {
    timeout: 30_000,
  });
  const done = Number(/after (\d+)/.exec((await panel.getByRole('status').textContent())!)![1]);
  expect(done).toBeLessThan(122);
  await expect(panel.getByRole('button', { name: 'Cancel' })).toBeDisabled();
  expect(errors).toEqual([]);
});

test('the screens are in the URL: opened, left, and navigated back to; old links unchanged', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto(`./#${LINK}`);
  await page.waitForFunction(() => !!window.__lel?.view);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step')).toHaveText('1');
  await page.getByRole('button', { name: 'Experiments', exact: true }).click();
  await expect(page).toHaveURL(/#v=1&alg=lcr&n=8&ids=desc&mode=sync&step=1&screen=experiments$/);
  await expect(panelOf(page)).toBeVisible();
  await page.getByRole('button', { name: 'Back to the simulator' }).click();
  await expect(page).toHaveURL(/#v=1&alg=lcr&n=8&ids=desc&mode=sync&step=1$/);
  await expect(page.getByTestId('step')).toHaveText('1');
  // The browser's Back returns to the experiments, Forward to the simulator.
  await page.goBack();
  await expect(panelOf(page)).toBeVisible();
  await page.goForward();
  await expect(page.getByTestId('step')).toHaveText('1');

  await page.getByRole('button', { name: 'Compare sync and async' }).click();
  await expect(page).toHaveURL(/&screen=compare$/);
  await page.reload();
  await expect(page.getByRole('toolbar', { name: 'Playback of both runs' })).toBeVisible();
  await expect(page.getByTestId('step')).toHaveCount(0);

  // A link without the key opens the simulator, as before; a bad value is named.
  await page.goto(`./#${LINK}&screen=plots`);
  await expect(page.getByRole('alert')).toContainText(
    'screen must be experiments, compare or explore, not "plots"',
  );
  expect(errors).toEqual([]);
});
