import { execFileSync } from 'node:child_process';
import { expect, type Page } from '@playwright/test';
import { findPreset, shelfOfPreset } from '../../src/scenario/presets';
import { CLI_NODE, cliArgs as launch } from '../util/cli';

/** What the CLI prints for a link: the independent side every browser run is compared with. */
export interface CliSummary {
  leader: number | null;
  messages: number;
  events: number;
  traceHash: string;
}

const cache = new Map<string, CliSummary>();

export function cli(link: string): CliSummary {
  let out = cache.get(link);
  if (!out) {
    const text = execFileSync(CLI_NODE, launch('--url', link, '--json'), {
      encoding: 'utf8',
    });
    out = JSON.parse(text) as CliSummary;
    cache.set(link, out);
  }
  return out;
}

/** Page errors and console errors, collected from now on; the test ends by expecting none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/**
 * The finished run's trace hash, once the browser has computed the whole run. Only right after a page
 * load: after a change, the old run's hash may still be shown; wait for the expected one instead.
 */
export async function traceHash(page: Page): Promise<string> {
  const tools = page.getByTestId('share-tools');
  await expect(tools).toHaveAttribute('data-trace-hash', /^[0-9a-f]{8,}$/, { timeout: 30_000 });
  return (await tools.getAttribute('data-trace-hash'))!;
}

/** Moves the cursor to the end of the (fully computed) run with the timeline slider's End key. */
export async function toEnd(page: Page): Promise<void> {
  await traceHash(page);
  await page.getByRole('slider', { name: 'Timeline' }).press('End');
}

export async function step(page: Page): Promise<number> {
  return Number(await page.getByTestId('step').textContent());
}

export async function messagesTotal(page: Page): Promise<string> {
  return (await page.getByTestId('messages-total').textContent())!.trim();
}

/** The hash's `step` key (0 when absent). */
export async function hashStep(page: Page): Promise<number> {
  const hash = await page.evaluate(() => location.hash);
  return Number(/[#&]step=(\d+)/.exec(hash)?.[1] ?? 0);
}

export async function openPanel(page: Page, name: 'Presets' | 'Share' | 'Files') {
  const panel = page.getByRole('dialog', { name });
  // The header button toggles: click it only when the panel is closed.
  if (!(await panel.isVisible()))
    await page.getByTestId('share-tools').getByRole('button', { name, exact: true }).click();
  await expect(panel).toBeVisible();
  return panel;
}

/**
 * Opens the presets gallery on the preset's shelf (tab) and returns its link, ready to click. The
 * shelf is looked up by the preset's id, so a test names the preset, not where the gallery puts it.
 */
export async function presetLink(page: Page, id: string) {
  const preset = findPreset(id);
  const shelf = shelfOfPreset(id);
  if (!preset || !shelf) throw new Error(`no preset ${id}`);
  const gallery = await openPanel(page, 'Presets');
  await gallery.getByRole('tab', { name: new RegExp(`^${shelf} `) }).click();
  return gallery.getByRole('link', { name: preset.title, exact: true });
}

/** Waits until the finished run on the page has exactly this trace hash. */
export async function expectTraceHash(page: Page, expected: string): Promise<void> {
  await expect(page.getByTestId('share-tools')).toHaveAttribute('data-trace-hash', expected, {
    timeout: 30_000,
  });
}

/** The node labels Cytoscape shows now, by position (ring order on a ring). */
export const nodeLabels = (page: Page) =>
  page.evaluate(() =>
    window
      .__lel!.view!.cy.nodes()
      .sort((a, b) => (a.data('pos') as number) - (b.data('pos') as number))
      .map((n) => String(n.data('label'))),
  );

/** Moves the cursor to step k through the store, as the timeline does. */
export const seekTo = (page: Page, k: number) =>
  page.evaluate((step) => window.__lel!.store.getState().seek(step), k);
