import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { rememberOpen } from './folds';
import { cli, expectTraceHash, presetLink, toEnd, watchErrors } from './links-util';

/**
 * The leadership timeline under the space-time diagram, and the run's figures in the counts panel.
 * Raft's partition preset: 5 leads term 1, is cut off, and goes on believing it leads while 3 wins
 * term 2 — the two bars overlap, drawn red on the page's canvas; a click on the timeline seeks;
 * the counts panel's figures are the CLI JSON's.
 */

test.beforeEach(({ page }) => rememberOpen(page, ['Space-time'], ['Space-time']));

const SHOTS = process.env.SHOTS_DIR ?? 'artifacts/leadership';
const PARTITION = 'v=1&alg=raft&n=5&ids=asc&mode=async&part=5@300:900&until=1500';
const FIGURES = ['leaderChanges', 'unavailableTime', 'electionsStarted', 'splitVotes', 'splitBrainTime'];

interface Reign {
  node: number;
  from: number;
  to: number | null;
  term: number | null;
}

const reigns = (page: Page) => page.evaluate(() => window.__lelLeadership!.index!.reigns as Reign[]);
const overlaps = (page: Page) =>
  page.evaluate(() => window.__lelLeadership!.index!.allOverlaps() as { from: number; to: number | null }[]);

/** The colour the strip's canvas shows at node `id`'s row, time t: [r, g, b]. */
async function colourAt(page: Page, id: number, t: number): Promise<number[]> {
  return page.evaluate(
    ([node, time]) => {
      const strip = window.__lelLeadership!;
      const p = strip.point(node, time);
      if (!p) return [];
      const canvas = document.querySelector<HTMLCanvasElement>('.lead-canvas')!;
      const k = canvas.width / canvas.clientWidth;
      const d = canvas.getContext('2d')!.getImageData(Math.round(p.x * k), Math.round(p.y * k), 1, 1).data;
      return [d[0]!, d[1]!, d[2]!];
    },
    [id, t] as const,
  );
}

const isRed = ([r, g, b]: number[]) => r! > 130 && g! < 60 && b! < 60;
const isGreen = ([r, g, b]: number[]) => g! > 120 && r! < 60 && b! > 80;

test('Raft partition: two leaders’ bars overlap in red; a click seeks; figures equal the CLI JSON', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const expected = cli(`#${PARTITION}`) as unknown as Record<string, number> & { traceHash: string };
  await page.goto('./');
  const link = await presetLink(page, 'raft-partition');
  await link.click();
  await expectTraceHash(page, expected.traceHash);
  await toEnd(page);

  // The data: 5 leads term 1, 3 leads term 2, and they overlap from 3's win to 5's step-down.
  const rs = await reigns(page);
  const old = rs.find((r) => r.node === 5 && r.term === 1)!;
  const fresh = rs.find((r) => r.node === 3 && r.term === 2)!;
  expect(old.to).not.toBeNull();
  expect(fresh.from).toBeLessThan(old.to!);
  expect(await overlaps(page)).toEqual([{ from: fresh.from, to: old.to }]);
  expect(old.to! - fresh.from).toBe(expected.splitBrainTime);

  // The picture: both rows red in the overlap, green where one leads alone. The diagram (and the
  // timeline on its axis) opens on a window round the cursor: Fit puts the whole run in view.
  await page.getByRole('button', { name: 'Fit time' }).click();
  const mid = Math.round((fresh.from + old.to!) / 2);
  await expect.poll(() => colourAt(page, 5, mid).then(isRed)).toBe(true);
  expect(isRed(await colourAt(page, 3, mid))).toBe(true);
  expect(isGreen(await colourAt(page, 5, Math.round((old.from + fresh.from) / 2)))).toBe(true);
  expect(isGreen(await colourAt(page, 3, Math.round((old.to! + 1500) / 2)))).toBe(true);
  await expect(page.getByRole('list', { name: 'Leadership timeline' })).toContainText(
    `two or more lead at once from time ${fresh.from} to ${old.to}`,
  );

  // The counts panel at the end: the CLI's figures.
  for (const key of FIGURES)
    await expect(page.getByTestId(`figure-${key}`), key).toHaveText(expected[key]!.toLocaleString('en-US'));
  await expect(page.getByRole('definition').first()).toBeVisible();
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/raft-partition-1280.png` });

  // A click on the timeline at the middle of the overlap goes to the last step at or before it.
  const p = (await page.evaluate((t) => window.__lelLeadership!.point(3, t), mid))!;
  await page.locator('.lead-canvas').click({ position: { x: p.x, y: p.y } });
  const want = await page.evaluate(
    (t) => {
      const trace = window.__lel!.store.getState().run.sim.trace;
      let k = 0;
      while (k < trace.length && trace[k]!.time <= t) k++;
      return k;
    },
    Math.round((p.x - 56 - 14) / (await page.evaluate(() => window.__lelSpaceTime!.axis().pxPerTime))),
  );
  await expect(page.getByTestId('step')).toHaveText(String(want));
  // The status names the newest term's leader (Raft's result), though 5 still believes it leads.
  await expect(page.getByRole('status')).toHaveText('Leader: 3');
  // At that step the figures are the run's so far: split brain has begun, not ended.
  const so = Number((await page.getByTestId('figure-splitBrainTime').textContent())!.replace(/,/g, ''));
  expect(so).toBeGreaterThan(0);
  expect(so).toBeLessThan(expected.splitBrainTime!);
  await page.screenshot({ path: `${SHOTS}/raft-partition-seek-1280.png` });
  expect(errors).toEqual([]);
});

test('a ring algorithm: one bar from the election to the end, no figures', async ({ page }) => {
  const errors = watchErrors(page);
  const LCR = 'v=1&alg=lcr&n=6&ids=random&seed=4';
  const expected = cli(`#${LCR}`);
  await page.goto('about:blank');
  await page.goto(`./#${LCR}`);
  await expectTraceHash(page, expected.traceHash);
  await toEnd(page);
  const rs = await reigns(page);
  expect(rs).toHaveLength(1);
  expect(rs[0]).toMatchObject({ node: expected.leader, to: null, term: null });
  expect(await overlaps(page)).toEqual([]);
  const end = await page.evaluate(() => window.__lel!.store.getState().run.replay.time);
  // The strip paints at the next frame: poll the colour.
  await expect
    .poll(() => colourAt(page, expected.leader!, Math.max(rs[0]!.from, end - 1)).then(isGreen))
    .toBe(true);
  await expect(page.getByTestId('figure-leaderChanges')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('Bully: the old coordinator comes back, the leader changes twice (6 → 5 → 6)', async ({ page }) => {
  const errors = watchErrors(page);
  const RECOVERY = 'v=1&alg=bully&n=6&ids=asc&mode=sync&crashes=6@3&recover=6@12';
  const expected = cli(`#${RECOVERY}`);
  expect(expected.leader).toBe(6);
  await page.goto('about:blank');
  await page.goto('./');
  const link = await presetLink(page, 'bully-recovery');
  await link.click();
  await expectTraceHash(page, expected.traceHash);
  // Round 10: 6 is down and 5 leads.
  await page.evaluate(() => {
    const s = window.__lel!.store.getState();
    s.seek(s.run.sim.trace.findIndex((e) => e.time > 10));
  });
  await expect(page.getByRole('status')).toHaveText('Leader: 5');
  await toEnd(page);
  await expect(page.getByRole('status')).toHaveText('Leader: 6');
  const rs = await reigns(page);
  expect(rs.map((r) => r.node)).toEqual([6, 5, 6]);
  // The takeover: 6 declares at 12, 5 hears it at 13; both rows red in between, each green alone.
  expect(await overlaps(page)).toEqual([{ from: 12, to: 13 }]);
  await expect.poll(() => colourAt(page, 6, 12.5).then(isRed)).toBe(true);
  expect(isRed(await colourAt(page, 5, 12.5))).toBe(true);
  expect(isGreen(await colourAt(page, 5, 10))).toBe(true);
  expect(isGreen(await colourAt(page, 6, 2))).toBe(true);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/bully-recovery-1280.png` });
  expect(errors).toEqual([]);
});

test.describe('on a phone (390×844)', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('the partition preset’s timeline shows the red overlap', async ({ page }) => {
    const errors = watchErrors(page);
    const expected = cli(`#${PARTITION}`);
    await page.goto('about:blank');
    await page.goto(`./#${PARTITION}`);
    await expectTraceHash(page, expected.traceHash);
    await toEnd(page);
    const o = (await overlaps(page))[0]!;
    await page.getByRole('button', { name: 'Fit time' }).click();
    const mid = Math.round((o.from + o.to!) / 2);
    await expect.poll(() => colourAt(page, 5, mid).then(isRed)).toBe(true);
    await page.getByTestId('leadership').scrollIntoViewIfNeeded();
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/raft-partition-390.png` });
    await page.screenshot({ path: `${SHOTS}/raft-partition-390-full.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
