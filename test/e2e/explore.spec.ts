import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { findPreset } from '../../src/scenario/presets';
import { queryToFlat } from '../../src/scenario/url';
import { Naive } from '../explorer/naive';
import { runOf } from '../explorer/toys';
import { cli, messagesTotal, presetLink, toEnd, watchErrors } from './links-util';

/**
 * The "All schedules" panel in Chromium: the explorer runs in a Web Worker for the simulator's
 * scenario or a small example. Expected counts come by hand or from the naive enumerator of
 * test/explorer/naive.ts (every schedule walked one by one), never from the explorer itself.
 */
const SHOTS = process.env.SHOTS_DIR ?? 'artifacts/explore';

async function openExplorer(page: Page) {
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'All schedules' })
    .click();
  const panel = page.getByRole('region', { name: 'All schedules' });
  await expect(panel).toBeVisible();
  return panel;
}

const thousands = (v: number) => v.toLocaleString('en-US');

test('LCR on the ring 1,2,3: 8 schedules, every one elects 3 with 8 messages', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#v=1&alg=lcr&ids=1,2,3&mode=async');
  await expect(page.getByTestId('step')).toBeVisible();
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/simulator-views-1280.png` });
  const panel = await openExplorer(page);
  await expect(panel.getByTestId('explore-system')).toContainText('on a ring of 3 (ids clockwise 1,2,3)');
  await panel.getByRole('button', { name: 'Explore every schedule' }).click();
  // By hand (test/explorer/explorer.test.ts): election(3)'s last hop waits behind every other
  // election delivery; the two orders of the first three, times 4 places for 2's own: 2 × 4 = 8.
  // Messages: election 1 + 1 + 3 = 5 (each id to the first larger one), elected 3.
  await expect(panel.getByTestId('explore-headline')).toHaveText(
    '8 schedules; every one elects 3 with 8 messages.',
  );
  await expect(panel.getByTestId('explore-schedules')).toHaveText('8');
  await expect(panel.getByRole('region', { name: 'Violations' })).toContainText('None in any schedule.');
  expect(errors).toEqual([]);
});

test('a preset: the tree convergecast’s schedules, counted one by one by the naive enumerator', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const preset = findPreset('tree-two-saturated')!;
  const flat = queryToFlat(preset.link);
  if (!flat.ok) throw new Error('the preset link does not read');
  const naive = new Naive(runOf({ ...flat.value, mode: 'async' })).figures();
  await page.goto('./');
  await (await presetLink(page, preset.id)).click();
  const panel = await openExplorer(page);
  await expect(panel.getByTestId('explore-system')).toContainText('on 8 nodes and 7 edges');
  await panel.getByRole('button', { name: 'Explore every schedule' }).click();
  await expect(panel.getByTestId('explore-schedules')).toHaveText(thousands(naive.schedules));
  const leaders = naive.leaders.join(', ').replace(/, (\d+)$/, ' or $1');
  await expect(panel.getByTestId('explore-headline')).toHaveText(
    `${thousands(naive.schedules)} schedules; they elect ${leaders}, every one with ${naive.min} messages.`,
  );
  expect(naive.min).toBe(naive.max);
  expect(errors).toEqual([]);
});

test('Cancel stops a big exploration (the GHS preset on 10 nodes) and the panel stays usable', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto(`./#${findPreset('ghs-10')!.link}`);
  const panel = await openExplorer(page);
  const go = panel.getByRole('button', { name: 'Explore every schedule' });
  await go.click();
  await expect(go).toBeDisabled();
  // Progress: states so far, several times while it runs.
  const progress = panel.getByTestId('explore-progress');
  await expect(progress).toContainText(/[\d,]+ states, [\d,]+ transitions so far/, { timeout: 20_000 });
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByTestId('explore-headline')).toHaveText(
    /^Cancelled after [\d,]+ states: .* The unexplored part may hold more\.$/,
    { timeout: 20_000 },
  );
  await expect(go).toBeEnabled();
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/explore-cancelled-1280.png` });
  // Usable afterwards: a small example explores to its end.
  await panel.getByRole('button', { name: /^LCR, ids 5,4,3,2,1/ }).click();
  await expect(panel.getByTestId('explore-headline')).toHaveText(
    '292,864 schedules; every one elects 5 with 20 messages.',
    { timeout: 30_000 },
  );
  expect(errors).toEqual([]);
});

test('the worst schedule of the GHS preset on 5 nodes opens in the simulator and replays to its count', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('./');
  await (await presetLink(page, 'ghs-complete-5')).click();
  const panel = await openExplorer(page);
  await expect(panel.getByTestId('explore-system')).toContainText('on 5 nodes and 10 edges');
  await panel.getByRole('button', { name: 'Explore every schedule' }).click();
  const worst = panel.getByRole('button', { name: /^Open the most-message schedule \(\d+\)$/ });
  await expect(worst).toBeVisible({ timeout: 60_000 });
  const most = Number(/\((\d+)\)/.exec((await worst.textContent())!)![1]);
  const fewest = Number(
    /\((\d+)\)/.exec((await panel.getByRole('button', { name: /^Open the fewest/ }).textContent())!)![1],
  );
  // GHS's count depends on the schedule here: the histogram shows how many schedules send each.
  expect(fewest).toBeLessThan(most);
  await expect(panel.getByTestId('explore-histogram')).toBeVisible();
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/explore-ghs-1280.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/explore-ghs-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  await worst.click();
  await expect(panel).toBeHidden();
  const hash = await page.evaluate(() => location.hash);
  expect(hash).toMatch(/[#&]sched=/);
  await toEnd(page);
  expect(await messagesTotal(page)).toBe(String(most));
  // The command line replays the same link to the same count.
  expect(cli(hash).messages).toBe(most);
  expect(errors).toEqual([]);
});

test('bad input: one sentence each, and the panel stays usable', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#v=1&alg=lcr&ids=3,1,2&mode=async');
  const panel = await openExplorer(page);
  const go = panel.getByRole('button', { name: 'Explore every schedule' });
  const budget = panel.getByRole('textbox', { name: /State budget/ });
  await budget.fill('0');
  await go.click();
  await expect(panel.getByRole('alert')).toHaveText(
    'The state budget must be a whole number from 1 to 2000000, not "0".',
  );
  await budget.fill('1000000');
  await go.click();
  await expect(panel.getByTestId('explore-schedules')).toBeVisible();
  await expect(panel.getByRole('alert')).toHaveCount(0);

  // An algorithm decided by timeouts, and a system larger than the explorer takes.
  await page.getByRole('button', { name: 'Back to the simulator' }).click();
  await page.evaluate(() => (location.hash = '#v=1&alg=bully&n=4&ids=asc&mode=async'));
  await expect(page.getByTestId('step')).toBeVisible();
  const again = await openExplorer(page);
  await again.getByRole('button', { name: 'Explore every schedule' }).click();
  await expect(again.getByRole('alert')).toHaveText(/^Bully .* cannot be explored: .*\.$/);
  await expect(again.getByRole('alert')).toHaveCount(1);

  await page.getByRole('button', { name: 'Back to the simulator' }).click();
  await page.evaluate(() => (location.hash = '#v=1&alg=lcr&n=17&ids=asc&mode=async'));
  await expect(page.getByTestId('step')).toBeVisible();
  const third = await openExplorer(page);
  await expect(third.getByTestId('explore-system')).toContainText('on a ring of 17');
  await third.getByRole('button', { name: 'Explore every schedule' }).click();
  await expect(third.getByRole('alert')).toHaveText(
    'The explorer takes at most 16 processes (this graph has 17): the states of a larger system would not fit any budget.',
  );
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/explore-refused-1280.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/explore-refused-390.png` });
  expect(errors).toEqual([]);
});
