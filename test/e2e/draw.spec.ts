import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openPanel, toEnd, traceHash, watchErrors } from './links-util';

/**
 * The algorithms' drawings (DrawingDecl): GHS's fragments, edge states and convergecast, Peterson's
 * temporary ids, HS's probe distances, Bully's waits; the current step on the graph; the slide export.
 */

// The GHS preset's graph, written out here: the test's MST comes from these weights, not from the app.
const GHS_EDGES =
  '1-2:3,1-5:12,2-3:7,2-6:1,3-4:9,3-7:14,4-8:5,5-6:10,5-9:2,6-7:6,7-8:13,7-10:4,8-10:11,9-10:15,6-9:8';
const GHS = `v=1&alg=ghs&ids=1,2,3,4,5,6,7,8,9,10&edges=${GHS_EDGES}&mode=async&seed=3`;

/** Kruskal, naively: edges by weight, each taken when its ends are in different components. */
function kruskal(edges: string): string[] {
  const list = edges.split(',').map((e) => {
    const [pair, w] = e.split(':');
    const [a, b] = pair!.split('-').map(Number);
    return { a: a!, b: b!, w: Number(w) };
  });
  list.sort((p, q) => p.w - q.w);
  const comp = new Map<number, number>();
  for (const e of list) {
    comp.set(e.a, e.a);
    comp.set(e.b, e.b);
  }
  const tree: string[] = [];
  for (const e of list) {
    const ca = comp.get(e.a)!;
    const cb = comp.get(e.b)!;
    if (ca === cb) continue;
    for (const [k, v] of comp) if (v === cb) comp.set(k, ca);
    tree.push(`${Math.min(e.a, e.b)}-${Math.max(e.a, e.b)}`);
  }
  return tree.sort();
}

async function download(page: Page, button: string): Promise<string> {
  const panel = await openPanel(page, 'Files');
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: button }).click(),
  ]);
  const path = test.info().outputPath(d.suggestedFilename());
  await d.saveAs(path);
  return path;
}

/** The SVG's edges of a class, as sorted `lo-hi` id pairs. */
function edgesOfClass(svg: string, cls: string): string[] {
  const out: string[] = [];
  for (const m of svg.matchAll(/<line class="([^"]*)" data-a="(\d+)" data-b="(\d+)"/g)) {
    if (!m[1]!.split(' ').includes(cls)) continue;
    const a = Number(m[2]);
    const b = Number(m[3]);
    out.push(`${Math.min(a, b)}-${Math.max(a, b)}`);
  }
  return out.sort();
}

/** The ring colours Cytoscape draws on the nodes (one per fragment). */
const fragmentColours = (page: Page) =>
  page.evaluate(() => {
    const cy = window.__lel!.view!.cy;
    return [...new Set(cy.nodes('.grouped').map((n) => n.data('gc') as string))];
  });

test('GHS: fragments in colours mid-run; at the end the branch edges of the SVG are the MST', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const mst = kruskal(GHS_EDGES);
  expect(mst).toHaveLength(9);
  await page.goto(`./#${GHS}`);
  await traceHash(page);

  // Mid-run: a third of the way into GHS (before the barrier), several fragments at once.
  const mid = await page.evaluate(() => {
    const s = window.__lel!.store.getState();
    const barrier = s.run.sim.trace.findIndex((e) => e.kind === 'barrier');
    const k = Math.floor(barrier / 3);
    s.seek(k);
    return k;
  });
  await expect(page.getByTestId('step')).toHaveText(String(mid));
  expect((await fragmentColours(page)).length).toBeGreaterThanOrEqual(2);
  // Each named fragment's name and level are in the graph's legend, once, and on the slide.
  const names = await page.evaluate(() => window.__lel!.view!.stage.names.map((g) => g.text));
  expect(names.some((t) => /^F \d+ · L \d+$/.test(t))).toBe(true);
  expect(new Set(names).size).toBe(names.length);
  const midSvg = readFileSync(await download(page, 'Export graph (SVG)'), 'utf8');
  for (const t of names) expect(midSvg).toContain(`>${t}  (`);
  // Every edge carries its state; mid-run some are still Basic.
  expect(edgesOfClass(midSvg, 'basic').length).toBeGreaterThan(0);
  expect(
    edgesOfClass(midSvg, 'branch').length +
      edgesOfClass(midSvg, 'rejected').length +
      edgesOfClass(midSvg, 'basic').length,
  ).toBe(15);
  mkdirSync('artifacts/draw', { recursive: true });
  await page.keyboard.press('Escape');
  await page.screenshot({ path: 'artifacts/draw/ghs-mid-run.png' });

  await toEnd(page);
  await expect(page.getByRole('status')).toHaveText(/^Leader: /);
  const svg = readFileSync(await download(page, 'Export graph (SVG)'), 'utf8');
  expect(edgesOfClass(svg, 'branch')).toEqual(mst);
  // The others were all rejected: none is left Basic, and the whole tree is one fragment's colour.
  expect(edgesOfClass(svg, 'rejected')).toHaveLength(15 - 9);
  expect(edgesOfClass(svg, 'basic')).toEqual([]);
  expect(await fragmentColours(page)).toHaveLength(1);
  // The convergecast's arrows: every node but the root sent its `up` along a tree edge.
  const ups = [...svg.matchAll(/<line class="[^"]*\bup\b[^"]*" data-a="(\d+)" data-b="(\d+)"/g)].map(
    (m) => `${Math.min(Number(m[1]), Number(m[2]))}-${Math.max(Number(m[1]), Number(m[2]))}`,
  );
  expect(ups.length).toBeGreaterThanOrEqual(9);
  for (const e of ups) expect(mst).toContain(e);
  // A slide: the step number and its sentence, and a margin round the picture.
  const last = await page.evaluate(() => window.__lel!.store.getState().cursor);
  expect(svg).toContain(`>Step ${last}</text>`);
  await page.keyboard.press('Escape');
  await page.screenshot({ path: 'artifacts/draw/ghs-finished.png' });
  expect(errors).toEqual([]);
});

test('Peterson shows each active process’s temporary id beside its id; relays show none', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('./#v=1&alg=peterson&ids=3,7,1,8,5,2,6,4&mode=sync');
  await traceHash(page);
  // Into phase 2: after round 2 every survivor of phase 1 stands for a neighbour's uid (Lynch's uid1).
  await page.evaluate(() => {
    const s = window.__lel!.store.getState();
    s.seek(s.run.sim.trace.findIndex((e) => e.time === 3));
  });
  const shown = await page.evaluate(() => {
    const v = window.__lel!.view!;
    const ids = window.__lel!.store.getState().run.sim.graph.ids;
    return ids.map((id, i) => ({ id, role: v.roleOf(id), badge: v.stage.badges[i] }));
  });
  for (const n of shown) {
    if (n.role === 'relay') expect(n.badge).toBeNull();
    if (n.role === 'candidate') expect(n.badge).toMatch(/^tid \d+$/);
  }
  // Somebody stands for an id that is not its own: the temporary id is news.
  expect(shown.some((n) => n.badge && n.badge !== `tid ${n.id}`)).toBe(true);
  // And the slide carries it.
  const svg = readFileSync(await download(page, 'Export graph (SVG)'), 'utf8');
  for (const n of shown) if (n.badge) expect(svg).toContain(`>${n.badge}</text>`);
  await page.keyboard.press('Escape');
  await page.screenshot({ path: test.info().outputPath('peterson-tid.png') });
  expect(errors).toEqual([]);
});

test('HS: each candidate shows its probe distance 2^phase', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#v=1&alg=hs&n=8&ids=random&seed=1&mode=sync');
  await traceHash(page);
  // Lynch §3.4: phase l's tokens go 2^l hops. In sync mode the first return of phase 0 is round 2.
  await page.evaluate(() => window.__lel!.store.getState().seek(1));
  const first = await page.evaluate(() => window.__lel!.view!.stage.badges.filter(Boolean));
  expect(first.length).toBeGreaterThan(0);
  expect(new Set(first)).toEqual(new Set(['d 1']));
  await page.evaluate(() => {
    const s = window.__lel!.store.getState();
    s.seek(s.run.sim.trace.findIndex((e) => e.time === 6));
  });
  const later = await page.evaluate(() => window.__lel!.view!.stage.badges.filter(Boolean));
  expect(later.some((b) => b === 'd 2' || b === 'd 4')).toBe(true);
  for (const b of later) expect(b).toMatch(/^d (1|2|4|8)$/);
  expect(errors).toEqual([]);
});

test('the current step: the acting node is ringed, the sent messages leave from it', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#v=1&alg=lcr&n=6&ids=asc&mode=sync');
  await traceHash(page);
  await page.getByRole('button', { name: 'Step forward', exact: true }).click();
  await expect(page.getByTestId('step')).toHaveText('1');
  const svg = readFileSync(await download(page, 'Export graph (SVG)'), 'utf8');
  const actor = await page.evaluate(() => window.__lel!.store.getState().run.sim.trace[0]!.node);
  expect(svg).toMatch(new RegExp(`<g class="node [a-zA-Z]+ actor" data-id="${actor}">`));
  expect((svg.match(/class="node [a-zA-Z]+ actor"/g) ?? []).length).toBe(1);
  // Its one message is in flight, labelled, on the slide.
  expect((svg.match(/<g class="message( lost)?"/g) ?? []).length).toBe(1);
  expect(svg).toContain('>Step 1</text>');
  expect(errors).toEqual([]);
});

test('Bully after a crash: the detector’s wait runs as a ring; lost messages counted at the crashed node', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('./#v=1&alg=bully&n=6&ids=asc&mode=sync&crashes=6@1');
  await traceHash(page);
  const crashStep = await page.evaluate(() => {
    const s = window.__lel!.store.getState();
    const k = s.run.sim.trace.findIndex((e) => e.kind === 'crash') + 1;
    s.seek(k);
    return k;
  });
  expect(crashStep).toBeGreaterThan(0);
  const svg = readFileSync(await download(page, 'Export graph (SVG)'), 'utf8');
  // The detector's notice is T_ok = 2 rounds away: its ring round the crashed node is still full.
  expect(svg).toMatch(/<g class="node crashed[^"]*" data-id="6">.*<circle class="wait"[^>]*stroke="#CC3311"/);
  await page.keyboard.press('Escape');
  await page.screenshot({ path: test.info().outputPath('bully-wait.png') });
  // At the end, the crashed node counts the messages that reached it after its crash.
  await toEnd(page);
  const { lost, badge } = await page.evaluate(() => {
    const s = window.__lel!.store.getState();
    const i = s.run.sim.graph.ids.indexOf(6);
    const drops = s.run.sim.trace.filter((e) => e.kind === 'drop' && e.node === 6).length;
    return { lost: drops, badge: window.__lel!.view!.stage.badges[i] };
  });
  expect(lost).toBeGreaterThan(0);
  expect(badge).toBe(`${lost} lost`);
  expect(errors).toEqual([]);
});
