import type { Simulation } from '../engine/simulation';

/**
 * The browser's memory budget for one recorded run: the trace (its columns and messages), the engine's
 * checkpoints (with the node states they keep) and event journal, and the Replay's indexes. When a recording
 * reaches it, recording stops at that step and the run stays usable up to it (step, seek, step back);
 * the CLI runs it to the end.
 *
 * 160 MB by the model below (Node's object sizes, rounded up) is about 100 MB of a Chromium heap
 * (pointer compression halves most objects): room under 600 MB for the view of a 400-node complete
 * graph and the page itself.
 */
export const RECORDING_BUDGET = 160 * 2 ** 20;

/**
 * A recorded step besides its new objects and the engine's columns (`sim.memory().trace`): the timers'
 * payloads and V8's slack. The step's note and pseudo-code lines are derived when read, never stored
 * (src/engine/recorded.ts), and the Replay's counts are kept every 64th step only (0.6 B per step;
 * until December 2026 its prefix arrays and message index were 36 B of the 176 this was). Fitted so
 * the model is at or above the heap `npm run bench` measures (scripts/bench-memory.ts) for LCR, HS,
 * Bully and GHS (Bully, whose timers the walk does not see, is the closest).
 */
export const BYTES_PER_STEP = 140;

/** An object's header and a property or element slot (64-bit V8 without pointer compression). */
const OBJECT = 24;
const SLOT = 8;
/**
 * What V8 allocates per object the walk counts, beyond header and slots (hidden classes, backing
 * stores grown ahead, the handler's short-lived copies the trace keeps alive): fitted, see above.
 */
const ALLOCATION_FACTOR = 2;

/**
 * Bytes of the objects reachable from `after` that are not the object at the same place in `before`.
 * Handlers are pure and share whatever they did not change (a persistent table copies only the path
 * it changed), so this is what changed between the two — O(what changed) to compute.
 */
export function newBytes(after: unknown, before: unknown, depth = 0): number {
  // Strings in states and messages are the handlers' literals (a kind, a state name): shared.
  if (after === before || after === null || typeof after !== 'object' || depth > 12) return 0;
  if (ArrayBuffer.isView(after)) return OBJECT + after.byteLength;
  if (after instanceof Map || after instanceof Set) return OBJECT + after.size * 5 * SLOT;
  const prev = before !== null && typeof before === 'object' ? (before as Record<string, unknown>) : null;
  if (Array.isArray(after)) {
    let bytes = OBJECT + after.length * SLOT;
    const p = Array.isArray(prev) ? prev : null;
    for (let i = 0; i < after.length; i++) bytes += newBytes(after[i], p?.[i], depth + 1);
    return bytes;
  }
  let bytes = OBJECT;
  const o = after as Record<string, unknown>;
  for (const k in o) bytes += SLOT + newBytes(o[k], prev?.[k], depth + 1);
  return bytes;
}

/**
 * The bytes one recorded step holds, by the model: its share of the columns and indexes, and the
 * objects of the messages it sent (the journal keeps the payloads; a message sent to several
 * neighbours is one object). Its states are not held (recorded.ts re-derives them): the states the
 * checkpoints keep are counted apart (`stateBytes`).
 */
export function stepBytes(messages: readonly unknown[]): number {
  let objects = 0;
  const seen = new Set<unknown>();
  for (const msg of messages) {
    if (!seen.has(msg)) {
      seen.add(msg);
      objects += newBytes(msg, null);
    }
  }
  return BYTES_PER_STEP + objects * ALLOCATION_FACTOR;
}

/**
 * A state a checkpoint keeps: the objects it does not share with the state the previous checkpoint
 * kept for the same node (handlers share what they did not change, so this is what changed between).
 */
export function stateBytes(state: unknown, previous: unknown): number {
  return newBytes(state, previous) * ALLOCATION_FACTOR;
}

/** Counts what a recording holds, one step at a time as the trace grows. */
export class RecordingMeter {
  private counted = 0;
  private statesCounted = 0;
  private traceBytes = 0;

  constructor(
    readonly sim: Simulation,
    readonly budget = RECORDING_BUDGET,
  ) {}

  /** Bytes held by the recording so far: the trace by the model, the engine's structures as it counts them. */
  bytes(): number {
    // The columns, not the array view: reading an entry would build its objects for nothing.
    const t = this.sim.recorded;
    const messages: unknown[] = [];
    for (; this.counted < t.length; this.counted++) {
      messages.length = 0;
      t.eachSend(this.counted, (_seq, msg) => messages.push(msg));
      this.traceBytes += stepBytes(messages);
    }
    this.statesCounted = this.sim.eachCheckpointState(this.statesCounted, (state, previous) => {
      this.traceBytes += stateBytes(state, previous);
    });
    const m = this.sim.memory();
    return this.traceBytes + m.trace + m.journal + m.checkpoints;
  }

  /** True once the recording has reached the budget: the browser records no further step. */
  get full(): boolean {
    return this.bytes() >= this.budget;
  }
}

const meters = new WeakMap<Simulation, RecordingMeter>();

/** The meter of a run the browser records (one per Simulation; the budget of its first call). */
export function meterOf(sim: Simulation, budget = RECORDING_BUDGET): RecordingMeter {
  let m = meters.get(sim);
  if (!m) meters.set(sim, (m = new RecordingMeter(sim, budget)));
  return m;
}

const mb = (bytes: number) => {
  const v = bytes / 2 ** 20;
  return v >= 10 ? v.toFixed(0) : v.toFixed(1);
};

/** The status line's detail when the budget stopped the recording. */
export function budgetStopDetail(step: number, budget = RECORDING_BUDGET): string {
  return (
    `recording stopped at step ${step.toLocaleString('en-US')}: the browser keeps at most ` +
    `${mb(budget)} MB of a run; the CLI line under Share runs it to the end`
  );
}
