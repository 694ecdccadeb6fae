import LZ from 'lz-string';
import { toFlat } from './encode';
import { inflateUriComponent } from './lz';
import { migrateFlat } from './migrate';
import { CODEC_LIMITS, FLAT_KEYS, parseFlat, type Flat } from './parse';
import type { FieldError, Result, Scenario } from './types';

/** Past this many characters the readable query form is wrapped as `v=1&z=<lz-string>`. */
export const COMPRESS_OVER = 600;
/**
 * No link longer than this is read (Chromium's own URL limit is 2 MB). encodeScenario can write longer
 * ones for huge custom graphs: check `link.length <= MAX_LINK` and offer a JSON file instead.
 */
export const MAX_LINK = 1_000_000;

/**
 * The keys a compressed link keeps outside `z`: the version (read first) and the viewer's keys — the
 * step, the screen and the compare screen's second algorithm.
 */
const OUTSIDE_Z = ['v', 'z', 'step', 'screen', 'vs'];
const VIEWER_KEYS = ['step', 'screen', 'vs'] as const;

function escapeValue(v: string): string {
  // `,` `:` `@` are safe inside a hash and keep lists readable (`ids=5,3,8`, `crashes=8@5`).
  return encodeURIComponent(v).replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%40/g, '@');
}

/** A flat record as `k=v&k=v`, keys in FLAT_KEYS order (so equal scenarios give equal links). */
export function flatToQuery(f: Flat): string {
  const parts: string[] = [];
  for (const k of FLAT_KEYS) {
    const v = f[k];
    if (v !== undefined) parts.push(`${k}=${escapeValue(v)}`);
  }
  return parts.join('&');
}

/**
 * The scenario as a URL hash body (without `#`): the readable query form, or `v=1&z=<lz-string>&step=k`
 * where that is long (custom graphs, long id lists) and compression actually makes it shorter.
 */
export function encodeScenario(s: Scenario): string {
  const q = flatToQuery(toFlat(s));
  if (q.length <= COMPRESS_OVER) return q;
  const { step, ...rest } = s;
  const z = LZ.compressToEncodedURIComponent(flatToQuery(toFlat(rest)));
  const compressed = `v=${s.v}&z=${z}${step !== undefined ? `&step=${step}` : ''}`;
  return compressed.length < q.length ? compressed : q;
}

/** A full link with the scenario in its hash, e.g. `shareLink('https://x.org/lab/', s)`. */
export function shareLink(base: string, s: Scenario): string {
  const hash = base.indexOf('#');
  return `${hash >= 0 ? base.slice(0, hash) : base}#${encodeScenario(s)}`;
}

const err = (field: string, message: string): { ok: false; errors: FieldError[] } => ({
  ok: false,
  errors: [{ field, message }],
});

/** The scenario part of a full URL, a `#hash`, a `?query` or a bare `a=1&b=2`. */
export function linkBody(text: string): string {
  // Links wrapped over lines in mail keep their pieces; `&amp;` comes from copying HTML.
  let t = text
    .replace(/[\r\n\t]/g, '')
    .trim()
    .replace(/&amp;/g, '&');
  const hash = t.indexOf('#');
  const query = t.indexOf('?');
  if (hash >= 0 && t.slice(hash + 1).replace(/^[#/?]+/, '') !== '') t = t.slice(hash + 1);
  else if (query >= 0) t = t.slice(query + 1, hash > query ? hash : undefined);
  else if (hash >= 0) t = '';
  else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(t)) t = '';
  return t.replace(/^[#/?]+/, '');
}

/** Splits `a=1&b=2` into key → decoded value; no key twice, every part `key=value`. */
function splitQuery(t: string, where: string): Result<Flat> {
  const entries = new Map<string, string>();
  for (const part of t.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) return err('link', `${where}"${part.slice(0, 30)}" is not key=value`);
    const key = part.slice(0, eq);
    const shown = key.slice(0, 30);
    let value: string;
    try {
      value = decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '));
    } catch {
      return err(shown, `${where}${shown} has a broken %-escape`);
    }
    if (entries.has(key)) return err(shown, `${where}${shown} is given twice`);
    entries.set(key, value);
  }
  // fromEntries defines own properties, so even a key named __proto__ is kept (and refused as unknown).
  return { ok: true, value: Object.fromEntries(entries) };
}

/**
 * Reads a link (full URL, `#hash`, `?query` or bare query) into the flat key form, expanding a
 * compressed `z=` part. Validation of the keys themselves is parseFlat's job.
 */
export function queryToFlat(text: string): Result<Flat> {
  if (text.length > MAX_LINK)
    return err('link', `the link is ${text.length} characters long; at most ${MAX_LINK} are read`);
  const t = linkBody(text);
  if (t === '') return err('link', 'the link holds no scenario (nothing after #)');
  const outer = splitQuery(t, '');
  if (!outer.ok || outer.value.z === undefined) return outer;
  const { z, v } = outer.value;
  const others = Object.keys(outer.value).filter((k) => !OUTSIDE_Z.includes(k));
  if (others.length)
    return err(
      'z',
      `a compressed link carries only v, z, step, screen and vs, not ${others[0]!.slice(0, 30)}`,
    );
  // A newer build may compress differently: say so rather than call its link damaged.
  if (v !== undefined) {
    const version = migrateFlat({ v });
    if (!version.ok) return version;
  }
  if (z.trim() === '') return err('z', 'z is empty: the compressed part of the link is missing');
  const inflated = inflateUriComponent(z.trim(), CODEC_LIMITS.maxText);
  if (!inflated.ok)
    return inflated.reason === 'too-large'
      ? err('z', `the compressed part expands to more than ${CODEC_LIMITS.maxText} characters`)
      : err('z', 'the compressed part of the link is damaged or cut short (was the whole link copied?)');
  if (inflated.text === '') return err('z', 'the compressed part of the link is empty');
  const inner = splitQuery(inflated.text, 'in the compressed part: ');
  if (!inner.ok) return inner;
  const flat = inner.value;
  if (flat.z !== undefined) return err('z', 'the compressed part holds another compressed part');
  if (v !== undefined) {
    if (flat.v !== undefined && flat.v.trim() !== v.trim())
      return err('v', `the version outside (v=${v.slice(0, 10)}) and inside the compressed part differ`);
    flat.v = v;
  }
  for (const key of VIEWER_KEYS) {
    const outside = outer.value[key];
    if (outside === undefined) continue;
    if (flat[key] !== undefined)
      return err(key, `${key} is given both outside and inside the compressed part`);
    flat[key] = outside;
  }
  return { ok: true, value: flat };
}

/** Reads a link or hash back into a validated scenario, or says precisely what is wrong with it. */
export function decodeScenario(text: string): Result<Scenario> {
  try {
    const q = queryToFlat(text);
    if (!q.ok) return q;
    if (q.value.v === undefined) return err('v', 'the link has no version (it should start v=1)');
    return parseFlat(q.value);
  } catch (e) {
    // Nothing above should throw; if it ever does, the page still opens and the message says why.
    return err(
      'link',
      `the link could not be read (${e instanceof Error ? e.message.slice(0, 80) : 'error'})`,
    );
  }
}
