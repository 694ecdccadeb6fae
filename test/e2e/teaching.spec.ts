import { expect, test, type Page } from '@playwright/test';
import { rememberOpen } from './folds';
import { failOnPageErrors } from './noErrors';

// The panels this spec uses start folded at 1280×720 (src/ui/layout/folds.ts): open them.
test.beforeEach(({ page }) => rememberOpen(page, ['Space-time', 'Pseudo-code']));

/**
 * The teaching panels in Chromium at 1280×720: the pseudo-code panel follows the step's handler, and
 * the space-time diagram is linked both ways with the playback and the selection.
 */

failOnPageErrors();

async function open(page: Page, hash = '') {
  await page.goto('about:blank');
  await page.goto(`./${hash ? `#${hash}` : ''}`);
  await page.waitForFunction(() => !!window.__lel?.view && !!window.__lelSpaceTime);
  await page.waitForFunction(() => window.__lel!.store.getState().computing === false);
}

const step = (page: Page) => page.getByTestId('step');
const code = (page: Page) => page.getByTestId('pseudocode');

/** The lines the highlighted <li>s carry, and the panel's own attributes. */
async function shown(page: Page) {
  return page.evaluate(() => {
    const panel = document.querySelector('[data-testid=pseudocode]')!;
    const hit = [...panel.querySelectorAll('li.hit')].map((li) => Number(li.getAttribute('data-line')));
    return {
      step: Number(panel.getAttribute('data-step')),
      node: panel.getAttribute('data-node'),
      lines: panel.getAttribute('data-lines'),
      hit,
    };
  });
}

/** The recorded trace entry of step k (1-based), as the engine wrote it. */
const entry = (page: Page, k: number) =>
  page.evaluate((i) => {
    const e = window.__lel!.store.getState().run.sim.trace[i - 1]!;
    return { node: e.node, lines: [...e.lines], note: e.note, kind: e.kind, msgSeq: e.msgSeq ?? null };
  }, k);

test('pseudo-code: the highlighted lines change as you step and are the lines the step’s handler ran', async ({
  page,
}) => {
  // LCR on the ring 3 → 1 → 2 (hand-worked in test/store/pseudocode.test.ts).
  await open(page, 'v=1&alg=lcr&ids=3,1,2&mode=sync');
  await expect(code(page)).toHaveAttribute('data-step', '0');
  await expect(code(page).locator('li.hit')).toHaveCount(0);
  // What each handler branch runs in lcr.ts's pseudocode (0-based), told apart by the step's note.
  const branch = (note: string): number[] =>
    /sends its uid/.test(note)
      ? [0, 1]
      : /forwards elected/.test(note)
        ? [7, 8]
        : /halt/.test(note)
          ? [7, 9]
          : /own uid came back/.test(note)
            ? [2, 5, 6]
            : /discards/.test(note)
              ? [2, 4]
              : /forwards/.test(note)
                ? [2, 3]
                : [];
  const seen = new Set<string>();
  for (let k = 1; k <= 11; k++) {
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(step(page)).toHaveText(String(k));
    const e = await entry(page, k);
    const s = await shown(page);
    expect(s.step).toBe(k);
    expect(s.node).toBe(String(e.node));
    expect(s.lines).toBe(e.lines.join(','));
    expect(s.hit).toEqual(e.lines);
    expect(e.lines).toEqual(branch(e.note));
    await expect(page.getByTestId('pseudocode-note')).toHaveText(e.note);
    seen.add(s.hit.join(','));
  }
  // Every branch of the handler was shown at some step.
  expect([...seen].sort()).toEqual(['0,1', '2,3', '2,4', '2,5,6', '7,8', '7,9']);
  await page.screenshot({ path: 'artifacts/teaching/pseudocode.png' });

  // Stepping back shows the earlier step's lines again.
  await page.keyboard.press('ArrowLeft');
  await expect(code(page)).toHaveAttribute('data-step', '10');
  expect((await shown(page)).hit).toEqual((await entry(page, 10)).lines);
});

test('pseudo-code: a selected node shows where that node stands (its own last step)', async ({ page }) => {
  await open(page, 'v=1&alg=lcr&ids=3,1,2&mode=sync');
  await page.getByRole('slider', { name: 'Timeline' }).fill('8');
  await expect(step(page)).toHaveText('8');
  // Click node 1 in the graph.
  const p = await page.evaluate(() => window.__lel!.view!.nodePoint(1));
  const box = (await page.getByTestId('graph').boundingBox())!;
  await page.mouse.click(box.x + p!.x, box.y + p!.y);
  await expect(code(page)).toHaveAttribute('data-node', '1');
  // Node 1's last step at or before step 8, found in the trace independently.
  const last = await page.evaluate(() => {
    const t = window.__lel!.store.getState().run.sim.trace;
    let k = 8;
    while (k > 0 && t[k - 1]!.node !== 1) k--;
    return { k, lines: [...t[k - 1]!.lines] };
  });
  expect(last.k).toBe(4);
  await expect(code(page)).toHaveAttribute('data-step', String(last.k));
  expect((await shown(page)).hit).toEqual(last.lines);
  await expect(code(page)).toContainText('selected');
});

/** Clicks the arrow of message `seq` in the space-time diagram. */
async function clickArrow(page: Page, seq: number) {
  const p = await page.evaluate((s) => window.__lelSpaceTime!.arrowPoint(s), seq);
  expect(p, `arrow ${seq} is drawn`).not.toBeNull();
  const box = (await page.getByTestId('spacetime').boundingBox())!;
  await page.mouse.move(box.x + p!.x, box.y + p!.y);
  await page.mouse.click(box.x + p!.x, box.y + p!.y);
}

test('space-time: clicking a message arrow seeks to its delivery step and selects it', async ({ page }) => {
  await open(page, 'v=1&alg=lcr&n=8&ids=desc&mode=async&maxDelay=6&seed=4');
  await page.getByRole('slider', { name: 'Timeline' }).fill('30');
  await expect(step(page)).toHaveText('30');
  // A message sent by step 30 and delivered later, and one already delivered: both are arrows.
  const pick = await page.evaluate(() => {
    const t = window.__lel!.store.getState().run.sim.trace;
    const sent = t.slice(0, 30).flatMap((e) => e.sends.map((m) => m.seq));
    const deliveredAt = (seq: number) => t.findIndex((e) => e.msgSeq === seq) + 1;
    const later = sent.find((s) => deliveredAt(s) > 30)!;
    const earlier = sent.find((s) => deliveredAt(s) > 0 && deliveredAt(s) < 30)!;
    return { later, laterStep: deliveredAt(later), earlier, earlierStep: deliveredAt(earlier) };
  });
  await page.waitForTimeout(100);
  await clickArrow(page, pick.later);
  await expect(step(page)).toHaveText(String(pick.laterStep));
  expect(await page.evaluate(() => window.__lel!.store.getState().selection)).toEqual({
    kind: 'message',
    seq: pick.later,
  });
  // The current step's message is the one clicked, and the inspector shows it.
  expect((await entry(page, pick.laterStep)).msgSeq).toBe(pick.later);
  await expect(page.getByRole('region', { name: 'Inspector' })).toContainText('delivered at step');
  await page.waitForTimeout(100);
  await clickArrow(page, pick.earlier);
  await expect(step(page)).toHaveText(String(pick.earlierStep));
  // Hovering an arrow highlights it.
  expect(await page.evaluate(() => window.__lelSpaceTime!.hovered())).toBe(pick.earlier);
  await page.screenshot({ path: 'artifacts/teaching/spacetime.png' });
});

test('space-time: a row selects its node (and the graph’s selection shows in the diagram)', async ({
  page,
}) => {
  await open(page, 'v=1&alg=lcr&n=8&ids=asc&mode=sync');
  const p = await page.evaluate(() => window.__lelSpaceTime!.rowPoint(5));
  const box = (await page.getByTestId('spacetime').boundingBox())!;
  await page.mouse.click(box.x + p!.x, box.y + p!.y);
  expect(await page.evaluate(() => window.__lel!.store.getState().selection)).toEqual({
    kind: 'node',
    id: 5,
  });
  await expect(page.getByRole('region', { name: 'Inspector' })).toContainText('Node 5');
  // The row stays highlighted when the selection comes from the graph, and the time axis seeks.
  const t = await page.evaluate(() => window.__lelSpaceTime!.timePoint(5));
  await page.mouse.click(box.x + t!.x, box.y + t!.y);
  const through5 = await page.evaluate(
    () => window.__lel!.store.getState().run.sim.trace.filter((e) => e.time <= 5).length,
  );
  await expect(step(page)).toHaveText(String(through5));
  expect(await page.evaluate(() => window.__lel!.store.getState().selection)).toEqual({
    kind: 'node',
    id: 5,
  });
});

test('space-time: 32 nodes fit without scrolling; 80 nodes scroll down; zoom scrolls sideways', async ({
  page,
}) => {
  await open(page, 'v=1&alg=lcr&n=32&ids=random&seed=3&mode=sync');
  const rows = await page.evaluate(() => {
    const ids = window.__lel!.store.getState().run.sim.graph.ids;
    return ids.map((id) => window.__lelSpaceTime!.rowPoint(id) !== null);
  });
  expect(rows.every(Boolean)).toBe(true);
  const scroller = page.locator('[data-testid=spacetime] .st-scroller');
  // The diagram opens on a window round the cursor; Fit puts the whole run in the width.
  await page.getByRole('button', { name: 'Fit time' }).click();
  const fits = await scroller.evaluate((el) => [
    el.scrollHeight <= el.clientHeight,
    el.scrollWidth <= el.clientWidth,
  ]);
  expect(fits).toEqual([true, true]);
  await page.getByRole('slider', { name: 'Timeline' }).fill('200');
  await page.screenshot({ path: 'artifacts/teaching/spacetime-n32.png' });

  await open(page, 'v=1&alg=lcr&n=80&ids=random&seed=3&mode=sync');
  const tall = await scroller.evaluate((el) => el.scrollHeight > el.clientHeight);
  expect(tall).toBe(true);
  const lastId = await page.evaluate(() => window.__lel!.store.getState().run.sim.graph.ids.at(-1)!);
  expect(await page.evaluate((id) => window.__lelSpaceTime!.rowPoint(id), lastId)).toBeNull();
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
  // (the diagram reads the scroll position from the scroll event)
  await expect.poll(() => page.evaluate((id) => window.__lelSpaceTime!.rowPoint(id), lastId)).not.toBeNull();
  await page.getByRole('button', { name: 'Zoom time in' }).click();
  await page.getByRole('button', { name: 'Zoom time in' }).click();
  expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth * 3)).toBe(true);
  await page.getByRole('button', { name: 'Fit time' }).click();
  expect(await scroller.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  // The page itself still does not scroll.
  expect(
    await page.evaluate(() => [document.documentElement.scrollHeight, document.documentElement.scrollWidth]),
  ).toEqual([720, 1280]);
});
