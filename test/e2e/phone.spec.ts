import { expect, test, type Page } from '@playwright/test';
import { openFold } from './folds';
import { failOnPageErrors } from './noErrors';

/**
 * A phone (390×844) opening a shared link: one column, the graph first at the full width, a large
 * Step/Play bar within the first screen, the status and counts, the rest folded; no sideways
 * scrolling; touch works (tap a node to inspect it, pinch to zoom).
 */
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

failOnPageErrors();

const LINK = 'v=1&alg=lcr&n=8&ids=random&seed=1&mode=sync';

async function open(page: Page, hash = LINK) {
  await page.goto('about:blank');
  await page.goto(`./#${hash}`);
  await page.waitForFunction(() => !!window.__lel?.view);
}

const noSideScroll = (page: Page) =>
  page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);

/** Inside the first screen, without scrolling: the box lies within the viewport at scroll 0. */
async function inFirstScreen(page: Page, box: { x: number; y: number; width: number; height: number }) {
  const [w, h, sy] = await page.evaluate(() => [innerWidth, innerHeight, scrollY]);
  expect(sy).toBe(0);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(w!);
  expect(box.y + box.height).toBeLessThanOrEqual(h!);
}

test('graph first at the full width, a large Step/Play bar on the first screen, stepping works', async ({
  page,
}) => {
  await open(page);
  expect(await page.evaluate(() => [innerWidth, innerHeight])).toEqual([390, 844]);
  const graph = (await page.getByTestId('graph').boundingBox())!;
  expect(graph.width).toBeGreaterThanOrEqual(0.9 * 390);
  expect(graph.height).toBeGreaterThanOrEqual(250);
  await inFirstScreen(page, graph);
  // The drawing fills that panel: the ring's node centres span ≥ 45 % of the width and its ids read at
  // ≥ 14 px (with 40 px of padding in a 260 px panel the ring of 8 was ~100 px across, ids ~11 px).
  const drawn = () =>
    page.evaluate(() => {
      const cy = window.__lel!.view!.cy;
      const xs = cy.nodes().map((n) => n.renderedPosition().x);
      const id = Math.min(...cy.nodes().map((n) => parseFloat(n.style('font-size')) * cy.zoom()));
      return { span: Math.max(...xs) - Math.min(...xs), id };
    });
  await expect.poll(async () => (await drawn()).span).toBeGreaterThanOrEqual(0.45 * 390);
  expect((await drawn()).id).toBeGreaterThanOrEqual(14);
  for (const name of ['Play', 'Step forward', 'Step back']) {
    const b = (await page.getByRole('button', { name, exact: true }).boundingBox())!;
    expect(b.height, `${name} is a thumb-sized target`).toBeGreaterThanOrEqual(48);
    await inFirstScreen(page, b);
    // Below the graph: the graph comes first.
    expect(b.y).toBeGreaterThanOrEqual(graph.y + graph.height);
  }
  await inFirstScreen(page, (await page.getByRole('status').boundingBox())!);
  // The step's sentence and the counts follow the bar; the other panels start folded.
  const caption = (await page.getByTestId('step-caption').boundingBox())!;
  expect(caption.y).toBeGreaterThan(graph.y + graph.height);
  for (const name of ['Space-time', 'Pseudo-code', 'Event log', 'Scenario editor'])
    await expect(page.getByRole('button', { name, exact: true })).toHaveAttribute('aria-expanded', 'false');
  // The counts, the room's other number, are on the first screen too, before the legend.
  await inFirstScreen(page, (await page.getByTestId('messages-total').boundingBox())!);
  const counts = (await page.getByRole('region', { name: 'Counts' }).boundingBox())!;
  const legend = (await page.getByRole('region', { name: 'Legend' }).boundingBox())!;
  expect(counts.y).toBeLessThan(legend.y);
  expect(counts.y).toBeGreaterThan(caption.y);

  await expect(page.getByTestId('step')).toHaveText('0');
  await page.getByRole('button', { name: 'Step forward' }).tap();
  await expect(page.getByTestId('step')).toHaveText('1');
  await page.getByRole('button', { name: 'Step forward' }).tap();
  await expect(page.getByTestId('step')).toHaveText('2');
  await expect(page.getByTestId('step-caption')).toContainText('Step 2 ·');
  await page.getByRole('button', { name: 'Step back' }).tap();
  await expect(page.getByTestId('step')).toHaveText('1');
  expect(await noSideScroll(page)).toEqual([390, 390]);
  await page.getByRole('button', { name: 'Step forward' }).tap();
  await page.getByRole('button', { name: 'Step forward' }).tap();
  await page.getByRole('button', { name: 'Step forward' }).tap();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: 'artifacts/layout/phone.png' });
});

test('no sideways scrolling, with every panel open and in the dark theme', async ({ page }) => {
  await open(page, 'v=1&alg=hs&n=16&ids=random&seed=1&mode=sync');
  expect(await noSideScroll(page)).toEqual([390, 390]);
  for (const name of ['Space-time', 'Pseudo-code', 'Event log', 'Scenario editor'] as const)
    await openFold(page, name);
  await expect(page.getByRole('combobox', { name: 'Algorithm' })).toBeVisible();
  await expect(page.getByTestId('spacetime')).toBeVisible();
  await expect(page.getByTestId('pseudocode')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Event log' })).toBeVisible();
  await page.getByRole('button', { name: 'Dark theme' }).tap();
  for (let i = 0; i < 10; i++) await page.getByRole('button', { name: 'Step forward' }).tap();
  await expect(page.getByTestId('step')).toHaveText('10');
  expect(await noSideScroll(page)).toEqual([390, 390]);
  // The page scrolls down to everything it holds; the editor's Apply is reachable.
  await page.getByRole('button', { name: /^Apply/ }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('button', { name: /^Apply/ })).toBeInViewport();
  expect(await noSideScroll(page)).toEqual([390, 390]);
  await page.screenshot({ path: 'artifacts/layout/phone-all-open.png', fullPage: true });
});

test('touch: a tap on a node inspects it; a pinch zooms the graph', async ({ page }) => {
  await open(page);
  const graph = page.getByTestId('graph');
  const box = (await graph.boundingBox())!;
  const ids = await page.evaluate(() => window.__lel!.store.getState().run.sim.graph.ids as number[]);
  const id = ids[2]!;
  const p = (await page.evaluate((i) => window.__lel!.view!.nodePoint(i), id))!;
  // Nothing lies over the node: the topmost element there belongs to the graph.
  const onTop = await page.evaluate(
    ([x, y]) => !!document.elementFromPoint(x!, y!)?.closest('[data-testid=graph]'),
    [box.x + p.x, box.y + p.y],
  );
  expect(onTop).toBe(true);
  await page.touchscreen.tap(box.x + p.x, box.y + p.y);
  await expect(page.getByRole('region', { name: 'Inspector' })).toContainText(`Node ${id}`);

  // Two fingers moving apart over the graph: Cytoscape zooms in.
  const zoom0 = await page.evaluate(() => window.__lel!.view!.cy.zoom());
  const cdp = await page.context().newCDPSession(page);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const fingers = (d: number) => [
    { x: cx - d, y: cy, id: 1 },
    { x: cx + d, y: cy, id: 2 },
  ];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(30) });
  for (let d = 40; d <= 120; d += 10)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(d) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await expect.poll(() => page.evaluate(() => window.__lel!.view!.cy.zoom())).toBeGreaterThan(zoom0 * 1.5);
  // The page itself did not zoom or scroll sideways.
  expect(await noSideScroll(page)).toEqual([390, 390]);
});
