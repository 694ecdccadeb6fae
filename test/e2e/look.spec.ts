import { expect, test, type Page } from '@playwright/test';
import { rememberOpen } from './folds';
import { failOnPageErrors } from './noErrors';

// The panels this spec uses start folded at 1280×720 (src/ui/layout/folds.ts): open them.
test.beforeEach(({ page }) => rememberOpen(page, ['Scenario editor', 'Pseudo-code'], ['Pseudo-code']));

/** Presentation mode and the light/dark themes. */

failOnPageErrors();

async function open(page: Page) {
  await page.goto('./#v=1&alg=lcr&n=8&ids=random&seed=1&mode=sync');
  await page.waitForFunction(() => !!window.__lel?.view);
}

const fontSize = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

test('presentation mode: large type, no editor, full screen; off again restores the layout', async ({
  page,
}) => {
  await open(page);
  const editor = page.getByRole('combobox', { name: 'Algorithm' });
  await expect(editor).toBeVisible();
  const small = { status: await fontSize(page, '.status-line'), code: await fontSize(page, '.pc-lines') };
  const graphWidth = (await page.getByTestId('graph').boundingBox())!.width;

  await page.getByRole('button', { name: 'Presentation mode' }).click();
  await expect(page.getByRole('button', { name: 'Presentation mode' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(editor).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.hasAttribute('data-presenting'))).toBe(true);
  expect(await fontSize(page, '.status-line')).toBeGreaterThan(small.status);
  expect(await fontSize(page, '.pc-lines')).toBeGreaterThanOrEqual(18);
  expect(await fontSize(page, '.pc-lines')).toBeGreaterThan(small.code);
  // The editor's width went to the stage.
  await expect
    .poll(async () => (await page.getByTestId('graph').boundingBox())!.width)
    .toBeGreaterThan(graphWidth + 100);
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.tagName ?? null)).toBe('HTML');
  // Every control still fits, nothing scrolls.
  for (const name of ['Play', 'Step forward', 'Step back', 'Reset', 'Presentation mode', 'Dark theme'])
    await expect(page.getByRole('button', { name, exact: true })).toBeInViewport();
  expect(
    await page.evaluate(() => [document.documentElement.scrollHeight, document.documentElement.scrollWidth]),
  ).toEqual([720, 1280]);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.screenshot({ path: 'artifacts/teaching/presentation.png' });

  await page.getByRole('button', { name: 'Presentation mode' }).click();
  await expect(editor).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
  expect(await fontSize(page, '.status-line')).toBe(small.status);
});

test('presentation mode does not fail when the browser refuses full screen', async ({ page }) => {
  await page.addInitScript(() => {
    Element.prototype.requestFullscreen = function () {
      return Promise.reject(new TypeError('Permissions check failed'));
    };
  });
  await open(page);
  await page.getByRole('button', { name: 'Presentation mode' }).click();
  await expect(page.getByRole('button', { name: 'Presentation mode' })).toHaveAttribute(
    'data-fullscreen-refused',
    '',
  );
  await expect(page.getByRole('button', { name: 'Presentation mode' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByRole('combobox', { name: 'Algorithm' })).toBeHidden();
  expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
  // Still works: stepping, and leaving the mode.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step')).toHaveText('1');
  await page.getByRole('button', { name: 'Presentation mode' }).click();
  await expect(page.getByRole('combobox', { name: 'Algorithm' })).toBeVisible();
});

test('presentation mode without the Fullscreen API at all', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Document.prototype, 'fullscreenEnabled', { get: () => false });
  });
  await open(page);
  await page.getByRole('button', { name: 'Presentation mode' }).click();
  await expect(page.getByRole('combobox', { name: 'Algorithm' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Presentation mode' })).toHaveAttribute(
    'data-fullscreen-refused',
    '',
  );
});

const background = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.querySelector('.area-top')!).backgroundColor);
const luminance = (rgb: string) => {
  const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
  return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
};

test.describe('themes', () => {
  test.use({ colorScheme: 'light' });

  test('light by default; the dark theme is remembered across visits', async ({ page }) => {
    await open(page);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(luminance(await background(page))).toBeGreaterThan(0.8);
    const button = page.getByRole('button', { name: 'Dark theme' });
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(luminance(await background(page))).toBeLessThan(0.2);
    expect(await page.evaluate(() => localStorage.getItem('lel-theme'))).toBe('dark');
    // The graph follows: its edges turn light on the dark panel.
    const edge = await page.evaluate(() => window.__lel!.view!.cy.edges()[0]!.style('line-color'));
    expect(luminance(edge)).toBeGreaterThan(0.65);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(200);
    await page.screenshot({ path: 'artifacts/teaching/theme-dark.png' });

    await page.reload();
    await page.waitForFunction(() => !!window.__lel?.view);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    expect(await page.evaluate(() => localStorage.getItem('lel-theme'))).toBe('light');
    expect(luminance(await background(page))).toBeGreaterThan(0.8);
    const edgeLight = await page.evaluate(() => window.__lel!.view!.cy.edges()[0]!.style('line-color'));
    expect(luminance(edgeLight)).toBeLessThan(0.6);
    await page.screenshot({ path: 'artifacts/teaching/theme-light.png' });
  });
});

test.describe('first visit with a dark system preference', () => {
  test.use({ colorScheme: 'dark' });

  test('opens dark, and a remembered light choice wins over the system', async ({ page }) => {
    await open(page);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(luminance(await background(page))).toBeLessThan(0.2);
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.reload();
    await page.waitForFunction(() => !!window.__lel?.view);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  });
});
