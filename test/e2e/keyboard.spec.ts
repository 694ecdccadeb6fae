import { expect, test } from '@playwright/test';
import { cli, step, traceHash, watchErrors } from './links-util';

// LCR worst case on 8 nodes (ids decreasing clockwise), synchronous: the 8 start-ups are at time 0,
// and in round r (1 ≤ r ≤ 8) the election messages of ids ≥ r are delivered: 8 − r + 1 of them
// (message k travels k hops, C1/C5). So the end of round r is at 8 + Σ_{j=1..r} (9 − j) steps.
const LINK = 'v=1&alg=lcr&ids=8,7,6,5,4,3,2,1&mode=sync';
const endOfRound = (r: number) =>
  8 + Array.from({ length: r }, (_, j) => 9 - (j + 1)).reduce((a, b) => a + b, 0);

test('keyboard: PageDown/] step a whole round, PageUp/[ go back to its start, End goes to the end', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto(`./#${LINK}`);
  await traceHash(page);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('step')).toHaveText(String(endOfRound(0)));
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('step')).toHaveText(String(endOfRound(1)));
  await page.keyboard.press(']');
  await expect(page.getByTestId('step')).toHaveText(String(endOfRound(2)));
  // One step into round 3, then back to its start (= the end of round 2), then to the end of round 1.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step')).toHaveText(String(endOfRound(2) + 1));
  await page.keyboard.press('PageUp');
  await expect(page.getByTestId('step')).toHaveText(String(endOfRound(2)));
  await page.keyboard.press('[');
  await expect(page.getByTestId('step')).toHaveText(String(endOfRound(1)));
  await page.keyboard.press('End');
  await expect(page.getByTestId('step')).toHaveText(String(cli(`#${LINK}`).events));
  await expect(page.getByRole('status')).toHaveText(/Leader: 8/);
  await page.keyboard.press('Home');
  expect(await step(page)).toBe(0);
  expect(errors).toEqual([]);
});

test('keyboard: Esc leaves presentation mode; the shortcuts list names every key', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`./#${LINK}`);
  await page.getByRole('button', { name: 'Presentation mode' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-presenting', '');
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).not.toHaveAttribute('data-presenting', '');

  await page.keyboard.press('?');
  const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  for (const key of ['Space', '→', '←', 'PageDown or ]', 'PageUp or [', 'Home', 'End', 'Esc'])
    await expect(list.getByRole('rowheader', { name: key, exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  expect(errors).toEqual([]);
});
