import type { PlotData } from '../../experiments/series';
import { fmt } from '../format';
import { styleOf } from './lineStyle';

/** A short sample of the series' mark: a dot, a hollow dot, or a solid, dashed or dotted line. */
function Swatch({ kind, colour }: { kind: PlotData['series'][number]['kind']; colour: string }) {
  const { style, dash } = styleOf(kind);
  return (
    <svg width="40" height="14" viewBox="0 0 40 14" aria-hidden="true" data-style={style}>
      {style === 'point' && <circle cx="20" cy="7" r="4.5" fill={colour} />}
      {style === 'hollow point' && (
        <circle cx="20" cy="7" r="4" fill="#fff" stroke={colour} strokeWidth="1.8" />
      )}
      {(style === 'solid' || style === 'dashed' || style === 'dotted') && (
        <line
          x1="1"
          y1="7"
          x2="39"
          y2="7"
          stroke={colour}
          strokeWidth={style === 'solid' ? 2 : 2.5}
          strokeDasharray={dash ? dash.join(' ') : undefined}
        />
      )}
    </svg>
  );
}

const fmtValue = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : Number.isInteger(v) ? fmt(v) : v.toFixed(1);

/**
 * The plot's legend: each series with its mark drawn as on the plot, so measured points, exact
 * counts, bounds and means differ by more than colour; and its value at the n under the pointer.
 */
export function ChartLegend({
  plot,
  colours,
  hover,
}: {
  plot: PlotData;
  colours: readonly string[];
  /** Index into plot.x under the pointer, or null. */
  hover: number | null;
}) {
  const n = hover === null ? null : plot.x[hover];
  return (
    <table className="exp-legend" aria-label="Plot legend">
      <caption data-testid="legend-at">
        {n === null || n === undefined
          ? 'Point at the plot to read the values at one n.'
          : `Values at n = ${n}`}
      </caption>
      <tbody>
        {plot.series.map((s, i) => (
          <tr key={s.label} data-kind={s.kind} data-style={styleOf(s.kind).style}>
            <td className="exp-swatch">
              <Swatch kind={s.kind} colour={colours[i]!} />
            </td>
            <th scope="row">{s.label}</th>
            <td className="exp-legend-value">{hover === null ? '' : fmtValue(s.values[hover])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
