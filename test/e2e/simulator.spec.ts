import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ALGORITHMS } from '../../src/algorithms/registry';
import type { Flat } from '../../src/scenario/parse';
import { cliArgs, suitableFlat } from '../store/scenarios';
import { rememberOpen } from './folds';
import { CLI_NODE, cliArgs as launch } from '../util/cli';
import { expectTraceHash } from './links-util';
import { settledPoint } from './overlay-util';

// The panels this spec uses start folded at 1280×720 (src/ui/layout/folds.ts): open them.
test.beforeEach(({ page }) => rememberOpen(page, ['Scenario editor', 'Event log']));

/**
 * The simulator in Chromium at 1280×720, as a lecturer drives it: default scenario, stepping,
 * playing, the editor, every registered algorithm against the CLI, keyboard, names, no errors.
 */

let problems: string[] = [];

test.beforeEach(async ({ page }) => {
  problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
});

test.afterEach(() => {
  expect(problems, 'no console errors or page errors').toEqual([]);
});

const hash = (f: Flat) =>
  Object.entries(f)
    .map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/g, ',')}`)
    .join('&');

async function open(page: Page, flat?: Flat) {
  // A new hash on the same page is no navigation: start from a blank page each time.
  await page.goto('about:blank');
  await page.goto(flat ? `./#${hash(flat)}` : './');
  // The status line is the page's one role="status" element (a contract other tests rely on).
  await expect(page.getByRole('status')).toHaveCount(1);
  await page.waitForFunction(() => window.__lel?.view !== null && window.__lel?.view !== undefined);
}

/** Waits until the whole run has been computed in the background. */
async function computed(page: Page) {
  await page.waitForFunction(() => window.__lel!.store.getState().computing === false);
}

const step = (page: Page) => page.getByTestId('step');
const status = (page: Page) => page.getByRole('status');
const roleOf = (page: Page, id: number) => page.evaluate((i) => window.__lel!.view!.roleOf(i), id);
const firstId = (page: Page) => page.evaluate(() => window.__lel!.store.getState().run.sim.graph.ids[0]!);

function cli(flat: Flat): Record<string, unknown> {
  const r = spawnSync(CLI_NODE, launch(...cliArgs(flat), '--json'), {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`CLI failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

test('opens on the default scenario: LCR, 8 nodes, sync, at step 0, on one unscrolled screen', async ({
  page,
}) => {
  await open(page);
  await expect(status(page)).toHaveText('Ready: no leader yet');
  await expect(step(page)).toHaveText('0');
  await expect(page.getByTestId('messages-total')).toHaveText('0');
  await expect(page.getByRole('combobox', { name: 'Algorithm' })).toHaveValue('lcr');
  await expect(page.getByRole('spinbutton', { name: 'Nodes n' })).toHaveValue('8');
  expect(await page.evaluate(() => window.__lel!.view!.cy.nodes().length)).toBe(8);
  // The page itself never scrolls at 1280×720.
  const size = await page.evaluate(() => [
    document.documentElement.scrollHeight,
    document.documentElement.scrollWidth,
  ]);
  expect(size).toEqual([720, 1280]);
  for (const name of ['Play', 'Step forward', 'Step back', 'Reset', 'Apply', 'Keyboard shortcuts'])
    await expect(page.getByRole('button', { name, exact: true })).toBeInViewport();
});

test('step forward and back: the step number, the log line and the node colours follow', async ({ page }) => {
  await open(page);
  await computed(page);
  const id = await firstId(page);
  expect(await roleOf(page, id)).toBe('idle');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(step(page)).toHaveText('1');
  // LCR's first step: the first process in ring order wakes and sends its uid clockwise.
  await expect(page.locator('.log li.current')).toContainText(`${id} sends its uid ${id}`);
  expect(await roleOf(page, id)).toBe('candidate');
  await expect(page.getByTestId('messages-total')).toHaveText('1');
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(step(page)).toHaveText('0');
  expect(await roleOf(page, id)).toBe('idle');
  await expect(page.getByTestId('messages-total')).toHaveText('0');
  // A click on a log line moves the cursor there.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await page
    .locator('.log li')
    .filter({ has: page.locator('.k', { hasText: /^1$/ }) })
    .click();
  await expect(step(page)).toHaveText('1');
});

test('Play runs to the end and the status line names the leader', async ({ page }) => {
  await open(page, { v: '1', alg: 'lcr', n: '8', ids: 'desc', mode: 'sync' });
  // About 1.3 rounds/s while the status is read: the run is seconds from its end even if a frame of
  // a loaded machine is late (playback follows the clock, so a 1 s stall at full speed would finish
  // it); then about 17 rounds/s, so the 16 rounds end in about a second.
  await page.getByRole('slider', { name: 'Speed' }).fill('300');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(status(page)).toHaveText('Running: no leader yet');
  await page.getByRole('slider', { name: 'Speed' }).fill('600');
  await expect(status(page)).toHaveText('Leader: 8', { timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 20_000 });
  // LCR worst case: n(n+1)/2 election + n elected messages (docs/algorithms.md §1.1), 2n rounds.
  await expect(page.getByTestId('messages-total')).toHaveText(String((8 * 9) / 2 + 8));
  await expect(page.getByTestId('rounds')).toHaveText('16');
  expect(await roleOf(page, 8)).toBe('leader');
  expect(await roleOf(page, 3)).toBe('nonLeader');
});

test('the editor changes algorithm and size, and explains bad input next to the field', async ({ page }) => {
  await open(page);
  await page.getByRole('combobox', { name: 'Algorithm' }).selectOption('hs');
  await expect(page.getByRole('combobox', { name: 'Topology' })).toHaveValue('ring-bi');
  await page.getByRole('spinbutton', { name: 'Nodes n' }).fill('12');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('.graph-title')).toContainText('Hirschberg');
  expect(await page.evaluate(() => window.__lel!.view!.cy.nodes().length)).toBe(12);
  await expect(step(page)).toHaveText('0');

  const n = page.getByRole('spinbutton', { name: 'Nodes n' });
  await n.fill('0');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('.field-error').first()).toContainText('at least one process');
  await expect(n).toHaveValue('0');
  await expect(n).toHaveAttribute('aria-invalid', 'true');
  await n.fill('6000');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('.field-error').first()).toContainText('5000 the browser shows');
  // The run on screen is still the last good one.
  expect(await page.evaluate(() => window.__lel!.view!.cy.nodes().length)).toBe(12);

  await page.getByRole('combobox', { name: 'Id order' }).selectOption('custom');
  await page.getByRole('textbox', { name: 'Ids in ring / position order' }).fill('4, 9, 2, 9');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('.field-error').first()).toContainText('duplicate id 9');
  await page.getByRole('textbox', { name: 'Ids in ring / position order' }).fill('4, 9, 2, 7');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('.field-error')).toHaveCount(0);
  expect(await page.evaluate(() => window.__lel!.store.getState().run.sim.graph.ids)).toEqual([4, 9, 2, 7]);
});

// One page per timing mode, every algorithm typed over the last one's link as a lecturer would: a page
// per algorithm spent most of its time loading the app. The CLI's trace hash on the page says the new
// run is the one on screen and fully computed before anything is read.
for (const mode of ['sync', 'async'] as const) {
  test(`every algorithm (${mode}): the browser's count and leader at the end equal the CLI's`, async ({
    page,
  }) => {
    test.setTimeout(ALGORITHMS.length * 60_000);
    await open(page);
    for (const alg of ALGORITHMS)
      await test.step(alg.id, async () => {
        const flat = suitableFlat(alg, mode);
        const expected = cli(flat);
        await page.evaluate((h) => (location.hash = h), `#${hash(flat)}`);
        await expectTraceHash(page, expected.traceHash as string);
        await expect(page.getByRole('combobox', { name: 'Algorithm' })).toHaveValue(alg.id);
        const timeline = page.getByRole('slider', { name: 'Timeline' });
        const max = await timeline.getAttribute('max');
        expect(Number(max)).toBe(expected.events);
        await timeline.fill(max!);
        await expect(step(page)).toHaveText(String(expected.events));
        await expect(page.getByTestId('messages-total')).toHaveText(String(expected.messages));
        if (expected.leader !== null) await expect(status(page)).toHaveText(`Leader: ${expected.leader}`);
        else await expect(status(page)).toHaveText(/^No leader/);
        for (const [kind, count] of Object.entries(expected.messagesByKind as Record<string, number>))
          await expect(page.getByTestId(`kind-${kind}`)).toHaveText(count.toLocaleString('en-US'));
        const time = mode === 'sync' ? expected.rounds : expected.time;
        await expect(page.getByTestId(mode === 'sync' ? 'rounds' : 'time').last()).toHaveText(String(time));
      });
  });
}

test('keyboard: Space plays and pauses, → steps, ← steps back, Home resets; not while typing', async ({
  page,
}) => {
  await open(page);
  await computed(page);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(step(page)).toHaveText('2');
  await page.keyboard.press('ArrowLeft');
  await expect(step(page)).toHaveText('1');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Home');
  await expect(step(page)).toHaveText('0');
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  // In a text field the keys type.
  const seed = page.getByRole('spinbutton', { name: 'Seed' });
  await page.keyboard.press('Home');
  await seed.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await expect(step(page)).toHaveText('0');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  // On a focused button Space is play/pause, not a click on that button.
  await page.getByRole('button', { name: 'Step forward' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('Space');
  const at = Number(await step(page).textContent());
  await page.waitForTimeout(300);
  await expect(step(page)).toHaveText(String(at));
  // ? opens the shortcuts list, Escape closes it.
  await page.locator('body').press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('every control has an accessible name and its shortcut in the tooltip', async ({ page }) => {
  await open(page);
  const shortcuts: [string, string][] = [
    ['Play', 'Space'],
    ['Step forward', '→'],
    ['Step back', '←'],
    ['Reset', 'Home'],
    ['Keyboard shortcuts', '?'],
  ];
  await page.getByRole('button', { name: 'Step forward' }).click();
  for (const [name, key] of shortcuts)
    await expect(page.getByRole('button', { name, exact: true })).toHaveAttribute(
      'title',
      new RegExp(`\\(${key.replace('?', '\\?')}\\)`),
    );
  await expect(page.getByRole('slider', { name: 'Speed' })).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Timeline' })).toBeVisible();
  await expect(page.locator('.speed-value')).toHaveText('2.0 rounds/s');
  await page.getByRole('slider', { name: 'Speed' }).fill('1000');
  await expect(page.locator('.speed-value')).toHaveText('500 rounds/s');
});

test('the inspector shows a clicked node and a clicked message; a double-click toggles a crash (bully)', async ({
  page,
}) => {
  await open(page, { v: '1', alg: 'lcr', ids: '3,1,2', mode: 'sync' });
  await computed(page);
  await page.getByRole('button', { name: 'Step forward' }).click();
  const graph = page.getByTestId('graph');
  const p3 = await page.evaluate(() => window.__lel!.view!.nodePoint(3));
  await graph.click({ position: p3! });
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector).toContainText('Node 3');
  await expect(inspector).toContainText('candidate');
  await expect(inspector).toContainText('Last sent');
  await expect(inspector).toContainText('election(3) → 1');
  // The message 3 sent is on the overlay; click it.
  const seq = await page.evaluate(() => [...window.__lel!.store.getState().run.replay.inFlight.keys()][0]!);
  await graph.click({ position: await settledPoint(page, seq) });
  await expect(inspector).toContainText('Message election(3)');
  await expect(inspector).toContainText('3 → 1');
  await expect(inspector).toContainText('in flight');

  await open(page, { v: '1', alg: 'bully', n: '5', ids: 'asc', mode: 'sync' });
  const p5 = await page.evaluate(() => window.__lel!.view!.nodePoint(5));
  await graph.dblclick({ position: p5! });
  await expect(page.locator('.notice')).toContainText('5 is crashed; the run restarted');
  await expect(page.getByRole('textbox', { name: 'Crashed from the start (ids)' })).toHaveValue('5');
  expect(await roleOf(page, 5)).toBe('crashed');
});

test('a link that cannot be read keeps the page up and says why', async ({ page }) => {
  await page.goto('./#v=1&alg=nope&n=8');
  await expect(page.getByRole('status')).toHaveCount(1);
  // Whichever panel reports it, an alert names the problem; the default scenario runs meanwhile.
  await expect(page.getByRole('alert').filter({ hasText: 'unknown algorithm "nope"' }).first()).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Algorithm' })).toHaveValue('lcr');
});

test('custom edges for GHS and the tree: weights on the graph, a non-tree refused next to the field', async ({
  page,
}) => {
  await open(page);
  await page.getByRole('combobox', { name: 'Algorithm' }).selectOption('ghs');
  await page.getByRole('combobox', { name: 'Topology' }).selectOption('custom');
  const edges = page.getByRole('textbox', { name: 'Edges (a-b or a-b:weight)' });
  await edges.fill('1-2:4, 2-3:7, 3-1:5, 3-4:2');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('.field-error')).toHaveCount(0);
  const weights = await page.evaluate(() =>
    window
      .__lel!.view!.cy.edges()
      .map((e) => `${e.source().data('nid')}-${e.target().data('nid')}:${e.data('w')}`),
  );
  expect(weights.sort()).toEqual(['1-2:4', '2-3:7', '3-4:2', '1-3:5'].sort());
  await computed(page);
  await page.getByRole('slider', { name: 'Timeline' }).fill('100000');
  // The MST of that graph is {3-4:2, 1-2:4, 3-1:5}; the leader is whatever the convergecast elects.
  await expect(status(page)).toHaveText(/^Leader: \d+$/);

  await page.getByRole('combobox', { name: 'Algorithm' }).selectOption('tree');
  await expect(page.getByRole('combobox', { name: 'Topology' })).toHaveValue('custom');
  await page.getByRole('button', { name: 'Apply' }).click();
  // A cycle is not a tree: the tree algorithm refuses it, next to the edges.
  await expect(page.locator('.field-error').first()).toBeVisible();
  await expect(edges).toHaveAttribute('aria-invalid', 'true');
  // What was applied before is still there (as the scenario writes it).
  await expect(edges).toHaveValue('1-2:4,2-3:7,3-1:5,3-4:2');
  await edges.fill('1-2, 2-3, 3-4');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('.field-error')).toHaveCount(0);
  await expect(page.locator('.graph-title')).toContainText('4 nodes');
});

test('a 1,000-node ring (canvas-drawn) animates its 1,000 messages as dots, and a node can be clicked', async ({
  page,
}) => {
  await open(page, { v: '1', alg: 'lcr', n: '1000', ids: 'random', mode: 'sync' });
  await computed(page);
  const first = await firstId(page);
  expect(await roleOf(page, first)).toBe('idle');
  await page.evaluate(() => {
    const s = window.__lel!.store.getState();
    s.setSpeed(0.5);
    s.play();
  });
  await page.waitForFunction(() => window.__lel!.view!.overlay.stats.drawn === 1000);
  const a = await page.evaluate(() => window.__lel!.store.getState().clock);
  await page.waitForTimeout(300);
  const b = await page.evaluate(() => ({
    ...window.__lel!.view!.overlay.stats,
    clock: window.__lel!.store.getState().clock,
  }));
  expect(b.clock).toBeGreaterThan(a); // the clock moves continuously while playing
  expect(b.labelled).toBe(0);
  expect(await roleOf(page, first)).toBe('candidate');
  await page.keyboard.press('Space');
  // Nodes drawn on the canvas layer can still be clicked (at step 0, with no message on top).
  await page.keyboard.press('Home');
  const p = await page.evaluate((id) => window.__lel!.view!.nodePoint(id), first);
  await page.getByTestId('graph').click({ position: p! });
  await expect(page.getByRole('region', { name: 'Inspector' })).toContainText(`Node ${first}`);
});

test('screenshots: a ring mid-run and GHS mid-run', async ({ page }) => {
  mkdirSync('artifacts', { recursive: true });
  await open(page, { v: '1', alg: 'lcr', n: '8', ids: 'desc', mode: 'sync' });
  await computed(page);
  // Mid-way through round 3: messages half-way along their links.
  await page.evaluate(() => {
    const s = window.__lel!.store.getState();
    const k = s.run.sim.trace.findIndex((e) => e.time === 3);
    s.seek(k);
    window.__lel!.store.setState({ clock: 2.5 });
  });
  await page.waitForTimeout(200);
  await page.screenshot({ path: 'artifacts/ring-mid-run.png' });

  await open(page, { v: '1', alg: 'ghs', n: '10', ids: 'random', mode: 'sync', seed: '2' });
  await computed(page);
  await page.evaluate(() => {
    const s = window.__lel!.store.getState();
    const k = s.run.sim.trace.findIndex((e) => e.time === 5);
    s.seek(k);
    window.__lel!.store.setState({ clock: 4.5 });
  });
  await page.waitForTimeout(200);
  await page.screenshot({ path: 'artifacts/ghs-mid-run.png' });
});
