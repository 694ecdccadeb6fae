import { expect, test, type Page } from '@playwright/test';
import { watchErrors } from './links-util';
import { settledPoint } from './overlay-util';

/** The inspector shows a message's content and a node's state as fields (name → value), never JSON. */

async function open(page: Page, link: string) {
  await page.goto(`./#${link}`);
  await page.waitForFunction(() => !!window.__lel?.view);
  await page.waitForFunction(() => !window.__lel!.store.getState().computing);
}

/** Name → value of the inspector's definition list labelled `label`. */
async function fields(page: Page, label: string): Promise<Record<string, string>> {
  const list = page.getByRole('region', { name: 'Inspector' }).locator(`dl[aria-label="${label}"]`);
  await expect(list).toBeVisible();
  return list.evaluate((dl) =>
    Object.fromEntries(
      [...dl.querySelectorAll(':scope > .field-row')].map((r) => [
        r.querySelector(':scope > dt')!.textContent,
        r.querySelector(':scope > dd')!.textContent,
      ]),
    ),
  );
}

/** Clicks the first message in flight on the overlay; returns its raw content from the store. */
async function clickMessage(page: Page, pick: string): Promise<Record<string, unknown>> {
  const find = () =>
    page.evaluate((kind) => {
      const s = window.__lel!.store.getState();
      for (const [seq, m] of s.run.replay.inFlight)
        if ((m.msg as { kind: string }).kind === kind) return { seq, msg: m.msg as Record<string, unknown> };
      return null;
    }, pick);
  await expect
    .poll(async () => (await find()) !== null, { message: `a ${pick} message in flight` })
    .toBe(true);
  const found = (await find())!;
  // The overlay places a message at its next frame after a seek, which a busy machine delays.
  await page.getByTestId('graph').click({ position: await settledPoint(page, found.seq) });
  return found.msg;
}

test('a message: its routing and its content as fields; a node: its state as fields', async ({ page }) => {
  const errors = watchErrors(page);
  // LCR on the ring 3 → 1 → 2 → 3: the first step is 3's start-up, which sends election(3) to 1.
  await open(page, 'v=1&alg=lcr&ids=3,1,2&mode=sync');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await clickMessage(page, 'election');
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector).toContainText('Message election(3)');
  expect(await fields(page, 'Message')).toMatchObject({ 'from → to': '3 → 1', status: 'in flight' });
  expect(await fields(page, 'Message content')).toEqual({ kind: 'election', uid: '3' });
  await expect(inspector).not.toContainText('{');
  await expect(inspector).not.toContainText('"');

  const p3 = await page.evaluate(() => window.__lel!.view!.nodePoint(3));
  await page.getByTestId('graph').click({ position: p3! });
  const state = await fields(page, 'State of node 3');
  expect(Object.keys(state).length).toBeGreaterThan(0);
  // LCR's one variable that must show: the process's own id.
  expect(Object.values(state)).toContain('3');
  await expect(inspector).not.toContainText('{');
  expect(errors).toEqual([]);
});

test('a GHS initiate: its fragment name (a list of numbers) reads as a list, and the node’s state too', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await open(page, 'v=1&alg=ghs&n=6&mode=sync&seed=2');
  // Forward to the first Initiate in flight.
  await page.evaluate(() => {
    const s = window.__lel!.store.getState();
    const k = s.run.sim.trace.findIndex((e) =>
      e.sends.some((m) => (m.msg as { kind: string }).kind === 'initiate'),
    );
    s.seek(k + 1);
  });
  const msg = await clickMessage(page, 'initiate');
  const content = await fields(page, 'Message content');
  expect(content.kind).toBe('initiate');
  // F is the core edge [weight, lower id, higher id]: one line, the numbers in that order.
  const F = msg.F as number[];
  expect(F).toHaveLength(3);
  expect(content.F).toBe(F.join(', '));
  expect(content.L).toBe(String(msg.L));
  expect(content.S).toBe(String(msg.S));
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector).not.toContainText('[');
  await inspector.screenshot({ path: 'artifacts/editor/inspector-ghs-1280.png' });
  await page.screenshot({ path: 'artifacts/editor/inspector-page-1280.png' });

  await page.setViewportSize({ width: 390, height: 844 });
  await inspector.scrollIntoViewIfNeeded();
  await expect(inspector.locator('dl[aria-label="Message content"]')).toBeVisible();
  const box = (await inspector.locator('dl[aria-label="Message content"]').boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await inspector.screenshot({ path: 'artifacts/editor/inspector-ghs-390.png' });
  expect(errors).toEqual([]);
});
