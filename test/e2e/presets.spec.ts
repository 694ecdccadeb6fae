import { expect, test } from '@playwright/test';
import { PRESETS } from '../../src/scenario/presets';
import { cli, expectTraceHash, openPanel, toEnd, watchErrors } from './links-util';

test('the gallery lists every preset with its title, what to watch, and a real link', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./');
  const gallery = await openPanel(page, 'Presets');
  const items = gallery.getByRole('listitem');
  await expect(items).toHaveCount(PRESETS.length);
  for (const p of PRESETS) {
    const link = gallery.getByRole('link', { name: p.title, exact: true });
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute('href', `#${p.link}`);
    await expect(gallery.getByText(p.watch, { exact: false })).toBeVisible();
  }
  // The whole gallery fits the 1280×720 screen without scrolling anything.
  const scroll = await gallery.evaluate((el) => [el.scrollHeight, el.clientHeight]);
  expect(scroll[0]).toBeLessThanOrEqual(scroll[1]!);
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(720);
  await page.screenshot({ path: 'artifacts/links/presets-gallery.png' });
  expect(errors).toEqual([]);
});

for (const p of PRESETS) {
  test(`preset ${p.id} loads in one click and runs to the CLI's leader`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('./');
    const expected = cli(`#${p.link}`);
    expect(expected.leader).not.toBeNull();
    const gallery = await openPanel(page, 'Presets');
    await gallery.getByRole('link', { name: p.title, exact: true }).click();
    await expect(gallery).toBeHidden();
    await expect(page.getByTestId('step')).toHaveText('0');
    await expectTraceHash(page, expected.traceHash);
    await toEnd(page);
    await expect(page.getByRole('status')).toHaveText(`Leader: ${expected.leader}`);
    await expect(page.getByTestId('step')).toHaveText(String(expected.events));
    await expect(page.getByTestId('messages-total')).toHaveText(String(expected.messages));
    expect(errors).toEqual([]);
  });
}
