import type { SystemPoint } from './system-table';
import { findSystemExperiment, seeded, varyInfo, type SystemSpec } from './systems';

/** One set of points: a variant's mean, or its least / most over the seeds. */
export interface SystemSeries {
  variant: string;
  kind: 'mean' | 'min' | 'max';
  label: string;
  /** values[i] belongs to x[i]; null where this variant has no point. */
  values: (number | null)[];
}

export interface SystemPlot {
  figure: string;
  x: number[];
  series: SystemSeries[];
  /** Axis titles with their units (C22: what a time unit stands for). */
  xTitle: string;
  yTitle: string;
}

const unitWords = (unit: 'time' | 'count', timeUnit: string) =>
  unit === 'time' ? `time units of ${timeUnit}` : 'count';

/** What the chart draws for `figure`: per variant the mean, and the spread where seeds vary the run. */
export function systemPlot(spec: SystemSpec, points: readonly SystemPoint[], figure: string): SystemPlot {
  const exp = findSystemExperiment(spec.preset)!;
  const info = varyInfo(exp, spec.vary)!;
  const fig = exp.figures.find((f) => f.key === figure) ?? exp.figures[0]!;
  const x = [...new Set(points.map((p) => p.value))].sort((a, b) => a - b);
  const spread = seeded(spec);
  const series: SystemSeries[] = [];
  for (const v of exp.variants) {
    const at = (kind: 'mean' | 'min' | 'max') =>
      x.map(
        (value) =>
          points.find((p) => p.value === value && p.variant === v.name)?.stats[fig.key]?.[kind] ?? null,
      );
    const name = exp.variants.length > 1 ? `${v.label}: ` : '';
    series.push({
      variant: v.name,
      kind: 'mean',
      label: `${name}${spread ? `mean over ${spec.seeds} seeds` : fig.label}`,
      values: at('mean'),
    });
    if (spread) {
      series.push({ variant: v.name, kind: 'min', label: `${name}least`, values: at('min') });
      series.push({ variant: v.name, kind: 'max', label: `${name}most`, values: at('max') });
    }
  }
  const xName = spec.vary === 'n' ? `n (${exp.nCounts})` : info.label;
  return {
    figure: fig.key,
    x,
    series,
    xTitle: info.unit === 'time' ? `${xName} (${unitWords('time', exp.timeUnit)})` : xName,
    yTitle: `${fig.label} (${unitWords(fig.unit, exp.timeUnit)})`,
  };
}
