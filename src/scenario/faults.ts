import { int, nodeSubset, whole, type AnyParamSpec, type ParamSpec } from '../algorithms/params';
import type { CrashFault, NodeId } from '../engine/types';

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
    const fail = (message: string) => ({ ok: false as const, message });
    const parts = text.split(',').filter((p) => p.trim());
    if (parts.length === 0) return fail('crashes is empty: give id@time pairs, e.g. 8@5');
    if (parts.length > ctx.n) return fail(`crashes lists ${parts.length} crashes for ${ctx.n} nodes`);
    // Sets, not list scans: a link may list a crash for each of 20,000 nodes.
    const down = new Set(ctx.crashed);
    const once = new Set<NodeId>();
    const out: CrashFault[] = [];
    for (const part of parts) {
      // Spaces around `,` and `@` are layout; the id and the time themselves are strict (`int`, `whole`).
      const pair = part.split('@').map((x) => x.trim());
      const id = pair.length === 2 ? int(pair[0]!) : null;
      const at = pair.length === 2 ? whole(pair[1]!) : null;
      if (id === null || at === null) return fail(`crashes: "${part.slice(0, 30)}" is not id@time, e.g. 8@5`);
      if (!ctx.isNode(id)) return fail(`crashes names ${id}, not a node of this system`);
      if (at > MAX_CRASH_TIME) return fail(`crashes: time ${at} of ${id} is past ${MAX_CRASH_TIME}`);
      if (down.has(id)) return fail(`crashes: ${id} is already crashed from the start`);
      if (once.has(id)) return fail(`crashes: ${id} crashes twice; a process crashes once`);
      once.add(id);
      out.push({ id, at });
    }
    if (down.size + out.filter((c) => c.at === 0).length >= ctx.n) return fail(EVERYONE_CRASHES);
    return { ok: true, value: out };
  },
  format: (v) => v.map((c) => `${c.id}@${c.at}`).join(','),
  json: 'crashes',
};

/** The fault options, in the order they are read: a parameter may name crashed nodes (Bully's detector). */
export const FAULT_PARAMS: readonly AnyParamSpec[] = [crashedParam, crashesParam];
