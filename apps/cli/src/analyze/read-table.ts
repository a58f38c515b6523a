import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { UsageError } from "./usage-error.ts";

/** A CSV file read whole: its header and its rows as strings, with the file named in every error. */
export interface Table {
  file: string;
  columns: string[];
  rows: string[][];
}

/** Reads a CSV file with a header row (comma, semicolon or tab separated). @throws UsageError naming the file and line. */
export function readTable(file: string): Table {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const firstLine = text.slice(0, text.indexOf("\n") >>> 0);
  const delimiter = [",", ";", "\t"].reduce((best, d) =>
    firstLine.split(d).length > firstLine.split(best).length ? d : best,
  );
  let records: string[][];
  try {
    records = parse(text, { delimiter, bom: true, skip_empty_lines: true, trim: true, relax_column_count: false });
  } catch (error) {
    throw new UsageError(`${file} is not a valid CSV file: ${(error as Error).message}`);
  }
  if (records.length === 0) throw new UsageError(`${file} is empty: a header row is required`);
  const [columns, ...rows] = records;
  return { file, columns, rows };
}

/** Position of a named column. @throws UsageError listing the columns the file does have. */
export function columnIndex(table: Table, name: string): number {
  const index = table.columns.indexOf(name);
  if (index < 0) {
    throw new UsageError(`${table.file} has no column "${name}" (columns: ${table.columns.join(", ")})`);
  }
  return index;
}

/** Reads a JSON file. @throws UsageError naming the file. */
export function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new UsageError(`cannot read ${file} as JSON: ${(error as Error).message}`);
  }
}

/** Writes a result as JSON on stdout, the CLI's contract with scripts. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
