import { expect, test, type Page } from '@playwright/test';
import { SHORTCUTS } from '../../src/ui/keyboard';
import { watchErrors } from './links-util';
import { rememberOpen } from './folds';

// The panels this spec uses start folded at 1280×720 (src/ui/layout/folds.ts): open them.
test.beforeEach(({ page }) => rememberOpen(page, ['Scenario editor']));

/**
 * Tab reaches the graph's nodes (ring order) and its messages in flight (oldest first); the focused one
 * is ringed on the graph and Enter opens it in the inspector. The `?` list is the keyboard's own table.
 */

// LCR on the ring 3 → 1 → 2 → 3, sync. After one step, 3 has started and its election(3) is on the
// way to 1: nodes 3, 1, 2 and one message in flight.
const LINK = 'v=1&alg=lcr&ids=3,1,2&mode=sync';

async function open(page: Page) {
  await page.goto(`./#${LINK}`);
  await page.waitForFunction(() => !!window.__lel?.view);
  // → steps (on a phone the shell's Step button may be out of reach; the key is the same action).
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step')).toHaveText('1');
}

/** Focus the control just before the graph in Tab order (the editor's last one). */
async function beforeGraph(page: Page) {
  await page
    .getByRole('form', { name: 'Scenario editor' })
    .locator('input, select, textarea, button')
    .last()
    .focus();
}

const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' });

test('Tab walks the nodes then the message in flight, ringed on the graph; Enter inspects', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await open(page);
  await beforeGraph(page);
  const names: string[] = [];
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    names.push(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''));
  }
  expect(names).toEqual([
    'Node 3, candidate',
    'Node 1, idle',
    'Node 2, idle',
    'Message election(3), 3 → 1, in flight',
  ]);

  // The ring sits on the message, where the overlay draws it.
  const ring = page.locator('.graph-focus-ring');
  await expect(ring).toBeVisible();
  const at = await page.evaluate(() => {
    const s = window.__lel!.store.getState();
    const seq = [...s.run.replay.inFlight.keys()][0]!;
    const p = window.__lel!.view!.overlay.pointOf(seq)!;
    const b = document.querySelector('[data-testid="graph"]')!.getBoundingClientRect();
    return { x: b.left + p.x, y: b.top + p.y };
  });
  const r = (await ring.boundingBox())!;
  expect(Math.abs(r.x + r.width / 2 - at.x)).toBeLessThan(2);
  expect(Math.abs(r.y + r.height / 2 - at.y)).toBeLessThan(2);

  await page.keyboard.press('Enter');
  await expect(inspector(page)).toContainText('Message election(3)');
  await expect(inspector(page)).toContainText('in flight');

  // Back to node 2, ringed where Cytoscape has it; Enter shows its state.
  await page.keyboard.press('Shift+Tab');
  const p2 = await page.evaluate(() => {
    const p = window.__lel!.view!.nodePoint(2)!;
    const b = document.querySelector('[data-testid="graph"]')!.getBoundingClientRect();
    return { x: b.left + p.x, y: b.top + p.y };
  });
  const r2 = (await ring.boundingBox())!;
  expect(Math.abs(r2.x + r2.width / 2 - p2.x)).toBeLessThan(2);
  expect(Math.abs(r2.y + r2.height / 2 - p2.y)).toBeLessThan(2);
  await page.screenshot({ path: 'artifacts/editor/keyboard-node-ring-1280.png' });
  await page.keyboard.press('Enter');
  await expect(inspector(page)).toContainText('Node 2');
  // The step did not move: Enter inspects, it does not step.
  await expect(page.getByTestId('step')).toHaveText('1');
  // Leaving the graph hides the ring.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(ring).toBeHidden();
  expect(errors).toEqual([]);
});

test('on a phone the stops and the ring work the same', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const errors = watchErrors(page);
  await open(page);
  await beforeGraph(page);
  await page.keyboard.press('Tab');
  await expect(page.locator('.graph-focus-ring')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(inspector(page)).toContainText('Node 3');
  await page.screenshot({ path: 'artifacts/editor/keyboard-node-ring-390.png' });
  expect(errors).toEqual([]);
});

test('the ? list names every key of the keyboard’s table, and only those', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(list.getByRole('rowheader')).toHaveCount(SHORTCUTS.length);
  for (const s of SHORTCUTS) {
    await expect(list.getByRole('rowheader', { name: s.label, exact: true })).toBeVisible();
    await expect(
      list.getByRole('row', { name: new RegExp(`^${s.label.replace(/[[\]?]/g, '\\$&')}`) }),
    ).toContainText(s.what);
  }
  // The keys the issue asks for are among them: next round, start and end, Esc, Tab and Enter.
  for (const label of ['PageDown or ]', 'Home', 'End', 'Esc', 'Tab', 'Enter'])
    expect(SHORTCUTS.map((s) => s.label)).toContain(label);
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  expect(errors).toEqual([]);
});
