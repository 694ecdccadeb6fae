import type { AnyModule } from '../algorithms/contract';
import { duplicates, idList, whole, wholeIn, type ParamContext } from '../algorithms/params';
import type { Delivery, Faults, SchedulerName, TimingMode, TopologyKind } from '../engine/types';
import { findAlgorithm } from '../algorithms/registry';
import {
  CUSTOM,
  sameGraphKind,
  LIMITS,
  TOPOLOGIES,
  TOPOLOGY_KINDS,
  TOPOLOGY_NAMES,
  type EdgeSpec,
  type IdSpec,
} from '../topology/spec';
import { serviceIds } from '../topology/services';
import { optionsOf, ALL_OPTIONS } from './options';
import { parseSchedule } from './schedule';
import { SCHEDULERS } from './schedulers';
import type { FieldError } from './types';

/**
 * One reader per flat key (the URL/CLI form, `alg=lcr&n=8&ids=desc…`). parseFlat (parse.ts) runs
 * them in KEY_READERS order over one `Reading`, so a key may rely on the ones before it: the graph
 * keys fix n and the ids, a parameter may name a crashed node. Every error names its key.
 */
export interface Reading {
  readonly alg: AnyModule;
  readonly errors: FieldError[];
  ids: IdSpec;
  /** Set by an id or edge list, then by `n`, then the default. */
  n: number | null;
  edges: EdgeSpec[] | undefined;
  kind: TopologyKind;
  mode: TimingMode;
  maxDelay: number;
  seed: number;
  schedule: Delivery[] | undefined;
  scheduler: SchedulerName | undefined;
  faults: Faults;
  params: Record<string, unknown>;
  step: number | undefined;
}

/** The defaults of a key that is not given. */
export const DEFAULTS = { n: 8, mode: 'sync' as TimingMode, maxDelay: 10, seed: 1 };

/** The latest step a link may open at (opening at step k replays k steps with recording on). */
export const MAX_STEP = 1_000_000;

type KeyReader = (text: string | undefined, r: Reading) => void;

const error = (r: Reading, field: string, message: string) => r.errors.push({ field, message });

/** `asc`, `desc`, `random` or a list of distinct ids in ring/position order (it fixes n). */
const ids: KeyReader = (text, r) => {
  if (text === undefined) return;
  const t = text.trim();
  if (t === 'asc' || t === 'desc' || t === 'random') {
    r.ids = { order: t };
    return;
  }
  const list = idList('ids', t);
  if (!list.ok) return error(r, 'ids', list.message);
  const dup = duplicates(list.value);
  if (dup.length)
    error(
      r,
      'ids',
      `duplicate id${dup.length > 1 ? 's' : ''} ${dup.slice(0, 5).join(', ')}: ids must be distinct`,
    );
  r.ids = { list: list.value };
  r.n = list.value.length;
};

/** `a-b` or `a-b:weight` pairs; without an id list, the ids are the edge list's endpoints. */
const edges: KeyReader = (text, r) => {
  if (text === undefined) return;
  const e = edgeList(text, r);
  if (!e) return;
  r.edges = e;
  const endpoints = [...new Set(e.flatMap((x) => [x.a, x.b]))].sort((a, b) => a - b);
  if ('list' in r.ids) {
    const known = new Set(r.ids.list);
    const stray = endpoints.filter((x) => !known.has(x));
    if (stray.length)
      error(
        r,
        'edges',
        `edges name ${stray.slice(0, 5).join(', ')}, which ${stray.length > 1 ? 'are' : 'is'} not in ids`,
      );
  } else {
    r.ids = { list: endpoints };
    r.n = endpoints.length;
  }
};

function edgeList(text: string, r: Reading): EdgeSpec[] | null {
  const out: EdgeSpec[] = [];
  const parts = text.split(',').filter((p) => p.trim() !== '');
  const bad = (message: string) => (error(r, 'edges', message), null);
  if (parts.length === 0) return bad('edges is empty: give pairs like 1-2:4,2-3:7');
  if (parts.length > LIMITS.maxEdges)
    return bad(`edges: ${parts.length} edges is more than the ${LIMITS.maxEdges} supported`);
  const seen = new Set<string>();
  for (const p of parts) {
    // Weights as JavaScript prints numbers (`0.5`, `1e-7`), so any weight written out reads back.
    const m =
      /^\s*(-?\d{1,10})\s*-\s*(-?\d{1,10})\s*(?::\s*(-?\d{1,400}(?:\.\d{1,400})?(?:e[+-]?\d{1,3})?)\s*)?$/i.exec(
        p,
      );
    if (!m) return bad(`edges: "${p.slice(0, 30)}" is not an edge; write a-b or a-b:weight`);
    const a = Number(m[1]) + 0;
    const b = Number(m[2]) + 0;
    if (Math.abs(a) > LIMITS.maxId || Math.abs(b) > LIMITS.maxId)
      return bad(`edges: ${a}-${b} names an id beyond ±${LIMITS.maxId}`);
    if (a === b) return bad(`edges: ${a}-${b} is a self-loop`);
    // Edges are undirected: 2-1 after 1-2 is the same edge, and a multigraph has no meaning here.
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (seen.has(key)) return bad(`edges: ${a}-${b} is listed twice`);
    seen.add(key);
    const e: EdgeSpec = { a, b };
    if (m[3] !== undefined) {
      const w = Number(m[3]) + 0;
      if (!Number.isFinite(w) || Math.abs(w) > LIMITS.maxWeight)
        return bad(`edges: weight ${m[3]} of ${a}-${b} is out of range`);
      e.w = w;
    }
    out.push(e);
  }
  return out;
}

/** The number of nodes: it must agree with an id list; 8 when nothing gives it. */
const n: KeyReader = (text, r) => {
  if (text !== undefined) {
    const v = whole(text);
    if (v === null)
      error(r, 'n', `n must be a whole number from 1 to ${LIMITS.maxNodes}, not "${text.slice(0, 20)}"`);
    else if (v < 1) error(r, 'n', `n = ${v}: a system needs at least one process`);
    else if (v > LIMITS.maxNodes)
      error(r, 'n', `n = ${v} is more than the ${LIMITS.maxNodes} nodes supported`);
    else if (r.n !== null && v !== r.n) error(r, 'n', `n = ${v} but the ids list ${r.n} nodes`);
    else r.n = v;
  }
  if (r.n === null) r.n = DEFAULTS.n;
  if (r.n > LIMITS.maxNodes) error(r, 'ids', `${r.n} nodes is more than the ${LIMITS.maxNodes} supported`);
};

/** The topology kind: the algorithm's first by default, custom for an edge list; one it runs on. */
const topo: KeyReader = (text, r) => {
  r.kind = r.edges ? CUSTOM : r.alg.topologies[0]!;
  if (text !== undefined) {
    const t = text.trim() as TopologyKind;
    if (!TOPOLOGY_KINDS.includes(t))
      error(r, 'topo', `unknown topology "${text.slice(0, 30)}" (one of: ${TOPOLOGY_KINDS.join(', ')})`);
    else if (r.edges && !TOPOLOGIES[t].fromEdges)
      error(r, 'topo', `topo=${t} cannot be combined with an edge list`);
    else r.kind = r.edges ? CUSTOM : t;
  }
  if (r.kind === CUSTOM && !r.edges)
    error(r, 'edges', 'a custom topology needs an edge list, e.g. edges=1-2,2-3');
  if (!r.alg.topologies.includes(r.kind))
    error(
      r,
      'topo',
      `${r.alg.name} does not run on a ${TOPOLOGY_NAMES[r.kind]} (it runs on: ${r.alg.topologies.map((k) => `${TOPOLOGY_NAMES[k]} [${k}]`).join(', ')})`,
    );
};

const mode: KeyReader = (text, r) => {
  if (text === undefined) return;
  const t = text.trim();
  if (t === 'sync' || t === 'async') r.mode = t;
  else error(r, 'mode', `mode must be sync or async, not "${text.slice(0, 20)}"`);
};

const maxDelay: KeyReader = (text, r) => {
  if (text === undefined) return;
  const v = wholeIn('maxDelay', text, 1, LIMITS.maxDelay);
  if (!v.ok) error(r, 'maxDelay', v.message);
  else r.maxDelay = v.value;
};

const seed: KeyReader = (text, r) => {
  if (text === undefined) return;
  const v = wholeIn('seed', text, 0, LIMITS.maxSeed);
  if (!v.ok) error(r, 'seed', v.message);
  else r.seed = v.value;
};

/**
 * A delivery schedule (schedule.ts): asynchronous runs only, of algorithms whose runs the order of
 * deliveries decides, naming nodes of this system. Whether each step finds a message on its channel
 * is known only while replaying (Simulation.stalled); whether it names a link, once the graph is
 * built (build.ts).
 */
const sched: KeyReader = (text, r) => {
  if (text === undefined) return;
  if (r.mode !== 'async')
    return error(
      r,
      'sched',
      'a delivery schedule orders the deliveries of an asynchronous run; in sync mode every message sent in a round arrives in the next one (C5): choose async mode',
    );
  if (r.alg.timed)
    return error(r, 'sched', `${r.alg.name} cannot replay a delivery schedule: ${r.alg.timed}`);
  const read = parseSchedule(text);
  if (!read.ok) return error(r, 'sched', read.message);
  const { isNode } = contextOf(r);
  for (const [i, d] of read.value.entries()) {
    const stray = isNode(d.from) ? (isNode(d.to) ? null : d.to) : d.from;
    if (stray !== null)
      return error(
        r,
        'sched',
        `schedule step ${i + 1}, ${d.from}-${d.to}, names ${stray}, not a node of this system`,
      );
  }
  r.schedule = read.value;
};

/**
 * A named scheduler (schedulers.ts) for the deliveries after `sched`: asynchronous runs only, of
 * algorithms the order of deliveries decides. Whether the run's faults allow it is build.ts's check.
 */
const scheduler: KeyReader = (text, r) => {
  if (text === undefined) return;
  const name = text.trim();
  if (!(SCHEDULERS as readonly string[]).includes(name))
    return error(
      r,
      'scheduler',
      `scheduler must be ${SCHEDULERS.slice(0, -1).join(', ')} or ${SCHEDULERS.at(-1)}, not "${text.slice(0, 20)}" (leave it out for the seed's delays)`,
    );
  if (r.mode !== 'async')
    return error(
      r,
      'scheduler',
      'a scheduler chooses the deliveries of an asynchronous run; in sync mode every message sent in a round arrives in the next one (C5): choose async mode',
    );
  if (r.alg.timed) return error(r, 'scheduler', `${r.alg.name} cannot follow a scheduler: ${r.alg.timed}`);
  r.scheduler = name as SchedulerName;
};

const step: KeyReader = (text, r) => {
  if (text === undefined) return;
  const v = whole(text);
  if (v === null) error(r, 'step', `step must be a whole number ≥ 0, not "${text.slice(0, 20)}"`);
  else if (v > MAX_STEP) error(r, 'step', `step = ${v} is past the ${MAX_STEP} steps a link may open at`);
  else r.step = v;
};

/** The page's other screens a link may open on; without the key, the simulator. */
export const SCREENS = ['experiments', 'compare', 'explore'] as const;

/**
 * `screen=experiments|compare|explore`: where the page opens, like `step` a viewer's key, not part of the run:
 * it is checked here and read by the page (src/ui/screenLink.ts); the scenario does not carry it.
 */
const screen: KeyReader = (text, r) => {
  if (text === undefined) return;
  if (!(SCREENS as readonly string[]).includes(text.trim()))
    error(
      r,
      'screen',
      `screen must be ${SCREENS.slice(0, -1).join(', ')} or ${SCREENS.at(-1)}, not "${text.slice(0, 20)}"`,
    );
};

/**
 * `vs=<algorithm>`: the second algorithm of the compare screen, run beside `alg` on the same graph. A
 * viewer's key like `screen`, no part of the run; it must name another algorithm that runs on this
 * graph (src/scenario/versus.ts builds its scenario and says why an option is left out).
 */
const vs: KeyReader = (text, r) => {
  if (text === undefined) return;
  const id = text.trim();
  const other = findAlgorithm(id);
  if (!other) return error(r, 'vs', `vs names no algorithm: "${text.slice(0, 30)}"`);
  if (other.id === r.alg.id)
    return error(r, 'vs', `vs=${id} is the algorithm alg already runs: compare it with another`);
  if (sameGraphKind(other.topologies, r.kind) === null)
    error(r, 'vs', versusRefusal(other.shortName, other.topologies, r.kind));
};

/** Why an algorithm cannot run beside another on a graph of this kind (its short name, where it runs). */
export function versusRefusal(name: string, runsOn: readonly TopologyKind[], kind: TopologyKind): string {
  const kinds = runsOn.map((k) => `a ${TOPOLOGY_NAMES[k]}`);
  const where =
    kinds.length <= 2
      ? kinds.join(' or ')
      : `${kinds.slice(0, 2).join(', ')} or ${kinds.length - 2} other kinds of graph`;
  return `${name} runs on ${where}, not on this ${TOPOLOGY_NAMES[kind]}`;
}

/** The system a parameter is read for: the ids the graph keys fixed, and the nodes crashed from the start. */
function contextOf(r: Reading): ParamContext {
  const known = 'list' in r.ids ? new Set(r.ids.list) : null;
  const size = r.n!;
  // A service node (a lease's store) may crash like any node: its id follows the candidates' (services.ts).
  const services = new Set(serviceIds(known ? [...known] : [size], r.alg.services?.length ?? 0));
  return {
    n: size,
    isNode: (x) => (known ? known.has(x) : x >= 1 && x <= size) || services.has(x),
    isService: (x) => services.has(x),
    crashed: r.faults.crashed,
    crashes: r.faults.crashes,
  };
}

/**
 * A declared option (a fault or an algorithm's parameter): read by its own declaration if the
 * algorithm takes it, refused by name if not.
 */
function optionReader(key: string): KeyReader {
  const option = ALL_OPTIONS.find((o) => o.spec.key === key)!;
  return (text, r) => {
    if (text === undefined) return;
    if (!optionsOf(r.alg).includes(option))
      return error(r, key, `${r.alg.id} does not take the option ${key}`);
    const v = option.spec.parse(text, contextOf(r));
    if (!v.ok) return error(r, key, v.message);
    const into = option.group === 'params' ? r.params : (r.faults as unknown as Record<string, unknown>);
    into[key] = v.value;
  };
}

/** Every key but `v` and `alg` (read first), in the order they are read. */
export const KEY_READERS: readonly (readonly [key: string, read: KeyReader])[] = [
  ['ids', ids],
  ['edges', edges],
  ['n', n],
  ['topo', topo],
  ['mode', mode],
  ['maxDelay', maxDelay],
  ['seed', seed],
  ['sched', sched],
  ['scheduler', scheduler],
  ...ALL_OPTIONS.map(({ spec }) => [spec.key, optionReader(spec.key)] as const),
  ['step', step],
  ['screen', screen],
  ['vs', vs],
];
