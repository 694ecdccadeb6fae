import type { Faults } from '../../engine/types';
import { LOST_HUE, PARTITION_HUE } from '../faults';
import { AXIS_H, LABEL_W, xOfTime, yOfRow } from './geometry';
import { firstRow, lastRow, timeTo, type Frame } from './paint';

/**
 * The network's cuts on the diagram (C17), under the arrows: a violet band along each row a partition
 * cuts off, from t₁ to t₂ (to the view's right edge when it never heals), edged at both ends; a thinner
 * red band along both rows of a link that is down. The faults are the scenario's, known for the whole
 * run, so they are drawn with the background, not per frame; runs without them return at once.
 */
export function drawFaultBands(f: Frame, faults: Faults): void {
  const parts = faults.part ?? [];
  const down = faults.down ?? [];
  if (!parts.length && !down.length) return;
  const { ctx, ix, scale, sl, st, w, h } = f;
  const r0 = firstRow(f);
  const r1 = lastRow(f);
  const theme = f.ink.dark ? 'dark' : 'light';
  const right = timeTo(f) + 1;
  ctx.save();
  ctx.beginPath();
  ctx.rect(LABEL_W, AXIS_H, w - LABEL_W, h - AXIS_H);
  ctx.clip();
  const band = (row: number, from: number, to: number | null, height: number) => {
    if (row < r0 || row > r1) return null;
    const x0 = Math.max(LABEL_W, xOfTime(scale, from) - sl);
    const x1 = xOfTime(scale, to ?? right) - sl;
    if (x1 <= x0) return null;
    const y = yOfRow(scale, row) - st;
    ctx.fillRect(x0, y - height / 2, x1 - x0, height);
    return { x0, x1, y };
  };
  for (const p of parts) {
    ctx.fillStyle = PARTITION_HUE[theme];
    ctx.strokeStyle = PARTITION_HUE[theme];
    ctx.lineWidth = 3;
    for (const id of p.ids) {
      ctx.globalAlpha = f.ink.dark ? 0.3 : 0.22;
      const b = band(ix.rowOf(id), p.from, p.to, scale.rowH * 0.9);
      ctx.globalAlpha = 1;
      if (!b) continue;
      // Its start and its end, so the interval reads without the axis.
      ctx.beginPath();
      for (const x of p.to === null ? [b.x0] : [b.x0, b.x1]) {
        ctx.moveTo(x, b.y - scale.rowH * 0.45);
        ctx.lineTo(x, b.y + scale.rowH * 0.45);
      }
      ctx.stroke();
    }
  }
  ctx.fillStyle = LOST_HUE[theme];
  ctx.globalAlpha = f.ink.dark ? 0.3 : 0.22;
  for (const d of down)
    for (const id of [d.a, d.b]) band(ix.rowOf(id), d.from, d.to, Math.max(4, scale.rowH * 0.45));
  ctx.globalAlpha = 1;
  ctx.restore();
}
