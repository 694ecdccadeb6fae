import { HASH_VERSION } from '../engine/hash';
import { canonicalMessage } from '../engine/messageText';
import { Simulation } from '../engine/simulation';
import type { AnyAlgorithm, SentMessage, TraceEntry } from '../engine/types';
import { buildRun } from './build';
import { json, pretty, scenarioObject, TRACE_FORMAT } from './json';
import { summarize } from './summary';
import type { Result, Scenario } from './types';
import { encodeScenario } from './url';

export interface TraceExportOptions {
  /** At most this many steps are written; the file says when it stops short. */
  maxSteps?: number;
  /** Raw states are written only where their JSON is at most this long (0: never). */
  maxStateChars?: number;
  /** Raw states are written only for traces of at most this many steps. */
  statesUpTo?: number;
}

const DEFAULTS: Required<TraceExportOptions> = { maxSteps: 200_000, maxStateChars: 400, statesUpTo: 20_000 };

/**
 * The run up to the cursor as a file a student can hand in: the scenario (and its link), the summary
 * the CLI prints for the same cursor, and one line per step — what was received from whom, what was
 * sent and when it arrives, the note, the role change, and what changed in the inspector's view of the
 * node. Raw states only where small, so a long run stays a file one can open.
 */
export function traceToJson(sim: Simulation, scenario: Scenario, options: TraceExportOptions = {}): string {
  const w = new TraceWriter(sim, scenario, options);
  w.write(() => false);
  return w.take();
}

/**
 * traceToJson a slice at a time, the same bytes: the browser writes a 55 MB trace (Bully on a complete
 * graph of 400) without holding the tab, handing each slice's text on (`take`) as it goes. The run
 * must not move meanwhile: the head (summary, cursor) is read when the writer is made.
 */
export class TraceWriter {
  /** Steps that will be written. */
  readonly count: number;
  private readonly withStates: number;
  private k = 0;
  private closed = false;
  private pending: string[] = [];

  constructor(
    private readonly sim: Simulation,
    scenario: Scenario,
    options: TraceExportOptions = {},
  ) {
    const o = { ...DEFAULTS, ...options };
    const available = Math.min(sim.step, sim.trace.length);
    const count = Math.min(available, o.maxSteps);
    const withStates = o.maxStateChars > 0 && count <= o.statesUpTo;
    this.count = count;
    this.withStates = withStates ? o.maxStateChars : 0;
    const notes: string[] = [];
    if (available < sim.step)
      notes.push(`the run was not recorded: ${sim.step - available} steps are missing`);
    if (count < available) notes.push(`only the first ${count} of ${available} steps are written`);
    notes.push(
      withStates
        ? `"state" is the node's state after the step, where it is at most ${o.maxStateChars} characters`
        : 'raw states are left out; "changes" shows what changed in the inspector view',
    );
    const head = {
      format: TRACE_FORMAT,
      v: scenario.v,
      link: encodeScenario(scenario),
      scenario: scenarioObject(scenario),
      summary: summarize(sim),
      // Files without it (before December 2026) carry a version-1 trace hash (scenario/legacyHash.ts).
      hashVersion: HASH_VERSION,
      cursor: sim.step,
      finished: sim.done,
      stepsWritten: count,
      notes,
    };
    // One step a line: readable, diffable, and a 10⁵-step run stays 10⁵ lines.
    this.pending.push(`${pretty(head, '').slice(0, -2)},\n  "steps": [\n`);
  }

  /** How much is written, 0…1. */
  get fraction(): number {
    return this.closed ? 1 : this.count === 0 ? 0 : this.k / this.count;
  }

  /**
   * Writes steps until all are written or `enough()` says stop (asked every 64 steps); returns whether
   * the file is complete.
   */
  write(enough: () => boolean): boolean {
    const alg = this.sim.algorithm;
    while (this.k < this.count) {
      const line = json(stepRecord(this.sim.trace[this.k]!, alg, this.withStates));
      this.pending.push(this.k === 0 ? `    ${line}` : `,\n    ${line}`);
      this.k++;
      if ((this.k & 63) === 0 && this.k < this.count && enough()) return false;
    }
    if (!this.closed) this.pending.push('\n  ]\n}\n');
    this.closed = true;
    return true;
  }

  /** The text written since the last take. */
  take(): string {
    const out = this.pending.join('');
    this.pending = [];
    return out;
  }
}

/** Runs a scenario to its end with recording on and exports the whole trace. */
export function runTraceJson(scenario: Scenario, options: TraceExportOptions = {}): Result<string> {
  const run = buildRun(scenario);
  if (!run.ok) return run;
  const sim = new Simulation({ ...run.value, record: true, hash: true });
  sim.runToEnd();
  return { ok: true, value: traceToJson(sim, scenario, options) };
}

function label(alg: AnyAlgorithm, msg: { kind: string }): string {
  try {
    return alg.label ? alg.label(msg) : canonicalMessage(msg);
  } catch {
    return canonicalMessage(msg);
  }
}

function sendRecord(alg: AnyAlgorithm, s: SentMessage): Record<string, unknown> {
  return { seq: s.seq, to: s.to, message: label(alg, s.msg), deliverAt: s.deliverAt };
}

function stepRecord(e: TraceEntry, alg: AnyAlgorithm, maxStateChars: number): Record<string, unknown> {
  const out: Record<string, unknown> = { step: e.step, time: e.time, kind: e.kind, node: e.node };
  if (e.from !== undefined) out.from = e.from;
  if (e.msg) {
    out.message = label(alg, e.msg);
    out.fields = e.msg;
    if (e.msgSeq !== undefined) out.seq = e.msgSeq;
  }
  if (e.timer !== undefined) out.timer = e.timer;
  out.sends = e.sends.map((s) => sendRecord(alg, s));
  out.note = e.note;
  out.roleBefore = e.roleBefore;
  out.roleAfter = e.roleAfter;
  if (e.lines.length) out.lines = e.lines;
  const changes = describeChanges(alg, e.before, e.after);
  if (changes) out.changes = changes;
  if (maxStateChars > 0 && e.after !== null && e.after !== undefined) {
    const text = json(e.after);
    if (text.length <= maxStateChars) out.state = JSON.parse(text) as unknown;
  }
  return out;
}

/** What changed in the inspector's view of the node: `{status: ["unknown", "chosen"]}`. */
function describeChanges(alg: AnyAlgorithm, before: unknown, after: unknown): Record<string, unknown> | null {
  if (after === null || after === undefined || before === after) return null;
  try {
    const b = before === null || before === undefined ? {} : alg.describe(before);
    const a = alg.describe(after);
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(a)) if (!Object.is(a[k], b[k])) out[k] = k in b ? [b[k], a[k]] : [null, a[k]];
    return Object.keys(out).length ? out : null;
  } catch {
    return null;
  }
}
