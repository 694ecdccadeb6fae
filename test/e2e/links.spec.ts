import { expect, test } from '@playwright/test';
import {
  cli,
  expectTraceHash,
  hashStep,
  messagesTotal,
  openPanel,
  step,
  traceHash,
  watchErrors,
} from './links-util';

const CR = 'v=1&alg=chang-roberts&ids=3,7,1,8,5,2,6,4&mode=async&seed=11&initiators=1,5,8';

test.describe('the URL is the state', () => {
  test('a link at step k opens at step k, with the CLI trace hash for that link', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(`./#${CR}&step=23`);
    await expect(page.getByTestId('step')).toHaveText('23');
    expect(await hashStep(page)).toBe(23);
    expect(await traceHash(page)).toBe(cli(`#${CR}&step=23`).traceHash);
    // Still at 23 once the whole run is known, and the link in the address bar still says so.
    await expect(page.getByTestId('step')).toHaveText('23');
    expect(await hashStep(page)).toBe(23);
    expect(errors).toEqual([]);
  });

  test('stepping replaces the history entry; a new scenario pushes one; back restores the old at its step', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.goto(`./#${CR}`);
    await traceHash(page);
    const length = await page.evaluate(() => history.length);
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('step')).toHaveText('6');
    await expect.poll(() => hashStep(page)).toBe(6);
    expect(await page.evaluate(() => history.length)).toBe(length);

    // Play for a while: the entry follows the cursor, and no entry is added.
    await page.getByRole('button', { name: 'Play' }).click();
    // Until the cursor has moved, not a fixed time: on a loaded machine a late frame jumps ahead with
    // the clock, and a run that ended has no Pause to click.
    await expect.poll(() => step(page)).toBeGreaterThan(6);
    await page.getByRole('button', { name: 'Pause' }).click();
    const played = await step(page);
    expect(played).toBeGreaterThan(6);
    await expect.poll(() => hashStep(page)).toBe(played);
    expect(await page.evaluate(() => history.length)).toBe(length);

    // A preset is a new scenario: one new entry.
    const presets = await openPanel(page, 'Presets');
    await presets.getByRole('link', { name: /LCR, worst case/ }).click();
    await expect(page.getByRole('status')).toHaveText(/Ready|Running|Leader/);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('alg=lcr');
    expect(await page.evaluate(() => history.length)).toBe(length + 1);

    await page.goBack();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('alg=chang-roberts');
    await expect(page.getByTestId('step')).toHaveText(String(played));
    await expectTraceHash(page, cli(`#${CR}`).traceHash);
    await page.goForward();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('alg=lcr');
    await expectTraceHash(page, cli('#v=1&alg=lcr&n=8&ids=desc&mode=sync').traceHash);
    expect(errors).toEqual([]);
  });

  test('editing the hash loads the scenario it names, or only moves the step', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('./');
    await traceHash(page);
    await page.evaluate((h) => (location.hash = h), `#${CR}&step=5`);
    await expect(page.getByTestId('step')).toHaveText('5');
    await expectTraceHash(page, cli(`#${CR}`).traceHash);
    await page.evaluate((h) => (location.hash = h), `#${CR}&step=12`);
    await expect(page.getByTestId('step')).toHaveText('12');
    expect(errors).toEqual([]);
  });
});

test.describe('Copy link', () => {
  test('where the clipboard is refused: the link is selected with "Press Ctrl+C"; it opens the same state', async ({
    page,
    browser,
  }) => {
    const errors = watchErrors(page);
    await page.goto(`./#${CR}`);
    await traceHash(page);
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('step')).toHaveText('9');
    const share = await openPanel(page, 'Share');
    await expect(share.getByRole('checkbox', { name: /Link to this step/ })).toBeChecked();
    // Refuse the clipboard, as a locked-down browser does.
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
      });
    });
    await share.getByRole('button', { name: 'Copy link' }).click();
    await expect(share.getByText(/press Ctrl\+C/)).toBeVisible();
    const input = share.getByRole('textbox', { name: 'Link', exact: true });
    await expect(input).toBeFocused();
    const link = await input.inputValue();
    const selected = await input.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd]);
    expect(selected).toEqual([0, link.length]);
    expect(link).toMatch(/#v=1&.*step=9/);
    const total = await messagesTotal(page);
    const hash = await traceHash(page);

    const fresh = await (await browser.newContext()).newPage();
    await fresh.goto(link);
    await expect(fresh.getByTestId('step')).toHaveText('9');
    await expect(fresh.getByTestId('messages-total')).toHaveText(total);
    expect(await traceHash(fresh)).toBe(hash);
    expect(hash).toBe(cli(link).traceHash);
    await fresh.context().close();
    expect(errors).toEqual([]);
  });

  test('with clipboard access: "Copied", and the clipboard holds the link; unticked, no step', async ({
    page,
    context,
    browser,
  }) => {
    const errors = watchErrors(page);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`./#${CR}&step=14`);
    await expect(page.getByTestId('step')).toHaveText('14');
    const share = await openPanel(page, 'Share');
    await share.getByRole('button', { name: 'Copy link' }).click();
    await expect(share.getByText('Copied', { exact: true })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await share.getByRole('textbox', { name: 'Link', exact: true }).inputValue());
    expect(copied).toContain('step=14');

    await share.getByRole('checkbox', { name: /Link to this step/ }).uncheck();
    await share.getByRole('button', { name: 'Copy link' }).click();
    await expect(share.getByText('Copied', { exact: true })).toBeVisible();
    const noStep = await page.evaluate(() => navigator.clipboard.readText());
    expect(noStep).not.toContain('step=');
    const fresh = await (await browser.newContext()).newPage();
    await fresh.goto(noStep);
    expect(await traceHash(fresh)).toBe(cli(`#${CR}`).traceHash);
    await expect(fresh.getByTestId('step')).toHaveText('0');
    await fresh.context().close();
    expect(errors).toEqual([]);
  });
});
