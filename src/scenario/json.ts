import { parseFlat, CODEC_LIMITS, type Flat } from './parse';
import { migrateFlat } from './migrate';
import { ALL_OPTIONS, type ScenarioOption } from './options';
import type { FieldError, Result, Scenario } from './types';
import { findAlgorithm } from '../algorithms/registry';
import type { AnyParamSpec } from '../algorithms/params';

/**
 * Scenario files. A file is read by turning it into the flat key form and handing that to parseFlat,
 * the one validator links and the CLI also go through, so a file and a link never disagree. Shape
 * errors (wrong types, unknown fields) are caught first and name the JSON path, e.g. `topology.n`.
 */
export const SCENARIO_FORMAT = 'leader-election-lab/scenario';
export const TRACE_FORMAT = 'leader-election-lab/trace';
/** No file longer than this is read (a scenario at every LIMITS cap is well under it). */
export const MAX_JSON = 32_000_000;

/** The JSON path each flat key comes from, so parseFlat's errors point into the file. */
const FIELD_OF: Record<string, string> = {
  v: 'v',
  alg: 'algorithm',
  topo: 'topology.kind',
  n: 'topology.n',
  edges: 'topology.edges',
  ids: 'ids',
  mode: 'timing.mode',
  maxDelay: 'timing.maxDelay',
  seed: 'seed',
  sched: 'timing.schedule',
  scheduler: 'timing.scheduler',
  ...Object.fromEntries(ALL_OPTIONS.map((o) => [o.spec.key, `${o.group}.${o.spec.key}`])),
  step: 'step',
};

const PARAM_OPTIONS = ALL_OPTIONS.filter((o) => o.group === 'params');
const FAULT_OPTIONS = ALL_OPTIONS.filter((o) => o.group === 'faults');

/** The scenario as a file body: pretty, tagged with its format and version. */
export function scenarioToJson(s: Scenario): string {
  return `${pretty(scenarioObject(s), '')}\n`;
}

/** The scenario as the plain object written to files (also embedded in trace files). */
export function scenarioObject(s: Scenario): Record<string, unknown> {
  const out: Record<string, unknown> = {
    format: SCENARIO_FORMAT,
    v: s.v,
    algorithm: s.algorithm,
    topology: s.topology,
    ids: s.ids,
    timing: s.timing,
    seed: s.seed,
    params: paramsObject(s.algorithm, s.params),
    faults: faultsObject(s.faults),
  };
  if (s.step !== undefined) out.step = s.step;
  return out;
}

/**
 * The params as a file writes them: as they are, except a value declared `json: 'text'` (Raft's
 * timeout range `150-300`), written in its text form and read back through the link's reader.
 */
function paramsObject(algorithm: string, params: Scenario['params']): Record<string, unknown> {
  const specs: Record<string, AnyParamSpec> = findAlgorithm(algorithm)?.params ?? {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    const spec = specs[k];
    out[k] = spec?.json === 'text' && v !== undefined && v !== null ? spec.format(v) : v;
  }
  return out;
}

/**
 * The faults as a file writes them: lists and numbers as they are, intervals (`down`, `part`) in
 * their text form (`1-2@5:20`), which reads back through the same reader as a link.
 */
function faultsObject(f: Scenario['faults']): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) {
    const o = FAULT_OPTIONS.find((x) => x.spec.key === k);
    out[k] = o?.spec.json === 'text' && v !== undefined ? o.spec.format(v) : v;
  }
  return out;
}

/** Reads a scenario file (or the scenario inside a trace file), or says precisely what is wrong. */
export function scenarioFromJson(text: string): Result<Scenario> {
  if (text.length > MAX_JSON)
    return fail('json', `the file is ${text.length} characters long; at most ${MAX_JSON} are read`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail('json', syntaxMessage(text, e));
  }
  try {
    return fromObject(data);
  } catch (e) {
    return fail(
      'json',
      `the file could not be read (${e instanceof Error ? e.message.slice(0, 80) : 'error'})`,
    );
  }
}

/** Validates an already parsed object (e.g. from a drag-and-dropped file the UI parsed itself). */
export function scenarioFromObject(data: unknown): Result<Scenario> {
  try {
    return fromObject(data);
  } catch (e) {
    return fail(
      'json',
      `the file could not be read (${e instanceof Error ? e.message.slice(0, 80) : 'error'})`,
    );
  }
}

function fromObject(input: unknown): Result<Scenario> {
  let data = input;
  if (isObject(data) && data.format === TRACE_FORMAT) {
    if (!isObject(data.scenario)) return fail('scenario', 'the trace file holds no scenario object');
    data = data.scenario;
  }
  if (!isObject(data)) return fail('json', `a scenario file holds one object {…}, not ${kindOf(data)}`);
  if (data.format !== SCENARIO_FORMAT)
    return fail(
      'format',
      data.format === undefined
        ? `not a scenario file: "format": "${SCENARIO_FORMAT}" is missing`
        : `not a scenario file: format is ${JSON.stringify(data.format).slice(0, 40)}, not "${SCENARIO_FORMAT}"`,
    );
  const errors: FieldError[] = [];
  const r = new Reader(errors);
  const flat: Flat = {};
  // The version first: a newer file may be shaped differently, and then only that is worth saying.
  const v = r.int(data, 'v', '', true);
  if (v !== undefined) {
    const version = migrateFlat({ v: String(v) });
    if (!version.ok) return version;
    flat.v = String(v);
  }
  r.only(data, '', [
    'format',
    'v',
    'algorithm',
    'topology',
    'ids',
    'timing',
    'seed',
    'params',
    'faults',
    'step',
  ]);
  const alg = r.str(data, 'algorithm', '', true);
  if (alg !== undefined) flat.alg = alg;

  const topology = r.obj(data, 'topology', '');
  if (topology) {
    r.only(topology, 'topology.', ['kind', 'n', 'edges']);
    const kind = r.str(topology, 'kind', 'topology.');
    const n = r.int(topology, 'n', 'topology.');
    const edges = r.arr(topology, 'edges', 'topology.');
    if (kind !== undefined && !(edges && kind === 'custom')) flat.topo = kind;
    if (n !== undefined) flat.n = String(n);
    if (edges) {
      const parts: string[] = [];
      edges.forEach((e, i) => {
        const at = `topology.edges[${i}]`;
        if (!isObject(e))
          return void errors.push({ field: at, message: `${at} must be an object {a, b, w?}` });
        r.only(e, `${at}.`, ['a', 'b', 'w']);
        const a = r.int(e, 'a', `${at}.`, true);
        const b = r.int(e, 'b', `${at}.`, true);
        const w = r.num(e, 'w', `${at}.`);
        parts.push(`${a}-${b}${w !== undefined ? `:${w}` : ''}`);
      });
      flat.edges = parts.join(',');
    }
  }
  if (data.ids !== undefined) {
    const ids = r.obj(data, 'ids', '');
    if (ids) {
      const keys = Object.keys(ids);
      if (keys.length !== 1 || (keys[0] !== 'order' && keys[0] !== 'list'))
        errors.push({
          field: 'ids',
          message: 'ids must be {"order": "asc" | "desc" | "random"} or {"list": [5, 3, 8]}',
        });
      else if (keys[0] === 'order') {
        const order = r.str(ids, 'order', 'ids.');
        if (order !== undefined) flat.ids = order;
      } else {
        const list = r.ints(ids, 'list', 'ids.');
        if (list) flat.ids = list.join(',');
      }
    }
  }
  const timing = r.obj(data, 'timing', '');
  if (timing) {
    r.only(timing, 'timing.', ['mode', 'maxDelay', 'schedule', 'scheduler']);
    const mode = r.str(timing, 'mode', 'timing.');
    const scheduler = r.str(timing, 'scheduler', 'timing.');
    if (scheduler !== undefined) flat.scheduler = scheduler;
    const maxDelay = r.int(timing, 'maxDelay', 'timing.');
    if (mode !== undefined) flat.mode = mode;
    if (maxDelay !== undefined) flat.maxDelay = String(maxDelay);
    const schedule = r.arr(timing, 'schedule', 'timing.');
    if (schedule) {
      // As the flat text form, so the same reader (keys.ts) checks it; an empty list is no schedule.
      const parts: string[] = [];
      schedule.forEach((d, i) => {
        const at = `timing.schedule[${i}]`;
        if (!isObject(d)) return void r.bad(at, 'must be an object {from, to}');
        r.only(d, `${at}.`, ['from', 'to']);
        parts.push(`${r.int(d, 'from', `${at}.`, true)}-${r.int(d, 'to', `${at}.`, true)}`);
      });
      if (parts.length) flat.sched = parts.join(',');
    }
  }
  const seed = r.int(data, 'seed', '');
  if (seed !== undefined) flat.seed = String(seed);
  const params = r.obj(data, 'params', '');
  if (params) {
    r.only(
      params,
      'params.',
      PARAM_OPTIONS.map((o) => o.spec.key),
    );
    for (const o of PARAM_OPTIONS) readOption(r, params, 'params.', o, flat);
  }
  const faults = r.obj(data, 'faults', '');
  if (faults) {
    r.only(
      faults,
      'faults.',
      FAULT_OPTIONS.map((o) => o.spec.key),
    );
    for (const o of FAULT_OPTIONS) readOption(r, faults, 'faults.', o, flat);
  }
  const step = r.int(data, 'step', '');
  if (step !== undefined) flat.step = String(step);
  if (errors.length) return { ok: false, errors };

  const parsed = parseFlat(flat);
  if (parsed.ok) return parsed;
  return {
    ok: false,
    errors: parsed.errors.map((e) => ({ field: FIELD_OF[e.field] ?? e.field, message: e.message })),
  };
}

/**
 * One option of the file in the flat text form, type-checked by how its declaration writes it. An
 * empty list is the same as none (the flat form has no empty lists).
 */
function readOption(
  r: Reader,
  o: Record<string, unknown>,
  at: string,
  option: ScenarioOption,
  flat: Flat,
): void {
  const key = option.spec.key;
  switch (option.spec.json) {
    case 'boolean': {
      const v = r.bool(o, key, at);
      if (v !== undefined) flat[key] = v ? '1' : '0';
      return;
    }
    case 'number': {
      const v = r.int(o, key, at);
      if (v !== undefined) flat[key] = String(v);
      return;
    }
    case 'string':
    case 'text': {
      const v = r.str(o, key, at);
      if (v !== undefined) flat[key] = v;
      return;
    }
    case 'fraction': {
      const v = o[key];
      if (v === undefined) return;
      if (typeof v !== 'number') return void r.bad(at + key, 'must be a number');
      flat[key] = String(v);
      return;
    }
    case 'ids': {
      const v = r.ints(o, key, at);
      if (v && (option.group === 'params' || v.length)) flat[key] = v.join(',');
      return;
    }
    case 'crashes': {
      const list = r.arr(o, key, at);
      if (!list?.length) return;
      const parts: string[] = [];
      list.forEach((c, i) => {
        const here = `${at}${key}[${i}]`;
        if (!isObject(c)) return void r.bad(here, 'must be an object {id, at}');
        r.only(c, `${here}.`, ['id', 'at']);
        parts.push(`${r.int(c, 'id', `${here}.`, true)}@${r.int(c, 'at', `${here}.`, true)}`);
      });
      flat[key] = parts.join(',');
      return;
    }
  }
}

/** Type checks that record one error per bad field and return undefined for it. */
class Reader {
  constructor(private readonly errors: FieldError[]) {}

  /** Records `field message` and returns undefined for the field. */
  bad(field: string, message: string): undefined {
    this.errors.push({ field, message: `${field} ${message}` });
    return undefined;
  }

  private get(o: Record<string, unknown>, key: string, at: string, required: boolean): unknown {
    const value = Object.hasOwn(o, key) ? o[key] : undefined;
    if (value === undefined && required) this.bad(at + key, 'is missing');
    return value;
  }

  only(o: Record<string, unknown>, at: string, allowed: readonly string[]): void {
    for (const k of Object.keys(o))
      if (!allowed.includes(k))
        this.bad(
          `${at}${k.slice(0, 30)}`,
          `is not a field of a scenario file (${at || 'top level'}: ${allowed.join(', ')})`,
        );
  }

  str(o: Record<string, unknown>, key: string, at: string, required = false): string | undefined {
    const v = this.get(o, key, at, required);
    if (v === undefined) return undefined;
    if (typeof v !== 'string') return this.bad(at + key, `must be a string, not ${kindOf(v)}`);
    if (v.length > CODEC_LIMITS.maxText) return this.bad(at + key, 'is too long');
    return v;
  }

  num(o: Record<string, unknown>, key: string, at: string): number | undefined {
    const v = this.get(o, key, at, false);
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v))
      return this.bad(at + key, `must be a number, not ${kindOf(v)}`);
    return v;
  }

  int(o: Record<string, unknown>, key: string, at: string, required = false): number | undefined {
    const v = this.get(o, key, at, required);
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isSafeInteger(v))
      return this.bad(at + key, `must be a whole number, not ${kindOf(v)}`);
    return v + 0;
  }

  bool(o: Record<string, unknown>, key: string, at: string): boolean | undefined {
    const v = this.get(o, key, at, false);
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean') return this.bad(at + key, `must be true or false, not ${kindOf(v)}`);
    return v;
  }

  obj(o: Record<string, unknown>, key: string, at: string): Record<string, unknown> | undefined {
    const v = this.get(o, key, at, false);
    if (v === undefined) return undefined;
    if (!isObject(v)) return this.bad(at + key, `must be an object {…}, not ${kindOf(v)}`);
    return v;
  }

  arr(o: Record<string, unknown>, key: string, at: string): unknown[] | undefined {
    const v = this.get(o, key, at, false);
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) return this.bad(at + key, `must be a list […], not ${kindOf(v)}`);
    return v;
  }

  ints(o: Record<string, unknown>, key: string, at: string): number[] | undefined {
    const list = this.arr(o, key, at);
    if (!list) return undefined;
    const i = list.findIndex((x) => typeof x !== 'number' || !Number.isSafeInteger(x));
    if (i >= 0) return this.bad(`${at}${key}[${i}]`, `must be a whole number, not ${kindOf(list[i])}`);
    return (list as number[]).map((x) => x + 0);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.slice(0, 20))}`;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'object') return 'an object';
  return String(v);
}

function fail(field: string, message: string): Result<never> {
  return { ok: false, errors: [{ field, message }] };
}

/** JSON.parse's complaint with a line and column, which V8 gives only as a character position. */
function syntaxMessage(text: string, e: unknown): string {
  const reason = e instanceof Error ? e.message : String(e);
  const m = /position (\d+)/.exec(reason);
  if (text.trim() === '') return 'the file is empty';
  if (!m) return `not valid JSON: ${reason.slice(0, 120)}`;
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  const what = reason.replace(/\s*in JSON at position \d+.*$/s, '').slice(0, 80);
  return `not valid JSON at line ${line}, column ${column} (position ${pos}): ${what}`;
}

/**
 * JSON laid out for people: objects one field a line, lists of numbers or of small flat objects on as
 * few lines as reads well (an edge list of 10⁵ edges stays 10⁵ lines, not 5 × 10⁵).
 */
export function pretty(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((x) => x === null || typeof x !== 'object')) return `[${value.map(json).join(', ')}]`;
    if (
      value.every((x) => isObject(x) && Object.values(x).every((y) => y === null || typeof y !== 'object'))
    ) {
      const inner = indent + '  ';
      return `[\n${value.map((x) => inner + json(x)).join(',\n')}\n${indent}]`;
    }
    const inner = indent + '  ';
    return `[\n${value.map((x) => inner + pretty(x, inner)).join(',\n')}\n${indent}]`;
  }
  if (isObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const inner = indent + '  ';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pretty(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return json(value);
}

/** JSON.stringify with ∞ and NaN kept as text (GHS's best-wt starts at ∞; JSON has no ∞). */
export function json(value: unknown): string {
  return (
    JSON.stringify(value, (_k, v: unknown) =>
      typeof v === 'number' && !Number.isFinite(v)
        ? String(v)
        : v instanceof Map
          ? Object.fromEntries(v)
          : v instanceof Set
            ? [...v]
            : v,
    ) ?? 'null'
  );
}
