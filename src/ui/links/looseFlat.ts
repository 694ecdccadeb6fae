import { TRACE_FORMAT } from '../../scenario/json';
import { ALL_OPTIONS } from '../../scenario/options';
import type { Flat } from '../../scenario/parse';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value as the flat form writes it: text as is, numbers and flags as text, lists joined by commas. */
function text(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number'))
    return v.map(String).join(',');
  return null;
}

/**
 * A scenario file read as loosely as possible into the flat key form, so `salvage` can keep its good
 * parts. scenarioFromJson refuses the whole file at the first wrong type (and says exactly where);
 * this reads past such fields and leaves it to salvage to say which keys it had to drop. Returns null
 * when the text is not JSON or not an object at all.
 */
export function looseFlat(json: string): Flat | null {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  if (isObject(data) && data.format === TRACE_FORMAT && isObject(data.scenario)) data = data.scenario;
  if (!isObject(data)) return null;
  const f: Flat = {};
  const put = (key: string, v: unknown) => {
    const t = text(v);
    if (t !== null) f[key] = t;
  };
  put('v', data.v);
  put('alg', data.algorithm);
  const topo = isObject(data.topology) ? data.topology : {};
  if (Array.isArray(topo.edges)) {
    f.edges = topo.edges
      .map((e: unknown) =>
        isObject(e)
          ? `${String(e.a)}-${String(e.b)}${e.w !== undefined ? `:${String(e.w)}` : ''}`
          : String(e),
      )
      .join(',');
  } else put('edges', topo.edges);
  if (topo.kind !== 'custom' || f.edges === undefined) put('topo', topo.kind);
  put('n', topo.n);
  const ids = data.ids;
  if (isObject(ids)) put('ids', ids.order ?? ids.list);
  else put('ids', ids);
  const timing = isObject(data.timing) ? data.timing : {};
  put('mode', timing.mode);
  put('maxDelay', timing.maxDelay);
  if (Array.isArray(timing.schedule) && timing.schedule.length)
    f.sched = timing.schedule
      .map((d: unknown) => (isObject(d) ? `${String(d.from)}-${String(d.to)}` : String(d)))
      .join(',');
  put('seed', data.seed);
  const params = isObject(data.params) ? data.params : {};
  for (const { spec } of ALL_OPTIONS.filter((o) => o.group === 'params')) put(spec.key, params[spec.key]);
  const faults = isObject(data.faults) ? data.faults : {};
  if (Array.isArray(faults.crashed) && faults.crashed.length) put('crashed', faults.crashed);
  if (Array.isArray(faults.crashes) && faults.crashes.length)
    f.crashes = faults.crashes
      .map((c: unknown) => (isObject(c) ? `${String(c.id)}@${String(c.at)}` : String(c)))
      .join(',');
  put('step', data.step);
  return f;
}
