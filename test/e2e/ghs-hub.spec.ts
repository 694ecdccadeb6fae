import { expect, test, type Page } from '@playwright/test';
import { cli, messagesTotal, toEnd, traceHash } from './links-util';
import { failOnPageErrors } from './noErrors';

/**
 * GHS on a star, in Chromium: the centre's deferred connects and edge states in the inspector (the
 * queue is indexed by condition inside, the inspector still lists it in the paper's order), and a
 * star of 5,000 — the browser's largest — computed to the same result as the CLI.
 */

failOnPageErrors();

async function open(page: Page, hash: string) {
  await page.goto('about:blank');
  await page.goto(`./#${hash}`);
  await expect(page.getByRole('status')).toHaveCount(1);
  await page.waitForFunction(() => window.__lel?.view !== null && window.__lel?.view !== undefined);
  await page.waitForFunction(() => window.__lel!.store.getState().computing === false, null, {
    timeout: 45_000,
  });
}

/** Moves the cursor to just after the last step of round `t` (sync). */
async function endOfRound(page: Page, t: number) {
  await page.evaluate((round) => {
    const s = window.__lel!.store.getState();
    const k = s.run.sim.trace.findIndex((e) => e.time > round);
    s.seek(k);
  }, t);
}

/** The inspector's field `key` (its value, beside the name), e.g. `queue` or `SE`. */
const row = (page: Page, key: string) =>
  page
    .getByRole('region', { name: 'Inspector' })
    .locator('.field-row')
    .filter({ has: page.locator('dt').getByText(key, { exact: true }) })
    .locator('dd');

const STAR = 'v=1&alg=ghs&topo=star&n=12&ids=asc&mode=sync&seed=3';

test('the centre of a star defers every leaf’s connect but one, then absorbs them all in one step', async ({
  page,
}) => {
  await open(page, STAR);
  // From the graph alone: the centre 1 and its lightest edge, to leaf m (C12: weight, then ids).
  const edges = await page.evaluate(() =>
    window.__lel!.view!.cy.edges().map((e) => ({
      a: e.source().data('nid') as number,
      b: e.target().data('nid') as number,
      w: e.data('w') as number,
    })),
  );
  const leaves = edges
    .map((e) => ({ leaf: e.a === 1 ? e.b : e.a, w: e.w }))
    .sort((p, q) => p.w - q.w || p.leaf - q.leaf);
  expect(leaves).toHaveLength(11);
  const m = leaves[0]!.leaf;
  const others = leaves.map((l) => l.leaf).filter((j) => j !== m);

  // Round 1: every leaf's only edge is its lightest, so each sends connect(0) to 1. 1 chose 1–m:
  // m's connect meets a Branch (merge), the other ten find a Basic edge and wait, in arrival order —
  // in sync mode the order the leaves sent them, which is id order here.
  await endOfRound(page, 1);
  await page
    .getByTestId('graph')
    .click({ position: (await page.evaluate(() => window.__lel!.view!.nodePoint(1)))! });
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector).toContainText('Node 1');
  await expect(row(page, 'queue')).toHaveText(
    others
      .sort((p, q) => p - q)
      .map((j) => `connect(0) from ${j}`)
      .join(', '),
  );
  await expect(row(page, 'SE')).toHaveText(
    Array.from({ length: 11 }, (_, i) => i + 2)
      .map((j) => `${j}: ${j === m ? 'Branch' : 'Basic'}`)
      .join(', '),
  );
  await row(page, 'queue').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'artifacts/ghs-hub-queue.png' });

  // Round 2: m's initiate(1, …) raises 1's level to 1, and 1 takes all ten out in that one step
  // (0 < LN: absorbed, each edge a Branch). Every edge is a Branch and the queue is empty.
  await page.evaluate(() => {
    const s = window.__lel!.store.getState();
    s.seek(s.run.sim.trace.findIndex((e) => e.time === 2 && e.node === 1) + 1);
  });
  await expect(row(page, 'queue')).toHaveText('empty');
  await expect(row(page, 'SE')).toHaveText(
    Array.from({ length: 11 }, (_, i) => `${i + 2}: Branch`).join(', '),
  );
  await expect(row(page, 'LN')).toHaveText('1');
});

test('a star of 5,000 nodes computes in the browser to the CLI’s result and trace hash', async ({ page }) => {
  const hash = 'v=1&alg=ghs&topo=star&n=5000&ids=random&mode=async&seed=7';
  const expected = cli(`#${hash}`);
  await open(page, hash);
  expect(await traceHash(page)).toBe(expected.traceHash);
  await toEnd(page);
  await expect(page.getByRole('status')).toHaveText(`Leader: ${expected.leader}`);
  expect(await messagesTotal(page)).toBe(String(expected.messages));
});
