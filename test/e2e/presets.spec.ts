import { expect, test } from '@playwright/test';
import { PRESETS, presetShelves, sideBySide } from '../../src/scenario/presets';
import { cli, expectTraceHash, openPanel, presetLink, toEnd, watchErrors } from './links-util';

test('the gallery lists every preset with its title, what to watch, and a real link', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./');
  const gallery = await openPanel(page, 'Presets');
  // A fresh page shows LCR, so the gallery opens on the rings' shelf.
  await expect(gallery.getByRole('tab', { selected: true })).toHaveText(/^Rings /);
  const shelves = presetShelves();
  // Every preset is on exactly one shelf.
  expect(shelves.flatMap((s) => s.presets.map((p) => p.id)).sort()).toEqual(PRESETS.map((p) => p.id).sort());
  await expect(gallery.getByRole('tab')).toHaveCount(shelves.length);
  for (const { shelf, presets } of shelves) {
    await gallery.getByRole('tab', { name: new RegExp(`^${shelf} `) }).click();
    await expect(gallery.getByRole('listitem')).toHaveCount(presets.length);
    for (const p of presets) {
      const link = gallery.getByRole('link', { name: p.title, exact: true });
      await expect(link).toBeVisible();
      await expect(link).toHaveAttribute('href', `#${p.link}`);
      await expect(gallery.getByText(p.watch, { exact: false })).toBeVisible();
    }
    // Each shelf fits the 1280×720 screen without scrolling anything.
    const scroll = await gallery.evaluate((el) => [el.scrollHeight, el.clientHeight]);
    expect(scroll[0]).toBeLessThanOrEqual(scroll[1]!);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(720);
    await page.screenshot({ path: `artifacts/links/presets-${shelf.replace(/\W+/g, '-')}.png` });
  }
  expect(errors).toEqual([]);
});

// One page for every preset, one after the other as a lecturer would click through the gallery: a
// page per preset spent most of its time loading the app. Each preset is its own step in the report.
test('every preset loads in one click and runs to the CLI’s leader', async ({ page }) => {
  // The time a test per preset had, for all of them.
  test.setTimeout(PRESETS.length * 60_000);
  const errors = watchErrors(page);
  await page.goto('./');
  for (const p of PRESETS)
    await test.step(p.id, async () => {
      const expected = cli(`#${p.link}`);
      expect(expected.leader, `${p.id} elects a leader`).not.toBeNull();
      await (await presetLink(page, p.id)).click();
      await expect(page.getByRole('dialog', { name: 'Presets' })).toBeHidden();
      if (sideBySide(p)) {
        // A comparison opens the compare screen on this run; Esc comes back to it in the simulator.
        await expect(page.getByTestId('compare')).toBeVisible();
        await expect(page.getByTestId('pane-first').or(page.getByTestId('pane-sync'))).toBeVisible();
        await page.keyboard.press('Escape');
        await expect(page.getByTestId('compare')).toHaveCount(0);
      }
      await expect(page.getByTestId('step')).toHaveText('0');
      await expectTraceHash(page, expected.traceHash);
      await toEnd(page);
      await expect(page.getByRole('status')).toHaveText(`Leader: ${expected.leader}`);
      await expect(page.getByTestId('step')).toHaveText(String(expected.events));
      await expect(page.getByTestId('messages-total')).toHaveText(String(expected.messages));
    });
  expect(errors).toEqual([]);
});
