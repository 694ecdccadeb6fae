import { findAlgorithm } from '../algorithms/registry';
import { buildRun, type RunSpec } from '../scenario/build';
import { toFlat } from '../scenario/encode';
import { ALL_OPTIONS, optionsOf, optionValue, takesOption, type ScenarioOption } from '../scenario/options';
import { parseFlat, type Flat } from '../scenario/parse';
import type { FieldError, Result, Scenario } from '../scenario/types';
import { BROWSER_MAX_NODES } from './limits';

/**
 * What the scenario editor holds: the text of every field as typed, including fields the current
 * algorithm does not take (switching back to it brings them back). It becomes a scenario only
 * through the flat form and `parseFlat` + `buildRun`, so the editor and the CLI validate alike.
 */
export interface Draft {
  alg: string;
  topo: string;
  n: string;
  idsOrder: 'asc' | 'desc' | 'random' | 'custom';
  idsList: string;
  edges: string;
  mode: 'sync' | 'async';
  maxDelay: string;
  seed: string;
  /** async only: a delivery schedule in its text form (`5-1,4-5`); empty: the seed's delays. */
  sched: string;
  /** async only: a named scheduler for the deliveries after `sched`; empty: none (src/scenario/schedulers.ts). */
  scheduler: string;
  /**
   * Every declared option (src/scenario/options.ts) by its key: a checkbox's state, a select's
   * choice, or a text field's text.
   */
  [option: string]: string | boolean;
}

/** An option's value in the editor when the scenario does not give it. */
function blank(o: ScenarioOption): string | boolean {
  const { spec } = o;
  if (spec.control === 'checkbox' || spec.control === 'select') return spec.default as string | boolean;
  return '';
}

/** The editor's value of an option in a draft (its blank when the draft has none). */
export function draftValue(d: Draft, o: ScenarioOption): string | boolean {
  return d[o.spec.key] ?? blank(o);
}

/** The editor's view of a loaded scenario (keeps `base`'s text for options the scenario lacks). */
export function scenarioToDraft(s: Scenario, base?: Draft): Draft {
  const f = toFlat(s);
  const custom = s.topology.edges !== undefined;
  const d: Draft = {
    alg: s.algorithm,
    topo: custom ? 'custom' : s.topology.kind,
    n: String(s.topology.n),
    idsOrder: 'list' in s.ids ? 'custom' : s.ids.order,
    idsList: 'list' in s.ids ? s.ids.list.join(',') : (base?.idsList ?? ''),
    edges: f.edges ?? base?.edges ?? '',
    mode: s.timing.mode,
    maxDelay: String(s.timing.maxDelay),
    seed: String(s.seed),
    sched: f.sched ?? '',
    scheduler: f.scheduler ?? '',
  };
  for (const o of ALL_OPTIONS) {
    const key = o.spec.key;
    if (o.spec.control === 'checkbox' || o.spec.control === 'select') {
      d[key] = (optionValue(s, o) as string | boolean | undefined) ?? blank(o);
    } else {
      // Options this algorithm does not take keep what was typed for another one.
      d[key] = f[key] ?? (base && !takesOption(s.algorithm, key) ? draftValue(base, o) : '');
    }
  }
  return d;
}

/** The flat (URL/CLI) keys the draft stands for: only what the chosen algorithm takes. */
export function draftToFlat(d: Draft): Flat {
  const f: Flat = { v: '1', alg: d.alg.trim() };
  const custom = d.topo === 'custom';
  if (custom) f.edges = d.edges;
  else f.topo = d.topo;
  // A custom graph takes its ids from the edge list.
  if (!custom && d.idsOrder === 'custom') f.ids = d.idsList;
  else if (!custom) {
    f.ids = d.idsOrder;
    f.n = d.n;
  }
  f.mode = d.mode;
  if (d.mode === 'async') f.maxDelay = d.maxDelay;
  if (d.mode === 'async' && d.sched.trim() !== '') f.sched = d.sched.trim();
  if (d.mode === 'async' && d.scheduler !== '') f.scheduler = d.scheduler;
  f.seed = d.seed;
  const alg = findAlgorithm(f.alg!);
  for (const o of alg ? optionsOf(alg) : []) {
    const { spec } = o;
    const v = draftValue(d, o);
    if (spec.control === 'checkbox') {
      // An option that is off unless asked for is written only when on.
      if (v === true || spec.default === true) f[spec.key] = v === true ? '1' : '0';
    } else if (spec.control === 'select') f[spec.key] = String(v);
    else if (String(v).trim() !== '') f[spec.key] = String(v).trim();
  }
  return f;
}

/** A draft after the user picks another algorithm: its topology must be one the algorithm runs on. */
export function withAlgorithm(d: Draft, alg: string): Draft {
  const a = findAlgorithm(alg);
  if (!a) return { ...d, alg };
  const topo = (a.topologies as readonly string[]).includes(d.topo) ? d.topo : a.topologies[0]!;
  return { ...d, alg, topo };
}

/** The browser's own limit on top of the scenario's (the CLI runs up to LIMITS.maxNodes). */
export function browserLimit(s: Scenario): FieldError[] {
  if (s.topology.n <= BROWSER_MAX_NODES) return [];
  const field = s.topology.edges ? 'edges' : 'list' in s.ids ? 'ids' : 'n';
  return [
    {
      field,
      message: `${s.topology.n} nodes is more than the ${BROWSER_MAX_NODES} the browser shows; the CLI runs up to 20,000 (npm run sim)`,
    },
  ];
}

/** Validates and builds a scenario exactly as the CLI does, plus the browser's size limit. */
export function prepare(s: Scenario): Result<RunSpec> {
  const limit = browserLimit(s);
  if (limit.length) return { ok: false, errors: limit };
  return buildRun(s);
}

/** The scenario a draft names, or every problem with it, each tied to its field. */
export function draftToScenario(d: Draft): Result<Scenario> {
  const parsed = parseFlat(draftToFlat(d));
  if (!parsed.ok) return parsed;
  const built = prepare(parsed.value);
  return built.ok ? parsed : built;
}
