import { expect, test } from '@playwright/test';
import { cli, step, traceHash, watchErrors } from './links-util';
import { rememberOpen } from './folds';

// The panels this spec uses start folded at 1280×720 (src/ui/layout/folds.ts): open them.
test.beforeEach(({ page }) => rememberOpen(page, ['Scenario editor']));

// LCR with ids decreasing clockwise, synchronous: the seed draws nothing (no delays, no random ids), so
// seeds 1 and 2 give two runs of exactly the same length — the case that broke the timeline.
const A = 'v=1&alg=lcr&ids=desc&n=8&mode=sync';
const B = 'v=1&alg=lcr&ids=desc&n=8&mode=sync&seed=2';

test('timeline: after loading another run of the same length, End on the slider moves the run too', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const steps = cli(`#${A}`).events;
  expect(cli(`#${B}`).events).toBe(steps);
  await page.goto(`./#${A}`);
  await traceHash(page);
  const timeline = page.getByRole('slider', { name: 'Timeline' });
  await timeline.press('End');
  await expect(page.getByTestId('step')).toHaveText(String(steps));
  await expect(timeline).toHaveValue(String(steps));

  // Another scenario of the same length, from the editor.
  const editor = page.getByRole('form', { name: 'Scenario editor' });
  await editor.getByLabel('Seed').fill('2');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/seed=2/);
  await expect(page.getByTestId('step')).toHaveText('0');
  await expect(timeline).toHaveAttribute('max', String(steps));
  await expect(timeline).toHaveValue('0');

  await timeline.press('End');
  await expect(timeline).toHaveValue(String(steps));
  await expect(page.getByTestId('step')).toHaveText(String(steps));
  await expect(page.getByRole('status')).toHaveText(/Leader: 8/);
  // And back: Home on the slider takes the run to step 0 with it.
  await timeline.press('Home');
  expect(await step(page)).toBe(0);
  expect(errors).toEqual([]);
});
