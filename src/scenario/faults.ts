import type { AnyModule } from '../algorithms/contract';
import {
  int,
  nodeSubset,
  whole,
  type AnyParamSpec,
  type ParamContext,
  type ParamSpec,
  type Parsed,
} from '../algorithms/params';
import type { CrashFault, Faults, NodeId } from '../engine/types';
import { downParam, dropParam, dupParam, lossParam, partParam } from './network';

/**
 * The crash faults, declared like an algorithm's parameters so the CLI, links, files, editor and the
 * graph's per-node toggle treat them alike. An algorithm takes them by declaring `faults: true`
 * (Bully); they are kept here, not in an algorithm, because they describe the network.
 */

/** Most time a crash may be scheduled at. */
export const MAX_CRASH_TIME = 1_000_000_000;

/**
 * The refusal of a run where every process is down from the start, whichever option (or mix) says so:
 * `crashed`, a crash at time 0 (`--crash-at 1@0,2@0,3@0`: a crash at time 0 comes before any
 * start-up), or some of each. Nobody is there to elect anyone. A run where the last processes crash
 * later stays a run: a leader is elected, then lost, which is worth watching (and Bully's detector
 * property covers it).
 */
export const EVERYONE_CRASHES = 'every process is crashed: nobody is left to elect';

export const crashedParam: ParamSpec<NodeId[]> = {
  key: 'crashed',
  label: 'Crashed from the start (ids)',
  help: 'processes crashed before the run: never woken; messages to them are sent and lost (C2)',
  control: 'ids',
  default: [],
  cli: { flag: '--crashed', metavar: '8' },
  placeholder: 'none',
  toggle: { noun: 'crashed', state: 'crashed', absent: 'none' },
  parse: (text, ctx) => {
    const list = nodeSubset('crashed', text, ctx);
    if (list.ok && list.value.length >= ctx.n) return { ok: false, message: EVERYONE_CRASHES };
    return list;
  },
  format: (v) => v.join(','),
  json: 'ids',
};

export const crashesParam: ParamSpec<CrashFault[]> = {
  key: 'crashes',
  label: 'Crash during the run (id@time, …)',
  help: 'processes that crash at a simulated time (a round in sync mode), e.g. 8@5',
  control: 'text',
  default: [],
  cli: { flag: '--crash-at', metavar: '8@5' },
  placeholder: 'e.g. 8@3',
  parse: (text, ctx) => {
    const listed = text.split(',').filter((p) => p.trim()).length;
    if (listed > ctx.n) return { ok: false, message: `crashes lists ${listed} crashes for ${ctx.n} nodes` };
    // Sets, not list scans: a link may list a crash for each of 20,000 nodes.
    const down = new Set(ctx.crashed);
    const read = idAtTimes(text, ctx, { key: 'crashes', example: '8@5', does: 'crashes' }, (id) =>
      down.has(id) ? `crashes: ${id} is already crashed from the start` : null,
    );
    if (!read.ok) return read;
    if (down.size + read.value.filter((c) => c.at === 0).length >= ctx.n)
      return { ok: false, message: EVERYONE_CRASHES };
    return read;
  },
  format: (v) => v.map((c) => `${c.id}@${c.at}`).join(','),
  json: 'crashes',
};

/**
 * Crashed processes that come back (crash-recovery, C17): `3@30`. Each names a process that crashes
 * (from the start or during the run) and a time after its crash; a process recovers once.
 */
export const recoverParam: ParamSpec<CrashFault[]> = {
  key: 'recover',
  label: 'Recover (id@time, …)',
  help: "crashed processes that come back at a time, e.g. 3@30; what they keep is the algorithm's choice (C17)",
  control: 'text',
  default: [],
  cli: { flag: '--recover', metavar: '3@30' },
  placeholder: 'e.g. 3@30',
  parse: (text, ctx) => {
    const crashAt = new Map<NodeId, number>(ctx.crashed.map((id) => [id, 0]));
    for (const c of ctx.crashes ?? []) crashAt.set(c.id, c.at);
    return idAtTimes(text, ctx, { key: 'recover', example: '3@30', does: 'recovers' }, (id, at) => {
      const crash = crashAt.get(id);
      if (crash === undefined)
        return `recover: ${id} never crashes; only a crashed process recovers (see crashed, crashes)`;
      if (at <= crash)
        return `recover: ${id} recovers at ${at} but crashes at ${crash}; it must recover after its crash`;
      return null;
    });
  },
  format: (v) => v.map((c) => `${c.id}@${c.at}`).join(','),
  json: 'crashes',
};

/**
 * A list of `id@time` pairs (crashes, recoveries), each id a node named once and each time a whole
 * number up to MAX_CRASH_TIME; `check` adds the option's own rule for a pair. Spaces around `,` and
 * `@` are layout; the id and the time themselves are strict (`int`, `whole`).
 */
function idAtTimes(
  text: string,
  ctx: ParamContext,
  what: { key: string; example: string; does: 'crashes' | 'recovers' },
  check: (id: NodeId, at: number) => string | null,
): Parsed<CrashFault[]> {
  const { key, example, does } = what;
  const fail = (message: string) => ({ ok: false as const, message });
  const parts = text.split(',').filter((p) => p.trim());
  if (parts.length === 0) return fail(`${key} is empty: give id@time pairs, e.g. ${example}`);
  const once = new Set<NodeId>();
  const out: CrashFault[] = [];
  for (const part of parts) {
    const pair = part.split('@').map((x) => x.trim());
    const id = pair.length === 2 ? int(pair[0]!) : null;
    const at = pair.length === 2 ? whole(pair[1]!) : null;
    if (id === null || at === null)
      return fail(`${key}: "${part.slice(0, 30)}" is not id@time, e.g. ${example}`);
    if (!ctx.isNode(id)) return fail(`${key} names ${id}, not a node of this system`);
    if (at > MAX_CRASH_TIME) return fail(`${key}: time ${at} of ${id} is past ${MAX_CRASH_TIME}`);
    const own = check(id, at);
    if (own !== null) return fail(own);
    if (once.has(id)) return fail(`${key}: ${id} ${does} twice; a process ${does} once`);
    once.add(id);
    out.push({ id, at });
  }
  return { ok: true, value: out };
}

/**
 * The fault options, in the order they are read: a parameter may name crashed nodes (Bully's
 * detector), and a recovery names a crash.
 */
export const FAULT_PARAMS: readonly AnyParamSpec[] = [
  crashedParam,
  crashesParam,
  recoverParam,
  lossParam,
  downParam,
  partParam,
  dropParam,
  dupParam,
];

/**
 * Whether the algorithm's bound speaks for a run with these faults: never under the network's faults
 * or a recovery (C17); under crashes only for an algorithm built around them (Bully), by its `holds`.
 */
export function boundSpeaksFor(alg: AnyModule, f: Faults): boolean {
  if (networkMisbehaves(f)) return false;
  if (!alg.faults && (f.crashed.length > 0 || f.crashes.length > 0)) return false;
  return alg.counts.holds?.(f) !== false;
}

/** The faults no bound of the counts panel speaks for: the network's (C17, C25, C26), and recoveries. */
export function networkMisbehaves(f: Faults): boolean {
  return (
    (f.loss ?? 0) > 0 ||
    (f.down?.length ?? 0) > 0 ||
    (f.part?.length ?? 0) > 0 ||
    (f.drop?.length ?? 0) > 0 ||
    (f.dup ?? 0) > 0 ||
    (f.recover?.length ?? 0) > 0
  );
}
