import type { ScenarioOption } from '../../scenario/options';
import type { FieldError } from '../../scenario/types';
import { draftValue, type Draft } from '../../store/draft';
import { Field, invalid, useChangedClass } from './Field';

/**
 * An algorithm option (or a crash fault) as its declaration asks: a checkbox, a select, a number, or
 * a text field for ids and lists. Errors are the validator's, shown under it.
 */
export function OptionField({
  option,
  draft,
  errors,
  set,
}: {
  option: ScenarioOption;
  draft: Draft;
  errors: readonly FieldError[];
  set: (key: string, value: string | boolean) => void;
}) {
  const { spec } = option;
  const value = draftValue(draft, option);
  const changed = useChangedClass([spec.key]);
  if (spec.control === 'checkbox') {
    const mine = errors.filter((e) => e.field === spec.key);
    return (
      <div className={`field check${mine.length ? ' invalid' : ''}${changed}`}>
        <label>
          <input type="checkbox" checked={value === true} onChange={(e) => set(spec.key, e.target.checked)} />{' '}
          {spec.label}
        </label>
        {mine.map((e) => (
          <p key={e.message} className="field-error">
            {e.message}
          </p>
        ))}
      </div>
    );
  }
  return (
    <Field label={spec.label} keys={[spec.key]} errors={errors}>
      {(id, d) =>
        spec.control === 'select' ? (
          <select
            id={id}
            value={String(value)}
            onChange={(e) => set(spec.key, e.target.value)}
            {...invalid(d)}
          >
            {spec.choices!.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={id}
            type={spec.control === 'number' ? 'number' : 'text'}
            {...(spec.range ? { min: spec.range.min, max: spec.range.max } : {})}
            value={String(value)}
            spellCheck={false}
            placeholder={spec.placeholder}
            title={spec.help}
            onChange={(e) => set(spec.key, e.target.value)}
            {...invalid(d)}
          />
        )
      }
    </Field>
  );
}
