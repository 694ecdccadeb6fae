import type { FigureDecl } from '../algorithms/contract';
import type { NodeId, RunMonitor, TraceEntry } from '../engine/types';
import type { RunHandle } from './run';
import type { SimState } from './simStore';

/**
 * The run's own figures (the algorithm's RunMonitor: Raft's leader changes, time without a leader …)
 * at the cursor, for the counts panel. The engine's monitor follows the frontier only, so the panel
 * feeds a monitor of its own with the recorded steps up to the cursor — the same calls, in the same
 * order, the engine made — and asks it for the figures at the cursor's time. At the end of a run that
 * went up to its horizon, they are over the whole horizon, as the CLI's JSON reports them.
 */

export interface FigureLine extends FigureDecl {
  value: number;
}

interface Fed {
  monitor: RunMonitor;
  /** Steps fed so far. */
  fed: number;
  /** Nodes down after the steps fed (a crash, until a recovery). */
  down: Set<NodeId>;
}

const cache = new WeakMap<RunHandle, Fed>();

function fresh(run: RunHandle): Fed | null {
  const sim = run.sim;
  const monitor = sim.algorithm.monitor?.(sim.n, sim.params);
  return monitor ? { monitor, fed: 0, down: new Set() } : null;
}

/** Feeds the monitor one recorded step, as the engine did when it ran it. */
function feed(f: Fed, e: TraceEntry): void {
  if (e.kind === 'crash') f.down.add(e.node);
  else if (e.kind === 'recover') f.down.delete(e.node);
  // A node crashed before it started has no state to watch (the engine skips it too).
  if (e.after !== null) f.monitor.step(e.time, e.node, e.after, !f.down.has(e.node), e.step);
}

/** The figures of the run from time 0 to the cursor; null where the algorithm keeps none. */
export function figuresAt(s: Pick<SimState, 'run' | 'cursor'>): FigureLine[] | null {
  const run = s.run;
  let f = cache.get(run);
  if (f === undefined || f.fed > s.cursor) {
    const made = fresh(run);
    if (made === null) return null;
    f = made;
    cache.set(run, f);
  }
  const trace = run.sim.trace;
  const upTo = Math.min(s.cursor, trace.length);
  while (f.fed < upTo) feed(f, trace[f.fed++]!);
  const sim = run.sim;
  // As Simulation.figures: up to the horizon once the run has reached it or has nothing left before it.
  const over = upTo === trace.length && (sim.horizonReached || (sim.terminated && sim.until !== Infinity));
  const end = over ? sim.until : run.replay.time;
  const values = f.monitor.figures(end);
  return figureLines(run.spec.algorithm.figures ?? [], values);
}

/**
 * The declared figures in their order, then any the monitor reports and the module does not declare
 * (never hide a figure), named from their key.
 */
export function figureLines(decls: readonly FigureDecl[], values: Record<string, number>): FigureLine[] {
  const lines: FigureLine[] = [];
  for (const d of decls) if (d.key in values) lines.push({ ...d, value: values[d.key]! });
  for (const [key, value] of Object.entries(values))
    if (!decls.some((d) => d.key === key)) lines.push({ key, label: wordsOf(key), help: '', value });
  return lines;
}

/** `splitBrainTime` → `Split brain time`. */
export function wordsOf(key: string): string {
  const words = key.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
