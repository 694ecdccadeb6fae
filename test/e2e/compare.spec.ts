import { expect, test, type Page } from '@playwright/test';
import { rememberOpen } from './folds';
import { failOnPageErrors } from './noErrors';

// The panels this spec uses start folded at 1280×720 (src/ui/layout/folds.ts): open them.
test.beforeEach(({ page }) => rememberOpen(page, ['Scenario editor']));

/** Sync vs async side by side: one set of controls drives both runs; leaving returns to the simulator. */

failOnPageErrors();

const IDS = [3, 7, 1, 8, 5, 2, 6, 4];

/** LCR's count (docs/algorithms.md §1.1): each uid travels to the next larger id clockwise (the max all n), + n elected. */
function lcrMessages(ids: number[]): number {
  const n = ids.length;
  let total = n;
  for (let i = 0; i < n; i++) {
    let d = 1;
    while (d < n && ids[(i + d) % n]! < ids[i]!) d++;
    total += d;
  }
  return total;
}

async function openCompare(page: Page) {
  await page.goto('about:blank');
  await page.goto(`./#v=1&alg=lcr&ids=${IDS.join(',')}&mode=sync&maxDelay=5&seed=2`);
  await page.waitForFunction(() => !!window.__lel?.view);
  await page.getByRole('button', { name: 'Compare sync and async' }).click();
  await expect(page.getByTestId('compare')).toBeVisible();
}

const pane = (page: Page, which: 'sync' | 'async') => page.getByTestId(`pane-${which}`);
const paneStep = (page: Page, which: 'sync' | 'async') => pane(page, which).getByTestId('pane-step');

test('one Step drives both runs, linked by simulated time; Reset and Step back too', async ({ page }) => {
  await openCompare(page);
  await expect(page.getByTestId('link-explanation')).toContainText('simulated time');
  await expect(page.getByRole('radio', { name: 'simulated time' })).toBeChecked();
  await expect(paneStep(page, 'sync')).toHaveText('0');
  await expect(paneStep(page, 'async')).toHaveText('0');
  // Time 0: every process starts in both runs (n inits each).
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(paneStep(page, 'sync')).toHaveText('8');
  await expect(paneStep(page, 'async')).toHaveText('8');
  await expect(page.getByTestId('linked-position')).toHaveText('time 0');
  // Time 1: the synchronous round 1 (n deliveries); the asynchronous run only what arrives at 1.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.getByTestId('linked-position')).toHaveText('time 1');
  await expect(paneStep(page, 'sync')).toHaveText('16');
  await expect(pane(page, 'sync').getByTestId('pane-time')).toHaveText('1');
  const asyncAt1 = await page.evaluate(() => {
    // The async run's own trace: how many steps happen by time 1.
    const el = document.querySelector('[data-testid=pane-async] [data-testid=pane-step]')!;
    return Number(el.textContent);
  });
  expect(asyncAt1).toBeGreaterThanOrEqual(8);
  expect(asyncAt1).toBeLessThan(16);
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(paneStep(page, 'sync')).toHaveText('8');
  await expect(paneStep(page, 'async')).toHaveText('8');
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(paneStep(page, 'sync')).toHaveText('0');
  await expect(paneStep(page, 'async')).toHaveText('0');
  // The keyboard drives both too.
  await page.keyboard.press('ArrowRight');
  await expect(paneStep(page, 'sync')).toHaveText('8');
  await page.keyboard.press('Home');
  await expect(paneStep(page, 'sync')).toHaveText('0');
});

test('Play runs both to the end: same leader, same LCR message count, different times', async ({ page }) => {
  await openCompare(page);
  await page.getByRole('slider', { name: 'Speed' }).fill('900');
  await page.getByRole('button', { name: 'Play' }).click();
  const msgs = String(lcrMessages(IDS));
  await expect(pane(page, 'sync').getByTestId('pane-status')).toHaveText('Leader: 8', { timeout: 20_000 });
  await expect(pane(page, 'async').getByTestId('pane-status')).toHaveText('Leader: 8', { timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 20_000 });
  await expect(pane(page, 'sync').getByTestId('pane-messages')).toHaveText(msgs);
  await expect(pane(page, 'async').getByTestId('pane-messages')).toHaveText(msgs);
  // Sync: 2n rounds (§1.1); async: each hop takes 1–5 units, so between 2n and 5·2n units.
  await expect(pane(page, 'sync').getByTestId('pane-time')).toHaveText('16');
  const asyncTime = Number(await pane(page, 'async').getByTestId('pane-time').textContent());
  expect(asyncTime).toBeGreaterThanOrEqual(16);
  expect(asyncTime).toBeLessThanOrEqual(80);
  // The page has one role="status" at most (the simulator's, not shown here), and fits the screen.
  expect(await page.getByRole('status').count()).toBeLessThanOrEqual(1);
  expect(
    await page.evaluate(() => [document.documentElement.scrollHeight, document.documentElement.scrollWidth]),
  ).toEqual([720, 1280]);
  await page.screenshot({ path: 'artifacts/teaching/compare-end.png' });
});

test('linked by step number, both show the same step; the explanation says so', async ({ page }) => {
  await openCompare(page);
  await page.getByRole('radio', { name: 'step number' }).check();
  await expect(page.getByTestId('link-explanation')).toContainText('step number');
  for (let k = 1; k <= 3; k++) {
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(paneStep(page, 'sync')).toHaveText(String(k));
    await expect(paneStep(page, 'async')).toHaveText(String(k));
  }
  // ~2 rounds/s: the run lasts seconds, so Pause finds it playing even after a stall of a loaded
  // machine (at full speed it ended within the 400 ms once, and Pause was not there to click).
  await page.getByRole('slider', { name: 'Speed' }).fill('350');
  // Both panes read in the same frame, every frame while playing: linked by the step number they show,
  // whatever the frame rate. (Read one after the other, the second pane had moved on meanwhile; and on
  // a busy machine the run could end before "Pause" was clicked, turning the click into a new Play.)
  await page.evaluate(() => {
    const w = window as unknown as { __pairs: string[][]; __sampling: boolean };
    w.__pairs = [];
    w.__sampling = true;
    const read = (id: string) =>
      document.querySelector(`[data-testid="${id}"] [data-testid="pane-step"]`)!.textContent!;
    const sample = () => {
      w.__pairs.push([read('pane-sync'), read('pane-async')]);
      if (w.__sampling) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  await page.getByRole('button', { name: 'Play' }).click();
  // Until both panes have been seen past step 3, rather than for a fixed time.
  await page.waitForFunction(
    () => (window as unknown as { __pairs: string[][] }).__pairs.some(([sync]) => Number(sync) > 3),
    null,
    { timeout: 20_000 },
  );
  await page.getByRole('button', { name: 'Pause' }).click();
  const pairs = await page.evaluate(() => {
    const w = window as unknown as { __pairs: string[][]; __sampling: boolean };
    w.__sampling = false;
    return w.__pairs;
  });
  const moved = pairs.filter(([sync]) => Number(sync) > 3);
  expect(moved.length).toBeGreaterThan(0);
  for (const [sync, async] of pairs) expect(async).toBe(sync);
  const [a, b] = await page.evaluate(() =>
    ['pane-sync', 'pane-async'].map(
      (id) => document.querySelector(`[data-testid="${id}"] [data-testid="pane-step"]`)!.textContent,
    ),
  );
  // The same step in both, wherever Pause caught them: on a busy machine the run may have ended and
  // the click restarted it (the frames sampled above already show it moved past step 3).
  expect(b).toBe(a);
  await page.screenshot({ path: 'artifacts/teaching/compare.png' });
});

test('Back to the simulator (or Esc) returns to the normal view where it was', async ({ page }) => {
  await openCompare(page);
  await page.getByRole('button', { name: 'Back to the simulator' }).click();
  await expect(page.getByTestId('compare')).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveCount(1);
  await expect(page.getByRole('combobox', { name: 'Algorithm' })).toHaveValue('lcr');
  await page.waitForFunction(() => !!window.__lel?.view);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step')).toHaveText('1');
  await page.getByRole('button', { name: 'Compare sync and async' }).click();
  await expect(page.getByTestId('compare')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('compare')).toHaveCount(0);
  await expect(page.getByTestId('step')).toHaveText('1');
});
