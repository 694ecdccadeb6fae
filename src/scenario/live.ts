import type { CrashFault, LinkDown, MessageDrop, NodeId, TraceEntry } from '../engine/types';
import { dropName } from './network';
import { toFlat } from './encode';
import { parseFlat } from './parse';
import type { Scenario } from './types';

/**
 * The live controls (crash now, recover now, cut this link now, heal now): each adds a fault to the
 * scenario at the current time, so a link replays it, and the steps before the cursor stay the same.
 */

/**
 * The time a fault added at the cursor takes effect. Crashes and recoveries are queued before every
 * event of their time, and a link's state is read when a message is sent, so a fault at the time of a
 * step already taken would change that step; the first time after the cursor's step changes none.
 * At step 0 nothing has happened: the fault is at time 0, before the start-ups.
 */
export function liveTime(trace: readonly TraceEntry[], cursor: number): number {
  return cursor <= 0 ? 0 : trace[cursor - 1]!.time + 1;
}

export type LiveResult = { ok: true; scenario: Scenario; notice: string } | { ok: false; message: string };

type Unit = 'time' | 'round';
const unitOf = (s: Scenario): Unit => (s.timing.mode === 'sync' ? 'round' : 'time');

/** The new scenario through the one validator, so a refusal has the CLI's words. */
function validated(s: Scenario, notice: string): LiveResult {
  const { step: _drop, ...rest } = s;
  const parsed = parseFlat(toFlat(rest));
  if (!parsed.ok) return { ok: false, message: parsed.errors[0]!.message };
  return { ok: true, scenario: parsed.value, notice };
}

const withFaults = (s: Scenario, patch: Partial<Scenario['faults']>): Scenario => ({
  ...s,
  faults: { ...s.faults, ...patch },
});

/** `id` crashes at time `at`: a crash planned for later moves to now. */
export function crashNow(s: Scenario, id: NodeId, at: number): LiveResult {
  if (s.faults.crashes.some((c) => c.id === id && c.at < at))
    return { ok: false, message: `${id} has crashed once already; a process crashes once (C17)` };
  const crashes: CrashFault[] = [...s.faults.crashes.filter((c) => c.id !== id), { id, at }];
  crashes.sort((x, y) => x.at - y.at || x.id - y.id);
  return validated(withFaults(s, { crashes }), `${id} crashes at ${unitOf(s)} ${at}; the run goes on`);
}

/** Crashed `id` comes back at time `at`: a recovery planned for later moves to now. */
export function recoverNow(s: Scenario, id: NodeId, at: number): LiveResult {
  const before = s.faults.recover ?? [];
  if (before.some((r) => r.id === id && r.at < at))
    return { ok: false, message: `${id} has recovered once already; a process recovers once (C17)` };
  const recover = [...before.filter((r) => r.id !== id), { id, at }];
  recover.sort((x, y) => x.at - y.at || x.id - y.id);
  return validated(withFaults(s, { recover }), `${id} recovers at ${unitOf(s)} ${at}; the run goes on`);
}

const samePair = (d: LinkDown, a: NodeId, b: NodeId) => (d.a === a && d.b === b) || (d.a === b && d.b === a);

/** Whether the link a–b is down at `time` by its own `down` entries (a partition aside). */
export function linkDownAt(s: Scenario, a: NodeId, b: NodeId, time: number): boolean {
  return (s.faults.down ?? []).some(
    (d) => samePair(d, a, b) && d.from <= time && (d.to === null || time < d.to),
  );
}

/**
 * The link a–b goes down at time `at`, for `lasts` time units or, with null, until healed. An
 * interval of the link's that would overlap is ended at `at`, so the link has one reading per time.
 */
export function cutNow(s: Scenario, a: NodeId, b: NodeId, at: number, lasts: number | null): LiveResult {
  const to = lasts === null ? null : at + lasts;
  const down = endAt(s.faults.down ?? [], a, b, at);
  down.push({ a, b, from: at, to });
  const until = to === null ? 'until healed' : `until ${unitOf(s)} ${to}`;
  return validated(withFaults(s, { down }), `link ${a}–${b} is cut at ${unitOf(s)} ${at}, ${until}`);
}

/** The link a–b comes back at time `at`: what cuts it from then on ends there. */
export function healNow(s: Scenario, a: NodeId, b: NodeId, at: number): LiveResult {
  if (!(s.faults.down ?? []).some((d) => samePair(d, a, b) && (d.to === null || d.to > at)))
    return { ok: false, message: `link ${a}–${b} is not cut at ${unitOf(s)} ${at} or later` };
  const down = endAt(s.faults.down ?? [], a, b, at);
  return validated(withFaults(s, { down }), `link ${a}–${b} is healed at ${unitOf(s)} ${at}`);
}

/** The down list with every interval of a–b cut short at `at` (those starting at or after it go). */
function endAt(list: readonly LinkDown[], a: NodeId, b: NodeId, at: number): LinkDown[] {
  const out: LinkDown[] = [];
  for (const d of list) {
    if (!samePair(d, a, b) || (d.to !== null && d.to <= at)) out.push(d);
    else if (d.from < at) out.push({ ...d, to: at });
  }
  return out;
}

/**
 * The name (C25) of the message with event seq `seq` sent at step `sendStep`: its channel and its
 * number k on it, counting the sends from→to in the steps up to it, the network's copies (C26) aside.
 * Null where the trace has no such message, or it is a copy (a copy has no name of its own).
 */
export function messageName(trace: readonly TraceEntry[], seq: number, sendStep: number): MessageDrop | null {
  const m = trace[sendStep - 1]?.sends.find((x) => x.seq === seq);
  if (!m || m.copy) return null;
  let k = 0;
  for (let i = 0; i < sendStep; i++)
    for (const x of trace[i]!.sends) {
      if (x.from !== m.from || x.to !== m.to || x.copy) continue;
      k++;
      if (x.seq === seq) return { from: m.from, to: m.to, k };
    }
  return null;
}

const sameDrop = (x: MessageDrop, y: MessageDrop) => x.from === y.from && x.to === y.to && x.k === y.k;

/**
 * The message `d` is dropped (C25): it joins the scenario's drops, and the run goes on without it.
 * Its fate is read when it arrives, so the steps up to the cursor stay the same while it is in flight.
 */
export function dropNow(s: Scenario, d: MessageDrop): LiveResult {
  const before = s.faults.drop ?? [];
  if (before.some((x) => sameDrop(x, d))) return { ok: false, message: `${dropName(d)} is dropped already` };
  const drop = [...before, d].sort((x, y) => x.from - y.from || x.to - y.to || x.k - y.k);
  return validated(
    withFaults(s, { drop }),
    `message ${d.k} from ${d.from} to ${d.to} is dropped (drop ${dropName(d)}); the run goes on`,
  );
}

/** The drop `d` is taken back: the message arrives after all. */
export function undropNow(s: Scenario, d: MessageDrop): LiveResult {
  const before = s.faults.drop ?? [];
  if (!before.some((x) => sameDrop(x, d))) return { ok: false, message: `${dropName(d)} is not dropped` };
  const drop = before.filter((x) => !sameDrop(x, d));
  return validated(
    withFaults(s, { drop }),
    `message ${d.k} from ${d.from} to ${d.to} is delivered again (drop ${dropName(d)} removed)`,
  );
}
