import { expect, test } from '@playwright/test';
import { cli, traceHash, watchErrors } from './links-util';
import { rememberOpen } from './folds';

// The panels this spec uses start folded at 1280×720 (src/ui/layout/folds.ts): open them.
test.beforeEach(({ page }) => rememberOpen(page, ['Event log']));

const LINK = 'v=1&alg=lcr&ids=8,7,6,5,4,3,2,1&mode=sync';

test('event log: the future is hidden until asked for, then greyed; every line has its full text', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto(`./#${LINK}`);
  await traceHash(page);
  const log = page.getByRole('region', { name: 'Event log' });
  const line = (k: number) =>
    log.locator('li').filter({ has: page.locator('.k', { hasText: new RegExp(`^${k}$`) }) });
  const total = cli(`#${LINK}`).events;
  // At step 0: the initial line and one line offering the rest, nothing of the run itself.
  await expect(line(0)).toBeVisible();
  await expect(line(1)).toHaveCount(0);
  await expect(
    log.getByRole('button', { name: `Show the rest of the run (${total} more steps)` }),
  ).toBeVisible();

  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(line(3)).toHaveClass(/current/);
  await expect(line(4)).toHaveCount(0);
  // The tooltip holds the whole note (the line may be cut at 1280 px).
  const note = (await line(3).locator('.note').textContent())!;
  await expect(line(3)).toHaveAttribute('title', `Step 3 (r0): ${note}`);

  await log.getByRole('button', { name: /Show the rest of the run/ }).click();
  await expect(line(4)).toHaveClass(/future/);
  await expect(line(2)).not.toHaveClass(/future/);
  // Clicking a future line goes there; it is then the present.
  await line(4).click();
  await expect(page.getByTestId('step')).toHaveText('4');
  await expect(line(4)).toHaveClass(/current/);
  await log.getByRole('button', { name: 'Hide the rest' }).click();
  await expect(line(5)).toHaveCount(0);
  expect(errors).toEqual([]);
});
