import type { ReactNode } from 'react';
import { fmtValue } from '../format';
import './inspector.css';

/** Past this depth a value is summarised: a state nested deeper than this is not read at a glance. */
const MAX_DEPTH = 4;

const isPlain = (v: unknown): v is string | number | boolean | null | undefined =>
  v === null || v === undefined || typeof v !== 'object';

/** A list of plain values on one line; anything nested, one item per line. */
function ListValue({ items, depth }: { items: readonly unknown[]; depth: number }) {
  if (items.length === 0) return <span className="muted">none</span>;
  if (items.every(isPlain)) return <>{items.map(fmtValue).join(', ')}</>;
  return (
    <ol className="field-items">
      {items.map((item, i) => (
        <li key={i}>
          <Value v={item} depth={depth + 1} />
        </li>
      ))}
    </ol>
  );
}

/** One value, readable: plain values as words and numbers, lists as lists, records as nested fields. */
export function Value({ v, depth = 0 }: { v: unknown; depth?: number }): ReactNode {
  if (isPlain(v)) return fmtValue(v);
  if (v instanceof Map) return <Value v={Object.fromEntries(v)} depth={depth} />;
  if (v instanceof Set) return <ListValue items={[...v]} depth={depth} />;
  if (depth >= MAX_DEPTH) return <span className="muted">…</span>;
  if (Array.isArray(v)) return <ListValue items={v} depth={depth} />;
  const entries = Object.entries(v as Record<string, unknown>);
  if (entries.length === 0) return <span className="muted">empty</span>;
  return <FieldList fields={entries} depth={depth + 1} />;
}

/**
 * Field → value as a definition list (a message's content, a node's state): each name beside its
 * value, nested records indented under their field instead of one line of JSON.
 */
export function FieldList({
  fields,
  depth = 0,
  label,
}: {
  fields: readonly (readonly [string, unknown])[];
  depth?: number;
  label?: string;
}) {
  return (
    <dl className={`fields${depth > 0 ? ' nested' : ''}`} aria-label={label}>
      {fields.map(([k, v]) => (
        <div key={k} className="field-row">
          <dt>{k}</dt>
          <dd>
            <Value v={v} depth={depth} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
