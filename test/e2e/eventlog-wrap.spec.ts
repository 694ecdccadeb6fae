import { expect, test, type Locator, type Page } from '@playwright/test';
import { watchErrors } from './links-util';
import { rememberOpen } from './folds';

// The panels this spec uses start folded at 1280×720 (src/ui/layout/folds.ts): open them.
test.beforeEach(({ page }) => rememberOpen(page, ['Event log']));

/**
 * Event log lines at 1280×720 (and 390×844): the cursor's line shows its whole sentence, wrapped, with
 * the lines after it moved down (nothing under it); any other line shows its whole text while hovered
 * or focused; Tab reaches the cursor's line, ↑ ↓ move between lines and Enter goes to one.
 */

// GHS on 6 nodes: its notes are long sentences ("connect(0) from 1: both ends chose 5–1 …").
const LINK = 'v=1&alg=ghs&n=6&mode=sync&seed=2';

const line = (log: Locator, k: number) => log.locator(`li[data-k="${k}"]`);

/** Whether a line's note shows all of its text: nothing cut, and inside the line's box. */
const whole = (li: Locator) =>
  li.evaluate((el) => {
    const note = el.querySelector<HTMLElement>('.note')!;
    const n = note.getBoundingClientRect();
    const l = el.getBoundingClientRect();
    return note.scrollWidth <= note.clientWidth + 1 && n.bottom <= l.bottom + 1 && n.right <= l.right + 1;
  });

async function open(page: Page, step: number) {
  await page.goto(`./#${LINK}&step=${step}`);
  await page.waitForFunction(() => !!window.__lel?.view);
  await expect(page.getByTestId('step')).toHaveText(String(step));
  return page.getByRole('region', { name: 'Event log' });
}

for (const [w, h] of [
  [1280, 720],
  [390, 844],
] as const) {
  test(`at ${w}×${h} the cursor's line is whole and the next line below it; hover shows a line in full`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: w, height: h });
    const errors = watchErrors(page);
    const log = await open(page, 9);
    await log.scrollIntoViewIfNeeded();
    const current = line(log, 9);
    await expect(current).toHaveClass(/current/);
    // The note is a long sentence: more than one row's worth at this width, so the line had to grow.
    const height = (await current.boundingBox())!.height;
    expect(height).toBeGreaterThan(28);
    expect(await whole(current)).toBe(true);
    // The "show the rest" line starts below it, and the line before ends above it.
    const rest = (await log.locator('li.rest').boundingBox())!;
    const box = (await current.boundingBox())!;
    expect(rest.y).toBeGreaterThanOrEqual(box.y + box.height - 1);
    expect((await line(log, 8).boundingBox())!.y + 28).toBeLessThanOrEqual(box.y + 1);

    // Another long line, cut while the pointer is elsewhere, shows its whole text under the pointer.
    const other = line(log, 7);
    await page.mouse.move(0, 0);
    expect(await whole(other)).toBe(false);
    await other.hover();
    await expect.poll(() => whole(other)).toBe(true);
    await page.screenshot({ path: `artifacts/editor/eventlog-hover-${w}.png` });
    expect(errors).toEqual([]);
  });
}

test('keyboard: Tab reaches the cursor’s line, ↑ shows the line before in full, Enter goes there', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const log = await open(page, 9);
  await line(log, 9).focus();
  await expect(line(log, 9)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(line(log, 8)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(line(log, 7)).toBeFocused();
  await page.mouse.move(0, 0);
  expect(await whole(line(log, 7))).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('step')).toHaveText('7');
  await expect(line(log, 7)).toHaveClass(/current/);
  // Tab order: the cursor's line is the log's one stop after its scroll box.
  await page.getByRole('region', { name: 'Event log' }).locator('.log-scroll').focus();
  await page.keyboard.press('Tab');
  await expect(line(log, 7)).toBeFocused();
  expect(errors).toEqual([]);
});
