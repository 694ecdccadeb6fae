import { useEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { PlotData, PlotSeries } from '../../experiments/series';
import { ChartLegend } from './ChartLegend';
import { seriesColour } from './colours';
import { styleOf } from './lineStyle';
import { chartPng } from './png';
import { useWidth } from './useWidth';

export interface ExperimentChartProps {
  plot: PlotData;
  /** The y axis' name: messages, rounds or time. */
  yLabel: string;
  log: boolean;
  /** Filled with a function that renders the current chart as a PNG data URL. */
  exportRef: { current: (() => string | null) | null };
}

const HEIGHT = 300;

function seriesOptions(s: PlotSeries, colour: string): uPlot.Series {
  if (s.kind === 'measured')
    // points only: the measured values are data, not a law
    return {
      label: s.label,
      stroke: colour,
      width: 0,
      paths: () => null,
      points: { show: true, size: 8, width: 1.5, stroke: colour, fill: colour },
    };
  if (s.kind === 'min' || s.kind === 'max')
    // hollow points: the spread over seeds around the filled mean
    return {
      label: s.label,
      stroke: colour,
      width: 0,
      paths: () => null,
      points: { show: true, size: 7, width: 1.5, stroke: colour, fill: '#fff' },
    };
  const { dash } = styleOf(s.kind);
  return {
    label: s.label,
    stroke: colour,
    width: s.kind === 'exact' ? 1.5 : 2,
    spanGaps: true,
    points: { show: false },
    // exact: solid, bounds: dashed, means: dotted (lineStyle.ts, shared with the legend)
    ...(dash ? { dash } : {}),
  };
}

/**
 * messages (or rounds) against n: measured points with the textbook curves beside them, and a legend
 * that draws each series' mark and reads its value at the n under the pointer.
 */
export function ExperimentChart({ plot, yLabel, log, exportRef }: ExperimentChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const shape = useRef('');
  const width = useWidth(box, 320);
  const [hover, setHover] = useState<number | null>(null);
  const colours = useMemo(() => plot.series.map((s) => seriesColour(plot.series, s)), [plot]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const data: uPlot.AlignedData = [plot.x, ...plot.series.map((s) => s.values)];
    // Same series, same scales: only the data changed (a new row arrived), so redraw in place.
    const nextShape = JSON.stringify([plot.series.map((s) => s.label), log, yLabel, width]);
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
        scales: {
          x: { time: false, ...(log ? { distr: 3, log: 2 } : {}) },
          y: log ? { distr: 3, log: 10 } : {},
        },
        axes: [
          { label: 'n (processes)', stroke: '#222' },
          { label: yLabel, stroke: '#222', size: 60 },
        ],
        series: [{ label: 'n' }, ...plot.series.map((s, i) => seriesOptions(s, colours[i]!))],
        // Our own legend (ChartLegend): uPlot's draws every series as the same square.
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        hooks: {
          setCursor: [(u) => setHover(u.cursor.idx ?? null)],
        },
      },
      data,
      el,
    );
  }, [plot, log, yLabel, width, colours]);

  useEffect(() => {
    exportRef.current = () => (chart.current ? chartPng(chart.current, plot, yLabel) : null);
  }, [exportRef, plot, yLabel]);

  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );

  return (
    <>
      <div ref={box} className="exp-chart" />
      <ChartLegend plot={plot} colours={colours} hover={hover} />
    </>
  );
}
