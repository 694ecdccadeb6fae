import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { cli, expectTraceHash, toEnd, watchErrors, nodeLabels as labels, seekTo as seek } from './links-util';
import { rememberOpen } from './folds';

// The panels this spec uses start folded at 1280×720 (src/ui/layout/folds.ts): open them.
test.beforeEach(({ page }) => rememberOpen(page, ['Scenario editor']));

/**
 * Itai–Rodeh in Chromium: the anonymous ring shows the round's random identities, not the ids; the
 * run ends on the CLI's leader and count; seeking back shows exactly what was there before.
 * Ids 11..16 can never be mistaken for identities, which are drawn from 1..6.
 */

const LINK = 'v=1&alg=itai-rodeh&ids=11,12,13,14,15,16&mode=sync&seed=5';
const SHOTS = process.env.SHOTS_DIR ?? 'artifacts/itai-rodeh';

async function open(page: Page, link: string) {
  await page.goto('about:blank');
  await page.goto(`./#${link}`);
  await expect(page.getByRole('status')).toHaveCount(1);
  await page.waitForFunction(() => window.__lel?.view !== null && window.__lel?.view !== undefined);
}

test('a link opens the anonymous ring: identities on the nodes, the CLI’s leader and count at the end', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const expected = cli(`#${LINK}`);
  await open(page, LINK);
  await expect(page.getByRole('combobox', { name: 'Algorithm' })).toHaveValue('itai-rodeh');
  await expectTraceHash(page, expected.traceHash);
  // Before anybody starts, nobody has an identity yet.
  expect(await labels(page)).toEqual(['?', '?', '?', '?', '?', '?']);
  // After the six start-up steps: the round-1 draws, worked by hand in the unit test.
  await seek(page, 6);
  await expect.poll(() => labels(page)).toEqual(['4', '3', '3', '3', '6', '6']);
  await toEnd(page);
  await expect(page.getByRole('status')).toHaveText(`Leader: ${expected.leader}`);
  await expect(page.getByTestId('step')).toHaveText(String(expected.events));
  await expect(page.getByTestId('messages-total')).toHaveText(String(expected.messages));
  await expect(page.getByTestId('kind-election')).toHaveText('29');
  // The leader shows its winning round-2 identity 5; everyone else is passive.
  await expect.poll(() => labels(page)).toEqual(['', '', '', '', '', '★ 5']);
  for (const l of await labels(page)) expect(l).not.toMatch(/1[1-6]/);
  // No upper bound exists: the counts panel gives the expected count instead.
  await expect(page.locator('.counts .bound')).toContainText('(expected)');
  await expect(page.locator('.counts .bound')).toContainText('E(n) + n = 28.8');
  expect(errors).toEqual([]);
});

test('seeking back shows exactly the states, labels and counts that were there', async ({ page }) => {
  const errors = watchErrors(page);
  const expected = cli(`#${LINK}`);
  await open(page, LINK);
  await expectTraceHash(page, expected.traceHash);
  const snapshot = async () => ({
    labels: await labels(page),
    step: await page.getByTestId('step').textContent(),
    messages: await page.getByTestId('messages-total').textContent(),
    states: await page.evaluate(() => JSON.stringify(window.__lel!.store.getState().run.replay.states)),
  });
  const seen = new Map<number, Awaited<ReturnType<typeof snapshot>>>();
  for (const k of [3, 12, 20, 27, 33]) {
    await seek(page, k);
    await expect(page.getByTestId('step')).toHaveText(String(k));
    seen.set(k, await snapshot());
  }
  await toEnd(page);
  await expect(page.getByTestId('step')).toHaveText(String(expected.events));
  // Back, in another order, and with the Step back button from one step further on.
  for (const k of [27, 3, 33, 12, 20]) {
    await seek(page, k + 1);
    await page.getByRole('button', { name: 'Step back' }).click();
    await expect(page.getByTestId('step')).toHaveText(String(k));
    expect(await snapshot()).toEqual(seen.get(k));
  }
  // Round 2 began somewhere in between: the labels did change over the run.
  expect(new Set([...seen.values()].map((s) => s.labels.join()))).not.toHaveProperty('size', 1);
  expect(errors).toEqual([]);
});

test('a complete graph is refused in one sentence, and the default runs meanwhile', async ({ page }) => {
  await open(page, 'v=1&alg=itai-rodeh&n=5&topo=complete');
  const alert = page.getByRole('alert').filter({ hasText: 'This link cannot be opened' });
  await expect(alert).toContainText('does not run on a complete graph');
  await expect(alert).toContainText('unidirectional ring');
});

test('an experiment over seeds charts the measured mean, its min–max spread and E(n) + n', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('./');
  await page.getByRole('button', { name: /^experiments$/i }).click();
  const panel = page.getByRole('region', { name: 'Experiments', exact: true });
  await expect(panel).toBeVisible();
  const algs = panel.getByRole('group', { name: 'Algorithms' }).getByRole('checkbox');
  for (let i = 0; i < (await algs.count()); i++) {
    const box = algs.nth(i);
    const name = (await box.evaluate((el) => el.closest('label')?.textContent ?? '')).trim();
    await box.setChecked(name.startsWith('Itai–Rodeh'));
  }
  await panel.getByRole('textbox', { name: 'Sizes n' }).fill('4-16');
  const orders = panel.getByRole('group', { name: 'Id orders' }).getByRole('checkbox');
  for (let i = 0; i < (await orders.count()); i++) {
    const box = orders.nth(i);
    const name = (await box.evaluate((el) => el.closest('label')?.textContent ?? '')).trim();
    await box.setChecked(name === 'Ascending');
  }
  await panel.getByRole('spinbutton', { name: 'Seeds k' }).fill('40');
  await panel.getByRole('radio', { name: 'Synchronous rounds' }).check();
  await panel.getByRole('button', { name: 'Run experiment' }).click();
  // 13 sizes × 40 seeds: sync runs are repeated per seed because the algorithm draws (C16)
  await expect(panel.getByRole('status')).toHaveText('Done: 520 runs.', { timeout: 60_000 });
  const plot = JSON.parse((await panel.locator('figure[data-plot]').getAttribute('data-plot'))!) as {
    x: number[];
    series: { kind: string; label: string; values: number[] }[];
  };
  const of = (kind: string) => plot.series.find((x) => x.kind === kind)!;
  expect(of('min').label).toContain('min of 40 seeds');
  expect(of('mean').label).toContain('E(n) + n (mean over the random draws)');
  plot.x.forEach((n, i) => {
    expect(of('min').values[i]!).toBeGreaterThanOrEqual(2 * n - 1 + n); // §1.10: at least 2n − 1, + n
    expect(of('min').values[i]!).toBeLessThanOrEqual(of('measured').values[i]!);
    expect(of('measured').values[i]!).toBeLessThanOrEqual(of('max').values[i]!);
  });
  // E(16) + 16 = 90.24 (docs/algorithms.md §1.10); 40 seeds land within a few standard errors of it
  expect(of('mean').values.at(-1)).toBeCloseTo(74.2358 + 16, 2);
  await expect(panel.locator('canvas').first()).toBeVisible();
  mkdirSync(SHOTS, { recursive: true });
  await panel.screenshot({ path: `${SHOTS}/experiment-1280x720.png` });
  expect(errors).toEqual([]);
});

test('screenshots: the anonymous ring mid-run at 1280×720 and 390×844', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  const expected = cli(`#${LINK}`);
  await open(page, LINK);
  await expectTraceHash(page, expected.traceHash);
  // Mid-way through round 8, during round 2: the two 6s have drawn 2 and 5.
  await page.evaluate(() => {
    const s = window.__lel!.store.getState();
    const k = s.run.sim.trace.findIndex((e) => e.time === 8);
    s.seek(k);
    window.__lel!.store.setState({ clock: 7.5 });
  });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}/ring-1280x720.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}/ring-390x844.png` });
  await toEnd(page);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}/end-390x844.png` });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}/end-1280x720.png` });
});
