import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { failOnPageErrors } from './noErrors';

/**
 * Message labels that stay readable (issue 12, item 4): each label beside its dot (a leader line
 * when it had to move), no two overlapping, the messages queued on one channel spread along it, and
 * on a crowded graph only the current step's and the hovered messages labelled.
 */

failOnPageErrors();

const LCR_ASYNC = 'v=1&alg=lcr&n=8&ids=random&mode=async&seed=1';
const BULLY_CRASH = 'v=1&alg=bully&n=8&ids=asc&mode=sync&crashes=8@3';
/** How far a label may be from its dot: the placement's furthest ring (34 px) plus a dot and a gap. */
const NEAR = 50;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
interface Drawn {
  r: number;
  all: boolean;
  width: number;
  height: number;
  fresh: number[];
  msgs: { seq: number; from: number; to: number; x: number; y: number; label: Box | null }[];
}

async function open(page: Page, hash: string) {
  await page.goto('about:blank');
  await page.goto(`./#${hash}`);
  await page.waitForFunction(() => !!window.__lel?.view);
  await page.waitForFunction(() => window.__lel!.store.getState().computing === false);
}

/**
 * What the overlay drew at each of the given steps (clock: the step's time plus `later`), each after
 * two frames; in one round trip (the machine is slow and shared).
 */
async function drawnAt(page: Page, ks: number[], later = 0): Promise<Drawn[]> {
  return page.evaluate(
    async ({ ks, later }) => {
      const { store, view } = window.__lel!;
      const out = [];
      for (const k of ks) {
        store.getState().seek(k);
        if (later) store.setState({ clock: store.getState().clock + later });
        for (let f = 0; f < 2; f++) await new Promise((r) => requestAnimationFrame(r));
        const s = store.getState();
        const entry = s.cursor > 0 ? s.run.sim.trace[s.cursor - 1] : undefined;
        const box = document.querySelector('[data-testid=graph]')!.getBoundingClientRect();
        out.push({
          ...view!.overlay.laidOut(),
          width: box.width,
          height: box.height,
          fresh: (entry?.sends ?? []).map((m) => m.seq),
        });
      }
      return out;
    },
    { ks, later },
  );
}

/** 0, 1, …, n. */
const upTo = (n: number) => Array.from({ length: n + 1 }, (_, i) => i);

const steps = (page: Page) => page.evaluate(() => window.__lel!.store.getState().run.sim.trace.length);

/** The distance from a point to the nearest point of a box (0 inside it). */
function distance(x: number, y: number, b: Box): number {
  const dx = Math.max(b.x - b.w / 2 - x, 0, x - (b.x + b.w / 2));
  const dy = Math.max(b.y - b.h / 2 - y, 0, y - (b.y + b.h / 2));
  return Math.hypot(dx, dy);
}

const overlap = (a: Box, b: Box) =>
  Math.min(a.x + a.w / 2, b.x + b.w / 2) - Math.max(a.x - a.w / 2, b.x - b.w / 2) > 0.5 &&
  Math.min(a.y + a.h / 2, b.y + b.h / 2) - Math.max(a.y - a.h / 2, b.y - b.h / 2) > 0.5;

/** Checks one frame; returns the longest queue seen on one channel. */
function check(d: Drawn, where: string): number {
  const labelled = d.msgs.filter((m) => m.label);
  for (let i = 0; i < labelled.length; i++) {
    const a = labelled[i]!;
    const box = a.label!;
    expect(distance(a.x, a.y, box), `${where}: label of ${a.seq} near its dot`).toBeLessThanOrEqual(NEAR);
    // Not on its own dot.
    expect(distance(a.x, a.y, box), `${where}: label of ${a.seq} clear of its dot`).toBeGreaterThan(d.r);
    expect(box.x - box.w / 2 >= 0 && box.x + box.w / 2 <= d.width, `${where}: inside`).toBe(true);
    expect(box.y - box.h / 2 >= 0 && box.y + box.h / 2 <= d.height, `${where}: inside`).toBe(true);
    for (let j = i + 1; j < labelled.length; j++) {
      const b = labelled[j]!;
      expect(overlap(box, b.label!), `${where}: labels of ${a.seq} and ${b.seq} overlap`).toBe(false);
    }
  }
  // Messages queued on one channel: each at its own place, at least a dot apart.
  const byChannel = new Map<string, { x: number; y: number }[]>();
  for (const m of d.msgs) {
    const key = `${m.from}>${m.to}`;
    byChannel.set(key, [...(byChannel.get(key) ?? []), m]);
  }
  let longest = 0;
  for (const [key, queue] of byChannel) {
    longest = Math.max(longest, queue.length);
    for (let i = 0; i < queue.length; i++)
      for (let j = i + 1; j < queue.length; j++)
        expect(
          Math.hypot(queue[i]!.x - queue[j]!.x, queue[i]!.y - queue[j]!.y),
          `${where}: channel ${key} messages ${i} and ${j} apart`,
        ).toBeGreaterThanOrEqual(2 * d.r);
  }
  return longest;
}

test('LCR 8 async: at every step and half-way to the next, labels do not overlap, stay by their dots, and a queue is spread along its link', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await open(page, LCR_ASYNC);
  const total = await steps(page);
  let longest = 0;
  let labelled = 0;
  for (const later of [0, 0.5]) {
    const frames = await drawnAt(page, upTo(total), later);
    for (const [k, d] of frames.entries()) {
      // A ring with few messages: every message is offered a label.
      if (d.msgs.length) expect(d.all).toBe(true);
      longest = Math.max(longest, check(d, `step ${k}+${later}`));
      labelled += d.msgs.filter((m) => m.label).length;
    }
  }
  // The run did put two messages on one channel at once (else the queue check proved nothing).
  expect(longest).toBeGreaterThanOrEqual(2);
  expect(labelled).toBeGreaterThan(0);
  // A step with a queue, for the eye.
  const queued = (await drawnAt(page, upTo(total), 0.5)).findIndex((d) => {
    const seen = new Set<string>();
    return d.msgs.some((m) => seen.size === seen.add(`${m.from}>${m.to}`).size);
  });
  await drawnAt(page, [queued], 0.5);
  mkdirSync('artifacts/labels', { recursive: true });
  await page.screenshot({ path: 'artifacts/labels/lcr8-async-queue.png' });
});

test('Bully 8 after a crash: only the current step’s and the hovered messages are labelled, none overlapping', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await open(page, BULLY_CRASH);
  const total = await steps(page);
  let fresh = 0;
  let freshLabelled = 0;
  for (const [k, d] of (await drawnAt(page, upTo(total))).entries()) {
    // A complete graph is crowded: the rest are dots in their kind's colour.
    expect(d.all).toBe(false);
    check(d, `step ${k}`);
    const sent = new Set(d.fresh);
    for (const m of d.msgs) {
      if (m.label)
        expect(sent.has(m.seq), `step ${k}: ${m.seq} labelled but not sent by the step`).toBe(true);
      if (sent.has(m.seq)) fresh++;
    }
    const shown = d.msgs.filter((m) => m.label).length;
    // A step that sent something has at least its first message labelled.
    if (d.msgs.some((m) => sent.has(m.seq))) expect(shown, `step ${k}: a label`).toBeGreaterThan(0);
    freshLabelled += shown;
  }
  // Most of the steps' messages find room (seven elections leaving one node at once may not all).
  expect(freshLabelled / fresh).toBeGreaterThanOrEqual(0.8);

  // Step 30: after the crash, messages everywhere; hovering a dot labels it.
  const [d] = await drawnAt(page, [30]);
  mkdirSync('artifacts/labels', { recursive: true });
  await page.screenshot({ path: 'artifacts/labels/bully8-crash.png' });
  const other = d!.msgs.find((m) => !m.label && !d!.fresh.includes(m.seq))!;
  expect(other).toBeDefined();
  const graph = (await page.getByTestId('graph').boundingBox())!;
  await page.mouse.move(graph.x + other.x, graph.y + other.y);
  const label = () =>
    page.evaluate(
      (seq) => window.__lel!.view!.overlay.laidOut().msgs.find((m) => m.seq === seq)?.label ?? null,
      other.seq,
    );
  await expect.poll(label).not.toBeNull();
  const [hovered] = await drawnAt(page, [30]);
  check(hovered!, 'hovered');
  await page.screenshot({ path: 'artifacts/labels/bully8-hover.png' });
  await page.mouse.move(graph.x + 4, graph.y + graph.height - 4);
  await expect.poll(label).toBeNull();
});

test('phone (390×844): LCR 8 async labels do not overlap', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, LCR_ASYNC);
  const total = await steps(page);
  for (const [k, d] of (await drawnAt(page, upTo(total), 0.5)).entries()) check(d, `step ${k}`);
  await drawnAt(page, [Math.floor(total / 2)], 0.5);
  mkdirSync('artifacts/labels', { recursive: true });
  await page.screenshot({ path: 'artifacts/labels/lcr8-phone.png' });
});

/** WCAG 2 relative luminance of an "rgb(r, g, b)" or [r, g, b] colour. */
function lum([r, g, b]: number[]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}
const contrast = (a: number[], b: number[]) =>
  (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);

test('dark theme: every message dot stands out 3:1 from the graph’s background (HS-16 mid-run)', async ({
  page,
}) => {
  await open(page, 'v=1&alg=hs&n=16&ids=random&seed=1&mode=sync');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const [d] = await drawnAt(page, [60], 0.5);
  expect(d!.msgs.length).toBeGreaterThan(0);
  // The pixels drawn at each dot's centre, and the panel's background behind them.
  const seen = await page.evaluate((dots) => {
    const c = document.querySelector<HTMLCanvasElement>('canvas.message-overlay')!;
    const ctx = c.getContext('2d')!;
    const dpr = c.width / c.getBoundingClientRect().width;
    const px = dots.map((p) => [
      ...ctx.getImageData(Math.round(p.x * dpr), Math.round(p.y * dpr), 1, 1).data,
    ]);
    // The first painted background behind the graph.
    let el: Element | null = document.querySelector('[data-testid=graph]');
    let bg = [0, 0, 0, 0];
    while (el && bg[3] === 0) {
      bg = getComputedStyle(el)
        .backgroundColor.match(/[\d.]+/g)!
        .map(Number);
      if (bg.length === 3) bg.push(1);
      el = el.parentElement;
    }
    return { px, bg: bg.slice(0, 3) };
  }, d!.msgs);
  expect(lum(seen.bg)).toBeLessThan(0.05);
  let kinds = 0;
  for (const p of seen.px) {
    // Opaque dots only (a lost message is drawn faded on purpose).
    if (p[3]! < 250) continue;
    kinds++;
    expect(contrast(p.slice(0, 3), seen.bg)).toBeGreaterThanOrEqual(3);
  }
  expect(kinds).toBeGreaterThan(0);
  mkdirSync('artifacts/labels', { recursive: true });
  await page.screenshot({ path: 'artifacts/labels/hs16-dark.png' });
});
