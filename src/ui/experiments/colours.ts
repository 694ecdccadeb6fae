import type { PlotSeries } from '../../experiments/series';

/**
 * Okabe–Ito (colour-blind-safe) first, then Tol's darker tones; no yellow, which vanishes on white.
 * A measured set and its textbook curves share one colour.
 */
const PALETTE = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
  '#882255',
  '#117733',
  '#999933',
  '#44AA99',
  '#AA4499',
];

export function seriesColour(all: readonly PlotSeries[], s: PlotSeries): string {
  const groups: string[] = [];
  for (const x of all) {
    const k = `${x.algorithm} ${x.order}`;
    if (!groups.includes(k)) groups.push(k);
  }
  return PALETTE[groups.indexOf(`${s.algorithm} ${s.order}`) % PALETTE.length]!;
}
