import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { findAlgorithm } from '../../src/algorithms/registry';
import { cli, openPanel, toEnd, traceHash, watchErrors } from './links-util';
import { rememberOpen } from './folds';

// The panels this spec uses start folded at 1280×720 (src/ui/layout/folds.ts): open them.
test.beforeEach(({ page }) => rememberOpen(page, ['Scenario editor']));

/**
 * Franklin in Chromium: a link runs to the CLI's leader and count, the editor offers it with its own
 * topology and options, a unidirectional ring is refused in the CLI's words, and its preset loads.
 */

const SHOTS = process.env.SHOTS_DIR ?? 'artifacts/franklin';
const DESC = 'v=1&alg=franklin&ids=8,7,6,5,4,3,2,1&mode=sync';
const franklin = findAlgorithm('franklin')!;
const editor = (page: Page) => page.getByRole('form', { name: 'Scenario editor' });

async function open(page: Page, link: string) {
  await page.goto('about:blank');
  await page.goto(`./#${link}`);
  await expect(page.getByRole('status')).toHaveCount(1);
}

test('a link to 8,7,…,1 steps to the end: Leader: 8 and 40 messages, as the CLI says', async ({ page }) => {
  const errors = watchErrors(page);
  const expected = cli(`#${DESC}`);
  expect(expected).toMatchObject({ leader: 8, messages: 40 });
  await open(page, DESC);
  expect(await traceHash(page)).toBe(expected.traceHash);
  await expect(page.locator('.graph-title')).toContainText('Franklin');
  // Step by step through the first round: every process sends election(u) both ways (16 sends).
  const forward = page.getByRole('button', { name: 'Step forward' });
  for (let k = 1; k <= 8; k++) await forward.click();
  await expect(page.getByTestId('step')).toHaveText('8');
  await expect(page.getByTestId('messages-total')).toHaveText('16');
  await expect(page.getByRole('status')).toHaveText(/no leader yet/);
  await toEnd(page);
  await expect(page.getByTestId('step')).toHaveText(String(expected.events));
  await expect(page.getByRole('status')).toHaveText('Leader: 8');
  await expect(page.getByTestId('messages-total')).toHaveText('40');
  await expect(page.getByTestId('kind-election')).toHaveText('32');
  await expect(page.getByTestId('kind-elected')).toHaveText('8');
  // The counts panel's bound is the module's formula: 2·8·(3+1) + 8 = 72.
  await expect(page.locator('.counts .bound')).toContainText('2n(⌊log n⌋+1) + n = 72');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/franklin-end-1280.png` });
  expect(errors).toEqual([]);
});

test('the editor offers Franklin on a bidirectional ring only, and runs it to the CLI’s leader', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await open(page, 'v=1&alg=lcr&n=8&ids=random&seed=1&mode=sync');
  const form = editor(page);
  await form.getByRole('combobox', { name: 'Algorithm' }).selectOption(franklin.id);
  const topology = form.getByRole('combobox', { name: /topology/i });
  await expect(topology.locator('option')).toHaveText([/bidirectional ring/]);
  await expect(form.getByRole('checkbox', { name: 'Announce the leader', exact: true })).toBeChecked();
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('.graph-title')).toContainText('Franklin');
  const expected = cli('#v=1&alg=franklin&n=8&ids=random&seed=1&mode=sync');
  await expect(page.getByTestId('share-tools')).toHaveAttribute('data-trace-hash', expected.traceHash, {
    timeout: 30_000,
  });
  await toEnd(page);
  await expect(page.getByRole('status')).toHaveText(`Leader: ${expected.leader}`);
  await expect(page.getByTestId('messages-total')).toHaveText(String(expected.messages));
  expect(errors).toEqual([]);
});

test('a unidirectional ring is refused in the CLI’s words, in the alert and in the editor', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const words = 'Franklin does not run on a unidirectional ring (it runs on: bidirectional ring [ring-bi])';
  await page.goto('./#v=1&alg=franklin&topo=ring-uni&n=8&mode=sync');
  const alert = page.getByRole('alert').filter({ hasText: 'This link cannot be opened' });
  await expect(alert).toContainText(words);
  await alert.getByRole('button', { name: 'Open in editor' }).click();
  await expect(editor(page)).toContainText(words);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/franklin-refused-1280.png` });
  expect(errors).toEqual([]);
});

test('its preset loads from the gallery and reaches 64 election + 8 elected', async ({ page }) => {
  const errors = watchErrors(page);
  const p = franklin.presets[0]!;
  await page.goto('./');
  const gallery = await openPanel(page, 'Presets');
  await expect(gallery.getByText(p.watch)).toBeVisible();
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/presets-1280.png` });
  await gallery.getByRole('link', { name: p.title, exact: true }).click();
  await toEnd(page);
  await expect(page.getByRole('status')).toHaveText('Leader: 8');
  await expect(page.getByTestId('kind-election')).toHaveText('64');
  await expect(page.getByTestId('kind-elected')).toHaveText('8');
  expect(errors).toEqual([]);
});

test('experiments: Franklin’s worst ring lies on 2n(⌊log n⌋+1) + n, its sorted ring on 4n + n', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('./');
  await page
    .getByRole('button', { name: /^experiments$/i })
    .first()
    .click();
  const panel = page.getByRole('region', { name: 'Experiments', exact: true });
  await expect(panel).toBeVisible();
  const algs = panel.getByRole('group', { name: 'Algorithms' }).getByRole('checkbox');
  for (let i = 0; i < (await algs.count()); i++) {
    const box = algs.nth(i);
    const name = (await box.evaluate((el) => el.closest('label')?.textContent ?? '')).trim();
    await box.setChecked(name.startsWith('Franklin'));
  }
  await panel.getByRole('textbox', { name: 'Sizes n' }).fill('2-32');
  const orders = panel.getByRole('group', { name: 'Id orders' }).getByRole('checkbox');
  for (let i = 0; i < (await orders.count()); i++) {
    const box = orders.nth(i);
    const name = (await box.evaluate((el) => el.closest('label')?.textContent ?? '')).trim();
    await box.setChecked(name === 'Worst case' || name === 'Best case');
  }
  await panel.getByRole('spinbutton', { name: 'Seeds k' }).fill('1');
  await panel.getByRole('radio', { name: 'Asynchronous' }).check();
  await panel.getByRole('button', { name: 'Run experiment' }).click();
  await expect(panel.getByRole('status')).toHaveText('Done: 62 runs.', { timeout: 30_000 });
  type Series = { kind: string; algorithm: string; order: string; label: string; values: (number | null)[] };
  const plot = JSON.parse((await panel.locator('figure[data-plot]').getAttribute('data-plot'))!) as {
    x: number[];
    series: Series[];
  };
  const flog = (n: number) => Math.floor(Math.log2(n) + 1e-9);
  const worst = (n: number) => 2 * n * (flog(n) + 1) + n; // §1.9, with the announcement
  const series = (kind: string, order: string) =>
    plot.series.find((s) => s.algorithm === franklin.id && s.kind === kind && s.order === order)!;
  expect(series('measured', 'worst').values).toEqual(plot.x.map(worst));
  expect(series('measured', 'best').values).toEqual(plot.x.map((n) => 5 * n));
  expect(series('exact', 'worst').label).toContain('2n(⌊log n⌋+1) + n');
  expect(series('exact', 'worst').values).toEqual(plot.x.map(worst));
  expect(series('exact', 'best').values).toEqual(plot.x.map((n) => 5 * n));
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/experiments-1280.png` });
  expect(errors).toEqual([]);
});

test.describe('on a phone (390×844)', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('the same link reads Leader: 8 and 40 messages', async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, DESC);
    await toEnd(page);
    await expect(page.getByRole('status')).toHaveText('Leader: 8');
    await expect(page.getByTestId('messages-total')).toHaveText('40');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/franklin-end-390.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
