import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { rememberOpen } from './folds';
import {
  cli,
  expectTraceHash,
  nodeLabels,
  presetLink,
  seekTo as seek,
  toEnd,
  watchErrors,
} from './links-util';

// The editor starts folded at 1280×720 (src/ui/layout/folds.ts): open it.
test.beforeEach(({ page }) => rememberOpen(page, ['Scenario editor']));

/**
 * ZooKeeper's recipe in Chromium: each leader-crash preset played to the moment the next client
 * leads, the counts panel's watch notifications equal to the CLI's JSON (1 with the recipe, n − 1 = 4
 * with herd); a ping interval too long for the session refused in the CLI's words.
 */

const SHOTS = process.env.SHOTS_DIR ?? 'artifacts/zookeeper';
const RECIPE = 'v=1&alg=zookeeper&n=5&ids=asc&mode=async&crashes=3@100&until=340';
const HERD = `${RECIPE}&herd=1`;

interface ZkSummary {
  leader: number | null;
  events: number;
  messages: number;
  traceHash: string;
  watchNotifications: number;
}

/** The step at which client 5 begins to lead (after leader 3's crash). */
const takeoverStep = (page: Page) =>
  page.evaluate(
    () =>
      window.__lel!.store.getState().run.sim.trace.find((e) => {
        const b = e.before as { leading?: boolean } | null;
        const a = e.after as { leading?: boolean } | null;
        return e.node === 5 && b?.leading === false && a?.leading === true;
      })?.step ?? -1,
  );

const badges = (page: Page) => page.evaluate(() => window.__lel!.view!.stage.badges.map((b) => b ?? ''));

for (const [name, link, preset, notifications] of [
  ['recipe', RECIPE, 'zookeeper-leader-crash', 1],
  ['herd', HERD, 'zookeeper-herd', 4],
] as const) {
  test(`${name}: leader 3 crashes, 5 leads, ${notifications} watch notification${notifications === 1 ? '' : 's'} as the CLI counts`, async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const expected = cli(`#${link}`) as unknown as ZkSummary;
    expect(expected.watchNotifications).toBe(notifications);
    expect(expected.leader).toBe(5);
    await page.goto('./');
    await (await presetLink(page, preset)).click();
    await expect(page.getByRole('dialog', { name: 'Presets' })).toBeHidden();
    await expect(page.getByRole('combobox', { name: 'Algorithm' })).toHaveValue('zookeeper');
    await expectTraceHash(page, expected.traceHash);
    expect(await nodeLabels(page)).toEqual(['1', '2', '3', '4', '5', 'server']);

    const k = await takeoverStep(page);
    expect(k).toBeGreaterThan(0);
    await seek(page, k);
    await expect(page.getByRole('status')).toHaveText('Leader: 5');
    await expect(page.getByTestId('figure-watchNotifications')).toHaveText(String(notifications));
    expect((await badges(page))[4]).toBe('n1 leads');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/${name}-1280.png` });

    await toEnd(page);
    await expect(page.getByRole('status')).toHaveText('Leader: 5');
    await expect(page.getByTestId('figure-watchNotifications')).toHaveText(
      String(expected.watchNotifications),
    );
    await expect(page.getByTestId('step')).toHaveText(String(expected.events));
    await expect(page.getByTestId('messages-total')).toHaveText(String(expected.messages));
    expect(errors).toEqual([]);
  });
}

test('a ping interval longer than a third of the session is refused in the CLI’s words, in a link and in the editor', async ({
  page,
}) => {
  const words =
    "ping interval 30 must be at most a third of the session timeout 60: a live client's session would expire between its pings";
  await page.goto('about:blank');
  await page.goto('./#v=1&alg=zookeeper&n=3&ping=30');
  await expect(page.getByRole('alert').filter({ hasText: 'This link cannot be opened' })).toContainText(
    words,
  );

  await page.goto('about:blank');
  await page.goto(`./#${RECIPE}`);
  await expect(page.getByRole('combobox', { name: 'Algorithm' })).toHaveValue('zookeeper');
  const editor = page.getByRole('form', { name: 'Scenario editor' });
  await expect(editor.getByRole('checkbox', { name: 'Herd: everyone watches the leader' })).not.toBeChecked();
  const field = editor.getByRole('spinbutton', { name: 'Ping interval (time units)', exact: true });
  await field.fill('30');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const errorId = await field.getAttribute('aria-describedby');
  await expect(page.locator(`[id="${errorId}"]`)).toHaveText(words);
});

test.describe('on a phone (390×844)', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('the herd preset reads Leader: 5 with 4 watch notifications', async ({ page }) => {
    const errors = watchErrors(page);
    const expected = cli(`#${HERD}`) as unknown as ZkSummary;
    await page.goto('about:blank');
    await page.goto(`./#${HERD}`);
    await expectTraceHash(page, expected.traceHash);
    await seek(page, await takeoverStep(page));
    await expect(page.getByRole('status')).toHaveText('Leader: 5');
    await expect(page.getByTestId('figure-watchNotifications')).toHaveText('4');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/herd-390.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
