import type { SystemRow } from './system-runner';
import { findSystemExperiment, seeded, type SystemSpec } from './systems';

/** A figure over a point's seeds (C28): the mean (to 3 decimals), the least and the most. */
export interface Stat {
  mean: number;
  min: number;
  max: number;
}

/** One point of the plot and one line of the table: a value, a variant, each figure over its seeds. */
export interface SystemPoint {
  value: number;
  variant: string;
  runs: number;
  stats: Record<string, Stat>;
}

/** The mean as printed everywhere (CSV, JSON, table, hover): 3 decimals, so the CLI and the page agree. */
export const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** The rows grouped by value and variant, in the order they ran. */
export function aggregate(rows: readonly SystemRow[]): SystemPoint[] {
  const points = new Map<string, { value: number; variant: string; rows: SystemRow[] }>();
  for (const r of rows) {
    const key = `${r.value} ${r.variant}`;
    const p = points.get(key) ?? { value: r.value, variant: r.variant, rows: [] };
    p.rows.push(r);
    points.set(key, p);
  }
  return [...points.values()].map((p) => {
    const stats: Record<string, Stat> = {};
    for (const key of Object.keys(p.rows[0]!.figures)) {
      const xs = p.rows.map((r) => r.figures[key]!);
      stats[key] = {
        mean: round3(xs.reduce((a, b) => a + b, 0) / xs.length),
        min: Math.min(...xs),
        max: Math.max(...xs),
      };
    }
    return { value: p.value, variant: p.variant, runs: p.rows.length, stats };
  });
}

/** The table's columns (C28): the varied parameter, the variant where there are several, the figures. */
export function systemColumns(spec: SystemSpec): string[] {
  const exp = findSystemExperiment(spec.preset)!;
  const cols = [spec.vary];
  if (exp.variants.length > 1) cols.push('variant');
  for (const f of exp.figures) {
    if (seeded(spec)) cols.push(`${f.key}_mean`, `${f.key}_min`, `${f.key}_max`);
    else cols.push(f.key);
  }
  return cols;
}

/** A point's cells in the order of systemColumns. */
export function systemCells(spec: SystemSpec, p: SystemPoint): (string | number)[] {
  const exp = findSystemExperiment(spec.preset)!;
  const cells: (string | number)[] = [p.value];
  if (exp.variants.length > 1) cells.push(p.variant);
  for (const f of exp.figures) {
    const s = p.stats[f.key]!;
    if (seeded(spec)) cells.push(s.mean, s.min, s.max);
    else cells.push(s.mean);
  }
  return cells;
}

/** The CSV: header, then one line per point; no cell holds a comma (names are plain words). */
export function systemCsv(spec: SystemSpec, points: readonly SystemPoint[]): string {
  const lines = [systemColumns(spec).join(','), ...points.map((p) => systemCells(spec, p).join(','))];
  return lines.join('\n') + '\n';
}

/**
 * The JSON: the experiment and one object per point, its keys the varied parameter, `variant` where
 * there are several, and each figure — a number for deterministic runs, {mean, min, max} over seeds.
 */
export function systemJson(spec: SystemSpec, points: readonly SystemPoint[]): object {
  const exp = findSystemExperiment(spec.preset)!;
  const over = seeded(spec);
  return {
    preset: spec.preset,
    algorithm: exp.algorithm,
    vary: spec.vary,
    ...(spec.vary === 'n' ? {} : { n: spec.n }),
    mode: spec.mode,
    seeds: over ? spec.seeds : 1,
    points: points.map((p) => {
      const o: Record<string, unknown> = { [spec.vary]: p.value };
      if (exp.variants.length > 1) o.variant = p.variant;
      for (const f of exp.figures) {
        const s = p.stats[f.key]!;
        o[f.key] = over ? { ...s } : s.mean;
      }
      return o;
    }),
  };
}
