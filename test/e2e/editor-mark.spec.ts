import { expect, test, type Page } from '@playwright/test';
import { watchErrors } from './links-util';
import { rememberOpen } from './folds';

// The panels this spec uses start folded at 1280×720 (src/ui/layout/folds.ts): open them.
test.beforeEach(({ page }) => rememberOpen(page, ['Scenario editor']));

/**
 * The editor's "unapplied changes" mark, Apply and Revert, and an editor that hides nothing at 720 px
 * height: every field can be scrolled to and is then not covered by anything (the Apply bar included).
 */

const editor = (page: Page) => page.getByRole('form', { name: 'Scenario editor' });
const mark = (page: Page) => page.getByTestId('unapplied');

async function open(page: Page, link: string) {
  await page.goto(`./#${link}`);
  await page.waitForFunction(() => !!window.__lel?.view);
}

test('the mark names what is not applied and what the graph still runs; Revert and Apply clear it', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await open(page, 'v=1&alg=lcr&n=8&ids=desc&mode=sync');
  const form = editor(page);
  const revert = form.getByRole('button', { name: 'Revert' });
  await expect(mark(page)).toHaveText(/^Applied: the graph runs LCR on a unidirectional ring of 8, sync\.$/);
  await expect(mark(page)).toHaveAttribute('data-unapplied', '');
  await expect(revert).toBeDisabled();

  // Choosing GHS changes the editor, not the run: the mark says so, in words and on the fields.
  await form.getByRole('combobox', { name: 'Algorithm' }).selectOption('ghs');
  await expect(mark(page)).toContainText('Unapplied changes: Algorithm, Topology.');
  await expect(mark(page)).toContainText('The graph still runs LCR on a unidirectional ring of 8, sync.');
  await expect(page.locator('.graph-title')).toContainText('LCR');
  await expect(form.locator('.field.changed')).toHaveCount(2);
  await expect(form.getByRole('button', { name: 'Apply' })).toHaveAccessibleDescription(/Unapplied changes/);
  await page.screenshot({ path: 'artifacts/editor/unapplied-1280.png' });

  // Revert: the fields show the run on screen again.
  await revert.click();
  await expect(form.getByRole('combobox', { name: 'Algorithm' })).toHaveValue('lcr');
  await expect(form.getByRole('combobox', { name: 'Id order' })).toHaveValue('desc');
  await expect(mark(page)).toHaveAttribute('data-unapplied', '');
  await expect(form.locator('.field.changed')).toHaveCount(0);
  await expect(revert).toBeDisabled();

  // Typing the same value differently is no change; a real one is, until Apply runs it.
  await form.getByRole('spinbutton', { name: 'Seed' }).fill('01');
  await expect(mark(page)).toHaveAttribute('data-unapplied', '');
  await form.getByRole('spinbutton', { name: 'Nodes n' }).fill('5');
  await expect(mark(page)).toHaveAttribute('data-unapplied', 'n');
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('messages-total')).toBeVisible();
  await expect(mark(page)).toHaveText(/^Applied: the graph runs LCR on a unidirectional ring of 5, sync\.$/);
  await expect(page).toHaveURL(/n=5/);

  // A value the validator refuses stays marked, with the CLI's words under its field.
  await form.getByRole('spinbutton', { name: 'Nodes n' }).fill('0');
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(mark(page)).toHaveAttribute('data-unapplied', 'n');
  await expect(form.locator('.field.invalid')).toContainText('n = 0: a system needs at least one process');
  await revert.click();
  await expect(form.locator('.field-error')).toHaveCount(0);
  await expect(form.getByRole('spinbutton', { name: 'Nodes n' })).toHaveValue('5');
  expect(errors).toEqual([]);
});

/** Whether the control's centre shows the control itself (not a bar or panel above it). */
async function uncovered(page: Page, selector: string, i: number): Promise<string | null> {
  return page.evaluate(
    ([sel, k]) => {
      const el = document.querySelectorAll<HTMLElement>(sel)[k as number]!;
      el.scrollIntoView({ block: 'nearest' });
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const hit = document.elementFromPoint(x, y);
      const label = el.closest('label');
      const ok = hit !== null && (el.contains(hit) || hit === label || (label?.contains(hit) ?? false));
      // Scrolled to the editor's bottom edge, a field sits flush with the window's: allow the
      // sub-pixel rounding of a fractional layout, not a visible cut.
      if (ok && r.bottom <= window.innerHeight + 1 && r.top >= -1) return null;
      if (!ok)
        return `${el.tagName} ${el.getAttribute('aria-label') ?? el.id} at y=${Math.round(y)} shows ${hit?.tagName ?? 'nothing'}.${hit?.className ?? ''}`;
      return `${el.tagName} ${el.getAttribute('aria-label') ?? el.id} spans y=${r.top}–${r.bottom}, past the window's 0–${window.innerHeight}`;
    },
    [selector, i] as const,
  );
}

for (const link of ['v=1&alg=bully&n=8', 'v=1&alg=lcr&n=8&mode=async', 'v=1&alg=ghs&n=8&mode=async']) {
  test(`at 1280×720 no editor field is hidden or cut: ${link}`, async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, link);
    const controls = '.editor input, .editor select, .editor textarea, .editor button';
    const count = await page.locator(controls).count();
    expect(count).toBeGreaterThan(6);
    for (let i = 0; i < count; i++) expect(await uncovered(page, controls, i)).toBeNull();
    // Apply stays in view wherever the editor is scrolled.
    const apply = editor(page).getByRole('button', { name: 'Apply' });
    await page.locator('.area-editor').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(apply).toBeInViewport({ ratio: 1 });

    // No select shows its choice cut, and the labels of the timing row are whole.
    const cut = await page.evaluate(() => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      const out: string[] = [];
      for (const s of document.querySelectorAll<HTMLSelectElement>('.editor .timing-row select')) {
        const cs = getComputedStyle(s);
        ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
        const text = s.selectedOptions[0]!.text;
        // room for the text: the box minus its padding, border and the drop-down arrow (~16 px)
        const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 16;
        if (ctx.measureText(text).width > room) out.push(`${text}: ${ctx.measureText(text).width} > ${room}`);
      }
      for (const l of document.querySelectorAll<HTMLElement>('.editor .timing-row label'))
        if (l.scrollWidth > l.clientWidth) out.push(`label ${l.textContent}`);
      return out;
    });
    expect(cut).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('at 390×844 the mark and both buttons fit the width', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const errors = watchErrors(page);
  await open(page, 'v=1&alg=lcr&n=8&mode=sync');
  const form = editor(page);
  await form.getByRole('combobox', { name: 'Algorithm' }).selectOption('hs');
  await mark(page).scrollIntoViewIfNeeded();
  await expect(mark(page)).toContainText('Unapplied changes: Algorithm');
  for (const name of ['Apply', 'Revert']) {
    const box = (await form.getByRole('button', { name }).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
  await page.getByTestId('apply-bar').screenshot({ path: 'artifacts/editor/unapplied-390.png' });
  expect(errors).toEqual([]);
});
