import { ROW_COLUMNS, type ExperimentRow } from './runner';

/** The CSV header, exactly: `algorithm,n,order,seed,messages,rounds` (the CLI contract). */
export const CSV_HEADER = ROW_COLUMNS.join(',');

/** One CSV line; no field can hold a comma or a quote (ids and order names are plain words). */
export function csvLine(row: ExperimentRow): string {
  return ROW_COLUMNS.map((c) => String(row[c])).join(',');
}

/** The whole table, header first, one line per run, each line ending in a newline. */
export function toCsv(rows: readonly ExperimentRow[]): string {
  return [CSV_HEADER, ...rows.map(csvLine)].join('\n') + '\n';
}

/** The six contract columns of a row, in order (what `--json` prints). */
export function publicRow(row: ExperimentRow): Pick<ExperimentRow, (typeof ROW_COLUMNS)[number]> {
  return {
    algorithm: row.algorithm,
    n: row.n,
    order: row.order,
    seed: row.seed,
    messages: row.messages,
    rounds: row.rounds,
  };
}
