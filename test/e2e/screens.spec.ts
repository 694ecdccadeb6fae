import { expect, test } from '@playwright/test';
import { failOnPageErrors } from './noErrors';

/** The Experiments screen, opened from the simulator and left again. */

failOnPageErrors();

test('Experiments opens from the simulator, keeps its results, and Back returns where the run was', async ({
  page,
}) => {
  await page.goto('./#v=1&alg=lcr&n=8&ids=desc&mode=sync');
  await page.waitForFunction(() => !!window.__lel?.view);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step')).toHaveText('2');
  await page.getByRole('button', { name: 'Experiments', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Experiments', exact: true });
  await expect(panel).toBeVisible();
  // The simulator (and its one role="status") is gone meanwhile; its shortcuts do not act here.
  await expect(page.getByTestId('step')).toHaveCount(0);
  await panel.getByRole('textbox', { name: 'Sizes n' }).fill('4-16');
  await panel.getByRole('button', { name: 'Run experiment' }).click();
  await expect(panel.getByRole('status')).toHaveText(/^Done: \d+ runs\.$/, { timeout: 30_000 });
  expect(
    await page.evaluate(() => [document.documentElement.scrollHeight, document.documentElement.scrollWidth]),
  ).toEqual([720, 1280]);
  await page.screenshot({ path: 'artifacts/teaching/experiments.png' });

  await page.getByRole('button', { name: 'Back to the simulator' }).click();
  await expect(page.getByRole('status')).toHaveCount(1);
  await expect(page.getByTestId('step')).toHaveText('2');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step')).toHaveText('3');
  // Back in the experiments, the last results are still there.
  await page.getByRole('button', { name: 'Experiments', exact: true }).click();
  await expect(panel.getByRole('status')).toHaveText(/^Done: \d+ runs\.$/);
});
