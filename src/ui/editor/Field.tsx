import { createContext, useContext, useId, type ReactNode } from 'react';
import type { FieldError } from '../../scenario/types';

/** The flat keys whose typed value the run on screen does not have yet (unapplied.ts). */
export const UnappliedKeys = createContext<ReadonlySet<string>>(new Set());

/** The class marking a field whose value is not applied yet, for the keys it stands for. */
export function useChangedClass(keys: readonly string[]): string {
  const unapplied = useContext(UnappliedKeys);
  return keys.some((k) => unapplied.has(k)) ? ' changed' : '';
}

/** `aria-invalid` and the error's id for a control whose field has an error. */
export const invalid = (describedBy: string | undefined) =>
  describedBy ? { 'aria-invalid': true as const, 'aria-describedby': describedBy } : {};

/**
 * One labelled editor field. `keys` are the flat (URL/CLI) keys it stands for: the validator's errors
 * on them are shown under it, in the same words the CLI prints.
 */
export function Field({
  label,
  keys,
  errors,
  children,
  hint,
}: {
  label: string;
  keys: readonly string[];
  errors: readonly FieldError[];
  children: (id: string, describedBy: string | undefined) => ReactNode;
  hint?: ReactNode;
}) {
  const id = useId();
  const changed = useChangedClass(keys);
  const mine = errors.filter((e) => keys.includes(e.field));
  const errId = `${id}-err`;
  return (
    <div className={`field${mine.length ? ' invalid' : ''}${changed}`}>
      <label htmlFor={id}>{label}</label>
      {children(id, mine.length ? errId : undefined)}
      {hint && <p className="hint">{hint}</p>}
      {mine.length > 0 && (
        <p className="field-error" id={errId}>
          {mine.map((e) => e.message).join('; ')}
        </p>
      )}
    </div>
  );
}
