import type { Flat } from './parse';
import { CURRENT_VERSION, type FieldError, type Result } from './types';

/**
 * Upgrades a flat record written as version `from` to version `from + 1`. When a key changes meaning,
 * bump CURRENT_VERSION and add the step here, so every link ever shared keeps opening (Excalidraw keeps
 * a `version` in its files "for potential migration purposes" for the same reason).
 */
export type Migration = (flat: Flat) => Result<Flat>;

/** Keyed by the version migrated FROM. Version 1 is the first one ever written, so there is none yet. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/**
 * Brings a flat record to CURRENT_VERSION, or says why it cannot. A missing `v` is read as the current
 * version (CLI options carry none); a link must carry one (decodeScenario checks that).
 */
export function migrateFlat(
  flat: Flat,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  current: number = CURRENT_VERSION,
): Result<Flat> {
  if (flat.v === undefined) return { ok: true, value: flat };
  const text = flat.v.trim();
  if (!/^\d{1,6}$/.test(text)) {
    return fail({
      field: 'v',
      message: `v must be a version number like v=${current}, not "${text.slice(0, 20)}"`,
    });
  }
  let v = Number(text);
  if (v > current) {
    return fail({
      field: 'v',
      message: `unsupported version v=${v}: made by a newer Leader Election Lab; this build reads up to v=${current}`,
    });
  }
  let out: Flat = { ...flat };
  while (v < current) {
    const step = migrations[v];
    if (!step) {
      return fail({
        field: 'v',
        message: `unsupported version v=${v}: older than any version this build can read (it reads v=${current}; there is no migration from v=${v})`,
      });
    }
    const next = step(out);
    if (!next.ok) return next;
    v++;
    out = { ...next.value, v: String(v) };
  }
  out.v = String(current);
  return { ok: true, value: out };
}

function fail(e: FieldError): Result<Flat> {
  return { ok: false, errors: [e] };
}
