import { findAlgorithm } from '../algorithms/registry';
import type { TimingMode } from '../engine/types';
import { shortName, textbookCurves, type CurveKind, type Metric } from './curves';
import type { OrderName } from './orders';
import type { ExperimentRow } from './runner';

/** One line or point set of the chart; `values[i]` belongs to `x[i]` (null = nothing there). */
export interface PlotSeries {
  /**
   * 'measured' points (the mean over seeds), 'min'/'max' points (the spread over seeds, for a
   * randomized algorithm), or a textbook curve of the given kind.
   */
  kind: 'measured' | 'min' | 'max' | CurveKind;
  algorithm: string;
  order: OrderName;
  label: string;
  values: (number | null)[];
}

/** What the chart draws, as plain data (the panel also puts it on the page for tests to read). */
export interface PlotData {
  metric: Metric;
  x: number[];
  series: PlotSeries[];
}

export interface PlotOptions {
  metric: Metric;
  mode: TimingMode;
  announce: boolean;
}

const key = (algorithm: string, order: string): string => `${algorithm}\u0000${order}`;

/**
 * The measured value at each n (the mean where several seeds ran, so random orders show their
 * average, like n·H_n), each followed by the textbook curves for the same algorithm and order.
 */
export function plotData(rows: readonly ExperimentRow[], opts: PlotOptions): PlotData {
  const x = [...new Set(rows.map((r) => r.n))].sort((a, b) => a - b);
  const column = new Map(x.map((n, i) => [n, i]));
  const groups = new Map<string, { algorithm: string; order: OrderName; rows: ExperimentRow[] }>();
  for (const r of rows) {
    const k = key(r.algorithm, r.order);
    const g = groups.get(k) ?? { algorithm: r.algorithm, order: r.order, rows: [] };
    g.rows.push(r);
    groups.set(k, g);
  }
  const series: PlotSeries[] = [];
  const shared = new Map<string, PlotSeries>();
  for (const g of groups.values()) {
    const sum = new Array<number>(x.length).fill(0);
    const least = new Array<number>(x.length).fill(Infinity);
    const most = new Array<number>(x.length).fill(-Infinity);
    const count = new Array<number>(x.length).fill(0);
    const edges = new Array<number>(x.length).fill(0);
    for (const r of g.rows) {
      const i = column.get(r.n)!;
      const v = opts.metric === 'messages' ? r.messages : r.rounds;
      sum[i]! += v;
      least[i] = Math.min(least[i]!, v);
      most[i] = Math.max(most[i]!, v);
      count[i]!++;
      edges[i] = Math.max(edges[i]!, r.edges);
    }
    const seeds = Math.max(...count);
    series.push({
      kind: 'measured',
      algorithm: g.algorithm,
      order: g.order,
      label: `${shortName(g.algorithm)} ${g.order}: measured${seeds > 1 ? ` (mean of ${seeds} seeds)` : ''}`,
      values: sum.map((s, i) => (count[i] ? s / count[i]! : null)),
    });
    // A randomized algorithm's runs scatter even on one ring: show how far, beside the mean.
    if (seeds > 1 && findAlgorithm(g.algorithm)?.randomized) {
      for (const [kind, values] of [
        ['min', least],
        ['max', most],
      ] as const)
        series.push({
          kind,
          algorithm: g.algorithm,
          order: g.order,
          label: `${shortName(g.algorithm)} ${g.order}: ${kind} of ${seeds} seeds`,
          values: values.map((v, i) => (count[i] ? v : null)),
        });
    }
    for (const c of textbookCurves(g.algorithm, g.order, opts)) {
      if (c.metric !== opts.metric) continue;
      // drawn only where this algorithm and order ran (GHS's bound needs that run's |E|)
      const values = x.map((n, i) => (n >= c.from && count[i] ? c.value(n, edges[i]!) : null));
      // A law shared by several orders (HS's bound holds on every ring) is drawn once, named
      // without the order, over every n any of them ran.
      const id = `${g.algorithm} ${c.kind} ${c.formula}`;
      const same = shared.get(id);
      if (same) {
        same.label = same.label.replace(
          `${shortName(g.algorithm)} ${same.order}:`,
          `${shortName(g.algorithm)}:`,
        );
        same.values = same.values.map((v, i) => v ?? values[i]!);
        continue;
      }
      const curve: PlotSeries = {
        kind: c.kind,
        algorithm: g.algorithm,
        order: g.order,
        label: c.label,
        values,
      };
      shared.set(id, curve);
      series.push(curve);
    }
  }
  return { metric: opts.metric, x, series };
}
