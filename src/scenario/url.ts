import LZ from 'lz-string';
import { toFlat } from './encode';
import { FLAT_KEYS, parseFlat, type Flat } from './parse';
import type { FieldError, Result, Scenario } from './types';

/** Past this many characters the readable query form is wrapped as `v=1&z=<lz-string>`. */
export const COMPRESS_OVER = 600;
/** No link longer than this is read: it cannot come from this app and could freeze the tab. */
export const MAX_LINK = 100_000;

function flatToQuery(f: Flat): string {
  const parts: string[] = [];
  for (const k of FLAT_KEYS) {
    const v = f[k];
    if (v !== undefined)
      parts.push(
        `${k}=${encodeURIComponent(v).replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%40/g, '@')}`,
      );
  }
  return parts.join('&');
}

/** The scenario as a URL hash body (without `#`): readable, compressed only when long. */
export function encodeScenario(s: Scenario): string {
  const q = flatToQuery(toFlat(s));
  if (q.length <= COMPRESS_OVER) return q;
  const step = s.step !== undefined ? `&step=${s.step}` : '';
  const { step: _omit, ...rest } = s;
  return `v=${s.v}&z=${LZ.compressToEncodedURIComponent(flatToQuery(toFlat(rest as Scenario)))}${step}`;
}

/** Splits `a=1&b=2` (a leading `#`, `?` or whole URL is accepted) into a flat record. */
export function queryToFlat(text: string): Result<Flat> {
  let t = text.trim();
  const hash = t.indexOf('#');
  if (hash >= 0) t = t.slice(hash + 1);
  else if (/^[a-z]+:\/\//i.test(t)) t = t.includes('?') ? t.slice(t.indexOf('?') + 1) : '';
  if (t.startsWith('?')) t = t.slice(1);
  if (t === '')
    return {
      ok: false,
      errors: [{ field: 'link', message: 'the link holds no scenario (nothing after #)' }],
    };
  const flat: Flat = {};
  for (const part of t.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0)
      return { ok: false, errors: [{ field: 'link', message: `"${part.slice(0, 30)}" is not key=value` }] };
    const key = part.slice(0, eq);
    let value: string;
    try {
      value = decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '));
    } catch {
      return {
        ok: false,
        errors: [{ field: key.slice(0, 30), message: `${key.slice(0, 30)} has a broken %-escape` }],
      };
    }
    if (key in flat)
      return {
        ok: false,
        errors: [{ field: key.slice(0, 30), message: `${key.slice(0, 30)} is given twice` }],
      };
    flat[key] = value;
  }
  return { ok: true, value: flat };
}

/** Reads a link or hash back into a validated scenario, or says precisely what is wrong with it. */
export function decodeScenario(text: string): Result<Scenario> {
  if (text.length > MAX_LINK) {
    return {
      ok: false,
      errors: [
        {
          field: 'link',
          message: `the link is ${text.length} characters long; at most ${MAX_LINK} are read`,
        },
      ],
    };
  }
  const q = queryToFlat(text);
  if (!q.ok) return q;
  let flat = q.value;
  if (flat.z !== undefined) {
    const { z, v, step, ...others } = flat;
    if (Object.keys(others).length) {
      return {
        ok: false,
        errors: [
          {
            field: 'z',
            message: `a compressed link carries only v, z and step, not ${Object.keys(others)[0]!.slice(0, 30)}`,
          },
        ],
      };
    }
    let inner: string | null;
    try {
      inner = LZ.decompressFromEncodedURIComponent(z);
    } catch {
      inner = null;
    }
    if (!inner)
      return {
        ok: false,
        errors: [{ field: 'z', message: 'the compressed part of the link is damaged or truncated' }],
      };
    if (inner.length > MAX_LINK)
      return {
        ok: false,
        errors: [{ field: 'z', message: 'the compressed part expands to more than is ever written' }],
      };
    const innerFlat = queryToFlat(inner);
    if (!innerFlat.ok)
      return {
        ok: false,
        errors: innerFlat.errors.map((e): FieldError => ({
          ...e,
          message: `in the compressed part: ${e.message}`,
        })),
      };
    flat = { ...innerFlat.value };
    if (v !== undefined) {
      if (flat.v !== undefined && flat.v !== v)
        return {
          ok: false,
          errors: [{ field: 'v', message: 'the version outside and inside the compressed part differ' }],
        };
      flat.v = v;
    }
    if (step !== undefined) flat.step = step;
  }
  if (flat.v === undefined)
    return { ok: false, errors: [{ field: 'v', message: 'the link has no version (v=1)' }] };
  return parseFlat(flat);
}
