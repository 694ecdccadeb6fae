import { expect, test, type Page } from '@playwright/test';
import { failOnPageErrors } from './noErrors';

/** Two algorithms side by side on one ring: LCR against HS at n = 16, ids decreasing clockwise. */

failOnPageErrors();

const N = 16;
const LOG = Math.ceil(Math.log2(N));
// docs/algorithms.md §3: LCR with ids decreasing clockwise n(n+1)/2; HS on a sorted ring
// 5n + 2^(⌈log n⌉+2) − 8; the announcement adds n to each.
const LCR = (N * (N + 1)) / 2 + N;
const HS = 5 * N + 2 ** (LOG + 2) - 8 + N;

const LINK = `v=1&alg=lcr&n=${N}&ids=desc&mode=sync`;

const pane = (page: Page, which: 'first' | 'second') => page.getByTestId(`pane-${which}`);

async function openVersus(page: Page) {
  await page.goto('about:blank');
  await page.goto(`./#${LINK}`);
  await page.waitForFunction(() => !!window.__lel?.view);
  await page.getByRole('button', { name: 'Compare sync and async' }).click();
  await expect(page.getByTestId('compare')).toBeVisible();
  await page.getByRole('combobox', { name: 'Compare with' }).selectOption('hs');
  await expect(pane(page, 'second')).toBeVisible();
}

async function playToEnd(page: Page) {
  await page.getByRole('slider', { name: 'Speed' }).fill('900');
  await page.getByRole('button', { name: 'Play' }).click();
  for (const which of ['first', 'second'] as const)
    await expect(pane(page, which).getByTestId('pane-status')).toHaveText(`Leader: ${N}`, {
      timeout: 30_000,
    });
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 30_000 });
}

test('LCR vs HS at n = 16: both send 152, both elect 16, said in words', async ({ page }) => {
  expect([LCR, HS]).toEqual([152, 152]);
  await openVersus(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('LCR vs HS');
  await expect(pane(page, 'first')).toHaveAttribute('aria-label', /Le Lann/);
  await expect(pane(page, 'second')).toContainText('bidirectional ring');
  // Only the ring algorithms are offered; the rest are named with the reason.
  const options = await page
    .getByRole('combobox', { name: 'Compare with' })
    .locator('option')
    .allTextContents();
  expect(options).toContain('LCR vs HS');
  expect(options.join()).not.toContain('Bully');
  const notOffered = page.getByTestId('not-offered');
  await notOffered.locator('summary').click();
  await expect(notOffered).toContainText('Bully runs on a complete graph, not on this unidirectional ring.');
  await notOffered.locator('summary').click();

  await expect(page).toHaveURL(/screen=compare&vs=hs$/);
  await playToEnd(page);
  await expect(pane(page, 'first').getByTestId('pane-messages')).toHaveText(String(LCR));
  await expect(pane(page, 'second').getByTestId('pane-messages')).toHaveText(String(HS));
  await expect(page.getByTestId('message-gap')).toHaveText(`HS sent ${HS}, LCR ${LCR}: the same`);
  // Sync rounds: LCR n + n announcing; HS 2^(⌈log n⌉+1) + n − 2 + n (§1.3).
  await expect(pane(page, 'first').getByTestId('pane-time')).toHaveText(String(2 * N));
  await expect(pane(page, 'second').getByTestId('pane-time')).toHaveText(String(2 ** (LOG + 1) + N - 2 + N));
  await page.screenshot({ path: 'artifacts/compare/lcr-vs-hs-1280.png' });
});

test('the link reopens the same comparison, and Step moves both by simulated time', async ({ page }) => {
  await page.goto('about:blank');
  await page.goto(`./#${LINK}&screen=compare&vs=hs`);
  await expect(page.getByTestId('compare')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Compare with' })).toHaveValue('hs');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('LCR vs HS');
  // Time 0: all 16 start in both; round 1: 16 deliveries in LCR, 2·16 in HS (out both ways).
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(pane(page, 'first').getByTestId('pane-step')).toHaveText(String(N));
  await expect(pane(page, 'second').getByTestId('pane-step')).toHaveText(String(N));
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(pane(page, 'first').getByTestId('pane-step')).toHaveText(String(2 * N));
  await expect(pane(page, 'second').getByTestId('pane-step')).toHaveText(String(3 * N));
  // Sent by time 1: LCR n at the start and n − 1 forwards (only 1's uid is swallowed: its cw
  // neighbour is 16); HS 2n outs, then an `in` back over each of the n links from its larger end.
  const lcr1 = N + (N - 1);
  const hs1 = 2 * N + N;
  await expect(page.getByTestId('message-gap')).toHaveText(
    `So far: HS sent ${hs1}, LCR ${lcr1}: HS ${hs1 - lcr1} more`,
  );
  // Back to sync vs async: the key goes, and the panes are the timing models again.
  await page.getByRole('combobox', { name: 'Compare with' }).selectOption('');
  await expect(page.getByTestId('pane-sync')).toBeVisible();
  await expect(page).not.toHaveURL(/vs=/);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('compare')).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText(/Leader|running|step/i);
});

test('a link naming an algorithm that cannot run here says why', async ({ page }) => {
  await page.goto('about:blank');
  await page.goto(`./#${LINK}&screen=compare&vs=bully`);
  await expect(page.getByRole('alert').first()).toContainText('Bully runs on a complete graph');
});

test('phone: LCR vs HS one pane above the other, Play reachable, both end at 152', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('about:blank');
  await page.goto(`./#${LINK}&screen=compare&vs=hs`);
  await expect(page.getByTestId('compare')).toBeVisible();
  const play = page.getByRole('button', { name: 'Play' });
  const box = await play.boundingBox();
  expect(box && box.y + box.height).toBeLessThanOrEqual(844);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await playToEnd(page);
  await expect(page.getByTestId('message-gap')).toHaveText(`HS sent ${HS}, LCR ${LCR}: the same`);
  await page.screenshot({ path: 'artifacts/compare/lcr-vs-hs-390.png' });
  await page.screenshot({ path: 'artifacts/compare/lcr-vs-hs-390-full.png', fullPage: true });
});

test('1280×720: the panes give their graphs the height, the space-time diagrams open on demand and stay open', async ({
  page,
}) => {
  await page.goto('about:blank');
  await page.goto(`./#${LINK}&screen=compare&vs=hs`);
  await expect(page.getByTestId('compare')).toBeVisible();
  const toggle = page.getByRole('button', { name: 'Space-time' });
  // Folded by default (the simulator's Space-time fold): each graph takes most of its pane's height.
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  const graphHeight = async (which: 'first' | 'second') =>
    (await pane(page, which).locator('.cmp-graph').boundingBox())!.height;
  const folded = await graphHeight('first');
  // 720 px less the header, the controls and the pane's status lines (~260 px): over 400 px of ring.
  expect(folded).toBeGreaterThan(400);
  expect(await graphHeight('second')).toBeCloseTo(folded, 0);
  await expect(pane(page, 'first').locator('.cmp-spacetime')).toHaveCount(0);
  await page.screenshot({ path: 'artifacts/compare/lcr-vs-hs-folded-1280.png' });
  // Opened: a diagram under each graph, the graphs shorter; remembered on the next visit.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  for (const which of ['first', 'second'] as const)
    await expect(pane(page, which).locator('.cmp-spacetime canvas').first()).toBeVisible();
  expect(await graphHeight('first')).toBeLessThan(folded - 100);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Space-time' })).toHaveAttribute('aria-expanded', 'true');
  await expect(pane(page, 'second').locator('.cmp-spacetime canvas').first()).toBeVisible();
});

test('the "Side by side" preset opens LCR vs HS on 16 nodes, and both end at 152', async ({ page }) => {
  await page.goto('about:blank');
  await page.goto('./');
  await page.getByRole('button', { name: 'Presets' }).click();
  const gallery = page.getByRole('dialog', { name: 'Presets' });
  await gallery.getByRole('tab', { name: /^Side by side / }).click();
  await gallery.getByRole('link', { name: 'LCR vs HS on 16 nodes: both send 152' }).click();
  await expect(page.getByTestId('compare')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('LCR vs HS');
  await expect(page).toHaveURL(/screen=compare&vs=hs/);
  // The fastest playback: the counts at the end are what this test reads.
  const speed = page.getByRole('slider', { name: 'Speed' });
  await speed.fill((await speed.getAttribute('max'))!);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(pane(page, 'first').getByTestId('pane-messages')).toHaveText(String(LCR), { timeout: 30_000 });
  await expect(pane(page, 'second').getByTestId('pane-messages')).toHaveText(String(HS), { timeout: 30_000 });
  await expect(page.getByTestId('message-gap')).toHaveText(`HS sent ${HS}, LCR ${LCR}: the same`);
});
