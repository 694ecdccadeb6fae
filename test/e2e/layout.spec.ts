import { expect, test, type Page } from '@playwright/test';
import { openFold } from './folds';
import { failOnPageErrors } from './noErrors';

/**
 * The projector layout at 1280×720: the graph has at least half the window by default (65 % in
 * presentation mode), the panels around it fold and remember it, the step's sentence is a caption
 * under the graph, and node ids are drawn at least 16 px high for n ≤ 16.
 */

failOnPageErrors();

const W = 1280;
const H = 720;

async function open(page: Page, hash: string) {
  await page.goto('about:blank');
  await page.goto(`./#${hash}`);
  await page.waitForFunction(() => !!window.__lel?.view);
}

/** The graph container's share of the window, measured from its box on the page. */
async function graphShare(page: Page): Promise<number> {
  const box = (await page.getByTestId('graph').boundingBox())!;
  const [w, h] = await page.evaluate(() => [innerWidth, innerHeight]);
  // Only what is inside the window counts.
  const visW = Math.min(box.x + box.width, w!) - Math.max(box.x, 0);
  const visH = Math.min(box.y + box.height, h!) - Math.max(box.y, 0);
  return (Math.max(0, visW) * Math.max(0, visH)) / (w! * h!);
}

/** The smallest node label as drawn: Cytoscape's label font size times the zoom, in CSS pixels. */
const smallestId = (page: Page) =>
  page.evaluate(() => {
    const cy = window.__lel!.view!.cy;
    return Math.min(...cy.nodes().map((n) => parseFloat(n.style('font-size')) * cy.zoom()));
  });

/** Elements that reach past the window's right edge (a clipped page hides them instead of scrolling). */
const sticking = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.app *')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > window.innerWidth + 0.5 && !el.closest('.graph-box');
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
  );

const noSideScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

const settle = (page: Page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

test('by default the graph has at least half the window and every panel around it is folded', async ({
  page,
}) => {
  await open(page, 'v=1&alg=lcr&n=8&ids=random&seed=1&mode=sync');
  expect(await page.evaluate(() => [innerWidth, innerHeight])).toEqual([W, H]);
  for (const name of ['Scenario editor', 'Space-time', 'Pseudo-code', 'Event log'])
    await expect(page.getByRole('button', { name, exact: true })).toHaveAttribute('aria-expanded', 'false');
  expect(await graphShare(page)).toBeGreaterThanOrEqual(0.5);
  // What the room must see stays in view: the status, the counts, the playback.
  await expect(page.getByRole('status')).toBeInViewport();
  await expect(page.getByTestId('messages-total')).toBeInViewport();
  for (const name of ['Reset', 'Step back', 'Play', 'Step forward'])
    await expect(page.getByRole('button', { name, exact: true })).toBeInViewport();
  expect(await noSideScroll(page)).toBe(true);
  expect(await sticking(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(H);
});

test('each panel opens and folds from its own toggle, and the choice is remembered', async ({ page }) => {
  await open(page, 'v=1&alg=lcr&n=8&ids=random&seed=1&mode=sync');
  const before = await graphShare(page);
  await openFold(page, 'Scenario editor');
  await expect(page.getByRole('combobox', { name: 'Algorithm' })).toBeVisible();
  await openFold(page, 'Space-time');
  await expect(page.getByTestId('spacetime')).toBeVisible();
  await openFold(page, 'Pseudo-code');
  await expect(page.getByTestId('pseudocode')).toBeVisible();
  await openFold(page, 'Event log');
  await expect(page.getByRole('region', { name: 'Event log' })).toBeVisible();
  // Every panel took its room from the graph, and nothing spills out of the window.
  await expect.poll(() => graphShare(page)).toBeLessThan(before - 0.15);
  expect(await noSideScroll(page)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(H);

  await page.reload();
  await page.waitForFunction(() => !!window.__lel?.view);
  for (const name of ['Scenario editor', 'Space-time', 'Pseudo-code', 'Event log'])
    await expect(page.getByRole('button', { name, exact: true })).toHaveAttribute('aria-expanded', 'true');

  // Folding again gives the graph its room back.
  for (const name of ['Scenario editor', 'Space-time', 'Pseudo-code', 'Event log'])
    await page.getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('combobox', { name: 'Algorithm' })).toBeHidden();
  await expect(page.getByTestId('spacetime')).toHaveCount(0);
  await expect.poll(() => graphShare(page)).toBeGreaterThanOrEqual(0.5);
  // A toggle is a button reached by Tab and worked by the keyboard.
  const log = page.getByRole('button', { name: 'Event log', exact: true });
  await log.focus();
  await page.keyboard.press('Enter');
  await expect(log).toHaveAttribute('aria-expanded', 'true');
});

test('presentation mode: the graph has 65 % of the window and the caption says the step', async ({
  page,
}) => {
  await open(page, 'v=1&alg=lcr&n=8&ids=random&seed=1&mode=sync');
  const caption = page.getByTestId('step-caption');
  await expect(caption).toContainText('Step 0');
  for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step')).toHaveText('9');

  await page.getByRole('button', { name: 'Presentation mode' }).click();
  await expect(page.getByRole('button', { name: 'Presentation mode' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect.poll(() => graphShare(page)).toBeGreaterThanOrEqual(0.65);
  await expect(caption).toBeInViewport();
  expect(await caption.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(
    20,
  );
  // The caption is the step's own sentence: the note of the trace entry that led to the cursor.
  const entry = await page.evaluate(() => {
    const r = window.__lel!.store.getState().run.replay;
    const e = r.trace[r.step - 1]!;
    return { step: e.step, node: e.node, note: e.note };
  });
  expect(entry.step).toBe(9);
  expect(entry.note.length).toBeGreaterThan(0);
  await expect(caption).toHaveText(`Step 9 · node ${entry.node}${entry.note}`);
  await page.keyboard.press('ArrowRight');
  await expect(caption).toContainText('Step 10 ·');
  // The pseudo-code panel shows the same sentence (opened in presentation mode: its own fold).
  await openFold(page, 'Pseudo-code');
  const note = await page.getByTestId('pseudocode-note').textContent();
  await expect(caption.locator('.step-caption-note')).toHaveText(note!);
  for (const name of ['Play', 'Step forward', 'Step back', 'Reset'])
    await expect(page.getByRole('button', { name, exact: true })).toBeInViewport();
  expect(await noSideScroll(page)).toBe(true);
  expect(await sticking(page)).toEqual([]);
  await page.screenshot({ path: 'artifacts/layout/present-lcr.png' });

  // Presentation mode remembers its own panels: the pseudo-code is folded again outside it.
  await page.getByRole('button', { name: 'Presentation mode' }).click();
  await expect(page.getByRole('button', { name: 'Pseudo-code', exact: true })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  await expect.poll(() => graphShare(page)).toBeGreaterThanOrEqual(0.5);
});

// Ring, bidirectional ring, complete graph, grid: each n ≤ 16 drawn with ids ≥ 16 px at 1280×720.
const SMALL = [
  ['LCR, 8-node ring', 'v=1&alg=lcr&n=8&ids=random&seed=1&mode=sync'],
  ['HS, 16-node ring', 'v=1&alg=hs&n=16&ids=random&seed=1&mode=sync'],
  ['Bully, complete graph of 16', 'v=1&alg=bully&n=16&ids=asc&mode=sync'],
  ['FloodMax, 4×4 grid', 'v=1&alg=floodmax&topo=grid&n=16&ids=random&seed=2&mode=sync'],
] as const;

for (const [name, hash] of SMALL)
  test(`node ids are at least 16 px on screen: ${name}`, async ({ page }) => {
    await open(page, hash);
    await settle(page);
    expect(await page.evaluate(() => window.__lel!.view!.cy.nodes().length)).toBeLessThanOrEqual(16);
    await expect.poll(() => smallestId(page)).toBeGreaterThanOrEqual(16);
    // Still so after a run has moved and in presentation mode (the graph refits to its new box).
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await page.getByRole('button', { name: 'Presentation mode' }).click();
    await expect.poll(() => graphShare(page)).toBeGreaterThanOrEqual(0.65);
    await expect.poll(() => smallestId(page)).toBeGreaterThanOrEqual(16);
    // The dark theme rebuilds the graph's stylesheet; the ids keep their size.
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await settle(page);
    await expect.poll(() => smallestId(page)).toBeGreaterThanOrEqual(16);
  });

test('screenshots at 1280×720: LCR and HS-16 mid-run, Bully after a crash', async ({ page }) => {
  await open(page, 'v=1&alg=lcr&n=8&ids=random&seed=1&mode=sync');
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
  await settle(page);
  await page.screenshot({ path: 'artifacts/layout/lcr-mid-run.png' });
  await open(page, 'v=1&alg=hs&n=16&ids=random&seed=1&mode=sync');
  await page.getByRole('slider', { name: 'Timeline' }).fill('60');
  await expect(page.getByTestId('step')).toHaveText('60');
  await settle(page);
  await page.screenshot({ path: 'artifacts/layout/hs16-mid-run.png' });
  await open(page, 'v=1&alg=bully&n=8&ids=asc&mode=sync&crashes=8@3');
  await page.getByRole('slider', { name: 'Timeline' }).fill('30');
  await expect(page.getByTestId('step')).toHaveText('30');
  await settle(page);
  await page.screenshot({ path: 'artifacts/layout/bully-crash.png' });
});
