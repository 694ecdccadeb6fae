import type { AnyModule } from '../../algorithms/contract';
import type { Versus } from '../../scenario/versus';

/**
 * What the right pane runs: the same algorithm in the other timing model, or another algorithm that
 * runs on this graph. The algorithms that do not are listed with the reason, so none goes missing
 * without a word.
 */
export function VersusPicker({
  first,
  offered,
  refused,
  value,
  onChange,
}: {
  first: string;
  offered: readonly Versus[];
  refused: readonly { algorithm: AnyModule; reason: string }[];
  value: string | null;
  onChange: (vs: string | null) => void;
}) {
  return (
    <div className="cmp-versus">
      <label>
        <span>Compare</span>
        <select
          aria-label="Compare with"
          value={value ?? ''}
          onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
        >
          <option value="">{first}: sync vs async</option>
          {offered.map((v) => (
            <option key={v.algorithm.id} value={v.algorithm.id}>
              {first} vs {v.algorithm.shortName}
            </option>
          ))}
        </select>
      </label>
      {refused.length > 0 && (
        <details className="cmp-not-offered" data-testid="not-offered">
          <summary>Not offered: {refused.map((r) => r.algorithm.shortName).join(', ')}</summary>
          <ul>
            {refused.map((r) => (
              <li key={r.algorithm.id}>{r.reason}.</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
