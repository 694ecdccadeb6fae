import type { Layout } from './layout';

/**
 * Below this width or height a panel (a phone's graph, a compare pane) cannot spare 40 px of padding
 * a side: it gets 8 px.
 */
export const SMALL_PANEL = 400;

/**
 * The viewport that frames a layout in a w × h panel, from the layout's bounding box (known without
 * asking Cytoscape to measure every element); null when there is nothing to frame or no room.
 */
export function fitViewport(
  layout: Layout,
  w: number,
  h: number,
  ring: boolean,
): { zoom: number; pan: { x: number; y: number } } | null {
  if (layout.x.length === 0 || w === 0 || h === 0) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < layout.x.length; i++) {
    x0 = Math.min(x0, layout.x[i]!);
    x1 = Math.max(x1, layout.x[i]!);
    y0 = Math.min(y0, layout.y[i]!);
    y1 = Math.max(y1, layout.y[i]!);
  }
  // Room for the leader's larger disc, and on small rings for message labels outside the ring.
  const margin = layout.margin ?? (layout.x.length <= 40 && ring ? layout.nodeSize * 1.8 : layout.nodeSize);
  // On a phone the ring of 8 was 110 px across in a 390 × 260 panel with 40 px a side; the margin
  // above still keeps labels inside.
  const pad = Math.min(w, h) < SMALL_PANEL ? 8 : layout.x.length > 200 ? 16 : 40;
  const bw = x1 - x0 + 2 * margin;
  const bh = y1 - y0 + 2 * margin;
  const zoom = Math.min(6, Math.max(0.005, Math.min((w - 2 * pad) / bw, (h - 2 * pad) / bh)));
  return { zoom, pan: { x: w / 2 - ((x0 + x1) / 2) * zoom, y: h / 2 - ((y0 + y1) / 2) * zoom } };
}
