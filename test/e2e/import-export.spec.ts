import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { cli, expectTraceHash, openPanel, step, traceHash, watchErrors } from './links-util';
import { rememberOpen } from './folds';

// The panels this spec uses start folded at 1280×720 (src/ui/layout/folds.ts): open them.
test.beforeEach(({ page }) => rememberOpen(page, ['Scenario editor']));

const GHS = 'v=1&alg=ghs&ids=1,2,3,4,5,6&edges=1-2:3,2-3:7,3-4:1,4-5:9,5-6:2,6-1:8,2-5:4&mode=async&seed=5';
const OTHER = 'v=1&alg=lcr&n=6&ids=asc&mode=sync';

async function download(page: Page, button: string): Promise<{ d: Download; path: string }> {
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = test.info().outputPath(d.suggestedFilename());
  await d.saveAs(path);
  return { d, path };
}

test('the exported scenario re-imports through the file picker to the same run', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`./#${GHS}&step=7`);
  await expect(page.getByTestId('step')).toHaveText('7');
  const hash = await traceHash(page);
  expect(hash).toBe(cli(`#${GHS}`).traceHash);
  await openPanel(page, 'Files');
  const { d, path } = await download(page, 'Export scenario (JSON)');
  expect(d.suggestedFilename()).toMatch(/^ghs-n6-async-seed5.*\.json$/);
  const file = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  expect(file).toMatchObject({ format: 'leader-election-lab/scenario', algorithm: 'ghs', seed: 5, step: 7 });

  // Somewhere else first, then back by importing the file.
  await page.evaluate((h) => (location.hash = h), `#${OTHER}`);
  await expectTraceHash(page, cli(`#${OTHER}`).traceHash);
  const length = await page.evaluate(() => history.length);
  const files = await openPanel(page, 'Files');
  await files.getByLabel('Import scenario (JSON)').setInputFiles(path);
  await expectTraceHash(page, hash);
  await expect(page.getByTestId('step')).toHaveText('7');
  // A new scenario: one history entry, and the address bar names it.
  expect(await page.evaluate(() => history.length)).toBe(length + 1);
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('alg=ghs');
  expect(errors).toEqual([]);
});

test('the trace export holds the whole run: the CLI summary and one record per step', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`./#${GHS}`);
  const expected = cli(`#${GHS}`);
  await openPanel(page, 'Files');
  const { path } = await download(page, 'Export trace (JSON)');
  const trace = JSON.parse(readFileSync(path, 'utf8')) as {
    format: string;
    summary: { traceHash: string; messages: number; events: number; leader: number };
    steps: { step: number }[];
  };
  expect(trace.format).toBe('leader-election-lab/trace');
  expect(trace.summary).toMatchObject({
    traceHash: expected.traceHash,
    messages: expected.messages,
    events: expected.events,
    leader: expected.leader,
  });
  expect(trace.steps).toHaveLength(expected.events);
  expect(errors).toEqual([]);
});

test('PNG and SVG of the graph download and are pictures of it', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`./#${GHS}`);
  await traceHash(page);
  await page.getByRole('slider', { name: 'Timeline' }).press('End');
  await expect(page.getByRole('status')).toHaveText(/^Leader: /);
  await openPanel(page, 'Files');
  const png = await download(page, 'Export graph (PNG)');
  expect(statSync(png.path).size).toBeGreaterThan(1000);
  expect(readFileSync(png.path).subarray(1, 4).toString('latin1')).toBe('PNG');

  const svg = await download(page, 'Export graph (SVG)');
  const text = readFileSync(svg.path, 'utf8');
  expect(text).toMatch(/^<\?xml[^>]*>\s*<svg /);
  // Six nodes labelled by id, seven weighted edges, the leader drawn in the leader's colour.
  expect((text.match(/<line /g) ?? []).length).toBe(7);
  for (const w of [3, 7, 1, 9, 2, 8, 4]) expect(text).toContain(`>${w}</text>`);
  expect(text).toContain('fill="#009E73"');
  // And the browser reads it as an image of the same proportions as its viewBox.
  const size = await page.evaluate(async (src) => {
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(src)}`;
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  }, text);
  expect(size[0]).toBeGreaterThan(100);
  expect(size[1]).toBeGreaterThan(100);
  expect(errors).toEqual([]);
});

test('dropping a file on the page shows the drop hint, then opens it', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`./#${GHS}`);
  const hash = await traceHash(page);
  await openPanel(page, 'Files');
  const { path } = await download(page, 'Export scenario (JSON)');
  await page.evaluate((h) => (location.hash = h), `#${OTHER}`);
  await expectTraceHash(page, cli(`#${OTHER}`).traceHash);

  const text = readFileSync(path, 'utf8');
  const dt = await page.evaluateHandle((body) => {
    const t = new DataTransfer();
    t.items.add(new File([body], 'dropped.scenario.json', { type: 'application/json' }));
    return t;
  }, text);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: dt });
  await page.dispatchEvent('body', 'dragover', { dataTransfer: dt });
  await expect(page.getByTestId('drop-hint')).toBeVisible();
  await expect(page.getByTestId('drop-hint')).toContainText('Drop the scenario file');
  await page.screenshot({ path: 'artifacts/links/drop-hint.png' });
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
  await expect(page.getByTestId('drop-hint')).toBeHidden();
  await expectTraceHash(page, hash);
  expect(errors).toEqual([]);
});

test('a broken file is refused with its JSON path; the run stays; its name is text, not HTML', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto(`./#${OTHER}`);
  const hash = await traceHash(page);
  await page.keyboard.press('ArrowRight');
  const bad = {
    format: 'leader-election-lab/scenario',
    v: 1,
    algorithm: 'chang-roberts',
    topology: { kind: 'ring-uni', n: 'eight' },
    ids: { order: 'desc' },
    timing: { mode: 'sync' },
    seed: 3,
  };
  const path = test.info().outputPath('<img src=x onerror=alert(1)>.json');
  writeFileSync(path, JSON.stringify(bad));
  const files = await openPanel(page, 'Files');
  await files.getByLabel('Import scenario (JSON)').setInputFiles(path);
  const alert = page.getByTestId('link-problem');
  await expect(alert).toBeVisible();
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert).toContainText('topology.n');
  await expect(alert).toContainText('must be a whole number');
  await expect(alert).toContainText('<img src=x onerror=alert(1)>.json');
  expect(await alert.locator('img').count()).toBe(0);
  // Nothing was lost: same run, same step.
  expect(await traceHash(page)).toBe(hash);
  expect(await step(page)).toBe(1);

  await alert.getByRole('button', { name: 'Open in editor' }).click();
  await expect(alert).toBeHidden();
  const editor = page.getByRole('form', { name: 'Scenario editor' });
  await expect(editor.getByRole('combobox', { name: 'Algorithm' })).toHaveValue('chang-roberts');
  await expect(editor.getByRole('combobox', { name: 'Id order' })).toHaveValue('desc');
  await expect(editor.getByRole('spinbutton', { name: 'Seed' })).toHaveValue('3');
  expect(errors).toEqual([]);
});
