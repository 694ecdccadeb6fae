import type { SystemPoint } from '../../experiments/system-table';
import { systemCells, systemColumns } from '../../experiments/system-table';
import type { SystemSpec } from '../../experiments/systems';

/** A column name with break opportunities at its words (`split|Brain|Time`, `_mean`), for a phone. */
function breakable(name: string) {
  const parts = name.split(/(?=[A-Z_])/);
  return parts.map((p, i) => (
    <span key={i}>
      {i > 0 && <wbr />}
      {p}
    </span>
  ));
}

/** The points as a table with exactly the CLI's CSV columns and cells (C28). */
export function SystemTable({ spec, points }: { spec: SystemSpec; points: readonly SystemPoint[] }) {
  const columns = systemColumns(spec);
  return (
    <div className="exp-table" role="region" aria-label="Experiment results table" tabIndex={0}>
      <table>
        <caption>
          {points.length} point{points.length === 1 ? '' : 's'}, the CLI’s CSV columns
        </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {breakable(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={`${p.value} ${p.variant}`}>
              {systemCells(spec, p).map((c, i) => (
                <td key={columns[i]} className={typeof c === 'string' ? 'exp-text' : undefined}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
