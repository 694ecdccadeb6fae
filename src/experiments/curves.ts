import type { TimingMode } from '../engine/types';
import type { OrderName } from './orders';

/**
 * The textbook counts (algorithms.md §1–2) the chart draws beside the measured points. Each curve says
 * whether it is the exact count of every run it is drawn for, an upper or lower bound, or the mean
 * over all rings; messages include the leader announcement when it is on (C3), as the CLI counts.
 */
export type CurveKind = 'exact' | 'upper' | 'lower' | 'mean';
export type Metric = 'messages' | 'rounds';

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

const log2 = Math.log2;
const ceilLog2 = (n: number): number => {
  let l = 0;
  while (2 ** l < n) l++;
  return l;
};
const floorLog2 = (n: number): number => {
  let l = 0;
  while (2 ** (l + 1) <= n) l++;
  return l;
};
const harmonic = (n: number): number => {
  let h = 0;
  for (let i = 1; i <= n; i++) h += 1 / i;
  return h;
};

const NAMES: Record<string, string> = {
  lcr: 'LCR',
  'chang-roberts': 'Chang–Roberts',
  hs: 'HS',
  peterson: 'Peterson',
  bully: 'Bully',
  tree: 'Tree',
  ghs: 'GHS',
};

/** The short name charts and legends use, e.g. `HS` for `hs`. */
export function shortName(algorithm: string): string {
  return NAMES[algorithm] ?? algorithm;
}

const KIND_WORDS: Record<CurveKind, string> = {
  exact: 'exact',
  upper: 'bound',
  lower: 'lower bound',
  mean: 'mean over all rings',
};

type Spec = [
  metric: Metric,
  kind: CurveKind,
  formula: string,
  value: (n: number, e: number) => number,
  from?: number,
];

/** The curves of one algorithm for one order, before the announcement term is added. */
function specsFor(algorithm: string, order: OrderName, mode: TimingMode): Spec[] {
  const sorted = order === 'asc' || order === 'desc';
  switch (algorithm) {
    case 'lcr':
    case 'chang-roberts': {
      // §1.1/§1.2: with every process initiating, Chang–Roberts sends exactly LCR's messages; the
      // count does not depend on the schedule, so sync and async share it.
      const rounds: Spec[] = mode === 'sync' ? [['rounds', 'exact', 'n', (n) => n]] : [];
      if (order === 'worst' || order === 'desc')
        return [['messages', 'exact', 'n(n+1)/2', (n) => (n * (n + 1)) / 2], ...rounds];
      if (order === 'best' || order === 'asc')
        return [['messages', 'exact', '2n−1', (n) => 2 * n - 1], ...rounds];
      return [['messages', 'mean', 'n·H_n', (n) => n * harmonic(n)], ...rounds];
    }
    case 'hs': {
      // §1.3: sync rounds 2^(⌈log n⌉+1) + n − 2 on every ring (the largest id never loses a phase).
      const out: Spec[] = [['messages', 'upper', '8n(1+⌈log n⌉)', (n) => 8 * n * (1 + ceilLog2(n))]];
      if (order === 'best' || sorted)
        // Sorted ring, n ≥ 2: phase 0 costs 3n (the smallest id's two tokens die at once, the largest
        // one's both come back, every other id's cw token dies and its ccw one comes back); the largest
        // then pays 4·2^l in phases 1 … L−1 and 2n in the last, L = ⌈log n⌉. This gives the golden
        // "HS sorted" column (28, 49, 64, 116, 136, 280, 568 at n = 4, 5, 8, 12, 16, 32, 64).
        out.push([
          'messages',
          'exact',
          '5n + 2^(⌈log n⌉+2) − 8',
          (n) => 5 * n + 2 ** (ceilLog2(n) + 2) - 8,
          2,
        ]);
      if (mode === 'sync')
        out.push(['rounds', 'exact', '2^(⌈log n⌉+1) + n − 2', (n) => 2 ** (ceilLog2(n) + 1) + n - 2]);
      return out;
    }
    case 'peterson': {
      // §1.4: 2n per phase with ≥ 2 active processes plus n for the last; schedule-independent.
      const bound: Spec = ['messages', 'upper', '2n⌊log n⌋ + n', (n) => 2 * n * floorLog2(n) + n];
      if (order === 'worst') return [['messages', 'exact', '2n⌊log n⌋ + n', bound[3]]];
      // n = 1 sends a single p1 (C13); from n = 2 on at least one phase has two active processes.
      if (order === 'best' || sorted) return [['messages', 'exact', '3n', (n) => 3 * n, 2]];
      return [bound, ['messages', 'lower', '3n', (n) => 3 * n, 2]];
    }
    case 'bully': {
      // §1.5, no crash, detector of rank k: (n−k+1)(n−k) + n − 1 in sync; async is at most that.
      const k = mode === 'sync' ? 'exact' : 'upper';
      if (order === 'best') return [['messages', k, 'n−1', (n) => n - 1]];
      if (order === 'random')
        // The detector's rank is uniform in 1..n: the mean of (n−k+1)(n−k) + n − 1 over k.
        return [
          [
            'messages',
            mode === 'sync' ? 'mean' : 'upper',
            '(n²−1)/3 + n − 1',
            (n) => (n * n - 1) / 3 + n - 1,
          ],
          ['messages', 'upper', 'n²−1', (n) => n * n - 1],
        ];
      return [['messages', k, 'n²−1', (n) => n * n - 1]];
    }
    case 'tree':
      // §1.7: n−1 or n `up` messages (async: n for n ≥ 2); the announcement is added below.
      return [
        ['messages', 'lower', 'n−1', (n) => n - 1, 2],
        ['messages', 'upper', 'n', (n) => n, 2],
      ];
    case 'ghs':
      // §1.8: GHS itself ≤ 5n log n + 2|E|, then the convergecast on the MST sends at most n `up`.
      return [['messages', 'upper', '5n log n + 2|E| + n', (n, e) => 5 * n * log2(n) + 2 * e + n]];
    default:
      return [];
  }
}

/** The announcement's cost (C3): n around a ring, n − 1 over a tree; Bully's COORDINATOR is already counted. */
function announcement(algorithm: string): { formula: string; value: (n: number) => number } | null {
  if (algorithm === 'bully') return null;
  if (algorithm === 'tree' || algorithm === 'ghs') return { formula: 'n−1', value: (n) => n - 1 };
  return { formula: 'n', value: (n) => n };
}

/** The textbook curves to draw for runs of `algorithm` with id order `order`. */
export function textbookCurves(algorithm: string, order: OrderName, opts: CurveOptions): Curve[] {
  const ann = opts.announce ? announcement(algorithm) : null;
  const name = shortName(algorithm);
  return specsFor(algorithm, order, opts.mode).map(([metric, kind, formula, f, from = 1]): Curve => {
    // On a ring the announcement adds n messages and n rounds: it starts with the leader's last
    // election delivery and takes one hop per round (only rings have rounds curves).
    const add = ann;
    const full = add ? `${formula} + ${add.formula}` : formula;
    return {
      algorithm,
      order,
      metric,
      kind,
      formula: full,
      label: `${name} ${order}: ${full} (${KIND_WORDS[kind]})`,
      from,
      value: add ? (n, e) => f(n, e) + add.value(n) : f,
    };
  });
}
