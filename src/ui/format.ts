// One formatter: toLocaleString builds a new one per call, measured at ~7% of a busy frame.
const NUMBER = new Intl.NumberFormat('en-US');
/** 1234567 → "1,234,567": counts a lecture hall can read. */
export const fmt = (v: number): string => NUMBER.format(v);

/** A speed with two significant digits: 0.25, 2.0, 15, 120. */
export function fmtSpeed(v: number): string {
  if (v >= 100) return String(Math.round(v));
  if (v >= 10) return v.toFixed(0);
  if (v >= 1) return v.toFixed(1);
  return v.toPrecision(2);
}

/** A value from an algorithm's describe(): booleans as yes/no, missing as a dash. */
export function fmtValue(v: unknown): string {
  if (v === undefined || v === null) return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : v > 0 ? '∞' : '−∞';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}
