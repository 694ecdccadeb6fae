import type { Page } from '@playwright/test';

/**
 * Where the overlay draws message `seq` on a paused run, once that place is the same in two frames running. A click
 * read from one frame can miss in the next: a seek, a panel opening beside the graph or a label
 * moving off a newcomer all move what the overlay draws a frame later (CI once clicked where a
 * message had been a frame before).
 */
export async function settledPoint(page: Page, seq: number): Promise<{ x: number; y: number }> {
  const frame = () =>
    page.evaluate(
      (s) =>
        new Promise<{ x: number; y: number } | null>((done) =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() => done(window.__lel!.view!.overlay.pointOf(s))),
          ),
        ),
      seq,
    );
  let last = await frame();
  for (let i = 0; i < 60; i++) {
    const now = await frame();
    if (now && last && now.x === last.x && now.y === last.y) return now;
    last = now;
  }
  throw new Error(`message ${seq} is not drawn in one place over two frames`);
}
