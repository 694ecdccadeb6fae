import { ALGORITHMS } from '../algorithms/registry';
import { inflateUriComponent } from './lz';
import { migrateFlat } from './migrate';
import { OPTION_KEYS } from './options';
import { CODEC_LIMITS, FLAT_KEYS, parseFlat, type Flat } from './parse';
import { CURRENT_VERSION, type FieldError, type Scenario } from './types';
import { linkBody, MAX_LINK } from './url';

export interface Salvaged {
  /** The keys that are valid on their own and together (always with `v`), as flat text. */
  flat: Flat;
  /** The scenario those keys make, defaults filled in; null when no algorithm could be read. */
  scenario: Scenario | null;
  /** The keys left out. */
  dropped: string[];
  /** Why: at least one error per dropped key, plus problems with the link as a whole. */
  errors: FieldError[];
}

/**
 * Keys are tried in this order, each against the ones already kept: the graph first (everything else
 * names its nodes), the faults before the parameters (a parameter may refuse a crashed node).
 */
const ORDER = [
  'topo',
  'ids',
  'edges',
  'n',
  'mode',
  'maxDelay',
  'seed',
  ...OPTION_KEYS,
  'sched',
  'scheduler',
  'step',
  'screen',
];

/**
 * What can be kept from a broken link or flat record, so the editor opens with the good parts: keeps
 * each key that parses together with those kept before it, and names the problem with every other one.
 * Never throws; a valid input comes back whole with no errors.
 */
export function salvage(input: string | Flat): Salvaged {
  const errors: FieldError[] = [];
  const raw = typeof input === 'string' ? lenientSplit(input, errors) : { ...input };
  if (typeof input === 'string' && raw.v === undefined && errors.length === 0)
    errors.push({ field: 'v', message: `the link has no version; read as v=${CURRENT_VERSION}` });
  const whole = parseFlat(raw);
  if (whole.ok && errors.length === 0) {
    return { flat: { v: String(CURRENT_VERSION), ...raw }, scenario: whole.value, dropped: [], errors: [] };
  }

  let flat = raw;
  const dropped: string[] = [];
  const drop = (key: string, why: FieldError[]) => {
    dropped.push(key);
    const own = why.filter((e) => e.field === key);
    errors.push(...(own.length ? own : why.slice(0, 1)));
  };
  const migrated = migrateFlat(flat);
  if (migrated.ok) flat = migrated.value;
  else {
    drop('v', migrated.errors);
    const { v: _v, ...rest } = flat;
    flat = rest;
  }
  const kept: Flat = { v: String(CURRENT_VERSION) };
  for (const key of Object.keys(flat)) {
    if (key !== 'v' && !FLAT_KEYS.includes(key))
      drop(key.slice(0, 30), [{ field: key.slice(0, 30), message: `unknown key "${key.slice(0, 30)}"` }]);
  }

  // Without a valid algorithm a key is kept when some registered algorithm accepts it.
  let algs: string[] = [];
  if (flat.alg !== undefined) {
    const alone = parseFlat({ ...kept, alg: flat.alg });
    if (alone.ok) kept.alg = flat.alg;
    else drop('alg', alone.errors);
  }
  if (kept.alg === undefined) algs = ALGORITHMS.map((a) => a.id);

  for (const key of ORDER) {
    const value = flat[key];
    if (value === undefined) continue;
    const candidate: Flat = { ...kept, [key]: value };
    let firstErrors: FieldError[] | null = null;
    let accepted = false;
    for (const alg of kept.alg !== undefined ? [kept.alg] : algs) {
      const r = parseFlat({ ...candidate, alg });
      if (r.ok) {
        accepted = true;
        break;
      }
      firstErrors ??= r.errors;
    }
    if (accepted) kept[key] = value;
    else drop(key, firstErrors ?? []);
  }

  // Keys lost while splitting the link (broken escapes) count as dropped too.
  for (const e of errors)
    if (FLAT_KEYS.includes(e.field) && !(e.field in kept) && !dropped.includes(e.field))
      dropped.push(e.field);
  const parsed = kept.alg !== undefined ? parseFlat(kept) : null;
  if (kept.alg === undefined && !dropped.includes('alg'))
    errors.push({ field: 'alg', message: 'no algorithm given: choose one in the editor' });
  return { flat: kept, scenario: parsed?.ok ? parsed.value : null, dropped, errors };
}

/**
 * A link split as far as it goes: a part that is not key=value or has a broken %-escape is dropped
 * with its error, a repeated key keeps its first value, a damaged `z=` part loses only itself.
 */
function lenientSplit(text: string, errors: FieldError[]): Flat {
  if (text.length > MAX_LINK) {
    errors.push({
      field: 'link',
      message: `the link is ${text.length} characters long; at most ${MAX_LINK} are read`,
    });
    return {};
  }
  const outer = splitParts(linkBody(text), errors, '');
  const z = outer.get('z');
  if (z === undefined) return Object.fromEntries(outer);
  outer.delete('z');
  const inflated = inflateUriComponent(z.trim(), CODEC_LIMITS.maxText);
  if (!inflated.ok) {
    errors.push({
      field: 'z',
      message:
        inflated.reason === 'too-large'
          ? `the compressed part expands to more than ${CODEC_LIMITS.maxText} characters`
          : 'the compressed part of the link is damaged or cut short',
    });
    return Object.fromEntries(outer);
  }
  const inner = splitParts(inflated.text, errors, 'in the compressed part: ');
  inner.delete('z');
  // Outside keys (v, step) win, as in queryToFlat.
  for (const [k, v] of outer) inner.set(k, v);
  return Object.fromEntries(inner);
}

function splitParts(t: string, errors: FieldError[], where: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of t.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) {
      errors.push({ field: 'link', message: `${where}"${part.slice(0, 30)}" is not key=value` });
      continue;
    }
    const key = part.slice(0, eq);
    const shown = key.slice(0, 30);
    if (out.has(key)) {
      errors.push({ field: shown, message: `${where}${shown} is given twice; the first value is kept` });
      continue;
    }
    try {
      out.set(key, decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' ')));
    } catch {
      errors.push({ field: shown, message: `${where}${shown} has a broken %-escape` });
    }
  }
  return out;
}
