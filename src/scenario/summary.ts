import type { Simulation } from '../engine/simulation';

/** The CLI's JSON contract (docs/architecture.md, Command line): the object the browser's counts are checked against. */
export interface RunSummary {
  algorithm: string;
  mode: 'sync' | 'async';
  n: number;
  leader: number | null;
  messages: number;
  messagesByKind: Record<string, number>;
  /** Present where some messages were sent and never delivered (to crashed nodes, C2). */
  messagesDelivered?: number;
  /** Messages sent and never delivered: lost in the network or dropped at a crashed receiver (C2, C17). */
  lost: number;
  lostByKind: Record<string, number>;
  /** Second copies the network made (C26); present where the scenario gives `dup`, 0 included. */
  duplicated?: number;
  /** What the monitors found (docs/algorithms.md §2.1); empty when every one holds. */
  violations: { step: number; message: string }[];
  rounds?: number;
  time?: number;
  events: number;
  terminated: boolean;
  traceHash: string;
  [extra: string]: unknown;
}

export function summarize(sim: Simulation): RunSummary {
  const c = sim.getCounters();
  const result = sim.result();
  const out: RunSummary = {
    algorithm: sim.algorithm.id,
    mode: sim.timing.mode,
    // The candidates: a lease's store and storage are service nodes beside them (Graph.services).
    n: sim.candidates,
    leader: result.leader,
    messages: c.sent,
    messagesByKind: Object.fromEntries(
      sim.algorithm.kinds.filter((k) => c.sentByKind[k]).map((k) => [k, c.sentByKind[k]!]),
    ),
    lost: c.lost,
    lostByKind: Object.fromEntries(
      Object.entries(c.lostByKind).sort(([x], [y]) => kindOrder(sim, x) - kindOrder(sim, y)),
    ),
    // The monitors' (every run) and the engine's (the algorithm's own monitor, invariants), by step.
    violations: [...(sim.monitors?.violations ?? []), ...sim.runViolations(), ...sim.violations]
      .sort((x, y) => x.step - y.step)
      .map(({ step, message }) => ({ step, message })),
    events: sim.step,
    terminated: sim.terminated,
    traceHash: sim.traceHash(),
  };
  // kinds the algorithm did not declare still count (never hide a message)
  for (const [k, v] of Object.entries(c.sentByKind))
    if (!(k in out.messagesByKind)) out.messagesByKind[k] = v;
  if (c.delivered !== c.sent) out.messagesDelivered = c.delivered;
  // Only where asked for: a run without duplicates keeps its JSON byte for byte.
  if (sim.faults.dup !== undefined) out.duplicated = c.duplicated;
  if (sim.timing.mode === 'sync') out.rounds = c.lastDeliveryTime;
  else out.time = c.lastDeliveryTime;
  if (result.extra) Object.assign(out, result.extra);
  // A protocol that never terminates (Raft) ran up to a time; its monitor's figures and what it saw.
  if (sim.until !== Infinity) out.until = sim.until;
  Object.assign(out, sim.figures());
  return out;
}

/** A kind's place in the algorithm's list (undeclared kinds last). */
function kindOrder(sim: Simulation, kind: string): number {
  const i = sim.algorithm.kinds.indexOf(kind);
  return i < 0 ? Infinity : i;
}
