import { expect, type Page } from '@playwright/test';

/**
 * The simulator's panels fold (src/ui/layout/folds.ts): at 1280×720 the editor, space-time diagram,
 * pseudo-code and event log start folded. A test that uses one opens it first, as a reader would.
 */
export type PanelName = 'Scenario editor' | 'Space-time' | 'Pseudo-code' | 'Event log';

export async function openFold(page: Page, name: PanelName): Promise<void> {
  const toggle = page.getByRole('button', { name, exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

const IDS: Record<PanelName, string> = {
  'Scenario editor': 'editor',
  'Space-time': 'spacetime',
  'Pseudo-code': 'code',
  'Event log': 'log',
};

/**
 * For a spec that navigates often: every page it opens starts with these panels open, as for a
 * reader who opened them on an earlier visit (the choice is remembered in localStorage). Set only
 * when nothing is remembered yet, so a test's own toggling survives a reload.
 */
export async function rememberOpen(
  page: Page,
  panels: PanelName[],
  presenting: PanelName[] = [],
): Promise<void> {
  const state = {
    normal: Object.fromEntries(panels.map((p) => [IDS[p], true])),
    present: Object.fromEntries(presenting.map((p) => [IDS[p], true])),
  };
  await page.addInitScript((json) => {
    try {
      if (!window.localStorage.getItem('lel-panels')) window.localStorage.setItem('lel-panels', json);
    } catch {
      // about:blank, where the specs start, has no storage of its own.
    }
  }, JSON.stringify(state));
}
