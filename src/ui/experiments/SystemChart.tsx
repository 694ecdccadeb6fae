import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SystemPlot, SystemSeries } from '../../experiments/system-plot';
import { fmt } from '../format';
import { useWidth } from './useWidth';

/** Okabe–Ito, as the n-sweep's chart: one colour per variant (recipe, herd), colour-blind safe. */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7'];
const HEIGHT = 360;
/**
 * Not bold, and smaller on a phone: a title like `split-brain time (time units of 100 ms)` fits the
 * y axis of a 360 px high chart, and an x title of 50 characters a 360 px wide one.
 */
const labelFont = (width: number) => `${width < 560 ? 11 : 12}px system-ui, sans-serif`;

function colourOf(plot: SystemPlot, s: SystemSeries): string {
  const variants = [...new Set(plot.series.map((x) => x.variant))];
  return COLOURS[variants.indexOf(s.variant) % COLOURS.length]!;
}

function seriesOptions(s: SystemSeries, colour: string): uPlot.Series {
  if (s.kind === 'mean')
    // The mean joined by a line: the figure against a parameter is a trend, read left to right.
    return {
      label: s.label,
      stroke: colour,
      width: 2,
      spanGaps: true,
      points: { show: true, size: 7, fill: colour },
    };
  // The least and the most over the seeds: hollow points around the mean.
  return {
    label: s.label,
    stroke: colour,
    width: 0,
    paths: () => null,
    points: { show: true, size: 7, width: 1.5, stroke: colour, fill: '#fff' },
  };
}

const fmtValue = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : Number.isInteger(v) ? fmt(v) : String(v);

/** A figure against the varied parameter (uPlot), and a legend that reads the values under the pointer. */
export function SystemChart({ plot, varyName }: { plot: SystemPlot; varyName: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const shape = useRef('');
  const width = useWidth(box, 300);
  const [hover, setHover] = useState<number | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const data: uPlot.AlignedData = [plot.x, ...plot.series.map((s) => s.values)];
    const nextShape = JSON.stringify([plot.series.map((s) => s.label), plot.xTitle, plot.yTitle, width]);
    if (chart.current && shape.current === nextShape) {
      chart.current.setData(data);
      return;
    }
    chart.current?.destroy();
    shape.current = nextShape;
    setHover(null);
    chart.current = new uPlot(
      {
        width,
        height: HEIGHT,
        scales: { x: { time: false } },
        axes: [
          { label: plot.xTitle, stroke: '#222', labelFont: labelFont(width) },
          { label: plot.yTitle, stroke: '#222', size: 60, labelFont: labelFont(width) },
        ],
        series: [{ label: varyName }, ...plot.series.map((s) => seriesOptions(s, colourOf(plot, s)))],
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        hooks: { setCursor: [(u) => setHover(u.cursor.idx ?? null)] },
      },
      data,
      el,
    );
  }, [plot, width, varyName]);

  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );

  const at = hover === null ? undefined : plot.x[hover];
  return (
    <>
      <div ref={box} className="exp-chart" />
      <table className="exp-legend" aria-label="Plot legend">
        <caption data-testid="legend-at">
          {at === undefined
            ? `Point at the plot to read the values at one ${varyName}.`
            : `Values at ${varyName} = ${at}`}
        </caption>
        <tbody>
          {plot.series.map((s) => (
            <tr key={s.label} data-kind={s.kind}>
              <td className="exp-swatch">
                <svg width="40" height="14" viewBox="0 0 40 14" aria-hidden="true">
                  {s.kind === 'mean' && (
                    <line x1="1" y1="7" x2="39" y2="7" stroke={colourOf(plot, s)} strokeWidth="2" />
                  )}
                  <circle
                    cx="20"
                    cy="7"
                    r="4"
                    fill={s.kind === 'mean' ? colourOf(plot, s) : '#fff'}
                    stroke={colourOf(plot, s)}
                    strokeWidth="1.8"
                  />
                </svg>
              </td>
              <th scope="row">{s.label}</th>
              <td className="exp-legend-value">{hover === null ? '' : fmtValue(s.values[hover])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
