import { findAlgorithm } from '../../algorithms/registry';
import { ALL_OPTIONS } from '../../scenario/options';
import type { Flat } from '../../scenario/parse';
import { scenarioToDraft, withAlgorithm, type Draft } from '../../store/draft';
import type { FieldError } from '../../scenario/types';
import type { Problem } from './check';

const ORDERS = ['asc', 'desc', 'random'];
/** The scenario's own fields the editor shows as <input type=number>. */
const NUMBER_KEYS = ['n', 'maxDelay', 'seed'] as const;
/** A number field cannot hold "eight": it keeps its value and the error says what was given. */
const fitsNumberField = (v: string) => /^\s*-?\d+\s*$/.test(v);

/** The flat keys written into a draft, over `base` (which holds every field the flat lacks). */
export function flatIntoDraft(f: Flat, base: Draft): Draft {
  let d: Draft = { ...base };
  if (f.alg !== undefined && findAlgorithm(f.alg.trim())) d = withAlgorithm(d, f.alg.trim());
  if (f.edges !== undefined) d = { ...d, topo: 'custom', edges: f.edges };
  else if (f.topo !== undefined && findAlgorithm(d.alg)?.topologies.includes(f.topo.trim() as never))
    d = { ...d, topo: f.topo.trim() };
  if (f.ids !== undefined) {
    const ids = f.ids.trim();
    d = ORDERS.includes(ids)
      ? { ...d, idsOrder: ids as Draft['idsOrder'] }
      : { ...d, idsOrder: 'custom', idsList: f.ids };
  }
  if (f.mode === 'sync' || f.mode === 'async') d = { ...d, mode: f.mode };
  for (const k of NUMBER_KEYS) {
    const v = f[k];
    if (v !== undefined && fitsNumberField(v)) d = { ...d, [k]: v };
  }
  for (const { spec } of ALL_OPTIONS) {
    const v = f[spec.key];
    if (v === undefined) continue;
    if (spec.control === 'checkbox') {
      if (v === '0' || v === '1') d = { ...d, [spec.key]: v === '1' };
    } else if (spec.control === 'select') {
      if (spec.choices?.some((c) => c.value === v)) d = { ...d, [spec.key]: v };
    } else if (spec.control !== 'number' || fitsNumberField(v)) d = { ...d, [spec.key]: v };
  }
  return d;
}

/**
 * What "Open in editor" puts in the editor: the salvaged scenario (defaults filled in), then every
 * dropped key's text as it was given where the editor has a text field for it, so nothing the user
 * wrote is lost and the field's error says what to change. Returns the errors to show by the fields.
 */
export function problemDraft(p: Problem, current: Draft): { draft: Draft; errors: FieldError[] } {
  const s = p.salvaged;
  let draft = s.scenario ? scenarioToDraft(s.scenario, current) : flatIntoDraft(s.flat, current);
  if (p.given) {
    const lost: Flat = {};
    for (const key of s.dropped) {
      const v = p.given[key];
      if (v !== undefined && key !== 'v' && key !== 'alg' && key !== 'topo' && key !== 'mode') lost[key] = v;
    }
    draft = flatIntoDraft(lost, draft);
  }
  // The validator's errors where salvage found none (a graph that is not a tree parses fine).
  const errors = s.errors.length ? s.errors : p.errors;
  return { draft, errors };
}
