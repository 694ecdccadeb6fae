import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { floodmax } from '../../src/algorithms/floodmax';
import { expectTraceHash, cli, toEnd, watchErrors } from './links-util';
import { rememberOpen } from './folds';

// The panels this spec uses start folded at 1280×720 (src/ui/layout/folds.ts): open them.
test.beforeEach(({ page }) => rememberOpen(page, ['Scenario editor']));

/**
 * FloodMax in the browser: a 4×4 grid from a link runs to the leader 16 with 2|E|·diam messages
 * (|E| and diam worked out here from the grid's shape, not read from the code); the editor offers
 * FloodMax on a general graph, and refuses a disconnected one with the CLI's words.
 */

const GRID = floodmax.presets[0]!.link;
const SHOTS = process.env.SHOTS_DIR ?? 'artifacts/floodmax';

/** A 4×4 grid: 4 rows of 3 horizontal edges, 4 columns of 3 vertical ones; corner to corner 3 + 3. */
const EDGES = 4 * 3 + 4 * 3;
const DIAM = 3 + 3;

async function open(page: Page, link?: string) {
  await page.goto('about:blank');
  await page.goto(link ? `./#${link}` : './');
  await expect(page.getByRole('status')).toHaveCount(1);
  await page.waitForFunction(() => window.__lel?.view !== null && window.__lel?.view !== undefined);
}

const editor = (page: Page) => page.getByRole('form', { name: 'Scenario editor' });

test('a 4×4 grid from a link runs to Leader: 16 with 2|E|·diam max messages, as the CLI', async ({
  page,
}) => {
  const errors = watchErrors(page);
  expect(GRID).toContain('topo=grid');
  expect(GRID).toContain('n=16');
  await open(page, GRID);
  const expected = cli(`#${GRID}`);
  await expectTraceHash(page, expected.traceHash);
  await toEnd(page);
  await expect(page.getByRole('status')).toHaveText('Leader: 16');
  await expect(page.getByTestId('messages-total')).toHaveText(String(2 * EDGES * DIAM));
  await expect(page.getByTestId('step')).toHaveText(String(expected.events));
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/grid-end-1280.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/grid-end-390.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test('round by round: everyone but 16 is a relay after round 1, and max(16) spreads one hop per round', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await open(page, GRID);
  await toEnd(page);
  // ids ascend row by row, so 16 is the bottom right corner and id k sits at row ⌊(k−1)/4⌋, column (k−1) mod 4
  const hops = (k: number) => 3 - Math.floor((k - 1) / 4) + (3 - ((k - 1) % 4));
  // every id but 16 has a larger right or lower neighbour: after round 1's deliveries all but 16 are relays
  const after1 = 16 + 2 * EDGES;
  await page.getByRole('slider', { name: 'Timeline' }).fill(String(after1));
  await expect(page.getByTestId('step')).toHaveText(String(after1));
  const roles = await page.evaluate(() =>
    Array.from({ length: 16 }, (_, i) => window.__lel!.view!.roleOf(i + 1)),
  );
  expect(roles).toEqual(Array.from({ length: 16 }, (_, i) => (i + 1 === 16 ? 'candidate' : 'relay')));
  await page.screenshot({ path: `${SHOTS}/grid-round1-1280.png` });
  // a message sent at time t (round t + 1) carries 16 exactly when its sender is within t hops of 16
  const sends = await page.evaluate(() =>
    window
      .__lel!.store.getState()
      .run.sim.trace.flatMap((e) => e.sends)
      .map((m) => [m.from, m.sendTime, (m.msg as unknown as { m: number }).m]),
  );
  expect(sends).toHaveLength(2 * EDGES * DIAM);
  for (const [from, t, m] of sends) expect(m === 16, `${from} at ${t} sends ${m}`).toBe(hops(from!) <= t!);
  expect(errors).toEqual([]);
});

test('the editor: FloodMax on a custom graph; a disconnected one refused in the CLI’s words', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await open(page);
  await editor(page).getByRole('combobox', { name: 'Algorithm' }).selectOption(floodmax.id);
  await expect(editor(page).getByRole('combobox', { name: 'Topology' })).toHaveValue('grid');
  await editor(page).getByRole('combobox', { name: 'Topology' }).selectOption('custom');
  const edges = editor(page).getByRole('textbox', { name: /^Edges/ });
  // a ring of 5 plus a chord: |E| = 6, diam 2 (Floyd–Warshall by hand: 3 and 5 are two hops apart)
  await edges.fill('1-2, 2-3, 3-4, 4-5, 5-1, 1-3');
  await editor(page).getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('.field-error')).toHaveCount(0);
  await page.waitForFunction(() => window.__lel!.store.getState().computing === false);
  await page.getByRole('slider', { name: 'Timeline' }).press('End');
  await expect(page.getByRole('status')).toHaveText('Leader: 5');
  await expect(page.getByTestId('messages-total')).toHaveText(String(2 * 6 * 2));

  await edges.fill('1-2, 3-4');
  await editor(page).getByRole('button', { name: 'Apply' }).click();
  const sentence =
    'FloodMax needs a connected graph, and this one falls apart into 2 pieces (3 cannot reach 1)';
  await expect(page.locator('.field-error').first()).toHaveText(sentence);
  await expect(edges).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: `${SHOTS}/editor-refusal-1280.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('.field-error').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/editor-refusal-390.png` });
  expect(errors).toEqual([]);
});
