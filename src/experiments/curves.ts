import type { CurveKind, Metric } from '../algorithms/contract';
import { findAlgorithm } from '../algorithms/registry';
import type { TimingMode } from '../engine/types';
import type { OrderName } from './orders';

export type { CurveKind, Metric };

/**
 * The textbook counts the chart draws beside the measured points, read from each algorithm's own
 * formulas (AlgorithmModule.counts; docs/algorithms.md §1–2). Each curve says whether it is the exact
 * count of every run it is drawn for, an upper or lower bound, or the mean over all rings; messages
 * include the leader announcement when it is on (C3), as the CLI counts.
 */
export interface Curve {
  algorithm: string;
  order: OrderName;
  metric: Metric;
  kind: CurveKind;
  /** The formula as printed, e.g. `n(n+1)/2 + n`. */
  formula: string;
  /** Legend text: algorithm, order, formula and kind. */
  label: string;
  /** The smallest n the formula holds for (n = 1 is a special case for some, C13). */
  from: number;
  /** `edges` is the graph's |E| (only GHS's bound reads it). */
  value(n: number, edges: number): number;
}

export interface CurveOptions {
  mode: TimingMode;
  /** Whether the runs send the leader announcement (C3). */
  announce: boolean;
}

/** The short name charts and legends use, e.g. `HS`. */
export function shortName(algorithm: string): string {
  return findAlgorithm(algorithm)?.shortName ?? algorithm;
}

const KIND_WORDS: Record<CurveKind, string> = {
  exact: 'exact',
  upper: 'bound',
  lower: 'lower bound',
  mean: 'mean over all rings',
};

/** The textbook curves to draw for runs of `algorithm` with id order `order`. */
export function textbookCurves(algorithm: string, order: OrderName, opts: CurveOptions): Curve[] {
  const alg = findAlgorithm(algorithm);
  if (!alg) return [];
  const ann = opts.announce ? (alg.counts.announcement ?? null) : null;
  const name = alg.shortName;
  const out: Curve[] = [];
  for (const spec of alg.counts.curves(order, opts.mode)) {
    // The announcement adds its messages, and on a ring its rounds (one hop per round after the
    // leader's last election delivery); a rounds curve whose announcement term is unknown is not drawn.
    const add = ann ? (spec.metric === 'messages' ? ann.messages : ann.rounds) : undefined;
    if (ann && add === undefined) continue;
    const f = spec.formula;
    const full = add ? `${f.text} + ${add.text}` : f.text;
    out.push({
      algorithm,
      order,
      metric: spec.metric,
      kind: spec.kind,
      formula: full,
      label: `${name} ${order}: ${full} (${spec.over ? `mean over ${spec.over}` : KIND_WORDS[spec.kind]})`,
      from: spec.from ?? 1,
      value: add ? (n, e) => f.value(n, e) + add.value(n, e) : (n, e) => f.value(n, e),
    });
  }
  return out;
}
