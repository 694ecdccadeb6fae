import { expect, test } from '@playwright/test';

/**
 * Fails every test of the calling spec file on a console error or an uncaught page error: a page
 * that "works" while throwing is broken for the next click. Call it once at the top of a spec.
 */
export function failOnPageErrors(): void {
  let problems: string[] = [];
  test.beforeEach(async ({ page }) => {
    problems = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  });
  test.afterEach(() => expect(problems, 'no console errors or page errors').toEqual([]));
}
