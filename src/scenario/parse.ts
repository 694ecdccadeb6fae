import type { NodeId, TimingMode, TopologyKind } from '../engine/types';
import { findAlgorithm, ALGORITHMS } from '../algorithms/registry';
import { LIMITS, TOPOLOGY_NAMES, type EdgeSpec, type IdSpec } from '../topology/spec';
import { migrateFlat } from './migrate';
import { OPTION_OWNERS } from './options';
import { CURRENT_VERSION, type FieldError, type Result, type Scenario, type ScenarioParams } from './types';

/**
 * The one place a scenario is validated. Input is the flat key → text form shared by the URL hash and
 * the CLI (`alg=lcr&n=8&ids=desc…`); every error names its key and says what is wrong.
 */
export type Flat = Record<string, string>;

export const FLAT_KEYS = [
  'v',
  'alg',
  'topo',
  'n',
  'ids',
  'edges',
  'mode',
  'maxDelay',
  'seed',
  'announce',
  'initiators',
  'initiator',
  'wake',
  'crashed',
  'crashes',
  'coordinatorTo',
  'excludeKnownCrashed',
  'step',
] as const;

/**
 * Caps of the codec beyond the graph caps of LIMITS (src/topology/spec.ts). No value, link or file
 * past these is read, so nothing a link asks for can freeze a tab.
 */
export const CODEC_LIMITS = {
  /** Characters of one value: room for LIMITS.maxEdges edges written out in full. */
  maxText: 8_000_000,
  /**
   * The step a link may open at. Opening at step k replays k steps with recording on; performance.md
   * designs the history for runs of 10⁶ steps.
   */
  maxStep: 1_000_000,
  /** The latest simulated time a crash may be scheduled at. */
  maxCrashTime: 1_000_000_000,
} as const;

const TOPOLOGIES: readonly TopologyKind[] = [
  'ring-uni',
  'ring-bi',
  'complete',
  'path',
  'star',
  'tree',
  'grid',
  'hypercube',
  'random',
  'custom',
];

export const DEFAULTS = { n: 8, mode: 'sync' as TimingMode, maxDelay: 10, seed: 1 };

function int(text: string): number | null {
  if (!/^-?\d{1,16}$/.test(text.trim())) return null;
  const v = Number(text.trim());
  // `-0` is 0: ids and counts have one spelling each, so a link survives a round trip unchanged.
  return Number.isSafeInteger(v) ? v + 0 : null;
}

function idList(key: string, text: string, errors: FieldError[]): NodeId[] | null {
  const parts = text.split(',').map((p) => p.trim());
  if (text.trim() === '') {
    errors.push({ field: key, message: `${key} is empty: give ids separated by commas, e.g. 5,3,8` });
    return null;
  }
  const out: NodeId[] = [];
  for (const p of parts) {
    const v = int(p);
    if (v === null || Math.abs(v) > LIMITS.maxId) {
      errors.push({
        field: key,
        message: `${key}: "${p.slice(0, 20)}" is not an integer id (|id| ≤ ${LIMITS.maxId})`,
      });
      return null;
    }
    out.push(v);
  }
  return out;
}

function duplicates(list: NodeId[]): NodeId[] {
  const seen = new Set<NodeId>();
  const dup = new Set<NodeId>();
  for (const x of list) (seen.has(x) ? dup : seen).add(x);
  return [...dup];
}

function edgeList(text: string, errors: FieldError[]): EdgeSpec[] | null {
  const out: EdgeSpec[] = [];
  const parts = text.split(',').filter((p) => p.trim() !== '');
  if (parts.length === 0) {
    errors.push({ field: 'edges', message: 'edges is empty: give pairs like 1-2:4,2-3:7' });
    return null;
  }
  if (parts.length > LIMITS.maxEdges) {
    errors.push({
      field: 'edges',
      message: `edges: ${parts.length} edges is more than the ${LIMITS.maxEdges} supported`,
    });
    return null;
  }
  const seen = new Set<string>();
  for (const p of parts) {
    // Weights as JavaScript prints numbers (`0.5`, `1e-7`), so any weight written out reads back.
    const m =
      /^\s*(-?\d{1,10})\s*-\s*(-?\d{1,10})\s*(?::\s*(-?\d{1,400}(?:\.\d{1,400})?(?:e[+-]?\d{1,3})?)\s*)?$/i.exec(
        p,
      );
    if (!m) {
      errors.push({
        field: 'edges',
        message: `edges: "${p.slice(0, 30)}" is not an edge; write a-b or a-b:weight`,
      });
      return null;
    }
    const a = Number(m[1]) + 0;
    const b = Number(m[2]) + 0;
    if (Math.abs(a) > LIMITS.maxId || Math.abs(b) > LIMITS.maxId) {
      errors.push({
        field: 'edges',
        message: `edges: ${a}-${b} names an id beyond ±${LIMITS.maxId}`,
      });
      return null;
    }
    if (a === b) {
      errors.push({ field: 'edges', message: `edges: ${a}-${b} is a self-loop` });
      return null;
    }
    // Edges are undirected: 2-1 after 1-2 is the same edge, and a multigraph has no meaning here.
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (seen.has(key)) {
      errors.push({ field: 'edges', message: `edges: ${a}-${b} is listed twice` });
      return null;
    }
    seen.add(key);
    const e: EdgeSpec = { a, b };
    if (m[3] !== undefined) {
      const w = Number(m[3]) + 0;
      if (!Number.isFinite(w) || Math.abs(w) > LIMITS.maxWeight) {
        errors.push({ field: 'edges', message: `edges: weight ${m[3]} of ${a}-${b} is out of range` });
        return null;
      }
      e.w = w;
    }
    out.push(e);
  }
  return out;
}

function bool(key: string, text: string, errors: FieldError[]): boolean | null {
  const t = text.trim().toLowerCase();
  if (t === '1' || t === 'true' || t === 'yes') return true;
  if (t === '0' || t === 'false' || t === 'no') return false;
  errors.push({ field: key, message: `${key} must be 1 or 0, not "${text.slice(0, 20)}"` });
  return null;
}

export function parseFlat(input: Flat): Result<Scenario> {
  const errors: FieldError[] = [];
  for (const [k, val] of Object.entries(input)) {
    if (typeof val !== 'string')
      errors.push({ field: k.slice(0, 30), message: `${k.slice(0, 30)} must be text` });
    else if (val.length > CODEC_LIMITS.maxText)
      errors.push({
        field: k.slice(0, 30),
        message: `${k.slice(0, 30)} is too long (${val.length} characters; at most ${CODEC_LIMITS.maxText})`,
      });
  }
  if (errors.length) return { ok: false, errors };
  // Old versions are brought up to date first: a migration may rename keys.
  const migrated = migrateFlat(input);
  if (!migrated.ok) return migrated;
  const flat = migrated.value;
  for (const k of Object.keys(flat)) {
    if (!(FLAT_KEYS as readonly string[]).includes(k))
      errors.push({ field: k.slice(0, 30), message: `unknown key "${k.slice(0, 30)}"` });
  }
  if (errors.length) return { ok: false, errors };
  if (flat.v !== undefined && flat.v !== String(CURRENT_VERSION))
    return {
      ok: false,
      errors: [{ field: 'v', message: `version v=${flat.v} is not v=${CURRENT_VERSION}` }],
    };
  const algId = (flat.alg ?? '').trim();
  const alg = findAlgorithm(algId);
  if (!alg) {
    const known = ALGORITHMS.map((a) => a.id).join(', ');
    errors.push({
      field: 'alg',
      message: algId
        ? `unknown algorithm "${algId.slice(0, 30)}" (known: ${known})`
        : `no algorithm given (one of: ${known})`,
    });
    return { ok: false, errors };
  }

  // ids and n
  let ids: IdSpec = { order: 'asc' };
  let n: number | null = null;
  if (flat.ids !== undefined) {
    const t = flat.ids.trim();
    if (t === 'asc' || t === 'desc' || t === 'random') ids = { order: t };
    else {
      const list = idList('ids', t, errors);
      if (list) {
        const dup = duplicates(list);
        if (dup.length)
          errors.push({
            field: 'ids',
            message: `duplicate id${dup.length > 1 ? 's' : ''} ${dup.slice(0, 5).join(', ')}: ids must be distinct`,
          });
        ids = { list };
        n = list.length;
      }
    }
  }
  let edges: EdgeSpec[] | undefined;
  if (flat.edges !== undefined) {
    const e = edgeList(flat.edges, errors);
    if (e) {
      edges = e;
      const endpoints = [...new Set(e.flatMap((x) => [x.a, x.b]))].sort((a, b) => a - b);
      if ('list' in ids) {
        const known = new Set(ids.list);
        const stray = endpoints.filter((x) => !known.has(x));
        if (stray.length)
          errors.push({
            field: 'edges',
            message: `edges name ${stray.slice(0, 5).join(', ')}, which ${stray.length > 1 ? 'are' : 'is'} not in ids`,
          });
      } else {
        ids = { list: endpoints };
        n = endpoints.length;
      }
    }
  }
  if (flat.n !== undefined) {
    const v = int(flat.n);
    if (v === null)
      errors.push({ field: 'n', message: `n must be a whole number, not "${flat.n.slice(0, 20)}"` });
    else if (v < 1) errors.push({ field: 'n', message: `n = ${v}: a system needs at least one process` });
    else if (v > LIMITS.maxNodes)
      errors.push({ field: 'n', message: `n = ${v} is more than the ${LIMITS.maxNodes} nodes supported` });
    else if (n !== null && v !== n)
      errors.push({ field: 'n', message: `n = ${v} but the ids list ${n} nodes` });
    else n = v;
  }
  if (n === null) n = DEFAULTS.n;
  if (n > LIMITS.maxNodes)
    errors.push({ field: 'ids', message: `${n} nodes is more than the ${LIMITS.maxNodes} supported` });

  let kind: TopologyKind = edges ? 'custom' : alg.topologies[0]!;
  if (flat.topo !== undefined) {
    const t = flat.topo.trim() as TopologyKind;
    if (!TOPOLOGIES.includes(t))
      errors.push({
        field: 'topo',
        message: `unknown topology "${flat.topo.slice(0, 30)}" (one of: ${TOPOLOGIES.join(', ')})`,
      });
    else if (edges && t !== 'custom' && t !== 'tree')
      errors.push({ field: 'topo', message: `topo=${t} cannot be combined with an edge list` });
    else kind = edges && t === 'tree' ? 'custom' : t;
  }
  if (kind === 'custom' && !edges)
    errors.push({ field: 'edges', message: 'a custom topology needs an edge list, e.g. edges=1-2,2-3' });
  if (!alg.topologies.includes(kind)) {
    errors.push({
      field: 'topo',
      message: `${alg.name} does not run on a ${TOPOLOGY_NAMES[kind]} (it runs on: ${alg.topologies.map((t) => `${TOPOLOGY_NAMES[t]} [${t}]`).join(', ')})`,
    });
  }

  let mode: TimingMode = DEFAULTS.mode;
  if (flat.mode !== undefined) {
    const t = flat.mode.trim();
    if (t === 'sync' || t === 'async') mode = t;
    else
      errors.push({ field: 'mode', message: `mode must be sync or async, not "${flat.mode.slice(0, 20)}"` });
  }
  let maxDelay = DEFAULTS.maxDelay;
  if (flat.maxDelay !== undefined) {
    const v = int(flat.maxDelay);
    if (v === null || v < 1 || v > LIMITS.maxDelay)
      errors.push({
        field: 'maxDelay',
        message: `maxDelay must be a whole number from 1 to ${LIMITS.maxDelay}`,
      });
    else maxDelay = v;
  }
  let seed = DEFAULTS.seed;
  if (flat.seed !== undefined) {
    const v = int(flat.seed);
    if (v === null || v < 0 || v > LIMITS.maxSeed)
      errors.push({ field: 'seed', message: `seed must be a whole number from 0 to ${LIMITS.maxSeed}` });
    else seed = v;
  }

  const idsKnown = 'list' in ids ? new Set(ids.list) : null;
  const inRange = (x: NodeId) => (idsKnown ? idsKnown.has(x) : x >= 1 && x <= n!);
  const takes = (key: keyof typeof OPTION_OWNERS) => OPTION_OWNERS[key].includes(alg.id);
  const refuse = (key: string) =>
    errors.push({ field: key, message: `${alg.id} does not take the option ${key}` });
  const subset = (key: string): NodeId[] | null => {
    const list = idList(key, flat[key]!, errors);
    if (!list) return null;
    const stray = list.filter((x) => !inRange(x));
    if (stray.length) {
      errors.push({
        field: key,
        message: `${key} names ${stray.slice(0, 5).join(', ')}, not a node of this system`,
      });
      return null;
    }
    if (duplicates(list).length) {
      errors.push({ field: key, message: `${key} lists ${duplicates(list)[0]} twice` });
      return null;
    }
    return list;
  };

  const params: ScenarioParams = {};
  const crashed: NodeId[] = [];
  const crashes: { id: NodeId; at: number }[] = [];
  if (flat.announce !== undefined) {
    if (!takes('announce')) refuse('announce');
    else {
      const b = bool('announce', flat.announce, errors);
      if (b !== null) params.announce = b;
    }
  }
  if (flat.initiators !== undefined) {
    if (!takes('initiators')) refuse('initiators');
    else {
      const l = subset('initiators');
      if (l) {
        if (l.length === 0)
          errors.push({
            field: 'initiators',
            message: 'initiators is empty: at least one process must start',
          });
        params.initiators = l;
      }
    }
  }
  if (flat.wake !== undefined) {
    if (!takes('wake')) refuse('wake');
    else {
      const l = subset('wake');
      if (l) params.wake = l;
    }
  }
  if (flat.crashed !== undefined) {
    if (!takes('crashed')) refuse('crashed');
    else {
      const l = subset('crashed');
      if (l) {
        if (l.length >= n)
          errors.push({ field: 'crashed', message: 'every process is crashed: nobody is left to elect' });
        crashed.push(...l);
      }
    }
  }
  if (flat.crashes !== undefined) {
    if (!takes('crashes')) refuse('crashes');
    else {
      const parts = flat.crashes.split(',').filter((p) => p.trim());
      if (parts.length === 0)
        errors.push({ field: 'crashes', message: 'crashes is empty: give id@time pairs, e.g. 8@5' });
      else if (parts.length > n)
        errors.push({ field: 'crashes', message: `crashes lists ${parts.length} crashes for ${n} nodes` });
      // Sets, not list scans: a link may list a crash for each of 20,000 nodes.
      const down = new Set(crashed);
      const once = new Set<NodeId>();
      for (const part of parts.length > n ? [] : parts) {
        const m = /^\s*(-?\d{1,10})\s*@\s*(\d{1,10})\s*$/.exec(part);
        if (!m) {
          errors.push({
            field: 'crashes',
            message: `crashes: "${part.slice(0, 30)}" is not id@time, e.g. 8@5`,
          });
          break;
        }
        const id = Number(m[1]) + 0;
        const at = Number(m[2]);
        if (!inRange(id)) {
          errors.push({ field: 'crashes', message: `crashes names ${id}, not a node of this system` });
          break;
        }
        if (at > CODEC_LIMITS.maxCrashTime) {
          errors.push({
            field: 'crashes',
            message: `crashes: time ${at} of ${id} is past ${CODEC_LIMITS.maxCrashTime}`,
          });
          break;
        }
        if (down.has(id)) {
          errors.push({ field: 'crashes', message: `crashes: ${id} is already crashed from the start` });
          break;
        }
        if (once.has(id)) {
          errors.push({ field: 'crashes', message: `crashes: ${id} crashes twice; a process crashes once` });
          break;
        }
        once.add(id);
        crashes.push({ id, at });
      }
    }
  }
  if (flat.initiator !== undefined) {
    if (!takes('initiator')) refuse('initiator');
    else {
      const v = int(flat.initiator);
      if (v === null || !inRange(v))
        errors.push({
          field: 'initiator',
          message: `initiator ${flat.initiator.slice(0, 20)} is not a node of this system`,
        });
      else if (crashed.includes(v))
        errors.push({
          field: 'initiator',
          message: `initiator ${v} is crashed: a crashed process cannot detect anything`,
        });
      else params.initiator = v;
    }
  }
  if (flat.coordinatorTo !== undefined) {
    if (!takes('coordinatorTo')) refuse('coordinatorTo');
    else {
      const t = flat.coordinatorTo.trim();
      if (t === 'lower' || t === 'all') params.coordinatorTo = t;
      else errors.push({ field: 'coordinatorTo', message: 'coordinatorTo must be lower or all' });
    }
  }
  if (flat.excludeKnownCrashed !== undefined) {
    if (!takes('excludeKnownCrashed')) refuse('excludeKnownCrashed');
    else {
      const b = bool('excludeKnownCrashed', flat.excludeKnownCrashed, errors);
      if (b !== null) params.excludeKnownCrashed = b;
    }
  }
  let step: number | undefined;
  if (flat.step !== undefined) {
    const v = int(flat.step);
    if (v === null || v < 0)
      errors.push({
        field: 'step',
        message: `step must be a whole number ≥ 0, not "${flat.step.slice(0, 20)}"`,
      });
    else if (v > CODEC_LIMITS.maxStep)
      errors.push({
        field: 'step',
        message: `step = ${v} is past the ${CODEC_LIMITS.maxStep} steps a link may open at`,
      });
    else step = v;
  }
  if (errors.length) return { ok: false, errors };

  const scenario: Scenario = {
    v: 1,
    algorithm: alg.id,
    topology: edges ? { kind, n, edges } : { kind, n },
    ids,
    timing: { mode, maxDelay },
    seed,
    params,
    faults: { crashed, crashes },
  };
  if (step !== undefined) scenario.step = step;
  return { ok: true, value: scenario };
}
