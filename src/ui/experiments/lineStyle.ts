import type { PlotSeries } from '../../experiments/series';

/** How a series is drawn: a point (filled or hollow) or a line (solid, dashed or dotted). */
export interface SeriesStyle {
  /** Words for the legend and the tests. */
  style: 'point' | 'hollow point' | 'solid' | 'dashed' | 'dotted';
  /** uPlot's and the legend's dash pattern for a line; null for solid lines and points. */
  dash: number[] | null;
}

/**
 * One style per kind, shared by the plot and its legend: measured values are points (data, not a
 * law), the spread over seeds hollow points; exact counts solid lines, bounds dashed, means dotted.
 */
export function styleOf(kind: PlotSeries['kind']): SeriesStyle {
  switch (kind) {
    case 'measured':
      return { style: 'point', dash: null };
    case 'min':
    case 'max':
      return { style: 'hollow point', dash: null };
    case 'exact':
      return { style: 'solid', dash: null };
    case 'mean':
      return { style: 'dotted', dash: [2, 4] };
    case 'upper':
    case 'lower':
      return { style: 'dashed', dash: [8, 5] };
  }
}
