import type uPlot from 'uplot';
import type { PlotData } from '../../experiments/series';
import { seriesColour } from './colours';
import { styleOf } from './lineStyle';

/**
 * The chart as a PNG data URL: the plot canvas on a white background with the legend written under
 * it (uPlot's legend is HTML, so it would otherwise be missing from the picture).
 */
export function chartPng(u: uPlot, plot: PlotData, yLabel: string): string | null {
  const src = u.ctx.canvas;
  const ratio = src.width / Math.max(1, u.width);
  const line = Math.round(18 * ratio);
  const out = document.createElement('canvas');
  out.width = src.width;
  out.height = src.height + line * (plot.series.length + 2);
  const g = out.getContext('2d');
  if (!g) return null;
  g.fillStyle = '#fff';
  g.fillRect(0, 0, out.width, out.height);
  g.drawImage(src, 0, 0);
  g.font = `${Math.round(13 * ratio)}px system-ui, sans-serif`;
  g.textBaseline = 'middle';
  let y = src.height + line;
  g.fillStyle = '#222';
  g.fillText(`${yLabel} against n`, 8 * ratio, y);
  for (const s of plot.series) {
    y += line;
    const colour = seriesColour(plot.series, s);
    g.strokeStyle = colour;
    g.fillStyle = colour;
    g.lineWidth = 2 * ratio;
    if (s.kind === 'measured') {
      g.beginPath();
      g.arc(20 * ratio, y, 4 * ratio, 0, 2 * Math.PI);
      g.fill();
    } else if (s.kind === 'min' || s.kind === 'max') {
      g.lineWidth = 1.5 * ratio;
      g.beginPath();
      g.arc(20 * ratio, y, 3.5 * ratio, 0, 2 * Math.PI);
      g.stroke();
    } else {
      g.setLineDash((styleOf(s.kind).dash ?? []).map((d) => d * ratio));
      g.beginPath();
      g.moveTo(8 * ratio, y);
      g.lineTo(32 * ratio, y);
      g.stroke();
      g.setLineDash([]);
    }
    g.fillStyle = '#222';
    g.fillText(s.label, 40 * ratio, y);
  }
  return out.toDataURL('image/png');
}
