import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { AnyModule } from '../../src/algorithms/contract';
import { ALGORITHMS, findAlgorithm } from '../../src/algorithms/registry';
import { ALL_OPTIONS, optionsOf, toggleOf, type ScenarioOption } from '../../src/scenario/options';
import { rememberOpen } from './folds';
import { failOnPageErrors } from './noErrors';
import { CLI_NODE, cliArgs as launch } from '../util/cli';

// The panels this spec uses start folded at 1280×720 (src/ui/layout/folds.ts): open them.
test.beforeEach(({ page }) => rememberOpen(page, ['Scenario editor']));

/**
 * The editor's option fields come from the algorithms' declarations: each algorithm shows exactly its
 * own options, with the declared label and control, and a bad value gets the CLI's own words.
 */

failOnPageErrors();

async function open(page: Page) {
  await page.goto('about:blank');
  await page.goto('./');
  await expect(page.getByRole('status')).toHaveCount(1);
  await page.waitForFunction(() => window.__lel?.view !== null && window.__lel?.view !== undefined);
}

const editor = (page: Page) => page.getByRole('form', { name: 'Scenario editor' });

/** The accessible role of an option's control, by its declared kind. */
function roleOf(o: ScenarioOption): 'checkbox' | 'combobox' | 'spinbutton' | 'textbox' {
  const c = o.spec.control;
  return c === 'checkbox'
    ? 'checkbox'
    : c === 'select'
      ? 'combobox'
      : c === 'number'
        ? 'spinbutton'
        : 'textbox';
}

/** The CLI's one-line error for a scenario like the editor's (8 random ids, seed 1, sync) plus one option. */
function cliError(alg: AnyModule, o: ScenarioOption, value: string): string {
  const r = spawnSync(
    CLI_NODE,
    launch(
      '--algorithm',
      alg.id,
      '--n',
      '8',
      '--ids',
      'random',
      '--seed',
      '1',
      '--mode',
      'sync',
      o.spec.cli.flag!,
      value,
    ),
    { encoding: 'utf8' },
  );
  expect(r.status).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0]!.replace(/^error: /, '');
}

/**
 * The editor's controls as "role name" lines, read from one accessibility snapshot: a role query per
 * option (about twenty per algorithm) was most of this spec's time on a busy machine.
 */
async function controls(page: Page): Promise<string[]> {
  const snap = await editor(page).ariaSnapshot();
  // A name with a colon makes the line a quoted YAML string: - 'checkbox "Herd: everyone …"'.
  const found = [...snap.matchAll(/- '?(checkbox|combobox|spinbutton|textbox) "([^"]*)"/g)].map(
    (m) => `${m[1]} ${m[2]}`,
  );
  // The snapshot's format is Playwright's: if it changed, say so rather than pass on an empty list.
  expect(found).toContain('combobox Algorithm');
  return found;
}

const line = (o: ScenarioOption) => `${roleOf(o)} ${o.spec.label}`;

test('each algorithm: the editor shows exactly its declared options', async ({ page }) => {
  await open(page);
  for (const alg of ALGORITHMS)
    await test.step(alg.id, async () => {
      await editor(page).getByRole('combobox', { name: 'Algorithm' }).selectOption(alg.id);
      const own = optionsOf(alg);
      // The selection re-renders the fields: wait for the first of its own before reading them all.
      if (own[0])
        await expect(
          editor(page).getByRole(roleOf(own[0]), { name: own[0].spec.label, exact: true }),
        ).toBeVisible();
      const shown = await controls(page);
      for (const o of own) expect(shown, `${alg.id} shows ${line(o)}`).toContain(line(o));
      for (const o of ALL_OPTIONS.filter((x) => !own.includes(x)))
        expect(shown, `${alg.id} does not show ${line(o)}`).not.toContain(line(o));
    });
});

/**
 * Every free-text option, given a node this system does not have: the editor and the CLI agree. The
 * faults are the same options for every algorithm (src/scenario/options.ts), so they are tried on LCR
 * only; each algorithm's own options on that algorithm.
 */
const freeText = ALGORITHMS.flatMap((alg) =>
  optionsOf(alg)
    .filter((o) => ['ids', 'id', 'text'].includes(o.spec.control))
    .filter((o) => (o.group === 'faults') === (alg.id === 'lcr'))
    .map((o) => ({ alg, o })),
);

test('a bad value in a free-text option gets the CLI’s words, for every algorithm’s own options', async ({
  page,
}) => {
  expect(freeText.some(({ o }) => o.group === 'faults')).toBe(true);
  await open(page);
  for (const { alg, o } of freeText)
    await test.step(`${alg.id} ${o.spec.key}`, async () => {
      await editor(page).getByRole('combobox', { name: 'Algorithm' }).selectOption(alg.id);
      const bad = o.spec.json === 'crashes' ? '99@1' : '99';
      const field = editor(page).getByRole('textbox', { name: o.spec.label, exact: true });
      await field.fill(bad);
      await editor(page).getByRole('button', { name: 'Apply' }).click();
      const words = cliError(alg, o, bad);
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      const errorId = await field.getAttribute('aria-describedby');
      await expect(page.locator(`[id="${errorId}"]`)).toHaveText(words);
      await field.fill('');
      await editor(page).getByRole('button', { name: 'Apply' }).click();
      await expect(editor(page).locator('.field-error')).toHaveCount(0);
    });
});

test('the per-node toggle is the declared one: hint, inspector button and notice', async ({ page }) => {
  await open(page);
  for (const alg of ALGORITHMS) {
    const toggle = toggleOf(alg)?.spec.toggle;
    await editor(page).getByRole('combobox', { name: 'Algorithm' }).selectOption(alg.id);
    await editor(page).getByRole('button', { name: 'Apply' }).click();
    await expect(page.locator('.graph-title')).toContainText(alg.name);
    const hint = page.locator('.graph-panel .hint');
    if (toggle) await expect(hint).toContainText(`double-click: ${toggle.noun} (restarts)`);
    else await expect(hint).not.toContainText('double-click');
  }
  // Chang–Roberts: the inspector's button takes node 3 out of the initiators (absent = everyone).
  const cr = findAlgorithm('chang-roberts')!;
  const noun = toggleOf(cr)!.spec.toggle!;
  await editor(page).getByRole('combobox', { name: 'Algorithm' }).selectOption(cr.id);
  await editor(page).getByRole('button', { name: 'Apply' }).click();
  const p = await page.evaluate(() => window.__lel!.view!.nodePoint(3));
  await page.getByTestId('graph').click({ position: p! });
  await page.getByRole('button', { name: `Toggle ${noun.noun} (restarts)` }).click();
  await expect(page.locator('.notice')).toHaveText(`3 is no longer ${noun.state}; the run restarted`);
  const field = editor(page).getByRole('textbox', { name: toggleOf(cr)!.spec.label });
  await expect(field).not.toHaveValue('');
  expect((await field.inputValue()).split(',')).not.toContain('3');
});

test('screenshots: Bully’s options with an error, at 1280×720 and 390×844', async ({ page }) => {
  mkdirSync('artifacts/editor', { recursive: true });
  await open(page);
  const bully = findAlgorithm('bully')!;
  await editor(page).getByRole('combobox', { name: 'Algorithm' }).selectOption(bully.id);
  const detector = optionsOf(bully).find((o) => o.spec.control === 'id')!;
  await editor(page).getByRole('textbox', { name: detector.spec.label }).fill('99');
  await editor(page).getByRole('button', { name: 'Apply' }).click();
  await expect(editor(page).locator('.field-error').first()).toBeVisible();
  await page.screenshot({ path: 'artifacts/editor/bully-options.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await editor(page).getByRole('textbox', { name: detector.spec.label }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'artifacts/editor/bully-options-phone.png' });
});
