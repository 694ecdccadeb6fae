import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { rememberOpen } from './folds';
import {
  cli,
  expectTraceHash,
  nodeLabels,
  presetLink,
  toEnd,
  watchErrors,
  seekTo as seek,
} from './links-util';

// The editor starts folded at 1280×720 (src/ui/layout/folds.ts): open it.
test.beforeEach(({ page }) => rememberOpen(page, ['Scenario editor']));

/**
 * The lease election in Chromium: the paused-holder presets played to the moment the storage takes
 * (fencing off) or refuses (fencing on) the old holder's write, with the split brain in the monitor's
 * banner; the store and storage drawn apart and named; a renew deadline as long as the lease refused
 * in the CLI's words.
 */

const SHOTS = process.env.SHOTS_DIR ?? 'artifacts/lease';
const UNFENCED = 'v=1&alg=lease&n=3&ids=asc&mode=async&until=600&fencing=off&pause=3@101:300';
const FENCED = 'v=1&alg=lease&n=3&ids=asc&mode=async&until=600&fencing=on&pause=3@101:300';

/** The badges beside the nodes, by position (candidates 1–3, then store, storage). */
const badges = (page: Page) => page.evaluate(() => window.__lel!.view!.stage.badges.map((b) => b ?? ''));

/** The first step at which the storage handles a write of revision 1 after seeing revision 2. */
const staleWriteStep = (page: Page) =>
  page.evaluate(
    () =>
      window.__lel!.store.getState().run.sim.trace.find((e) => {
        const b = e.before as { kind?: string; newest?: number } | null;
        return e.kind === 'deliver' && b?.kind === 'storage' && (b.newest ?? 0) === 2 && e.from === 3;
      })?.step ?? -1,
  );

/** The step at which candidate 3 pauses (its pause timer). */
const pauseStep = (page: Page) =>
  page.evaluate(
    () =>
      window
        .__lel!.store.getState()
        .run.sim.trace.find((e) => e.node === 3 && e.kind === 'timer' && e.timer === 'pause')?.step ?? -1,
  );

for (const [fencing, link, preset] of [
  ['off', UNFENCED, 'lease-pause-unfenced'],
  ['on', FENCED, 'lease-pause-fenced'],
] as const) {
  test(`fencing ${fencing}: the paused holder's late write is ${fencing === 'off' ? 'accepted' : 'rejected'}, split brain reported`, async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const expected = cli(`#${link}`);
    expect(expected.leader).toBe(1);
    await page.goto('./');
    const a = await presetLink(page, preset);
    await a.click();
    await expect(page.getByRole('dialog', { name: 'Presets' })).toBeHidden();
    await expect(page.getByRole('combobox', { name: 'Algorithm' })).toHaveValue('lease');
    await expectTraceHash(page, expected.traceHash);
    // The store and storage are named in words, after the three candidates.
    expect(await nodeLabels(page)).toEqual(['1', '2', '3', 'store', 'storage']);

    // During the pause: 3 is drawn paused, still believing it holds revision 1.
    const paused = await pauseStep(page);
    expect(paused).toBeGreaterThan(0);
    await seek(page, paused);
    expect((await badges(page))[2]).toBe('⏸ paused r1');
    await expect(page.getByRole('status')).toHaveText('Leader: 3');

    // The key moment: the storage takes or refuses 3's revision-1 write, 1 leading revision 2.
    const k = await staleWriteStep(page);
    expect(k).toBeGreaterThan(paused);
    await seek(page, k);
    await expect(page.getByRole('status')).toHaveText('Leader: 1');
    const shown = await badges(page);
    expect(shown[4]).toBe(fencing === 'off' ? 'STALE ✓ r1 from 3' : '✗ r1 < r2');
    expect(shown[0]).toBe('r2');
    const banner = page.getByTestId('monitor-violation');
    await expect(banner).toContainText(
      'split brain: 1 and 3 believe they hold the lease at once (r2, r1) from time 272 to time 401, 129 time units',
    );
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/pause-fencing-${fencing}-1280.png` });

    await toEnd(page);
    await expect(page.getByRole('status')).toHaveText(`Leader: ${expected.leader}`);
    await expect(page.getByTestId('step')).toHaveText(String(expected.events));
    await expect(page.getByTestId('messages-total')).toHaveText(String(expected.messages));
    expect(errors).toEqual([]);
  });
}

test('a renew deadline as long as the lease is refused in the CLI’s words, in a link and in the editor', async ({
  page,
}) => {
  const words =
    'renew deadline 150 must be shorter than the lease duration 150: a holder must give up before its lease can run out';
  await page.goto('about:blank');
  await page.goto('./#v=1&alg=lease&n=3&renew=150');
  const alert = page.getByRole('alert').filter({ hasText: 'This link cannot be opened' });
  await expect(alert).toContainText(words);

  await page.goto('about:blank');
  await page.goto(`./#${FENCED}`);
  await expect(page.getByRole('combobox', { name: 'Algorithm' })).toHaveValue('lease');
  const editor = page.getByRole('form', { name: 'Scenario editor' });
  const field = editor.getByRole('spinbutton', { name: 'Renew deadline (time units)', exact: true });
  await field.fill('150');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const errorId = await field.getAttribute('aria-describedby');
  await expect(page.locator(`[id="${errorId}"]`)).toHaveText(words);

  const drift = editor.getByRole('textbox', { name: 'Clock drift (id:rate, …)', exact: true });
  await drift.fill('2:0');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(drift).toHaveAttribute('aria-invalid', 'true');
});

test.describe('on a phone (390×844)', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('the fenced preset reads Leader: 1 when the storage rejects the stale write', async ({ page }) => {
    const errors = watchErrors(page);
    const expected = cli(`#${FENCED}`);
    await page.goto('about:blank');
    await page.goto(`./#${FENCED}`);
    await expectTraceHash(page, expected.traceHash);
    const k = await staleWriteStep(page);
    await seek(page, k);
    await expect(page.getByRole('status')).toHaveText('Leader: 1');
    expect((await badges(page))[4]).toBe('✗ r1 < r2');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/pause-fencing-on-390.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
