/**
 * Reads an uploaded file into a header and rows of text, remembering each row's line in the file (the header is
 * line 1) so every error can point at it. CSV (comma, semicolon or tab; UTF-8 with or without BOM, or GBK as
 * older Chinese shop systems write it) and Excel .xlsx (the first worksheet).
 */
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { invalid } from "../app-error.ts";

export interface ImportRow {
  /** Line (CSV) or row number (Excel) in the file. */
  line: number;
  values: string[];
}

export interface ImportTable {
  columns: string[];
  rows: ImportRow[];
}

export type ImportFileFormat = "csv" | "xlsx";

/** The format named by a file's extension. @throws AppError import.unsupported_format for anything else. */
export function importFileFormat(fileName: string): ImportFileFormat {
  const extension = fileName.toLowerCase().split(".").pop();
  if (extension === "csv" || extension === "txt" || extension === "tsv") return "csv";
  if (extension === "xlsx") return "xlsx";
  throw invalid("import.unsupported_format", `${fileName}: only .csv and .xlsx files can be imported (save .xls as .xlsx)`, "file");
}

/** @throws AppError import.empty_file / import.unreadable_file naming the file. */
export async function readImportFile(content: Buffer, fileName: string): Promise<ImportTable> {
  const table = importFileFormat(fileName) === "xlsx" ? await readWorkbook(content, fileName) : readCsv(content, fileName);
  if (table.columns.length === 0) {
    throw invalid("import.empty_file", `${fileName} is empty: the first row must name the columns`, "file");
  }
  return table;
}

/** UTF-8 when the bytes are valid UTF-8 (BOM or not); otherwise GBK, the usual encoding of Chinese Excel CSVs. */
export function decodeText(content: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(content);
  } catch {
    return new TextDecoder("gbk").decode(content);
  }
}

function readCsv(content: Buffer, fileName: string): ImportTable {
  const text = decodeText(content).replace(/^\uFEFF/, "");
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [",", ";", "\t"].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best));
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, info: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    throw invalid("import.unreadable_file", `${fileName} is not a valid CSV file: ${(error as Error).message}`, "file");
  }
  const [header, ...body] = records;
  if (!header) return { columns: [], rows: [] };
  return {
    columns: header.record.map((column) => column.trim()),
    rows: body.map(({ record, info }) => ({
      // info.lines is the record's last line; a quoted value may span lines, so count back to where it began.
      line: info.lines - record.reduce((newlines, value) => newlines + (value.match(/\n/g)?.length ?? 0), 0),
      values: record,
    })),
  };
}

async function readWorkbook(content: Buffer, fileName: string): Promise<ImportTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    throw invalid("import.unreadable_file", `${fileName} is not a valid .xlsx file: ${(error as Error).message}`, "file");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { columns: [], rows: [] };
  let columns: string[] | undefined;
  const rows: ImportRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      values[column - 1] = cellText(cell.value);
    });
    const cells = Array.from(values, (value) => value ?? "");
    if (cells.every((value) => value === "")) return;
    if (!columns) columns = cells;
    else rows.push({ line: row.number, values: cells });
  });
  return { columns: columns ?? [], rows };
}

/** Excel stores dates as naive wall-clock times (shown as UTC by exceljs); keep them naive, as the shop wrote them. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("").trim();
    if ("text" in value && typeof value.text === "string") return value.text.trim();
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("error" in value) return "";
    return "";
  }
  return String(value).trim();
}
