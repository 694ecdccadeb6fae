import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { rememberOpen } from './folds';
import { failOnPageErrors } from './noErrors';

/**
 * The space-time diagram follows the cursor (issue 12, item 5): a window round the current time that
 * scrolls with it while playing, Fit for the whole run and back; the dark theme covers the panel.
 */

failOnPageErrors();
test.beforeEach(({ page }) => rememberOpen(page, ['Space-time']));

const HS16 = 'v=1&alg=hs&n=16&ids=random&seed=1&mode=sync';

async function open(page: Page, hash: string) {
  await page.goto('about:blank');
  await page.goto(`./#${hash}`);
  await page.waitForFunction(() => !!window.__lel?.view && !!window.__lelSpaceTime);
  await page.waitForFunction(() => window.__lel!.store.getState().computing === false);
}

/** The diagram's visible time range, the clock, and the run's last time (after a frame). */
const shown = (page: Page) =>
  page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(r));
    const v = window.__lelSpaceTime!;
    return { ...v.timeWindow(), end: v.index!.maxTime, fitted: v.fitted };
  });

test('mid-run on HS-16 the diagram shows a window round the cursor, follows it while playing, and Fit shows the whole run', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await open(page, HS16);
  // Mid-run: half of the run's time.
  const end = await page.evaluate(() => window.__lelSpaceTime!.index!.maxTime);
  expect(end).toBeGreaterThan(30);
  await page.evaluate((t) => {
    const s = window.__lel!.store.getState();
    s.seek(s.run.sim.trace.findIndex((e) => e.time >= t));
  }, end / 2);
  let w = await shown(page);
  expect(w.fitted).toBe(false);
  // A window, not the run: a dozen rounds of the run's ~end, with the cursor inside, right of centre.
  expect(w.to - w.from).toBeLessThan(end / 2);
  expect(w.to - w.from).toBeGreaterThan(6);
  expect(w.clock).toBeGreaterThan(w.from);
  expect(w.clock).toBeLessThan(w.to);
  const at = (w.clock - w.from) / (w.to - w.from);
  expect(at).toBeGreaterThan(0.4);
  expect(at).toBeLessThan(0.8);
  mkdirSync('artifacts/spacetime', { recursive: true });
  await page.screenshot({ path: 'artifacts/spacetime/hs16-window.png' });

  // Playing: the window scrolls with the clock (the clock passes the window's old right end).
  const before = w;
  await page.evaluate(() => {
    const s = window.__lel!.store.getState();
    s.setSpeed(20);
    s.play();
  });
  await page.waitForFunction((t) => window.__lel!.store.getState().clock > t + 2, before.to, {
    timeout: 60_000,
  });
  await page.evaluate(() => window.__lel!.store.getState().pause());
  w = await shown(page);
  expect(w.from).toBeGreaterThan(before.from);
  expect(w.clock).toBeGreaterThan(w.from);
  expect(w.clock).toBeLessThan(w.to);

  // Fit: the whole run; then back to the window round the cursor.
  await page.getByRole('button', { name: 'Fit time' }).click();
  w = await shown(page);
  expect(w.fitted).toBe(true);
  expect(w.from).toBeLessThanOrEqual(0);
  expect(w.to).toBeGreaterThanOrEqual(end);
  await page.screenshot({ path: 'artifacts/spacetime/hs16-fit.png' });
  await page.getByRole('button', { name: 'Follow the cursor' }).click();
  w = await shown(page);
  expect(w.fitted).toBe(false);
  expect(w.to - w.from).toBeLessThan(end / 2);
  expect(w.clock).toBeGreaterThan(w.from);
  expect(w.clock).toBeLessThan(w.to);
  await expect(page.getByRole('button', { name: 'Fit time' })).toBeVisible();
});

test('the dark theme covers the space-time panel, switched while paused too', async ({ page }) => {
  await open(page, HS16);
  await page.getByRole('slider', { name: 'Timeline' }).fill('60');
  await expect(page.getByTestId('step')).toHaveText('60');
  /** The mean luminance (0–1) of the diagram's canvas as painted, and the panel's CSS background. */
  const lightness = () =>
    page.evaluate(async () => {
      await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => requestAnimationFrame(r));
      const c = document.querySelector<HTMLCanvasElement>('[data-testid=spacetime] canvas.st-canvas')!;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let sum = 0;
      for (let i = 0; i < d.length; i += 4)
        sum += (0.2126 * d[i]! + 0.7152 * d[i + 1]! + 0.0722 * d[i + 2]!) / 255;
      const bg = getComputedStyle(document.querySelector('.spacetime')!)
        .backgroundColor.match(/\d+/g)!
        .map(Number);
      return {
        canvas: sum / (d.length / 4),
        panel: (0.2126 * bg[0]! + 0.7152 * bg[1]! + 0.0722 * bg[2]!) / 255,
      };
    });
  const light = await lightness();
  expect(light.canvas).toBeGreaterThan(0.7);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const dark = await lightness();
  expect(dark.panel).toBeLessThan(0.2);
  expect(dark.canvas).toBeLessThan(0.3);
  mkdirSync('artifacts/spacetime', { recursive: true });
  await page.screenshot({ path: 'artifacts/spacetime/hs16-dark.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('spacetime').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'artifacts/spacetime/hs16-dark-phone.png' });
});
