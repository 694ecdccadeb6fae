import { scenarioFromJson, scenarioFromObject } from '../../scenario/json';
import type { Flat } from '../../scenario/parse';
import { salvage, type Salvaged } from '../../scenario/salvage';
import type { FieldError, Scenario } from '../../scenario/types';
import { decodeScenario, queryToFlat } from '../../scenario/url';
import { prepare } from '../../store/draft';
import { looseFlat } from './looseFlat';

/** A link or file that cannot be opened, with what can be kept of it. */
export interface Problem {
  source: 'link' | 'file';
  /** The link text, or the file's name. */
  what: string;
  /** What is wrong, each naming its field: the validator's errors, or the graph's. */
  errors: FieldError[];
  /** The keys that are fine, for the editor. */
  salvaged: Salvaged;
  /** Every key as given (where the text could be split at all), so a dropped value can be shown to fix. */
  given: Flat | null;
}

export type Checked = { ok: true; scenario: Scenario } | { ok: false; problem: Problem };

/**
 * Everything that stands between a link and a run: the codec (version, keys, compression), the
 * validator, the graph checks of buildRun (tree, connected) and the browser's size limit.
 */
export function checkLink(text: string): Checked {
  const decoded = decodeScenario(text);
  const errors = decoded.ok ? prepareErrors(decoded.value) : decoded.errors;
  if (decoded.ok && errors.length === 0) return { ok: true, scenario: decoded.value };
  const given = safe(() => queryToFlat(text));
  return {
    ok: false,
    problem: {
      source: 'link',
      what: text,
      errors,
      salvaged: salvage(text),
      given: given?.ok ? given.value : null,
    },
  };
}

/** The same for a scenario (or trace) file's text. */
export function checkFile(text: string, name: string): Checked {
  const read = scenarioFromJson(text);
  const errors = read.ok ? prepareErrors(read.value) : read.errors;
  if (read.ok && errors.length === 0) return { ok: true, scenario: read.value };
  const given = safe(() => looseFlat(text));
  return {
    ok: false,
    problem: { source: 'file', what: name, errors, salvaged: salvage(given ?? {}), given },
  };
}

/**
 * The same for a file already parsed (a large trace read in slices, slicedJson.ts). `data` is small:
 * a trace file's steps are left out of it.
 */
export function checkParsed(data: unknown, name: string): Checked {
  const read = scenarioFromObject(data);
  const errors = read.ok ? prepareErrors(read.value) : read.errors;
  if (read.ok && errors.length === 0) return { ok: true, scenario: read.value };
  const given = safe(() => looseFlat(JSON.stringify(data)));
  return {
    ok: false,
    problem: { source: 'file', what: name, errors, salvaged: salvage(given ?? {}), given },
  };
}

function prepareErrors(s: Scenario): FieldError[] {
  const r = prepare(s);
  return r.ok ? [] : r.errors;
}

/** The codec never throws by contract; this keeps a broken promise from breaking the page. */
function safe<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}
