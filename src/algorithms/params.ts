import type { NodeId } from '../engine/types';
import { LIMITS } from '../topology/spec';

/**
 * An algorithm's parameters, declared once: each one's URL key, type, default, how its text is read
 * and checked (with the error sentence), CLI flag, editor label and control. The CLI options and
 * `--help`, the URL keys, the scenario file fields, the editor's fields and the per-node toggles on
 * the graph are all derived from these declarations (src/scenario/options.ts).
 */

/** The editor control a parameter gets. */
export type Control = 'checkbox' | 'select' | 'ids' | 'id' | 'number' | 'text';

/** What a parameter's reader knows about the system it is read for. */
export interface ParamContext {
  /** Number of nodes. */
  n: number;
  /** Whether an id names a node of this system (the id list, or 1..n). */
  isNode(id: NodeId): boolean;
  /** Whether an id names a service node (a lease's store or storage: Graph.services), not a candidate. */
  isService?(id: NodeId): boolean;
  /** Nodes crashed from the start (the `crashed` fault, read before any parameter). */
  crashed: readonly NodeId[];
  /** Crashes during the run (the `crashes` fault, read before `recover`). */
  crashes?: readonly { id: NodeId; at: number }[];
}

export type Parsed<V> = { ok: true; value: V } | { ok: false; message: string };

/** A per-node toggle on the graph: double-clicking a node adds it to (or takes it out of) the list. */
export interface NodeToggle {
  /** What a toggled node is, after "Toggle …" and "double-click: toggle …", e.g. `initiator`. */
  noun: string;
  /** The sentence part after "3 is …", e.g. `an initiator`. */
  state: string;
  /** What the parameter means when absent: every node (initiators) or none (crashed). */
  absent: 'all' | 'none';
}

export interface ParamSpec<V> {
  /** The URL key, the scenario file's field and the algorithm's params field, e.g. `initiators`. */
  key: string;
  /** The editor's label, e.g. `Initiators (ids; empty = all)`. */
  label: string;
  /** One line for `--help`. */
  help: string;
  control: Control;
  /** The value when the scenario does not give it. */
  default: V;
  /**
   * The CLI: `flag` takes a value (`--initiators 3,8`, shown with `metavar`); a checkbox's `flag`
   * sets it (`--exclude-known-crashed`) and `off` clears it (`--no-announce`).
   */
  cli: { flag?: string; off?: string; metavar?: string };
  /** A select's choices, in the order shown. */
  choices?: readonly { value: string; label: string }[];
  /** Placeholder text of an empty text field, e.g. `all`. */
  placeholder?: string;
  /** A number field's range. */
  range?: { min: number; max: number };
  /** Set where double-clicking a node on the graph toggles it in this list. */
  toggle?: NodeToggle;
  /**
   * Valid values in the flat text form, where the range alone would allow runs far too long to try
   * (Raft's heartbeat of 1 up to time 10⁶): the contract test draws from these instead.
   */
  examples?: readonly string[];
  /** Reads the flat (URL/CLI) text; the error sentence names the key. */
  parse(text: string, ctx: ParamContext): Parsed<NonNullable<V>>;
  /** The flat text of a value (parse(format(v)) gives v back). */
  format(value: NonNullable<V>): string;
  /** How a scenario file writes the value. */
  json: 'boolean' | 'string' | 'number' | 'ids' | 'crashes' | 'fraction' | 'text';
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyParamSpec = ParamSpec<any>;

/** The declarations of a params type: one spec per field, in the order the editor and --help list them. */
export type ParamSpecs<P> = { readonly [K in keyof P]-?: ParamSpec<P[K]> };

/** The params every field at its default. */
export function defaultsOf<P>(specs: ParamSpecs<P>): P {
  const out: Record<string, unknown> = {};
  for (const [k, spec] of Object.entries(specs) as [string, AnyParamSpec][]) out[k] = spec.default;
  return out as P;
}

const ok = <V>(value: V): Parsed<V> => ({ ok: true, value });
const fail = <V>(message: string): Parsed<V> => ({ ok: false, message });

// ---- the text forms every key shares (also used by the scenario's own keys: n, ids, seed …) ----

/**
 * An id as written in a link or on the command line, or null: an optional minus and decimal digits,
 * nothing else (no spaces, `+`, `0x`, exponent or point). Lists trim their items before calling this.
 */
export function int(text: string): number | null {
  if (!/^-?\d{1,16}$/.test(text)) return null;
  const v = Number(text);
  // `-0` is 0: ids and counts have one spelling each, so a link survives a round trip unchanged.
  return Number.isSafeInteger(v) ? v + 0 : null;
}

/**
 * The one reader of every count, size, step, seed, delay and time (`--n`, `--max-steps`, `--seed`,
 * `--max-delay`, crash times, an algorithm's number options, the experiment's sizes and seeds): decimal
 * digits only, so `0x10`, `1e3`, ` 5 `, `+5`, `5.0` and `-1` are all refused rather than read as
 * something else. Null when `text` is not one.
 */
export function whole(text: string): number | null {
  if (!/^\d{1,16}$/.test(text)) return null;
  const v = Number(text);
  return Number.isSafeInteger(v) ? v : null;
}

/** `whole` with its range, refused in one sentence naming `name` and the range. */
export function wholeIn(name: string, text: string, min: number, max: number): Parsed<number> {
  const v = whole(text);
  return v === null || v < min || v > max
    ? fail(`${name} must be a whole number from ${min} to ${max}, not "${text.slice(0, 20)}"`)
    : ok(v);
}

/** Comma-separated ids, e.g. `5,3,8`. */
export function idList(key: string, text: string): Parsed<NodeId[]> {
  if (text.trim() === '') return fail(`${key} is empty: give ids separated by commas, e.g. 5,3,8`);
  const out: NodeId[] = [];
  for (const p of text.split(',').map((x) => x.trim())) {
    const v = int(p);
    if (v === null || Math.abs(v) > LIMITS.maxId)
      return fail(`${key}: "${p.slice(0, 20)}" is not an integer id (|id| ≤ ${LIMITS.maxId})`);
    out.push(v);
  }
  return ok(out);
}

export function duplicates(list: readonly NodeId[]): NodeId[] {
  const seen = new Set<NodeId>();
  const dup = new Set<NodeId>();
  for (const x of list) (seen.has(x) ? dup : seen).add(x);
  return [...dup];
}

/** A flag: `1`/`true`/`yes` or `0`/`false`/`no`. */
export function bool(key: string, text: string): Parsed<boolean> {
  const t = text.trim().toLowerCase();
  if (t === '1' || t === 'true' || t === 'yes') return ok(true);
  if (t === '0' || t === 'false' || t === 'no') return ok(false);
  return fail(`${key} must be 1 or 0, not "${text.slice(0, 20)}"`);
}

/** Distinct ids of this system. */
export function nodeSubset(key: string, text: string, ctx: ParamContext): Parsed<NodeId[]> {
  const list = idList(key, text);
  if (!list.ok) return list;
  const stray = list.value.filter((x) => !ctx.isNode(x));
  if (stray.length) return fail(`${key} names ${stray.slice(0, 5).join(', ')}, not a node of this system`);
  const dup = duplicates(list.value);
  if (dup.length) return fail(`${key} lists ${dup[0]} twice`);
  return list;
}

// ---- builders, one per control ----

interface Common {
  key: string;
  label: string;
  help: string;
}

/** A checkbox: URL `1`/`0`; on the CLI `flag` sets it, `off` clears it. */
export function flagParam(
  p: Common & { default: boolean; cli: { flag?: string; off?: string } },
): ParamSpec<boolean> {
  return {
    ...p,
    control: 'checkbox',
    parse: (text) => bool(p.key, text),
    format: (v) => (v ? '1' : '0'),
    json: 'boolean',
  };
}

/** A select among fixed words. */
export function choiceParam<C extends string>(
  p: Common & { default: C; flag: string; choices: readonly { value: C; label: string }[] },
): ParamSpec<C> {
  const words = p.choices.map((c) => c.value);
  const listed = words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : words[0];
  return {
    key: p.key,
    label: p.label,
    help: p.help,
    control: 'select',
    default: p.default,
    cli: { flag: p.flag, metavar: words.join('|') },
    choices: p.choices,
    parse: (text) => {
      const t = text.trim();
      return (words as string[]).includes(t) ? ok(t as C) : fail(`${p.key} must be ${listed}`);
    },
    format: (v) => v,
    json: 'string',
  };
}

/** A set of nodes, typed as ids; absent means every node (or none, see `toggle.absent`). */
export function idsParam(
  p: Common & { flag: string; placeholder: string; toggle?: NodeToggle },
): ParamSpec<NodeId[] | null> {
  return {
    key: p.key,
    label: p.label,
    help: p.help,
    control: 'ids',
    default: null,
    cli: { flag: p.flag, metavar: '3,8' },
    placeholder: p.placeholder,
    ...(p.toggle ? { toggle: p.toggle } : {}),
    parse: (text, ctx) => nodeSubset(p.key, text, ctx),
    format: (v) => v.join(','),
    json: 'ids',
  };
}

/** One node of the system, typed as its id; absent means the algorithm's own choice. */
export function idParam(
  p: Common & { flag: string; placeholder: string; crashedRefusal?: (id: NodeId) => string },
): ParamSpec<NodeId | null> {
  return {
    key: p.key,
    label: p.label,
    help: p.help,
    control: 'id',
    default: null,
    cli: { flag: p.flag, metavar: 'ID' },
    placeholder: p.placeholder,
    parse: (text, ctx) => {
      const v = int(text);
      if (v === null || !ctx.isNode(v))
        return fail(`${p.key} ${text.slice(0, 20)} is not a node of this system`);
      if (p.crashedRefusal && ctx.crashed.includes(v)) return fail(p.crashedRefusal(v));
      return ok(v);
    },
    format: (v) => String(v),
    json: 'number',
  };
}

/** A whole number in a range. */
export function numberParam(
  p: Common & { flag: string; default: number; min: number; max: number },
): ParamSpec<number> {
  return {
    key: p.key,
    label: p.label,
    help: p.help,
    control: 'number',
    default: p.default,
    cli: { flag: p.flag, metavar: 'N' },
    range: { min: p.min, max: p.max },
    parse: (text) => wholeIn(p.key, text, p.min, p.max),
    format: (v) => String(v),
    json: 'number',
  };
}
