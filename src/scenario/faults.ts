import { nodeSubset, type AnyParamSpec, type ParamSpec } from '../algorithms/params';
import type { CrashFault, NodeId } from '../engine/types';

/**
 * The crash faults, declared like an algorithm's parameters so the CLI, links, files, editor and the
 * graph's per-node toggle treat them alike. An algorithm takes them by declaring `faults: true`
 * (Bully); they are kept here, not in an algorithm, because they describe the network.
 */

/** Most time a crash may be scheduled at. */
export const MAX_CRASH_TIME = 1_000_000_000;

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
    if (list.ok && list.value.length >= ctx.n)
      return { ok: false, message: 'every process is crashed: nobody is left to elect' };
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
      const m = /^\s*(-?\d{1,10})\s*@\s*(\d{1,10})\s*$/.exec(part);
      if (!m) return fail(`crashes: "${part.slice(0, 30)}" is not id@time, e.g. 8@5`);
      const id = Number(m[1]) + 0;
      const at = Number(m[2]);
      if (!ctx.isNode(id)) return fail(`crashes names ${id}, not a node of this system`);
      if (at > MAX_CRASH_TIME) return fail(`crashes: time ${at} of ${id} is past ${MAX_CRASH_TIME}`);
      if (down.has(id)) return fail(`crashes: ${id} is already crashed from the start`);
      if (once.has(id)) return fail(`crashes: ${id} crashes twice; a process crashes once`);
      once.add(id);
      out.push({ id, at });
    }
    return { ok: true, value: out };
  },
  format: (v) => v.map((c) => `${c.id}@${c.at}`).join(','),
  json: 'crashes',
};

/** The fault options, in the order they are read: a parameter may name crashed nodes (Bully's detector). */
export const FAULT_PARAMS: readonly AnyParamSpec[] = [crashedParam, crashesParam];
