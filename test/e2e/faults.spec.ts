import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { cli, toEnd, traceHash, watchErrors } from './links-util';
import { rememberOpen } from './folds';
import { CLI_NODE, cliArgs as launch } from '../util/cli';

/**
 * The network's faults (C17) in the browser: a link with a partition that never heals, a lost message
 * counted, the monitor's banner and its "Go to step", cut links drawn dashed, and a bad fault value in
 * the editor with the CLI's words.
 */

// Ring 1..6 clockwise, {1,2,3} cut off from the start: 3's and 6's uids are lost where they cross the
// cut (3→4, 6→1), the others are swallowed before it; no leader (test/cli/faults.test.ts, by hand).
const PARTITION = 'v=1&alg=lcr&ids=1,2,3,4,5,6&mode=sync&part=1,2,3@0';
const LOSSY = 'v=1&alg=lcr&n=8&ids=random&mode=async&seed=3&loss=0.2';
const SHOTS = 'artifacts/faults';

const editor = (page: Page) => page.getByRole('form', { name: 'Scenario editor' });

/** The CLI's whole JSON for a link (the shared helper keeps only a few fields). */
function cliJson(link: string): {
  lost: number;
  events: number;
  violations: { step: number; message: string }[];
} {
  const out = execFileSync(CLI_NODE, launch('--url', `#${link}`, '--json'), {
    encoding: 'utf8',
  });
  return JSON.parse(out) as ReturnType<typeof cliJson>;
}

test('a partition that never heals: lost messages, the monitor banner and its Go to step', async ({
  page,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  const errors = watchErrors(page);
  const want = cliJson(PARTITION);
  expect(want.lost).toBe(2);
  await page.goto(`./#${PARTITION}`);
  expect(await traceHash(page)).toBe(cli(`#${PARTITION}`).traceHash);

  const banner = page.getByTestId('monitor-violation');
  await expect(banner).toContainText(`Monitor: the run ended with no leader (step ${want.events})`);
  await expect(page.getByTestId('step')).toHaveText('0');
  await banner.getByRole('button', { name: `Go to step ${want.events}` }).click();
  await expect(page.getByTestId('step')).toHaveText(String(want.events));
  await expect(page.getByTestId('lost')).toHaveText('2');
  await expect(page.getByRole('status')).not.toContainText('Leader:');

  // The two links across the cut are drawn dashed red: read their class off the graph.
  // Ids 1..6 sit at positions 0..5, so position p is id p + 1.
  const down = await page.evaluate(() =>
    window
      .__lel!.view!.cy.edges('.down')
      .map((e) => `${Number(e.data('source').slice(1)) + 1}-${Number(e.data('target').slice(1)) + 1}`),
  );
  expect(down.sort()).toEqual(['3-4', '6-1']);
  await page.screenshot({ path: `${SHOTS}/partition-1280.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await traceHash(page);
  await page.screenshot({ path: `${SHOTS}/partition-390.png` });
  await page.getByTestId('monitor-violation').screenshot({ path: `${SHOTS}/banner-390.png` });
  expect(errors).toEqual([]);
});

test('a lossy link: the browser counts what the CLI counts, lost included', async ({ page }) => {
  const want = cliJson(LOSSY);
  expect(want.lost).toBeGreaterThan(0);
  await page.goto(`./#${LOSSY}`);
  expect(await traceHash(page)).toBe(cli(`#${LOSSY}`).traceHash);
  await toEnd(page);
  await expect(page.getByTestId('lost')).toHaveText(String(want.lost));
});

test('the editor takes the faults and refuses a bad one in the CLI words', async ({ page }) => {
  // The editor starts folded at 1280×720 (src/ui/layout/folds.ts): open it, as a returning reader has it.
  await rememberOpen(page, ['Scenario editor']);
  await page.goto(`./#${PARTITION}`);
  const loss = editor(page).getByRole('textbox', { name: 'Message loss (probability)', exact: true });
  await loss.fill('1.5');
  await editor(page).getByRole('button', { name: 'Apply' }).click();
  await expect(loss).toHaveAttribute('aria-invalid', 'true');
  const id = await loss.getAttribute('aria-describedby');
  await expect(page.locator(`[id="${id}"]`)).toHaveText(
    'loss must be a probability from 0 to 1, e.g. 0.1, not "1.5"',
  );
  await page.screenshot({ path: `${SHOTS}/editor-bad-loss-1280.png` });

  const part = editor(page).getByRole('textbox', { name: 'Partitions (ids@from:to; …)', exact: true });
  await loss.fill('');
  await part.fill('1,9@3:4');
  await editor(page).getByRole('button', { name: 'Apply' }).click();
  const pid = await part.getAttribute('aria-describedby');
  await expect(page.locator(`[id="${pid}"]`)).toHaveText('part names 9, not a node of this system');

  // A link down between two nodes that are not neighbours: the graph check's words, as the CLI's.
  await part.fill('');
  const down = editor(page).getByRole('textbox', { name: 'Links down (a-b@from:to, …)', exact: true });
  await down.fill('1-3@2:5');
  await editor(page).getByRole('button', { name: 'Apply' }).click();
  await expect(editor(page)).toContainText(
    'down: 1-3 is not a link of this graph (1 and 3 are not neighbours)',
  );
});
