import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { CLI_NODE, cliArgs } from '../util/cli';
import { cli, traceHash, watchErrors } from './links-util';
import { settledPoint } from './overlay-util';

/**
 * "You choose" (issue 11, item 3): the lecturer picks each delivery by clicking a channel's head on
 * the graph (or in the list); the order goes into the link's `sched`, the link replays the same run,
 * and the CLI given the same schedule prints the same trace hash.
 */

const RING = 'v=1&alg=lcr&ids=1,2,3,4,5&mode=async&seed=3';
const SHOTS = 'artifacts/adversary';

const stepOf = async (page: Page) => Number(await page.getByTestId('step').textContent());
const toggle = (page: Page) => page.getByRole('button', { name: 'You choose the next delivery' });
const list = (page: Page) =>
  page.getByRole('region', { name: 'You choose' }).getByRole('list', {
    name: 'Messages that may be delivered next',
  });

/** The heads of the channels at the cursor, read from the store: per (from, to) the lowest seq. */
async function heads(page: Page): Promise<{ seq: number; from: number; to: number }[]> {
  return page.evaluate(() => {
    const head = new Map<string, { seq: number; from: number; to: number }>();
    for (const m of window.__lel!.store.getState().run.replay.inFlight.values()) {
      const k = `${m.from}>${m.to}`;
      const h = head.get(k);
      if (!h || m.seq < h.seq) head.set(k, { seq: m.seq, from: m.from, to: m.to });
    }
    return [...head.values()].sort((a, b) => a.seq - b.seq);
  });
}

/** Clicks message `seq` where the overlay drew it (waits until it has been drawn). */
async function clickMessage(page: Page, seq: number): Promise<void> {
  await page.getByTestId('graph').click({ position: await settledPoint(page, seq) });
}

const schedule = (page: Page) =>
  page.evaluate(() =>
    (window.__lel!.store.getState().scenario.timing.schedule ?? []).map((d) => `${d.from}-${d.to}`).join(','),
  );

test('five deliveries chosen by clicking the graph: the link and the CLI replay the same run', async ({
  page,
  context,
}) => {
  // Two pages and two CLI runs on a machine shared by several engineers.
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await page.goto(`./#${RING}`);
  await traceHash(page);
  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('region', { name: 'You choose' })).toContainText('Nothing in flight');
  // The five start-ups (time 0) put one message on each clockwise channel.
  for (let k = 0; k < 5; k++) await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.getByTestId('step')).toHaveText('5');
  await expect(list(page).getByRole('button')).toHaveCount(5);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/choose-desktop.png` });

  // Each time the newest head (the seeded run would not pick it): the graph's click delivers it.
  const chosen: string[] = [];
  for (let k = 0; k < 5; k++) {
    const hs = await heads(page);
    const pick = hs.at(-1)!;
    const before = await stepOf(page);
    await clickMessage(page, pick.seq);
    chosen.push(`${pick.from}-${pick.to}`);
    await expect.poll(() => schedule(page)).toBe(chosen.join(','));
    await expect.poll(() => stepOf(page)).toBe(before + 1);
  }
  const at = await stepOf(page);
  expect(at).toBe(10);
  const hash = await traceHash(page);
  expect(page.url()).toContain(`sched=${chosen.join(',')}`);
  // The cursor reaches the address bar at most every 250 ms (history throttling): wait for it.
  await expect.poll(() => page.url()).toContain(`step=${at}`);
  await page.screenshot({ path: `${SHOTS}/chosen-desktop.png` });

  // A fresh page opens the link at the same step with the same run.
  const fresh = await context.newPage();
  await fresh.goto(page.url());
  await expect(fresh.getByTestId('step')).toHaveText(String(at));
  expect(await traceHash(fresh)).toBe(hash);
  // The CLI: from the link, and from --schedule with the same string.
  expect(cli(new URL(page.url()).hash).traceHash).toBe(hash);
  const out = execFileSync(
    CLI_NODE,
    cliArgs(
      ...['--algorithm', 'lcr', '--ids', '1,2,3,4,5', '--mode', 'async', '--seed', '3'],
      ...['--schedule', chosen.join(','), '--json'],
    ),
    { encoding: 'utf8' },
  );
  expect((JSON.parse(out) as { traceHash: string }).traceHash).toBe(hash);
  expect(errors).toEqual([]);
});

test('after stepping back, a choice from the list (keyboard) replaces the rest of the schedule', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto(`./#${RING}&sched=5-1,1-2,4-5&step=8`);
  await expect(page.getByTestId('step')).toHaveText('8');
  await toggle(page).click();
  await page.getByRole('button', { name: 'Step back' }).click();
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(page.getByTestId('step')).toHaveText('6');
  await expect(page.getByTestId('choose-replace')).toHaveText(
    'Choosing here replaces the 2 later scheduled deliveries.',
  );
  // By hand: after 5→1 (5 > 1, forwarded), channel 2→3 still holds 2's own uid.
  const deliver = list(page).getByRole('button', { name: /2→3$/ });
  await deliver.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => schedule(page)).toBe('5-1,2-3');
  await expect(page.getByTestId('step')).toHaveText('7');
  await expect(page.getByTestId('choose-replace')).toHaveCount(0);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/choose-phone-graph.png` });
  await list(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/choose-phone-list.png` });
  expect(errors).toEqual([]);
});

test('sync mode: the panel says why there is nothing to choose', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#v=1&alg=lcr&ids=1,2,3&mode=sync');
  await toggle(page).click();
  await expect(page.getByRole('region', { name: 'You choose' })).toContainText(
    'In sync mode every message of a round arrives in the next one',
  );
  expect(errors).toEqual([]);
});

test('named schedulers: a link with scheduler matches the CLI; switching mid-run keeps the step; a bad name gets the CLI’s words', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  const GHS = 'v=1&alg=ghs&n=7&seed=2&mode=async';
  await page.goto(`./#${GHS}&scheduler=largest`);
  expect(await traceHash(page)).toBe(cli(`#${GHS}&scheduler=largest`).traceHash);

  // Mid-run: at step 12 hand the rest to "newest first"; the run keeps its first 12 steps.
  await page.goto(`./#${GHS}&step=12`);
  await expect(page.getByTestId('step')).toHaveText('12');
  const picker = page.getByRole('region', { name: 'You choose' }).getByRole('combobox');
  await picker.selectOption('newest');
  await expect.poll(() => page.url()).toContain('scheduler=newest');
  await expect(page.getByTestId('step')).toHaveText('12');
  const link = new URL(page.url()).hash;
  expect(link).toMatch(/sched=[0-9-,]+/);
  expect(await traceHash(page)).toBe(cli(link).traceHash);
  await page.screenshot({ path: `${SHOTS}/scheduler-desktop.png` });

  // The editor: a scheduler in sync mode is refused with the CLI's sentence.
  const cliError = (() => {
    try {
      execFileSync(CLI_NODE, cliArgs('--url', '#v=1&alg=lcr&n=4&mode=sync&scheduler=oldest'), {
        encoding: 'utf8',
        stdio: 'pipe',
      });
      return '';
    } catch (e) {
      return String((e as { stderr: string }).stderr).trim();
    }
  })();
  expect(cliError).toBe(
    'error: a scheduler chooses the deliveries of an asynchronous run; in sync mode every message sent in a round arrives in the next one (C5): choose async mode',
  );
  await page.goto('./#v=1&alg=lcr&n=4&mode=sync&scheduler=oldest');
  const alert = page.getByRole('alert').filter({ hasText: 'This link cannot be opened' });
  await expect(alert).toContainText(cliError.replace(/^error: /, ''));
  expect(errors).toEqual([]);
});
