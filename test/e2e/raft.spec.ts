import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { cli, expectTraceHash, presetLink, toEnd, watchErrors, seekTo as seek } from './links-util';
import { rememberOpen } from './folds';

// The panels this spec uses start folded at 1280×720 (src/ui/layout/folds.ts): open them.
test.beforeEach(({ page }) => rememberOpen(page, ['Scenario editor']));

/**
 * Raft in Chromium: the leader-crash preset from the gallery, played to the leader of the new term;
 * each server shows its term and vote; the editor and a link refuse a timeout range with min > max
 * in the CLI's words.
 */

const SHOTS = process.env.SHOTS_DIR ?? 'artifacts/raft';
const CRASH = 'v=1&alg=raft&n=5&ids=asc&mode=async&crashes=5@400&until=1000';
const SPLIT = 'v=1&alg=raft&n=4&ids=asc&mode=async&seed=7&timeout=150-160&until=900';

/** The badges beside the nodes (term and vote), by position: the graph's stage layer draws them. */
const badges = (page: Page) => page.evaluate(() => window.__lel!.view!.stage.badges.map((b) => b ?? ''));

/** The first step at which `node` leads a term above `term`, read from the page's recorded trace. */
const leadsAfter = (page: Page, node: number, term: number) =>
  page.evaluate(
    ([id, t]) =>
      window
        .__lel!.store.getState()
        .run.sim.trace.find(
          (e) => e.node === id && e.roleAfter === 'leader' && (e.after as { term: number }).term > t,
        )?.step ?? -1,
    [node, term] as const,
  );

test('the leader-crash preset plays to the leader of term 2, as the CLI says', async ({ page }) => {
  const errors = watchErrors(page);
  const expected = cli(`#${CRASH}`);
  expect(expected.leader).toBe(1);
  await page.goto('./');
  const link = await presetLink(page, 'raft-leader-crash');
  await expect(link).toHaveText('Raft: the leader crashes, a new term elects');
  await link.click();
  await expect(page.getByRole('dialog', { name: 'Presets' })).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Algorithm' })).toHaveValue('raft');
  await expectTraceHash(page, expected.traceHash);

  // The moment 1 wins term 2: before it, the status names no live leader of a new term.
  const won = await leadsAfter(page, 1, 1);
  expect(won).toBeGreaterThan(0);
  await seek(page, won - 1);
  await expect(page.getByRole('status')).not.toHaveText('Leader: 1');
  await seek(page, won);
  await expect(page.getByRole('status')).toHaveText('Leader: 1');
  // 1 leads term 2; 2 and 3 voted for it (→1); 5 crashed while leading term 1. Ids in ascending order.
  const shown = await badges(page);
  expect(shown[0]).toBe('t2');
  // 5's badge counts the messages dropped at it since its crash (counted here from the trace); its
  // state still leads term 1.
  const dropped = await page.evaluate(
    (k) =>
      window
        .__lel!.store.getState()
        .run.sim.trace.slice(0, k)
        .filter((e) => e.kind === 'drop' && e.node === 5).length,
    won,
  );
  expect(dropped).toBeGreaterThan(0);
  expect(shown[4]).toBe(`${dropped} lost`);
  const five = await page.evaluate(() => window.__lel!.store.getState().run.replay.stateOf(5));
  expect(five).toMatchObject({ role: 'leader', term: 1 });
  expect(shown.filter((l) => l === 't2 →1').length).toBeGreaterThanOrEqual(2);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/leader-crash-term2-1280.png` });

  await toEnd(page);
  await expect(page.getByRole('status')).toHaveText(`Leader: ${expected.leader}`);
  await expect(page.getByTestId('step')).toHaveText(String(expected.events));
  await expect(page.getByTestId('messages-total')).toHaveText(String(expected.messages));
  expect(errors).toEqual([]);
});

test('a split vote: term 1 elects nobody, term 2 elects 4', async ({ page }) => {
  const errors = watchErrors(page);
  const expected = cli(`#${SPLIT}`);
  await page.goto('about:blank');
  await page.goto(`./#${SPLIT}`);
  await expectTraceHash(page, expected.traceHash);
  expect(await leadsAfter(page, 1, 0)).toBe(-1);
  const won = await leadsAfter(page, 4, 1);
  await seek(page, won - 1);
  // Just before: two candidates of term 1 hold 2 votes each (their own and one more).
  await expect(page.getByRole('status')).toHaveText(/no leader yet/);
  await seek(page, won);
  await expect(page.getByRole('status')).toHaveText('Leader: 4');
  await page.screenshot({ path: `${SHOTS}/split-vote-term2-1280.png` });
  await toEnd(page);
  await expect(page.getByRole('status')).toHaveText(`Leader: ${expected.leader}`);
  await expect(page.getByTestId('messages-total')).toHaveText(String(expected.messages));
  expect(errors).toEqual([]);
});

test('a timeout range with min > max is refused in the CLI’s words, in a link and in the editor', async ({
  page,
}) => {
  await page.goto('about:blank');
  await page.goto('./#v=1&alg=raft&n=5&timeout=300-150');
  const alert = page.getByRole('alert').filter({ hasText: 'This link cannot be opened' });
  await expect(alert).toContainText('timeout 300-150: the minimum (300) is more than the maximum (150)');

  await page.goto('about:blank');
  await page.goto(`./#${CRASH}`);
  await expect(page.getByRole('combobox', { name: 'Algorithm' })).toHaveValue('raft');
  const editor = page.getByRole('form', { name: 'Scenario editor' });
  const field = editor.getByRole('textbox', { name: 'Election timeout (min-max)', exact: true });
  await field.fill('300-150');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const errorId = await field.getAttribute('aria-describedby');
  await expect(page.locator(`[id="${errorId}"]`)).toHaveText(
    'timeout 300-150: the minimum (300) is more than the maximum (150)',
  );
  await page
    .locator(`[id="${errorId}"]`)
    .locator('..')
    .screenshot({ path: `${SHOTS}/editor-refusal-field.png` });
});

test.describe('on a phone (390×844)', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('the leader-crash link reads Leader: 1 at the step 1 wins term 2', async ({ page }) => {
    const errors = watchErrors(page);
    const expected = cli(`#${CRASH}`);
    await page.goto('about:blank');
    await page.goto(`./#${CRASH}`);
    await expectTraceHash(page, expected.traceHash);
    const won = await leadsAfter(page, 1, 1);
    await seek(page, won);
    await expect(page.getByRole('status')).toHaveText('Leader: 1');
    expect((await badges(page))[0]).toBe('t2');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/leader-crash-term2-390.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
