import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { cli, traceHash, watchErrors } from './links-util';
import { rememberOpen } from './folds';

// The panels this spec uses start folded at 1280×720 (src/ui/layout/folds.ts): open them.
test.beforeEach(({ page }) => rememberOpen(page, ['Scenario editor', 'Event log']));

/**
 * A delivery schedule in a link (`sched`) and in the editor: the browser replays it step by step, the
 * event log names the channel each delivery came from, and a bad schedule gets the CLI's words.
 * The expected order is the hand-worked one of test/scenario/schedule-replay.test.ts.
 */

// Ring 1,2,3 clockwise; start-ups at time 0, then one scheduled delivery per time unit.
const SCHEDULE = '3-1,1-2,1-2,2-3,2-3';
const LINK = `v=1&alg=lcr&ids=1,2,3&mode=async&sched=${SCHEDULE}`;
/** The log line of each delivery: its time and channel, then the algorithm's note (by hand, see the unit test). */
const EXPECTED: [time: string, channel: string, note: RegExp][] = [
  ['t1', '3→1', /3 > 1: 1 forwards 3/],
  ['t2', '1→2', /1 < 2: 2 discards 1/],
  ['t3', '1→2', /3 > 2: 2 forwards 3/],
  ['t4', '2→3', /2 < 3: 3 discards 2/],
  ['t5', '2→3', /own uid came back, 3 is the leader/],
  ['t6', '3→1', /elected\(3\)/],
  ['t7', '1→2', /elected\(3\)/],
  ['t8', '2→3', /elected\(3\) is back at 3/],
];
const SHOTS = 'artifacts/schedule';

const editor = (page: Page) => page.getByRole('form', { name: 'Scenario editor' });
const scheduleField = (page: Page) =>
  editor(page).getByRole('textbox', { name: 'Delivery schedule (from-to, …)' });
const current = (page: Page) =>
  page.getByRole('region', { name: 'Event log' }).locator('li[aria-current="step"]');
const stepForward = (page: Page) => page.getByRole('button', { name: 'Step forward' }).click();

test('a link with sched replays its deliveries in that order, and the CLI agrees', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`./#${LINK}`);
  expect(await traceHash(page)).toBe(cli(`#${LINK}`).traceHash);
  for (let k = 1; k <= 3; k++) {
    await stepForward(page);
    await expect(current(page)).toContainText('sends its uid');
    await expect(current(page).locator('.t')).toHaveText('t0');
  }
  for (const [i, [time, channel, note]] of EXPECTED.entries()) {
    await stepForward(page);
    await expect(page.getByTestId('step')).toHaveText(String(4 + i));
    await expect(current(page).locator('.t')).toHaveText(time);
    await expect(current(page).locator('.note')).toHaveText(new RegExp(`^${channel} · `));
    await expect(current(page).locator('.note')).toHaveText(note);
  }
  await expect(page.getByRole('status')).toHaveText('Leader: 3');
  await expect(page.getByTestId('messages-total')).toHaveText('8');
  await expect(scheduleField(page)).toHaveValue(SCHEDULE);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/replay-desktop.png` });
  expect(errors).toEqual([]);
});

test('the editor: a schedule taken from the run, a bad one refused in the CLI’s words, an empty channel stops the run', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto(`./#${LINK}&step=5`);
  await expect(page.getByTestId('step')).toHaveText('5');
  // Up to step 5: three start-ups and the deliveries on 3→1 and 1→2.
  await editor(page).getByRole('button', { name: 'Use this run’s deliveries so far' }).click();
  await expect(scheduleField(page)).toHaveValue('3-1,1-2');

  // A pair no link joins: refused before the run, next to the field.
  await scheduleField(page).fill('1-2,2-1');
  await editor(page).getByRole('button', { name: 'Apply' }).click();
  const cliLine = 'schedule step 2 names channel 2→1, but no link of this graph goes from 2 to 1';
  await expect(editor(page).locator('.field-error').first()).toHaveText(cliLine);
  await expect(page.getByRole('status')).toHaveText(/Leader: 3|no leader yet/); // the old run stays

  // A schedule that names an empty channel at step 2: the run stops there, and says so.
  await scheduleField(page).fill('1-2,1-2');
  await editor(page).getByRole('button', { name: 'Apply' }).click();
  const stop = 'schedule step 2 names channel 1→2, which has no message in flight';
  await page.getByRole('slider', { name: 'Timeline' }).press('End');
  await expect(page.getByRole('status')).toHaveText('Stopped by the schedule');
  await expect(page.locator('.status-detail')).toHaveText(stop);
  await expect(page.getByTestId('step')).toHaveText('4');
  await expect(page.getByRole('region', { name: 'Event log' })).toContainText(`stopped: ${stop}`);
  await expect(editor(page).getByTestId('schedule-stopped')).toHaveText(`The run stopped: ${stop}`);
  await page.screenshot({ path: `${SHOTS}/stopped-desktop.png` });
  // Still usable: stepping back and forth works.
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(page.getByTestId('step')).toHaveText('3');
  await stepForward(page);
  await expect(page.getByTestId('step')).toHaveText('4');

  // The phone layout: the editor's schedule field and the stop, readable at 390×844.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/stopped-phone-status.png` });
  await scheduleField(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/stopped-phone-editor.png` });
  expect(errors).toEqual([]);
});

test('a link with a schedule in sync mode opens on the broken-link alert, naming sched', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#v=1&alg=lcr&ids=1,2,3&mode=sync&sched=1-2');
  const alert = page.getByRole('alert').filter({ hasText: 'This link cannot be opened' });
  await expect(alert).toBeVisible();
  await expect(alert.locator('.field-name', { hasText: /^sched$/ })).toBeVisible();
  await expect(alert).toContainText('in sync mode every message sent in a round arrives in the next one');
  expect(errors).toEqual([]);
});
