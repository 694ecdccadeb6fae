import { expect, test } from '@playwright/test';
import { encodeScenario } from '../../src/scenario/url';
import { parseFlat } from '../../src/scenario/parse';
import { cli, expectTraceHash, step, traceHash, watchErrors } from './links-util';
import { rememberOpen } from './folds';

// The panels this spec uses start folded at 1280×720 (src/ui/layout/folds.ts): open them.
test.beforeEach(({ page }) => rememberOpen(page, ['Scenario editor']));

const DEFAULT = 'v=1&alg=lcr&n=8&ids=random&seed=1&mode=sync';
const PRESET = 'v=1&alg=lcr&n=8&ids=desc&mode=sync';

/** A 300-node ring is written compressed; cut short, its compressed part is damaged. */
function longLink(): string {
  const p = parseFlat({ v: '1', alg: 'lcr', ids: Array.from({ length: 300 }, (_, i) => 300 - i).join(',') });
  if (!p.ok) throw new Error('bad');
  return encodeScenario(p.value);
}
const compressed = longLink();

const BROKEN: { name: string; link: string; field: string; says: RegExp }[] = [
  { name: 'unknown version', link: 'v=9&alg=lcr&n=8', field: 'v', says: /unsupported version v=9/ },
  { name: 'unknown algorithm', link: 'v=1&alg=nope&n=8', field: 'alg', says: /unknown algorithm "nope"/ },
  { name: 'duplicate ids', link: 'v=1&alg=lcr&ids=1,1,2', field: 'ids', says: /duplicate id 1/ },
  { name: 'n too large', link: 'v=1&alg=lcr&n=999999', field: 'n', says: /999999 is more than/ },
  {
    name: 'n past the browser limit',
    link: 'v=1&alg=lcr&n=6000',
    field: 'n',
    says: /more than the 5000 the browser shows/,
  },
  { name: 'wrong type', link: 'v=1&alg=lcr&n=eight', field: 'n', says: /whole number/ },
  { name: 'garbage compression', link: 'v=1&z=garbage', field: 'z', says: /damaged or cut short/ },
  { name: 'truncated compression', link: compressed.slice(0, -25), field: 'z', says: /damaged or cut short/ },
  {
    name: 'tree with a cycle',
    link: 'v=1&alg=tree&edges=1-2,2-3,3-1&mode=sync',
    field: 'edges',
    says: /not a tree: it has a cycle/,
  },
  {
    name: 'disconnected graph',
    link: 'v=1&alg=ghs&edges=1-2:1,3-4:2&mode=sync',
    field: 'edges',
    says: /connected/,
  },
];

for (const b of BROKEN) {
  test(`opening a link with ${b.name}: an alert names ${b.field}; the default runs`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(`./#${b.link}`);
    const alert = page.getByRole('alert').filter({ hasText: 'This link cannot be opened' });
    await expect(alert).toBeVisible();
    await expect(alert.locator('.field-name', { hasText: new RegExp(`^${b.field}$`) })).toBeVisible();
    await expect(alert).toContainText(b.says);
    await expect(alert).toContainText('Showing the default scenario instead');
    await expect(alert.getByRole('button', { name: 'Open in editor' })).toBeVisible();
    // The app is usable: the default scenario runs, the keys work.
    expect(await traceHash(page)).toBe(cli(`#${DEFAULT}`).traceHash);
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(page.getByTestId('step')).toHaveText('1');
    await expect(page.getByRole('status')).toHaveText(/no leader yet/);
    if (b.name === 'duplicate ids') await page.screenshot({ path: 'artifacts/links/broken-link-alert.png' });
    expect(errors).toEqual([]);
  });
}

test('a broken link typed over a running scenario keeps that scenario and its step', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`./#${PRESET}&step=10`);
  await expect(page.getByTestId('step')).toHaveText('10');
  const hash = await traceHash(page);
  await page.evaluate(() => (location.hash = '#v=1&alg=lcr&ids=1,1,2'));
  const alert = page.getByRole('alert').filter({ hasText: 'This link cannot be opened' });
  await expect(alert).toContainText('duplicate id 1');
  await expect(alert).toContainText('Still showing the scenario you had');
  expect(await traceHash(page)).toBe(hash);
  expect(await step(page)).toBe(10);
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toBeHidden();
  expect(errors).toEqual([]);
});

test('"Open in editor" carries the good parts and the bad one, to fix and apply', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#v=1&alg=chang-roberts&ids=4,1,1,9&mode=async&seed=5&initiators=4');
  const alert = page.getByRole('alert').filter({ hasText: 'This link cannot be opened' });
  await alert.getByRole('button', { name: 'Open in editor' }).click();
  await expect(alert).toBeHidden();
  const editor = page.getByRole('form', { name: 'Scenario editor' });
  await expect(editor.getByRole('combobox', { name: 'Algorithm' })).toHaveValue('chang-roberts');
  await expect(editor.getByRole('combobox', { name: 'Timing' })).toHaveValue('async');
  await expect(editor.getByRole('spinbutton', { name: 'Seed' })).toHaveValue('5');
  const ids = editor.getByRole('textbox', { name: /Ids in ring/ });
  await expect(ids).toHaveValue('4,1,1,9');
  await expect(ids).toHaveAttribute('aria-invalid', 'true');
  await expect(ids).toBeFocused();
  await expect(editor).toContainText('duplicate id 1');
  await ids.fill('4,1,7,9');
  await editor.getByRole('button', { name: 'Apply' }).click();
  const fixed = '#v=1&alg=chang-roberts&ids=4,1,7,9&mode=async&seed=5&initiators=4';
  await expectTraceHash(page, cli(fixed).traceHash);
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('ids=4,1,7,9');
  expect(errors).toEqual([]);
});

test('keys and values from a link are shown as text, never as HTML', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`./#v=1&alg=${encodeURIComponent('<img src=x onerror=alert(1)>')}&n=8`);
  const alert = page.getByRole('alert').filter({ hasText: 'This link cannot be opened' });
  await expect(alert).toContainText('<img src=x onerror=alert(1)>');
  expect(await page.locator('img').count()).toBe(0);
  expect(errors).toEqual([]);
});
