import { exact, lower, upper, type CurveSpec, type Formula, type OrderName } from './contract';

// Kept out of ring.ts: ring.ts is imported by the topology code, and importing the contract from
// there closed an import cycle that left a binding uninitialised in the browser bundle.

/**
 * The experiment curves of a phase algorithm (Peterson, Franklin): exact `worst` on the halving ring,
 * exact `sorted` on a sorted ring from n = 2 (n = 1 has no elimination phase, C13), and both as the
 * upper and lower bounds for any other order.
 */
export function phaseCurves(worst: Formula, sorted: Formula, order: OrderName): CurveSpec[] {
  if (order === 'worst') return [exact(worst)];
  if (order === 'best' || order === 'asc' || order === 'desc') return [exact(sorted, 2)];
  return [upper(worst), lower(sorted, 2)];
}
