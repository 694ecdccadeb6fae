import { expect, type Page } from '@playwright/test';

/**
 * The simulator's panels fold (src/ui/layout/folds.ts): at 1280×720 the editor, space-time diagram,
 * pseudo-code and event log start folded. A test that uses one opens it first, as a reader would.
 */
export type PanelName = 'Scenario editor' | 'Space-time' | 'Pseudo-code' | 'Event log';

export async function openPanel(page: Page, name: PanelName): Promise<void> {
  const toggle = page.getByRole('button', { name, exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}
