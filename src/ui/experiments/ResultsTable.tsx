import { ROW_COLUMNS, type ExperimentRow } from '../../experiments/runner';

export interface ResultsTableProps {
  rows: readonly ExperimentRow[];
  /** Rows past this many are left to the CSV download (a table of 20,000 rows helps nobody). */
  limit?: number;
}

/** The runs as a table with the CSV's columns. */
export function ResultsTable({ rows, limit = 400 }: ResultsTableProps) {
  const shown = rows.length > limit ? rows.slice(0, limit) : rows;
  return (
    <div className="exp-table" role="region" aria-label="Experiment results table" tabIndex={0}>
      <table>
        <caption>
          {rows.length > limit
            ? `First ${limit} of ${rows.length} runs (the CSV has all of them)`
            : `${rows.length} run${rows.length === 1 ? '' : 's'}`}
        </caption>
        <thead>
          <tr>
            {ROW_COLUMNS.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((r, i) => (
            <tr key={i} className={r.terminated ? undefined : 'exp-unfinished'}>
              {ROW_COLUMNS.map((c) => (
                <td key={c}>{r[c]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
