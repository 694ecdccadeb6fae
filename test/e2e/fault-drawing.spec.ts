import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openFold } from './folds';
import { openPanel, seekTo, traceHash, watchErrors } from './links-util';

/**
 * The network's faults drawn (C17): a partition as a shaded cut with "partition until …" while it
 * holds, a lost message as a puff at its receiver's end, a node back from its crash ringed green with
 * "back" — on the graph's canvases, in the slide's SVG, and the partition as a band in the space-time
 * diagram.
 */

// Ring of 8, ids 8…1 clockwise, {1,2,3} (positions 7, 6, 5: one arc) cut off for rounds 0–2: the
// small ids crossing the cut are lost, 8's own id crosses after it healed and 8 is elected.
const PARTITION = 'v=1&alg=lcr&n=8&ids=desc&mode=sync&part=1,2,3@0-3';
const LOSSY = 'v=1&alg=lcr&n=8&ids=random&mode=async&seed=3&loss=0.3';
// Bully's crash-and-recovery preset: 6 crashes at 3 and comes back at 12.
const RECOVERY = 'v=1&alg=bully&n=6&ids=asc&mode=sync&crashes=6@3&recover=6@12';
const SHOTS = 'artifacts/fault-drawing';

// Each test loads a run, seeks, exports the slide twice and takes screenshots at two sizes: on the
// shared 2-core machine that can pass the default minute; nothing here is timed.
test.describe.configure({ timeout: 180_000 });

async function slideSvg(page: Page): Promise<string> {
  const panel = await openPanel(page, 'Files');
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Export graph (SVG)' }).click(),
  ]);
  const path = test.info().outputPath(d.suggestedFilename());
  await d.saveAs(path);
  await page.keyboard.press('Escape');
  return readFileSync(path, 'utf8');
}

/** The first step (1-based) whose trace entry passes the test, read in the page. */
const firstStep = (page: Page, kind: string, before = Infinity) =>
  page.evaluate(
    ([k, t]) => {
      const trace = window.__lel!.store.getState().run.sim.trace;
      const i = trace.findIndex((e) => e.kind === k && e.time < t);
      return i < 0 ? null : { step: i + 1, from: trace[i]!.from ?? null, node: trace[i]!.node };
    },
    [kind, before] as const,
  );

/** RGBA of one CSS pixel of a graph canvas layer (by class), at a point relative to the panel. */
const pixel = (page: Page, layer: string, x: number, y: number) =>
  page.evaluate(
    ([cls, px, py]) => {
      const c = document.querySelector<HTMLCanvasElement>(`canvas.${cls}`)!;
      const k = c.width / c.getBoundingClientRect().width;
      return [...c.getContext('2d')!.getImageData(Math.round(px * k), Math.round(py * k), 1, 1).data];
    },
    [layer, x, y] as const,
  );

/** How many pixels of a canvas layer are drawn (alpha > 0) in a box of ±r CSS pixels round (x, y). */
const drawnNear = (page: Page, layer: string, x: number, y: number, r: number) =>
  page.evaluate(
    ([cls, px, py, pr]) => {
      const c = document.querySelector<HTMLCanvasElement>(`canvas.${cls}`)!;
      const k = c.width / c.getBoundingClientRect().width;
      const x0 = Math.max(0, Math.round((px - pr) * k));
      const y0 = Math.max(0, Math.round((py - pr) * k));
      const d = c.getContext('2d')!.getImageData(x0, y0, Math.round(2 * pr * k), Math.round(2 * pr * k)).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
      return n;
    },
    [layer, x, y, r] as const,
  );

const point = (page: Page, id: number) => page.evaluate((i) => window.__lel!.view!.nodePoint(i)!, id);
const faults = (page: Page) =>
  page.evaluate(() => {
    const f = window.__lel!.view!.faults;
    return {
      cuts: f.cuts.map((c) => ({ side: [...c.side].sort(), label: c.label, hull: c.hull !== null })),
      puffs: f.puffs.map((p) => ({ step: p.step, from: p.from, to: p.to, left: p.left })),
      recovering: [...f.recovering],
    };
  });

test('a partition: the cut side shaded with its label while it holds, gone once healed; a puff where a message is lost', async ({
  page,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  const errors = watchErrors(page);
  await page.goto(`./#${PARTITION}`);
  await traceHash(page);
  const drop = (await firstStep(page, 'drop', 3))!;
  expect(drop).not.toBeNull();
  await seekTo(page, drop.step);
  await expect(page.getByTestId('step')).toHaveText(String(drop.step));
  // Ids 8…1 at positions 0…7: id i at position 8 − i, so {1,2,3} is {7,6,5}.
  const pos = (id: number) => 8 - id;
  await expect
    .poll(() => faults(page))
    .toMatchObject({
      cuts: [{ side: [5, 6, 7], label: 'partition until round 3', hull: true }],
      puffs: [{ step: drop.step, from: pos(drop.from!), to: pos(drop.node), left: null }],
    });
  // The step's sentence names the loss.
  await expect(page.getByTestId('step-caption')).toContainText('is lost: a partition separated');

  // The shading under node 2 (cut off) is a violet tint, under node 6 (the other side) nothing.
  const inside = await point(page, 2);
  const outside = await point(page, 6);
  // Painted at the next frame, which a busy machine delays: poll until the tint is there.
  await expect.poll(async () => (await pixel(page, 'fault-cuts', inside.x, inside.y))[3]).toBe(255);
  const tint = await pixel(page, 'fault-cuts', inside.x, inside.y);
  expect(tint[0]! > tint[1]! && tint[2]! > tint[1]!).toBe(true);
  expect((await pixel(page, 'fault-cuts', outside.x, outside.y))[3]).toBe(0);
  // The puff is drawn by the receiver.
  const receiver = await point(page, drop.node);
  // Drawn at the next frame, which a busy machine delays: poll the pixels.
  await expect.poll(() => drawnNear(page, 'fault-marks', receiver.x, receiver.y, 70)).toBeGreaterThan(100);

  const svg = await slideSvg(page);
  expect(svg).toContain('<g class="partition">');
  expect(svg).toContain('>partition until round 3</text>');
  expect(svg).toContain(`<g class="lost puff" data-from="${drop.from}" data-to="${drop.node}">`);
  expect(svg).toContain('class="edge down"');
  await page.screenshot({ path: `${SHOTS}/partition-1280.png` });

  // The space-time diagram: a band along each cut-off row.
  await openFold(page, 'Space-time');
  await page.screenshot({ path: `${SHOTS}/partition-spacetime-1280.png` });

  // Healed (round 3 on): no shading, no label, no cut links.
  const healed = await page.evaluate(
    () => window.__lel!.store.getState().run.sim.trace.findIndex((e) => e.time >= 3) + 1,
  );
  expect(healed).toBeGreaterThan(0);
  await seekTo(page, healed);
  await expect.poll(async () => (await faults(page)).cuts).toEqual([]);
  await expect.poll(async () => (await pixel(page, 'fault-cuts', inside.x, inside.y))[3]).toBe(0);
  const after = await slideSvg(page);
  expect(after).not.toContain('class="partition"');
  expect(after).not.toContain('class="edge down"');

  await page.setViewportSize({ width: 390, height: 844 });
  await seekTo(page, drop.step);
  await expect.poll(async () => (await faults(page)).cuts.length).toBe(1);
  await page.screenshot({ path: `${SHOTS}/partition-390.png` });
  expect(errors).toEqual([]);
});

test('loss 0.3: a puff at each lost message, fading once the cursor moves on', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  const errors = watchErrors(page);
  await page.goto(`./#${LOSSY}`);
  await traceHash(page);
  const drop = (await firstStep(page, 'drop'))!;
  expect(drop).not.toBeNull();
  await seekTo(page, drop.step);
  await expect.poll(async () => (await faults(page)).puffs.length).toBe(1);
  await expect(page.getByTestId('step-caption')).toContainText(
    'is lost (each message is lost with probability 0.3)',
  );
  const receiver = await point(page, drop.node);
  // Drawn at the next frame, which a busy machine delays: poll the pixels.
  await expect.poll(() => drawnNear(page, 'fault-marks', receiver.x, receiver.y, 70)).toBeGreaterThan(100);
  const svg = await slideSvg(page);
  expect(svg).toContain(`<g class="lost puff" data-from="${drop.from}" data-to="${drop.node}">`);
  expect(svg).not.toContain('class="partition"');
  await page.screenshot({ path: `${SHOTS}/loss-1280.png` });

  // One step on (no loss there, or a new puff of its own): the old puff fades out and goes.
  await seekTo(page, drop.step + 1);
  await expect
    .poll(async () => (await faults(page)).puffs.filter((p) => p.step === drop.step).length, {
      timeout: 5_000,
    })
    .toBe(0);
  // Back at step 0 nothing is drawn on the fault layers.
  await seekTo(page, 0);
  await expect.poll(() => drawnNear(page, 'fault-marks', receiver.x, receiver.y, 70)).toBe(0);
  await page.setViewportSize({ width: 390, height: 844 });
  await seekTo(page, drop.step);
  await expect.poll(async () => (await faults(page)).puffs.length).toBe(1);
  await page.screenshot({ path: `${SHOTS}/loss-390.png` });
  expect(errors).toEqual([]);
});

test('Bully with recovery: the node back from its crash is ringed green with "back" for a time unit', async ({
  page,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  const errors = watchErrors(page);
  await page.goto(`./#${RECOVERY}`);
  await traceHash(page);
  const back = (await firstStep(page, 'recover'))!;
  expect(back).toMatchObject({ node: 6 });
  await seekTo(page, back.step);
  // ids ascending: id 6 at position 5.
  await expect.poll(async () => (await faults(page)).recovering).toEqual([5]);
  const p = await point(page, 6);
  const green = () =>
    page.evaluate(
      ([x, y]) => {
        const c = document.querySelector<HTMLCanvasElement>('canvas.fault-marks')!;
        const k = c.width / c.getBoundingClientRect().width;
        const d = c
          .getContext('2d')!
          .getImageData(
            Math.round((x - 80) * k),
            Math.round((y - 80) * k),
            Math.round(160 * k),
            Math.round(160 * k),
          ).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4)
          if (d[i + 3]! > 200 && d[i + 1]! > d[i]! + 40 && d[i + 1]! > d[i + 2]! + 40) n++;
        return n;
      },
      [p.x, p.y] as const,
    );
  // The ring is painted at the next frame, after the view's data changes: poll the pixels.
  await expect.poll(green).toBeGreaterThan(100);
  const svg = await slideSvg(page);
  expect(svg).toMatch(/<g class="node [a-zA-Z]+[^"]*" data-id="6">.*?<g class="recovering">.*?>back<\/text>/);
  await page.screenshot({ path: `${SHOTS}/recovery-1280.png` });
  await openFold(page, 'Space-time');
  await page.screenshot({ path: `${SHOTS}/recovery-spacetime-1280.png` });

  // The step before it is still down (no ring: crashed nodes stay as they are drawn).
  await seekTo(page, back.step - 1);
  await expect.poll(async () => (await faults(page)).recovering).toEqual([]);
  expect(await slideSvg(page)).not.toContain('class="recovering"');

  await page.setViewportSize({ width: 390, height: 844 });
  await seekTo(page, back.step);
  await expect.poll(async () => (await faults(page)).recovering).toEqual([5]);
  await page.screenshot({ path: `${SHOTS}/recovery-390.png` });
  expect(errors).toEqual([]);
});
